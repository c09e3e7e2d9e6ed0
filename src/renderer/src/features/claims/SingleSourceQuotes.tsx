// The warning a claim card shows when a passage backing the claim quotes words only its
// own source carries (the quote ledger's "single source"): each one opens the passage.
import type { Annotation } from '../../../../shared/domain/annotation'
import type { Source } from '../../../../shared/domain/source'
import type { SingleSourceQuote } from '../../../../shared/domain/support'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'

/** Titles run long; past this the label stops at a word and the full title is in the tooltip. */
const SOURCE_LABEL_LENGTH = 40

function sourceLabel(source: Source | undefined): string {
  if (source === undefined) return 'a source no longer in the library'
  const label = source.meta.outlet ?? source.title
  if (label.length <= SOURCE_LABEL_LENGTH) return label
  const cut = label.slice(0, SOURCE_LABEL_LENGTH)
  const space = cut.lastIndexOf(' ')
  return `${space > 0 ? cut.slice(0, space) : cut}…`
}

/** One entry per quotation and source: two links inside the same quote warn once. */
function distinctQuotes(found: readonly SingleSourceQuote[], annotationsById: ReadonlyMap<string, Annotation>): SingleSourceQuote[] {
  const seen = new Set<string>()
  return found.filter((entry) => {
    const key = `${entry.groupId}\u0000${annotationsById.get(entry.annotationId)?.target.sourceId ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function SingleSourceQuotes({ found, annotationsById }: { found: readonly SingleSourceQuote[]; annotationsById: ReadonlyMap<string, Annotation> }) {
  const sourcesById = useSourcesById()
  const { showAnnotation } = useWorkbench.getState()
  const quotes = distinctQuotes(found, annotationsById)
  if (quotes.length === 0) return null
  return (
    <p className="single-source-quotes" data-testid="single-source-quotes">
      Quotes words only one source carries:{' '}
      {quotes.map((entry, position) => {
        const annotation = annotationsById.get(entry.annotationId)
        const source = annotation === undefined ? undefined : sourcesById.get(annotation.target.sourceId)
        return (
          <span key={entry.annotationId}>
            {position > 0 ? '; ' : ''}
            <button
              type="button"
              className="link-button"
              title={`Open the passage in “${source?.title ?? 'its source'}”: no other source in the library carries these words, so check them against the original`}
              onClick={() => void showAnnotation(entry.annotationId)}
            >
              “{entry.quote}” ({sourceLabel(source)})
            </button>
          </span>
        )
      })}
    </p>
  )
}
