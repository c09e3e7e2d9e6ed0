// A source is one imported document: where it came from, what it is, and the hash of
// the text the reader shows (the text itself lives in its own content-addressed file).
import { z } from 'zod'
import { tagSchema } from './annotation'
import { ocrSummarySchema } from './original'

export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'email', 'rtf', 'odt', 'image'] as const
export const sourceFormatSchema = z.enum(SOURCE_FORMATS)
export type SourceFormat = z.infer<typeof sourceFormatSchema>

/** What a citation needs. Prefilled from the file, editable by the user. */
export const sourceMetaSchema = z.object({
  outlet: z.string().nullable().default(null),
  author: z.string().nullable().default(null),
  /** ISO 8601 date (YYYY-MM-DD) or date-time when known, else as written. */
  date: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  direction: z.enum(['ltr', 'rtl']).nullable().default(null)
})
export type SourceMeta = z.infer<typeof sourceMetaSchema>
export const EDITABLE_META_FIELDS = ['title', 'outlet', 'author', 'date', 'url'] as const
export type EditableMetaField = (typeof EDITABLE_META_FIELDS)[number]

export const EMPTY_META: SourceMeta = { outlet: null, author: null, date: null, url: null, language: null, direction: null }

export const sourceSchema = z.object({
  id: z.string().min(1),
  rootId: z.string().min(1),
  relativePath: z.string().min(1),
  title: z.string(),
  format: sourceFormatSchema,
  meta: sourceMetaSchema.default(EMPTY_META),
  /** Fields the user edited by hand: a re-import never overwrites them. */
  editedFields: z.array(z.enum(EDITABLE_META_FIELDS)).default([]),
  /** The user's own labels and star for the source; like edited fields, a re-import keeps them. */
  tags: z.array(tagSchema).max(50).default([]),
  starred: z.boolean().default(false),
  /** For paged formats (PDF): the text offset where each page starts, page 1 first. */
  pageStarts: z.array(z.number().int().nonnegative()).nullable().default(null),
  words: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 of the file's bytes, so a touched but unchanged file is not extracted again. */
  fileHash: z.string().nullable().default(null),
  /** Set when the text was recognised by OCR (a scan or an image): how sure the recogniser was. */
  ocr: ocrSummarySchema.nullable().default(null),
  importedAt: z.string(),
  missing: z.boolean()
})
export type Source = z.infer<typeof sourceSchema>

export const importRootSchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  name: z.string(),
  importedAt: z.string(),
  /** False until one import of the folder ran to the end; an unfinished folder is not watched. */
  complete: z.boolean().default(true),
  /** How many folders the last full walk found: what watching it live would cost. */
  folders: z.number().int().nonnegative().optional(),
  /**
   * Set on a folder that came in a project bundle and is not followed on disk (never watched
   * or re-scanned): 'not-here' when the original folder is not on this computer (its sources
   * are read from their stored texts), 'bundled' when its files were unpacked from the bundle
   * into the project's own folder. Importing the folder again clears it.
   */
  detached: z.enum(['not-here', 'bundled']).optional()
})
export type ImportRoot = z.infer<typeof importRootSchema>

export interface SourceText {
  sourceId: string
  contentHash: string
  text: string
}

export interface ImportFileError {
  relativePath: string
  reason: string
  /** A folder that could not be opened, not a file: what it holds is unknown, not gone. */
  folder?: boolean
}

export interface ImportProgress {
  rootPath: string
  /** `listing` while the folder is walked (`done` counts files found so far), then `importing`. */
  phase?: 'listing' | 'importing'
  done: number
  total: number
  currentFile: string | null
  /** What is happening to the current file when it takes a while ("OCR page 3 of 40"). */
  detail?: string
  errors: number
}

export interface ImportReport {
  rootId: string
  rootPath: string
  added: number
  updated: number
  unchanged: number
  missing: number
  /** Files not imported, each with the reason. */
  errors: ImportFileError[]
  /** Files imported with a caveat (e.g. invalid bytes replaced). */
  warnings: ImportFileError[]
  /**
   * Files left out, counted by what they are, most first: a lower-case extension Sourcebench
   * does not read ('.jpg'), 'hidden' for hidden files, 'link' for a second link to a file
   * listed already. With added, updated, unchanged and the files in `errors`, every entry
   * under the folder is counted once.
   */
  skipped?: Array<{ extension: string; count: number }>
  /** Hidden folders (".git") left unopened: what they hold is not counted. */
  hiddenFolders?: number
  /** True when the user stopped the import: what was done so far is kept. */
  cancelled: boolean
  seconds: number
  /** Set when nothing was imported because the folder is large and the user has not confirmed it yet. */
  needsConfirmation?: LargeFolder
}

/** What a folder holds that Sourcebench can read, when that is more than it imports without asking. */
export interface LargeFolder {
  files: number
  bytes: number
}

/** A folder with more readable files or bytes than this is imported only once the user confirms. */
export const LARGE_IMPORT = { files: 20_000, bytes: 2 * 1024 * 1024 * 1024 } as const
