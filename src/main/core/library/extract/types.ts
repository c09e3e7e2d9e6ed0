// The contract every format extractor fulfils: bytes in, the text the reader shows and
// what the file says about itself out, or a UserError whose message is the reason the
// file cannot be imported (shown per file in the import report).
import type { OcrLayout, OcrSummary } from '../../../../shared/domain/original'
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
  /** Set when the text was recognised by OCR: how sure the recogniser was, and where each word is on its page. */
  ocr?: { summary: OcrSummary; layout: OcrLayout }
}

/** How scans and images are recognised; plain data, as it crosses to the extraction threads. */
export interface OcrOptions {
  /** Tesseract language codes, in order (default ['eng']). */
  languages: string[]
  /** A folder holding `<code>.traineddata` for every language; null for English alone, shipped with the app. */
  langPath: string | null
  /** Where results are kept by file hash, so an unchanged file is not recognised twice (null: not kept). */
  cacheDir: string | null
  /** How many recognisers one file may use at once (default 1). */
  threads?: number
  /** Said about every file that was recognised, e.g. a chosen language whose file is gone. */
  warnings?: string[]
}

export interface ExtractOptions {
  /** Refuse archives (DOCX) that would inflate past this many bytes: zip bombs. */
  maxInflatedBytes: number
  /** Refuse files larger than this, counted while reading (default 50 MB). */
  maxFileBytes?: number
  /** OCR settings; without them scans are read in English and nothing is cached. */
  ocr?: OcrOptions
}

/** What is happening to a file that takes a while, for the import's progress line. */
export interface ExtractProgress {
  /** "OCR page 3 of 40". */
  detail: string
}

/** What one extraction may need besides the bytes: the file's identity, and hooks to report and to be stopped. */
export interface ExtractContext {
  fileName?: string
  /** SHA-256 of the bytes: OCR results are kept under it. */
  fileHash?: string
  onProgress?: ((progress: ExtractProgress) => void) | undefined
  signal?: AbortSignal | undefined
}
