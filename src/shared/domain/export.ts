// What an export can be: the formats, what each option means, and what the Export dialog
// shows before anything is written. The engine that builds them lives in main/core/export.
// No zod here: the renderer imports this, and creating a zod object schema probes for eval,
// which the page's CSP reports (the request's schema is in export-request.ts).

export const EXPORT_FORMATS = ['markdown', 'docx', 'html', 'csv', 'web-annotation', 'csl-json', 'bibtex', 'bundle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFormatInfo {
  label: string
  /** One line for the Export dialog: who the file is for. */
  description: string
  extension: string
  mime: string
  /** A binary file (zip-based): previewed as a summary, not as text. */
  binary: boolean
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { label: 'Markdown', description: 'Notes with footnotes, for Obsidian or any Markdown editor', extension: 'md', mime: 'text/markdown', binary: false },
  docx: { label: 'Word (DOCX)', description: 'A document with real footnotes, for Word or LibreOffice', extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', binary: true },
  html: { label: 'HTML report', description: 'One self-contained page an editor opens in any browser and can print', extension: 'html', mime: 'text/html', binary: false },
  csv: { label: 'CSV', description: 'One row per claim and passage, for a fact-check spreadsheet', extension: 'csv', mime: 'text/csv', binary: false },
  'web-annotation': { label: 'Web Annotation (JSON-LD)', description: 'W3C annotations and claims, for Hypothesis-style tools and re-import', extension: 'jsonld', mime: 'application/ld+json', binary: false },
  'csl-json': { label: 'Citations (CSL-JSON)', description: 'The sources for Zotero or any citation manager', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', binary: false },
  bibtex: { label: 'Citations (BibTeX)', description: 'The sources as a .bib file, for Zotero, LaTeX or pandoc', extension: 'bib', mime: 'application/x-bibtex', binary: false },
  bundle: { label: 'Project bundle', description: 'The whole project in one file, to hand to a colleague (Open bundle… on their computer)', extension: 'sourcebench', mime: 'application/zip', binary: true }
}

export interface ExportRequest {
  format: ExportFormat
  /** Citations: only the sources the notes cite, or every source in the project. */
  sources: 'cited' | 'all'
  /** Bundles: also pack the original files (else the colleague reads the stored texts). */
  includeOriginals: boolean
}

/** What a file will hold, counted the same way for every format. */
export interface ExportSummary {
  claims: number
  /** Passages linked to claims (one per link). */
  passages: number
  /** Highlights not linked to any claim, in the "Other highlights" section. */
  otherHighlights: number
  /** Sources the file names (cited, or all for citations and bundles). */
  sources: number
  /** Passages whose words are no longer found in their source. */
  notFound: number
}

export interface ExportPreview {
  format: ExportFormat
  fileName: string
  mime: string
  bytes: number
  summary: ExportSummary
  /** The start of the file as it will be written (text formats), or null for binary ones. */
  text: string | null
  truncated: boolean
  /** Binary formats: what is inside, one line each (e.g. a bundle's files). */
  contents: string[]
}

/** How much of a text export the dialog shows. */
export const EXPORT_PREVIEW_CHARS = 20_000

/** The longest file name an export gets from its project name, before the date and extension. */
const SLUG_LENGTH = 60

export function exportFileName(projectName: string, format: ExportFormat, now: Date): string {
  const slug =
    projectName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, SLUG_LENGTH)
      .replace(/-$/, '') || 'project'
  const kind = format === 'bundle' ? '' : format === 'csl-json' || format === 'bibtex' ? '-sources' : format === 'web-annotation' ? '-annotations' : '-notes'
  return `${slug}${kind}-${now.toISOString().slice(0, 10)}.${EXPORT_FORMAT_INFO[format].extension}`
}

/** The largest annotation file (JSON) read for import, in characters. */
export const ANNOTATION_FILE_CHARS = 20 * 1024 * 1024

/** What importing a file of annotations (Sourcebench, W3C Web Annotation or Hypothesis JSON) did. */
export interface AnnotationImportReport {
  /** How the file was read. */
  format: 'web-annotation' | 'hypothesis'
  /** Annotations in the file. */
  total: number
  /** New highlights made. */
  imported: number
  /** Highlights already in the project (same source, same words): left as they are. */
  alreadyPresent: number
  /** Of those imported, placed on words that moved or changed since the file was written (their status says so). */
  reanchored: number
  claimsCreated: number
  links: number
  /** Annotations not imported, each with why: never dropped silently. */
  unmatched: Array<{ index: number; quote: string; source: string; reason: string }>
}

/** What opening a project bundle did. */
export interface BundleOpenReport {
  projectName: string
  sources: number
  annotations: number
  claims: number
  texts: number
  /** Original files unpacked from the bundle. */
  originals: number
  /** Imported folders whose files are not on this computer: their sources are read from the stored texts. */
  foldersNotHere: string[]
  /** A project already opened from the same bundle, if any (this one is opened beside it, never merged). */
  alreadyOpenedAs: string | null
  warnings: string[]
}
