// The contract every format extractor fulfils: bytes in, the text the reader shows and
// what the file says about itself out, or a UserError whose message is the reason the
// file cannot be imported (shown per file in the import report).
import type { SourceFormat, SourceMeta } from '../../../../shared/domain/source'

export interface ExtractedDocument {
  format: SourceFormat
  /** Plain text, '\n' line breaks, paragraphs separated by a blank line, no BOM. */
  text: string
  /** The document's own title when it has one (HTML <title>/og, PDF info, DOCX core properties, front matter, # heading); null to let the importer pick one. */
  title: string | null
  meta: Partial<SourceMeta>
  /** PDF only: the offset in `text` where each page starts (first is 0). */
  pageStarts: number[] | null
  /** Problems that did not stop the import, e.g. "contains invalid UTF-8 bytes, shown as �". */
  warnings: string[]
}

export interface ExtractOptions {
  /** Refuse archives (DOCX) that would inflate past this many bytes: zip bombs. */
  maxInflatedBytes: number
  /** Refuse files larger than this, counted while reading (default 50 MB). */
  maxFileBytes?: number
}
