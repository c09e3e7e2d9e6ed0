// `npx tsx scripts/bench-ocr.ts [corpora folder] [--in-thread]` (and `benchOcr` for `npm run bench`): how long
// a 20-page scan takes to import. Paragraphs of BBC articles (corpora/bbc/business) are drawn
// as 11 pt text on letter pages, 200 dpi, wrapped as a PDF of one JPEG per page with no text
// layer (tests/helpers/scanned-pdf.ts, what a scanner makes), and imported into a fresh
// workbench exactly as a user's folder is: the importer finds no text layer and OCRs every
// page. Reports seconds in all and per page (target: well under a minute for 20 pages on 2
// cores), and the error rates of the imported text against the text drawn (metrics.ts).
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Workbench } from '../src/main/core/workbench'
import { makeScannedPdf } from '../tests/helpers/scanned-pdf'
import { errorRates } from './ocr-eval/metrics'

export const SCAN_PAGES = 20
const LINES_PER_PAGE = 34
const LINE_CHARS = 78
const TARGET_SECONDS = 60

export interface BenchOcrResult {
  rows: Array<[name: string, value: string, target: string]>
  figures: Record<string, number>
}

/** Lines of running text from the articles, wrapped, a blank line between paragraphs, split into pages. */
async function proseLines(folder: string): Promise<string[][]> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const lines: string[] = []
  for (const name of files) {
    // Line 1 is the title; the rest is paragraphs separated by blank lines.
    const paragraphs = (await readFile(join(folder, name), 'utf8')).split(/\n\s*\n/u).slice(1)
    for (const paragraph of paragraphs) {
      let line = ''
      for (const word of paragraph.split(/\s+/u).filter((token) => token.length > 0)) {
        if (line.length > 0 && line.length + 1 + word.length > LINE_CHARS) {
          lines.push(line)
          line = word
        } else line = line.length === 0 ? word : `${line} ${word}`
      }
      if (line.length > 0) lines.push(line, '')
      if (lines.length >= SCAN_PAGES * LINES_PER_PAGE) break
    }
    if (lines.length >= SCAN_PAGES * LINES_PER_PAGE) break
  }
  return Array.from({ length: SCAN_PAGES }, (_, page) => lines.slice(page * LINES_PER_PAGE, (page + 1) * LINES_PER_PAGE))
}

/** Null (with a one-line message) when the corpus is missing. `workerPath`: the built extraction worker, or null for in-thread extraction. */
export async function benchOcr(corpora: string, workerPath: string | null): Promise<BenchOcrResult | null> {
  const articles = join(corpora, 'bbc', 'business')
  if (!existsSync(articles)) {
    console.log(`bench-ocr: ${articles} not found; the 20-page scan is not measured`)
    return null
  }
  const pages = await proseLines(articles)
  const folder = await mkdtemp(join(tmpdir(), 'sourcebench-bench-ocr-'))
  const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-bench-ocr-data-'))
  const threads = availableParallelism()
  const workbench = new Workbench({ dataDir, seedsDir: null, visitOnly: true, extractThreads: threads, ...(workerPath === null ? {} : { extractWorker: { path: workerPath } }) })
  try {
    await writeFile(join(folder, 'scan.pdf'), await makeScannedPdf(pages, { pointSize: 11 }))
    await workbench.boot()
    const started = performance.now()
    const report = await workbench.importFolder(folder)
    const seconds = (performance.now() - started) / 1000
    if (report.errors.length > 0) throw new Error(`bench-ocr: the scan was not imported (${report.errors[0]!.reason})`)
    const source = workbench.project.store.library.data.sources[0]
    if (source === undefined) throw new Error('bench-ocr: the scan was imported but no source was made')
    const text = await workbench.project.store.readText(source.contentHash)
    const rates = errorRates(pages.map((lines) => lines.join('\n')).join('\n\n'), text)
    const figures: Record<string, number> = {
      ocrScanPages: SCAN_PAGES,
      ocrScanThreads: threads,
      ocrScanImportSeconds: seconds,
      ocrScanSecondsPerPage: seconds / SCAN_PAGES,
      ocrScanCer: rates.cer,
      ocrScanWer: rates.wer,
      ocrScanConfidence: source.ocr?.confidence ?? 0,
      ocrScanByOcr: source.ocr === null ? 0 : 1
    }
    const how = workerPath === null ? 'in-thread' : `${threads} extraction threads`
    return {
      figures,
      rows: [
        [`OCR: ${SCAN_PAGES}-page scan, import (${how})`, `${seconds.toFixed(1)} s`, `≤ ${TARGET_SECONDS} s ${seconds <= TARGET_SECONDS ? '✓' : '✗'}; ${(seconds / SCAN_PAGES).toFixed(2)} s a page`],
        [`OCR: ${SCAN_PAGES}-page scan, text recognised`, `${(100 * rates.cer).toFixed(2)} %`, `CER; WER ${(100 * rates.wer).toFixed(2)} %${source.ocr === null ? '; NOT marked as OCR' : `; confidence ${source.ocr.confidence.toFixed(0)}`}`]
      ]
    }
  } finally {
    await workbench.shutdown()
    await rm(folder, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const corpora = resolve(args.find((arg) => !arg.startsWith('--')) ?? '../shared/corpora')
  // The pool the app imports with, when built (`electron-vite build`; `npm run bench` builds first).
  const built = resolve(__dirname, '../out/main/extract-worker.js')
  const worker = existsSync(built) && !args.includes('--in-thread') ? built : null
  console.log(worker === null ? 'bench-ocr: no built extraction worker (run electron-vite build): extracting in this thread' : `bench-ocr: extraction worker ${built}, built ${statSync(built).mtime.toISOString()}`)
  const result = await benchOcr(corpora, worker)
  if (result === null) return
  for (const [name, value, target] of result.rows) console.log(`${name.padEnd(44)} ${value.padStart(10)}   ${target}`)
  console.log(JSON.stringify(result.figures))
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
}
