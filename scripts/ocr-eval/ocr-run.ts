// The OCR half of `npm run eval:ocr`: every page of the PDFs that have a text layer is
// classified (classify.ts); the measurable ones are rendered, recognised (ocr-engine.ts, the
// importer's OCR) and compared with the importer's text of the page (metrics.ts). Pages are
// taken round-robin, page 1 of every PDF first, then page 2, …, so an overall cap still
// samples every PDF; at most `maxPagesPerPdf` of a PDF are read.
import type { Half } from '../corroboration-eval/half'
import { classifyPage, PAGE_CLASSES, type PageClass } from './classify'
import { errorRates, type ErrorRates } from './metrics'
import type { OcrEngine } from './ocr-engine'
import { openPdf, pageSlices, readTextLayer } from './pdf-pages'
import type { EvalPdf } from './select'

export const CER_TARGET = 0.03
export const WER_TARGET = 0.06
/** Classes that are counted but not read: nothing to compare, or nothing English OCR can read. */
const NOT_READ: ReadonlySet<PageClass> = new Set(['tiny', 'non-latin'])

export interface PageResult extends ErrorRates {
  pdf: string
  half: Half
  page: number
  pageClass: PageClass
  reason: string
  confidence: number | null
  renderSeconds: number
  recogniseSeconds: number
}

export interface OcrRunOptions {
  maxPagesPerPdf: number
  limitPages: number
  /** Called after each page, to show progress on a slow run. */
  onPage?: (done: number, total: number, result: PageResult) => void
}

interface Candidate {
  pdf: EvalPdf
  page: number
  text: string
  pageClass: PageClass
  reason: string
}

export interface OcrRun {
  pages: PageResult[]
  /** Pages by class over every page looked at (read or not), per half. */
  classified: Record<Half, Record<PageClass, number>>
  /** PDFs the importer refuses (no text layer, password, damaged), with its reason. */
  refused: Array<{ name: string; half: Half; reason: string }>
  /** Pages beyond maxPagesPerPdf, and the PDFs they are in. */
  cappedPerPdf: { pages: number; pdfs: number }
  /** Measurable pages left unread by limitPages, and the PDFs of which no page was read. */
  cappedOverall: { pages: number; pdfsUnread: number }
  wallSeconds: number
}

const emptyClassCounts = (): Record<PageClass, number> => Object.fromEntries(PAGE_CLASSES.map((name) => [name, 0])) as Record<PageClass, number>

export async function runOcr(pdfs: readonly EvalPdf[], engine: OcrEngine, options: OcrRunOptions): Promise<OcrRun> {
  const classified: Record<Half, Record<PageClass, number>> = { tune: emptyClassCounts(), report: emptyClassCounts() }
  const refused: OcrRun['refused'] = []
  const cappedPerPdf = { pages: 0, pdfs: 0 }
  const perPdf: Candidate[][] = []
  for (const pdf of pdfs) {
    const extracted = await readTextLayer(pdf.bytes)
    if (!extracted.ok) {
      refused.push({ name: pdf.name, half: pdf.half, reason: extracted.reason })
      continue
    }
    const slices = pageSlices(extracted.text, extracted.pageStarts)
    if (slices.length > options.maxPagesPerPdf) {
      cappedPerPdf.pages += slices.length - options.maxPagesPerPdf
      cappedPerPdf.pdfs++
    }
    const opened = await openPdf(pdf.bytes)
    const candidates: Candidate[] = []
    try {
      for (const [index, slice] of slices.slice(0, options.maxPagesPerPdf).entries()) {
        const layout = classifyPage(await opened.page(index + 1), slice.text)
        classified[pdf.half][layout.pageClass]++
        if (!NOT_READ.has(layout.pageClass)) candidates.push({ pdf, page: index + 1, text: slice.text, pageClass: layout.pageClass, reason: layout.reason })
      }
    } finally {
      await opened.close()
    }
    perPdf.push(candidates)
  }

  const queue: Candidate[] = []
  for (let round = 0; queue.length < options.limitPages; round++) {
    const layer = perPdf.flatMap((candidates) => candidates.slice(round, round + 1))
    if (layer.length === 0) break
    queue.push(...layer.slice(0, options.limitPages - queue.length))
  }
  const measurable = perPdf.reduce((sum, candidates) => sum + candidates.length, 0)
  const readPdfs = new Set(queue.map((candidate) => candidate.pdf.path))
  const cappedOverall = { pages: measurable - queue.length, pdfsUnread: perPdf.filter((candidates) => candidates.length > 0 && !readPdfs.has(candidates[0]!.pdf.path)).length }

  // Read in file order (the queue's order only chose which pages), so each PDF is opened once.
  const order = new Map(pdfs.map((pdf, index) => [pdf.path, index]))
  queue.sort((p, q) => order.get(p.pdf.path)! - order.get(q.pdf.path)! || p.page - q.page)
  const started = performance.now()
  const pages: PageResult[] = []
  for (const candidate of queue) {
    const read = await engine.readPage(candidate.pdf.bytes, candidate.page)
    const result: PageResult = {
      pdf: candidate.pdf.name,
      half: candidate.pdf.half,
      page: candidate.page,
      pageClass: candidate.pageClass,
      reason: candidate.reason,
      confidence: read.confidence,
      renderSeconds: read.renderSeconds,
      recogniseSeconds: read.recogniseSeconds,
      ...errorRates(candidate.text, read.text)
    }
    pages.push(result)
    options.onPage?.(pages.length, queue.length, result)
  }
  return { pages, classified, refused, cappedPerPdf, cappedOverall, wallSeconds: (performance.now() - started) / 1000 }
}

export interface ClassSummary {
  pages: number
  cerMean: number
  cerWorst: number
  cerMedian: number
  werMean: number
  werMedian: number
  werWorst: number
  /** Edits over all pages / reference length over all pages. */
  cerPooled: number
  werPooled: number
  secondsPerPage: number
  worstPage: string
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function summarise(pages: readonly PageResult[]): ClassSummary {
  const n = pages.length
  const sum = (pick: (page: PageResult) => number): number => pages.reduce((total, page) => total + pick(page), 0)
  const worst = pages.reduce<PageResult | null>((found, page) => (found === null || page.cer > found.cer ? page : found), null)
  return {
    pages: n,
    cerMean: n === 0 ? 0 : sum((page) => page.cer) / n,
    cerWorst: Math.max(0, ...pages.map((page) => page.cer)),
    cerMedian: median(pages.map((page) => page.cer)),
    werMedian: median(pages.map((page) => page.wer)),
    werMean: n === 0 ? 0 : sum((page) => page.wer) / n,
    werWorst: Math.max(0, ...pages.map((page) => page.wer)),
    cerPooled: sum((page) => page.charEdits) / Math.max(1, sum((page) => page.referenceChars)),
    werPooled: sum((page) => page.wordEdits) / Math.max(1, sum((page) => page.referenceWords)),
    secondsPerPage: n === 0 ? 0 : sum((page) => page.renderSeconds + page.recogniseSeconds) / n,
    worstPage: worst === null ? '' : `${worst.pdf} p${worst.page}`
  }
}
