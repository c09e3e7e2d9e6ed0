// One claim: its text, how many distinct sources back it, and its links to evidence.
// Drop an annotation on it to link; click a link to see the passage in a pane.
import { useMemo, useState } from 'react'
import type { Annotation } from '../../../../shared/domain/annotation'
import type { Claim } from '../../../../shared/domain/claim'
import { claimSourceIds, SUPPORT_LABELS } from '../../../../shared/domain/support'
import { outletAndDate } from '../../../../shared/domain/citation'
import { pageLabel } from '../annotations/page-label'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { useAutosavedDraft } from '../../lib/use-autosave'
import { ANNOTATION_DRAG_TYPE } from '../annotations/AnnotationCard'
import { SuggestedEvidence } from './SuggestedEvidence'

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

function supportLabel(sources: number): string {
  if (sources === 0) return 'No evidence yet'
  return sources === 1 ? '1 source' : `${sources} sources`
}

export function ClaimCard({ claim, index, count }: ClaimCardProps) {
  const annotations = useWorkbench((state) => state.annotations)
  const sourcesById = useSourcesById()
  const { updateClaim, deleteClaim, moveClaim, unlinkAnnotation, linkAnnotation, showAnnotation, undoable } = useWorkbench.getState()
  const [dropping, setDropping] = useState(false)
  const [text, setText, flush] = useAutosavedDraft(claim.text, (value) => void updateClaim(claim.id, value))
  const justCreated = useWorkbench((state) => state.justCreatedClaimId === claim.id)

  const annotationsById = useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations])
  const support = useWorkbench((state) => state.support[claim.id])
  // A link whose passage is gone (source removed, passage not found) backs nothing and is not counted.
  const lostLinks = support?.lostLinks ?? []
  const supporting = claimSourceIds({ ...claim, annotationIds: claim.annotationIds.filter((id) => !lostLinks.includes(id)) }, annotationsById).length
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
        <span className={`support support-${Math.min(supporting, 2)}`} data-testid="claim-support" title="Distinct sources linked to this claim">
          {supportLabel(supporting)}
        </span>
        {support !== undefined && (
          <span className={`status status-${support.status}`} data-testid="claim-status" title={why === '' ? undefined : why}>
            {SUPPORT_LABELS[support.status]}
            {support.status !== 'unsupported' && support.independentGroups.length !== supporting - support.contradictingSources.length
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
            onClick={() => void undoable('Deleted the claim; its highlights stay in the sources.', () => deleteClaim(claim.id))}
          >
            ×
          </button>
        </span>
      </div>
      <textarea
        className="claim-text"
        aria-label={`Claim ${index + 1}`}
        placeholder="Write the claim, then link the passages that back it"
        value={text}
        rows={Math.max(2, Math.ceil(text.length / 48))}
        onChange={(event) => setText(event.target.value)}
        autoFocus={justCreated}
        onBlur={flush}
      />
      <ul className="claim-links">
        {claim.annotationIds.map((annotationId) => {
          const annotation = annotationsById.get(annotationId)
          const source = annotation === undefined ? undefined : sourcesById.get(annotation.target.sourceId)
          if (annotation === undefined) return null
          return (
            <li key={annotationId} className="claim-link" data-testid="claim-link">
              <button type="button" className="link-body" onClick={() => void showAnnotation(annotationId)} title="Open the passage">
                <span className="link-source">
                  {source === undefined ? 'Source no longer in the library' : [source.title, outletAndDate(source), pageLabel(source.pageStarts, annotation.target.selectors[1].start)].filter((part) => part !== '').join(' · ')}
                </span>
                {anchorNote(annotation, source?.contentHash) !== '' && (
                  <span className="link-anchor" data-testid="link-anchor">
                    {anchorNote(annotation, source?.contentHash)}
                  </span>
                )}
                <span className={`link-quote color-${annotation.color}`}>“{annotation.target.selectors[0].exact}”</span>
              </button>
              <button
                type="button"
                className={`icon-button stance${claim.contradicting.includes(annotationId) ? ' against' : ''}`}
                aria-pressed={claim.contradicting.includes(annotationId)}
                aria-label={claim.contradicting.includes(annotationId) ? 'Marked as contradicting; mark as supporting' : 'Mark as contradicting the claim'}
                title={claim.contradicting.includes(annotationId) ? 'Contradicts the claim (click to mark as supporting)' : 'Mark as contradicting the claim'}
                onClick={() => void setLinkStance(claim.id, annotationId, !claim.contradicting.includes(annotationId))}
              >
                ⊘
              </button>
              <button type="button" className="icon-button" aria-label="Remove this link" onClick={() => void unlinkAnnotation(claim.id, annotationId)}>
                ×
              </button>
            </li>
          )
        })}
      </ul>
      {why !== '' && (
        <p className="same-origin" data-testid="same-origin">
          Counted as one source: {why}.
        </p>
      )}
      {lostLinks.length > 0 && (
        <p className="same-origin" data-testid="lost-links">
          {lostLinks.length === 1 ? '1 linked passage is' : `${lostLinks.length} linked passages are`} no longer in the sources and not counted.
        </p>
      )}
      {claim.annotationIds.length === 0 && <p className="drop-hint">Drag a highlight here, or use “Link to claim…” on it.</p>}
      <SuggestedEvidence claimId={claim.id} claimText={claim.text} />
    </article>
  )
}
