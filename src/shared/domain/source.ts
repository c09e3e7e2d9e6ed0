// A source is one imported document: where it came from, what it is, and the hash of
// the text the reader shows (the text itself lives in its own content-addressed file).
import { z } from 'zod'

export const sourceSchema = z.object({
  id: z.string().min(1),
  rootId: z.string().min(1),
  relativePath: z.string().min(1),
  title: z.string(),
  format: z.enum(['text', 'markdown']),
  words: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.string(),
  missing: z.boolean()
})
export type Source = z.infer<typeof sourceSchema>

export const importRootSchema = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  name: z.string(),
  importedAt: z.string()
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
}

export interface ImportProgress {
  rootPath: string
  done: number
  total: number
  currentFile: string | null
  errors: number
}

export interface ImportReport {
  rootId: string
  rootPath: string
  added: number
  updated: number
  unchanged: number
  missing: number
  errors: ImportFileError[]
}
