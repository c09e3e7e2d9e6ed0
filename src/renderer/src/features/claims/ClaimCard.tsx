// One claim: its text, how many distinct sources back it and contradict it, and its links
// to evidence. Drop an annotation on it to link; click a link to see the passage in a pane.
import { useMemo, useRef, useState } from 'react'
import type { Annotation } from '../../../../shared/domain/annotation'
import type { Claim } from '../../../../shared/domain/claim'
import { stanceCounts, SUPPORT_LABELS } from '../../../../shared/domain/support'
import { displayDate, outletAndDate } from '../../../../shared/domain/citation'
import { pageLabel } from '../annotations/page-label'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { useAutosavedDraft } from '../../lib/use-autosave'
import { ANNOTATION_DRAG_TYPE } from '../annotations/AnnotationCard'
import { countLabel } from '../corroboration/count-label'
import { SingleSourceQuotes } from './SingleSourceQuotes'
import { SuggestedEvidence } from './SuggestedEvidence'
import { useAutoHeight } from './useAutoHeight'

interface ClaimCardProps {
  claim: Claim
  index: number
  count: number
}

/** The link's anchor state in words: empty when the passage is exactly where it was made. */
function anchorNote(annotation: Annotation, currentHash: string | undefined): string {
  if (currentHash !== annotation.target.contentHash) return 'Not found in the source’s current text'
  if (annotation.anchor.previousQuote !== null) return `Wording changed; was “${annotation.anchor.previousQuote}”`
  return annotation.anchor.state === 'relocated' ? 'Moved after the source changed' : ''
}

/** "2 sources", or with a source against it "1 source for · 1 against": a disputed claim never reads as backed by all its links. */
function supportLabel({ backing, against }: { backing: number; against: number }): string {
  if (backing === 0 && against === 0) return 'No evidence yet'
  return against === 0 ? countLabel(backing, 'source') : `${countLabel(backing, 'source')} for · ${against.toLocaleString()} against`
}

export function ClaimCard({ claim, index, count }: ClaimCardProps) {
  const annotations = useWorkbench((state) => state.annotations)
  const sourcesById = useSourcesById()
  const { updateClaim, deleteClaim, moveClaim, unlinkAnnotation, linkAnnotation, showAnnotation, undoable } = useWorkbench.getState()
  const [dropping, setDropping] = useState(false)
  const notesVersion = useWorkbench((state) => state.notesVersion)
  const [text, setText, flush] = useAutosavedDraft(claim.text, (value) => void updateClaim(claim.id, value), notesVersion)
  const textBox = useRef<HTMLTextAreaElement>(null)
  useAutoHeight(textBox, text)
  const justCreated = useWorkbench((state) => state.justCreatedClaimId === claim.id)

  const annotationsById = useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations])
  const support = useWorkbench((state) => state.support[claim.id])
  // A link whose passage is gone (source removed, passage not found) backs nothing and is not counted.
  const lostLinks = support?.lostLinks ?? []
  const counts = stanceCounts(claim, annotationsById, lostLinks)
  const { setLinkStance } = useWorkbench.getState()
  const titleOf = (sourceId: string): string => sourcesById.get(sourceId)?.title ?? 'a source'
  const why = (support?.sameOrigin ?? [])
    .map((pair) => `“${titleOf(pair.copy)}” counted with “${titleOf(pair.original)}”: ${Math.round(pair.containment * 100)} % of its wording is the same`)
    .join('; ')

  return (
    <article
      className={`claim-card${dropping ? ' dropping' : ''}`}
      data-testid="claim-card"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(ANNOTATION_DRAG_TYPE)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'link'
        setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false)
        const annotationId = event.dataTransfer.getData(ANNOTATION_DRAG_TYPE)
        if (annotationId !== '') void linkAnnotation(claim.id, annotationId)
      }}
    >
      <div className="claim-head">
        <span className="claim-number">{index + 1}</span>
        <span
          className={`support ${counts.against > 0 ? 'support-against' : `support-${Math.min(counts.backing, 2)}`}`}
          data-testid="claim-support"
          title="Distinct sources linked to this claim: those that back it, and those marked as contradicting it"
        >
          {supportLabel(counts)}
        </span>
        {support !== undefined && (
          <span className={`status status-${support.status}`} data-testid="claim-status" title={why === '' ? undefined : why}>
            {SUPPORT_LABELS[support.status]}
            {support.status !== 'unsupported' && support.independentGroups.length !== counts.backing
              ? ` (${support.independentGroups.length} independent)`
              : ''}
          </span>
        )}
        <span className="claim-tools">
          <button type="button" className="icon-button" aria-label="Move claim up" disabled={index === 0} onClick={() => void moveClaim(claim.id, index - 1)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label="Move claim down" disabled={index === count - 1} onClick={() => void moveClaim(claim.id, index + 1)}>
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete claim"
            onClick={() => void undoable('Deleted the claim; its highlights stay in the sources.', 'Delete claim', () => deleteClaim(claim.id))}
          >
            ×
          </button>
        </span>
      </div>
      <textarea
        ref={textBox}
        className="claim-text"
        aria-label={`Claim ${index + 1}`}
        placeholder="Write the claim, then link the passages that back it"
        value={text}
        rows={2}
        onChange={(event) => setText(event.target.value)}
        autoFocus={justCreated}
        onBlur={flush}
      />
      <ul className="claim-links">
        {claim.annotationIds.map((annotationId) => {
          const annotation = annotationsById.get(annotationId)
          const source = annotation === undefined ? undefined : sourcesById.get(annotation.target.sourceId)
          if (annotation === undefined) return null
          const contradicts = claim.contradicting.includes(annotationId)
          return (
            <li key={annotationId} className={`claim-link${contradicts ? ' against' : ''}`} data-testid="claim-link">
              <button type="button" className="link-body" onClick={() => void showAnnotation(annotationId, { original: true })} title="Open the passage">
                {contradicts && (
                  <span className="stance-badge" data-testid="contradicts-badge" title="Marked as contradicting the claim">
                    Contradicts
                  </span>
                )}
                <span className="link-source">
                  {source === undefined ? 'Source no longer in the library' : [source.title, outletAndDate(source, displayDate), pageLabel(source.pageStarts, annotation.target.selectors[1].start)].filter((part) => part !== '').join(' · ')}
                </span>
                {anchorNote(annotation, source?.contentHash) !== '' && (
                  <span className="link-anchor" data-testid="link-anchor">
                    {anchorNote(annotation, source?.contentHash)}
                  </span>
                )}
                <span className={`link-quote color-${annotation.color}`}>“{annotation.target.selectors[0].exact}”</span>
              </button>
              <span className="link-tools">
                <button
                  type="button"
                  className={`stance-toggle${contradicts ? ' on' : ''}`}
                  aria-pressed={contradicts}
                  aria-label="Contradicts the claim"
                  title={contradicts ? 'Marked as contradicting the claim: click to count it as backing the claim' : 'Mark this passage as contradicting the claim'}
                  onClick={() => void setLinkStance(claim.id, annotationId, !contradicts)}
                >
                  <span aria-hidden="true">⊘</span>
                </button>
                <button type="button" className="icon-button" aria-label="Remove this link" onClick={() => void unlinkAnnotation(claim.id, annotationId)}>
                  ×
                </button>
              </span>
            </li>
          )
        })}
      </ul>
      {why !== '' && (
        <p className="same-origin" data-testid="same-origin">
          Counted as one source: {why}.
        </p>
      )}
      <SingleSourceQuotes found={support?.singleSourceQuotes ?? []} annotationsById={annotationsById} />
      {lostLinks.length > 0 && (
        <p className="same-origin" data-testid="lost-links">
          {lostLinks.length === 1 ? '1 linked passage is' : `${lostLinks.length.toLocaleString()} linked passages are`} no longer in the sources and not counted.
        </p>
      )}
      {claim.annotationIds.length === 0 && <p className="drop-hint">Drag a highlight here, or use “Link to claim…” on it.</p>}
      <SuggestedEvidence claimId={claim.id} claimText={claim.text} />
    </article>
  )
}
