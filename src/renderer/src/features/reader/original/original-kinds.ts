// Which sources have an original to show beside their extracted text, and which of those
// are pages (a PDF, a scan, an image) a claim's link opens on rather than in the text.
import type { Source } from '../../../../../shared/domain/source'

export function hasOriginalView(source: Pick<Source, 'format'>): boolean {
  return source.format === 'pdf' || source.format === 'image' || source.format === 'html'
}

export function hasPageView(source: Pick<Source, 'format'>): boolean {
  return source.format === 'pdf' || source.format === 'image'
}

/** An image's own text is what OCR read off it, so the picture is what the pane shows first. */
export function opensAsOriginal(source: Pick<Source, 'format'>): boolean {
  return source.format === 'image'
}
