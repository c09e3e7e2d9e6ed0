// What every original view (PDF pages, an image, a saved web page's article) is given by
// the reading pane, and what it reports back. Offsets are always in the source's
// extracted text, so annotations, claims, search and exports never change with the view.
import type { Source } from '../../../../../shared/domain/source'
import type { TextRange } from '../../../../../shared/text/find'
import type { AnnotationMark } from '../highlighter'

export interface OriginalSelection extends TextRange {
  /** Where the selection ends on screen, for placing the colour toolbar. */
  rect: DOMRect
}

export interface OriginalViewProps {
  source: Source
  /** The extracted text the offsets belong to. */
  text: string
  annotations: readonly AnnotationMark[]
  searchHits: readonly TextRange[]
  searchCursor: number
  findHits: readonly TextRange[]
  currentFind: number
  quoteParts: readonly TextRange[]
  /** An annotation to scroll to and flash; the nonce changes with every request. */
  flash: { annotationId: string; nonce: number } | null
  /** The user selected text on the original: its offsets in `text`, or null when the selection went away. */
  onSelect(selection: OriginalSelection | null): void
  /** The user clicked a drawn highlight. */
  onAnnotationClick(annotationId: string): void
}
