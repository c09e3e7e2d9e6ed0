// Reads the text of a scan (a PDF's scanned pages, or an image) page by page: each
// page drawn, then recognised, with progress per page, a result reused from the cache
// when the same bytes were recognised before with the same languages, and a stop that
// takes effect mid-page. A page of a PDF that fails is empty with a warning and never
// fails the file; an image file that cannot be read is refused (it is damaged).
import { importStopped } from '../extractor'
import type { ExtractContext, OcrOptions } from '../extract/types'
import { shortDetail, unreadable } from '../extract/unreadable'
import { readOcrResult, writeOcrResult, type OcrResult } from './ocr-cache'
import { engines, type OcrEngine, type OcrEngineSpec } from './ocr-engine'
import type { OcrImage } from './ocr-images'
import { buildMixedText, buildOcrText, type RecognisedPage, type TextLayerPage } from './ocr-text'

export interface ScanPages {
  count: number
  /** The page's picture for the recogniser (0-based), given the engine that will read it; throws when it cannot be drawn. */
  image(index: number, engine: OcrEngine): Promise<OcrImage>
  /** A page that cannot be drawn or read fails the whole file (an image file: it is damaged). */
  strict?: boolean
  /**
   * A PDF read partly by OCR: its every page's text layer, and the 0-based PDF page that
   * each OCR page (0 … count − 1) is; the recognised text replaces those pages' text layer.
   */
  mixed?: { layer: readonly TextLayerPage[]; ocrIndexes: readonly number[] }
}

export interface RecognisedScan extends OcrResult {
  warnings: string[]
}

/** Settles with `work`, or rejects as stopped as soon as the import is stopped. */
function unlessStopped<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work
  if (signal.aborted) return Promise.reject(importStopped())
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(importStopped())
    signal.addEventListener('abort', stop, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop)
        reject(error)
      }
    )
  })
}

/**
 * The text of a scan's pages. `placeholder` is its text when no page held a word;
 * `options` say which languages, and where results are kept (by `context.fileHash`).
 */
export async function recogniseScan(pages: ScanPages, placeholder: string, options: OcrOptions | undefined, context: ExtractContext): Promise<RecognisedScan> {
  const spec: OcrEngineSpec = { languages: options?.languages.length ? options.languages : ['eng'], langPath: options?.langPath ?? null }
  const cacheDir = options?.cacheDir ?? null
  const fileHash = context.fileHash
  const keep = cacheDir !== null && fileHash !== undefined
  if (keep) {
    const cached = await readOcrResult(cacheDir, fileHash, spec.languages)
    if (cached !== null) return { ...cached, warnings: [] }
  }
  const { signal } = context
  const stopped = (): boolean => signal?.aborted === true
  const warnings = [...(options?.warnings ?? [])]
  const recognised: RecognisedPage[] = Array.from({ length: pages.count }, () => ({ width: 0, height: 0, paragraphs: [] }))
  let languages: readonly string[] = spec.languages
  let next = 0
  let started = 0
  /** The first lane that failed stops the others. */
  let failed = false
  /** A page that could not be drawn or read: the result is not kept, so the next import tries it again. */
  let pageMissed = false
  /** The page's number in the file, for warnings. */
  const pageNumber = (index: number): number => (pages.mixed?.ocrIndexes[index] ?? index) + 1

  /** One recogniser working through the pages not yet taken; several run side by side on a long scan. */
  async function lane(): Promise<void> {
    let engine: OcrEngine | null = null
    /** Set while the engine works on a page: stopped or failed then, it may be busy or broken. */
    let reading = false
    try {
      while (next < pages.count && !failed) {
        if (stopped()) throw importStopped()
        const index = next++
        started++
        context.onProgress?.({ detail: `OCR page ${started} of ${pages.count}` })
        engine ??= await unlessStopped(engines.take(spec), signal)
        if (engine.problem !== null && !warnings.includes(engine.problem)) warnings.push(engine.problem)
        languages = engine.languages
        let image: OcrImage
        try {
          image = await unlessStopped(pages.image(index, engine), signal)
        } catch (error: unknown) {
          if (stopped() || pages.strict === true) throw error
          warnings.push(`page ${pageNumber(index)} could not be drawn for OCR (${shortDetail(error)})`)
          pageMissed = true
          continue
        }
        recognised[index] = { width: image.width, height: image.height, paragraphs: [] }
        try {
          reading = true
          const paragraphs = await unlessStopped(engine.recognise(image.bytes, image.dpi), signal)
          reading = false
          recognised[index] = { width: image.width, height: image.height, paragraphs }
        } catch (error: unknown) {
          if (stopped()) throw error
          if (pages.strict === true) throw unreadable(`damaged image (${shortDetail(error)})`)
          reading = false
          warnings.push(`page ${pageNumber(index)} could not be recognised (${shortDetail(error)})`)
          pageMissed = true
          // An engine that failed may be broken (out of memory): the next page gets a fresh one.
          engines.give(engine, false)
          engine = null
        }
      }
      if (engine !== null) engines.give(engine, true)
    } catch (error: unknown) {
      failed = true
      // Stopped mid-page, the engine is still busy with it: it is ended, not kept.
      if (engine !== null) engines.give(engine, !reading && !stopped())
      throw error
    }
  }

  const threads = Math.max(1, Math.min(options?.threads ?? 1, pages.count))
  const outcomes = await Promise.allSettled(Array.from({ length: threads }, lane))
  const failure = outcomes.find((outcome) => outcome.status === 'rejected')
  if (failure !== undefined) throw failure.reason
  const built = pages.mixed === undefined ? buildOcrText(recognised, languages, placeholder) : buildMixedText(recognised, pages.mixed.ocrIndexes, pages.mixed.layer, languages, placeholder)
  const result: OcrResult = { text: built.text, pageStarts: built.pageStarts, summary: built.summary, layout: built.layout }
  // Kept under the languages asked for only when those were the ones used and every page was read: a
  // fallback to English, or a page that failed (out of memory on a busy machine), is tried again next time.
  if (keep && !pageMissed && languages.join('+') === spec.languages.join('+')) await writeOcrResult(cacheDir, fileHash, spec.languages, result).catch(() => undefined)
  return { ...result, warnings }
}
