// What OCR made of a file, kept under the project by the file's byte hash: re-importing
// an unchanged file, or the same file from another folder, reuses it instead of reading
// the scan again, and the original view loads the word layout from it. One file per
// file hash, holding one result per language set (newest first); validated on read.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ocrSummarySchema, type OcrLayout, type OcrSummary } from '../../../../shared/domain/original'
import { writeFileAtomic } from '../../store/atomic-write'
import { sha256 } from '../../store/content-hash'

export interface OcrResult {
  text: string
  pageStarts: number[]
  summary: OcrSummary
  layout: OcrLayout
}

const FORMAT_VERSION = 1
/** Results for other language sets kept beside the newest one. */
const MAX_RESULTS = 4
const HASH = /^[0-9a-f]{64}$/

const fraction = z.number().min(0).max(1)
const wordSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), fraction, fraction, fraction, fraction, z.number().min(0).max(100)])
const layoutSchema = z.object({
  pages: z.array(
    z.object({
      width: z.number().nonnegative(),
      height: z.number().nonnegative(),
      confidence: z.number().min(0).max(100),
      words: z.array(wordSchema),
      // Added for partly scanned PDFs; files written before it have none (every page OCR'd).
      textLayer: z.literal(true).optional()
    })
  )
})
const resultSchema = z.object({
  /** Languages the result was recognised with; a lookup must ask for the same ones. */
  languages: z.array(z.string()),
  /** sha256 of `text`: a source's contentHash, so a reader can tell the layout belongs to its text. */
  textHash: z.string().regex(HASH),
  text: z.string(),
  pageStarts: z.array(z.number().int().nonnegative()),
  summary: ocrSummarySchema,
  layout: layoutSchema
})
const cacheFileSchema = z.object({ version: z.literal(FORMAT_VERSION), fileHash: z.string().regex(HASH), results: z.array(resultSchema) })
type CachedResult = z.infer<typeof resultSchema>

/** Where a project keeps its OCR results. */
export function ocrCacheDir(projectDir: string): string {
  return join(projectDir, 'ocr')
}

function cachePath(cacheDir: string, fileHash: string): string {
  return join(cacheDir, `${fileHash}.json`)
}

/** The layout as the app types it: zod gives an absent `textLayer` the type undefined. */
function toLayout(layout: CachedResult['layout']): OcrLayout {
  return { pages: layout.pages.map(({ textLayer, ...page }) => (textLayer === true ? { ...page, textLayer } : page)) }
}

/** A result is trusted only when its text is the one hashed and every word lies inside it. */
function consistent(result: CachedResult): boolean {
  if (sha256(result.text) !== result.textHash) return false
  const length = result.text.length
  return result.layout.pages.every((page) => page.words.every(([start, end]) => start < end && end <= length))
}

async function readResults(cacheDir: string, fileHash: string): Promise<CachedResult[]> {
  if (!HASH.test(fileHash)) return []
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(await readFile(cachePath(cacheDir, fileHash), 'utf-8')))
    if (!parsed.success || parsed.data.fileHash !== fileHash) return []
    return parsed.data.results.filter(consistent)
  } catch {
    // Missing or damaged: the file is simply recognised again.
    return []
  }
}

function sameLanguages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, index) => code === b[index])
}

/** The result recognised with exactly these languages, or null. */
export async function readOcrResult(cacheDir: string, fileHash: string, languages: readonly string[]): Promise<OcrResult | null> {
  const found = (await readResults(cacheDir, fileHash)).find((result) => sameLanguages(result.languages, languages))
  return found === undefined ? null : { text: found.text, pageStarts: found.pageStarts, summary: found.summary, layout: toLayout(found.layout) }
}

/** Keeps a result, in front of the others (one per language set). */
export async function writeOcrResult(cacheDir: string, fileHash: string, languages: readonly string[], result: OcrResult): Promise<void> {
  if (!HASH.test(fileHash)) throw new Error(`ocr: not a file hash: ${fileHash}`)
  const entry: CachedResult = { languages: [...languages], textHash: sha256(result.text), ...result }
  const others = (await readResults(cacheDir, fileHash)).filter((existing) => !sameLanguages(existing.languages, languages))
  await mkdir(cacheDir, { recursive: true })
  const file = { version: FORMAT_VERSION, fileHash, results: [entry, ...others].slice(0, MAX_RESULTS) }
  await writeFileAtomic(cachePath(cacheDir, fileHash), JSON.stringify(file))
}

/**
 * Where each recognised word of a file sits on its pages, for the original view. With
 * `contentHash` (the source's), only the layout of that very text; without it, the newest.
 */
export async function loadOcrLayout(cacheDir: string, fileHash: string, contentHash?: string): Promise<OcrLayout | null> {
  const results = await readResults(cacheDir, fileHash)
  const found = contentHash === undefined ? results[0] : results.find((result) => result.textHash === contentHash)
  return found === undefined ? null : toLayout(found.layout)
}
