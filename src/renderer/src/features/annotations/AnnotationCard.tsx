// One annotation in the sidebar: its quote and source, comment and tags to edit, and the
// ways to use it as evidence (drag onto a claim, or pick a claim from the list).
import { useEffect, useState } from 'react'
import type { Annotation } from '../../../../shared/domain/annotation'
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/colors'
import { useWorkbench } from '../../app/workbench-store'
import { claimItems, MenuButton } from '../../components/MenuButton'
import { useAutosavedDraft } from '../../lib/use-autosave'
import { parseTags } from './tags'

export const ANNOTATION_DRAG_TYPE = 'application/x-sourcebench-annotation'

interface AnnotationCardProps {
  annotation: Annotation
  sourceTitle: string
  orphaned: boolean
  /** Its source left the project (its folder was removed): an orphan for that reason, said so. */
  sourceRemoved?: boolean
}

export function AnnotationCard({ annotation, sourceTitle, orphaned, sourceRemoved = false }: AnnotationCardProps) {
  const claims = useWorkbench((state) => state.claims)
  const selected = useWorkbench((state) => state.selectedAnnotationId === annotation.id)
  const reattaching = useWorkbench((state) => state.reattachingId === annotation.id)
  const { updateAnnotation, deleteAnnotation, linkAnnotation, showAnnotation, createClaim, setReattaching, undoable } = useWorkbench.getState()
  const savedTags = annotation.tags.join(', ')
  const [tags, setTags] = useState(savedTags)
  // Compared as text, so a reload of the same tags never wipes what is being typed.
  useEffect(() => setTags(savedTags), [savedTags])
  const notesVersion = useWorkbench((state) => state.notesVersion)
  const [comment, setComment, flushComment] = useAutosavedDraft(annotation.comment, (value) => void updateAnnotation({ id: annotation.id, comment: value }), notesVersion)
  const linkedTo = claims.filter((claim) => claim.annotationIds.includes(annotation.id)).length

  async function linkTo(value: string): Promise<void> {
    if (value === '') return
    if (value === '__new__') {
      const claim = await createClaim('')
      if (claim !== undefined) await linkAnnotation(claim.id, annotation.id)
      return
    }
    await linkAnnotation(value, annotation.id)
  }

  async function remove(): Promise<void> {
    // No question first: the delete can be undone from the notice, the Edit menu or Ctrl+Z.
    const links = linkedTo > 0 ? ` and its link${linkedTo === 1 ? '' : 's'} to ${linkedTo} claim${linkedTo === 1 ? '' : 's'}` : ''
    await undoable(`Deleted the highlight${links}.`, 'Delete highlight', () => deleteAnnotation(annotation.id))
  }

  return (
    <article
      className={`annotation-card${selected ? ' selected' : ''}`}
      data-testid="annotation-card"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(ANNOTATION_DRAG_TYPE, annotation.id)
        event.dataTransfer.effectAllowed = 'link'
      }}
      ref={(element) => {
        if (selected && element !== null) element.scrollIntoView({ block: 'nearest' })
      }}
    >
      <button type="button" className={`quote color-${annotation.color}`} title="Show in a pane" onClick={() => void showAnnotation(annotation.id)}>
        “{annotation.target.selectors[0].exact}”
      </button>
      <div className="card-meta">
        {sourceTitle}
        {orphaned && (
          <span className="badge warn" data-testid="anchor-state">
            {sourceRemoved ? ' source removed from the project' : ' not found in the current text'}
          </span>
        )}
        {!orphaned && annotation.anchor.state === 'relocated' && (
          <span className="badge" data-testid="anchor-state">
            {annotation.anchor.previousQuote === null ? ' moved after the source changed' : ' wording changed in the source'}
          </span>
        )}
        {linkedTo > 0 && <span className="badge"> evidence for {linkedTo} claim{linkedTo === 1 ? '' : 's'}</span>}
      </div>
      {!orphaned && annotation.anchor.previousQuote !== null && (
        <p className="previous-quote" data-testid="previous-quote">
          was: “{annotation.anchor.previousQuote}”
        </p>
      )}
      {orphaned && (
        <p className="reattach">
          {reattaching
            ? 'Select the passage it belongs to in a pane, then choose “Re-attach here”.'
            : sourceRemoved
              ? 'Its source was removed from the project; it backs no claim until it is re-attached (or the folder is imported again). '
              : 'Its passage is gone from the current text. '}
          <button type="button" className="link-button" onClick={() => setReattaching(reattaching ? null : annotation.id)}>
            {reattaching ? 'Cancel' : 'Re-attach…'}
          </button>
        </p>
      )}
      <textarea
        aria-label="Comment"
        placeholder="Add a comment"
        value={comment}
        rows={comment.length > 80 ? 3 : 1}
        onChange={(event) => setComment(event.target.value)}
        onBlur={flushComment}
      />
      <input
        aria-label="Tags"
        placeholder="Tags, comma separated"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        onBlur={() => {
          const next = parseTags(tags)
          if (next.join('\n') !== annotation.tags.join('\n')) void updateAnnotation({ id: annotation.id, tags: next })
        }}
      />
      <div className="card-actions">
        <span className="swatches small">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch color-${color}${color === annotation.color ? ' chosen' : ''}`}
              aria-label={`Colour ${color}`}
              onClick={() => void updateAnnotation({ id: annotation.id, color })}
            />
          ))}
        </span>
        {/* A menu, not a select: arrowing through a select's options would link at every step. */}
        <MenuButton
          label="Link to claim ▾"
          ariaLabel="Link to claim"
          className="link-menu"
          items={[
            ...claimItems(claims, (claimId) => void linkTo(claimId), (claim) => claim.annotationIds.includes(annotation.id)),
            ...(claims.length > 0 ? ['separator' as const] : []),
            { label: '+ New claim from this', onSelect: () => void linkTo('__new__') }
          ]}
        />
        <button type="button" className="link-button danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </article>
  )
}
