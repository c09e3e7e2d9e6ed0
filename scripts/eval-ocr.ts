// `npm run eval:ocr -- [folder of PDFs | PDF files…] [--half tune|report|all] [--max-pages N]
//   [--limit-pages N] [--only ocr,mapping] [--shown viewer|normalised]`
// Two measures on PDFs that have a text layer (default folder ../shared/corpora/pdf):
//   ocr      each page rendered and read by the importer's OCR, compared with the page's text
//            layer: character and word error rates per page (scripts/ocr-eval/metrics.ts says
//            exactly what is normalised), mean and worst, by page layout class
//            (scripts/ocr-eval/classify.ts); single-column prose, the class the targets
//            (CER ≤ 3 %, WER ≤ 6 %) are for, apart from the rest; pages/second and seconds/page.
//            At most --max-pages pages of a PDF (default 5) and --limit-pages in all (default 60).
//   mapping  every page of every PDF: does a highlight made in the text view cover the same
//            words on the page, and does a selection on the page give back the same quote
//            (scripts/ocr-eval/mapping.ts defines both checks).
// Files are split into a tune and a report half by the sha1 of their bytes
// (scripts/ocr-eval/select.ts); settings were chosen on the tune half, the report half (the
// default) is what is quoted. Prints tables, then one JSON line: the report half's figures,
// and the tune half's under "tune" when it was asked for.
import { existsSync } from 'node:fs'
import { wantedHalves, type Half } from './corroboration-eval/half'
import { PAGE_CLASSES, type PageClass } from './ocr-eval/classify'
import { evalMapping, printMapping } from './ocr-eval/mapping-eval'
import { createOcrEngine } from './ocr-eval/ocr-engine'
import { CER_TARGET, runOcr, summarise, WER_TARGET, type ClassSummary, type OcrRun, type PageResult } from './ocr-eval/ocr-run'
import { selectPdfs } from './ocr-eval/select'

const DEFAULT_FOLDER = '../shared/corpora/pdf'
const PARTS = ['ocr', 'mapping'] as const
type Part = (typeof PARTS)[number]

interface Options {
  paths: string[]
  halves: Half[]
  maxPages: number
  limitPages: number
  parts: Part[]
  normalised: boolean
}

const WITH_VALUE = new Set(['--half', '--max-pages', '--limit-pages', '--only', '--shown'])

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name)
    return at >= 0 ? argv[at + 1] : undefined
  }
  const count = (name: string, fallback: number): number => {
    const given = value(name)
    if (given === undefined) return fallback
    const parsed = Number(given)
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`eval-ocr: ${name} must be a whole number of pages ≥ 1, not "${given}"`)
    return parsed
  }
  const parts = (value('--only') ?? PARTS.join(',')).split(',')
  const unknown = parts.filter((part) => !(PARTS as readonly string[]).includes(part))
  if (unknown.length > 0) throw new Error(`eval-ocr: --only takes ${PARTS.join(', ')}, not ${unknown.join(', ')}`)
  const shown = value('--shown') ?? 'viewer'
  if (shown !== 'viewer' && shown !== 'normalised') throw new Error(`eval-ocr: --shown must be viewer or normalised, not "${shown}"`)
  const paths = argv.filter((arg, index) => !arg.startsWith('--') && !WITH_VALUE.has(argv[index - 1] ?? ''))
  return {
    paths: paths.length > 0 ? paths : [DEFAULT_FOLDER],
    halves: wantedHalves(argv),
    maxPages: count('--max-pages', 5),
    limitPages: count('--limit-pages', 60),
    parts: parts as Part[],
    normalised: shown === 'normalised'
  }
}

const pct = (value: number, digits = 1): string => `${(100 * value).toFixed(digits)} %`
const mark = (ok: boolean): string => (ok ? '✓' : '✗')

const CLASS_LABELS: Record<PageClass, string> = {
  prose: 'single-column prose',
  'multi-column': 'multi-column',
  table: 'tables',
  'line-numbered': 'line-numbered',
  sparse: 'sparse (short lines)',
  rotated: 'rotated, mirrored',
  pictures: 'pictures (≥ 20 %)',
  'not-english': 'Latin, not English',
  'non-latin': 'non-Latin script',
  tiny: `tiny text layer`
}

function row(label: string, summary: ClassSummary, withTargets: boolean): string {
  const cer = `${pct(summary.cerMean, 2)}${withTargets ? ` ${mark(summary.cerMean <= CER_TARGET)} ≤ ${pct(CER_TARGET, 0)}` : ''}`
  const wer = `${pct(summary.werMean, 2)}${withTargets ? ` ${mark(summary.werMean <= WER_TARGET)} ≤ ${pct(WER_TARGET, 0)}` : ''}`
  return (
    `  ${label.padEnd(22)} ${String(summary.pages).padStart(5)}  ${cer.padEnd(17)} ${pct(summary.cerWorst).padStart(8)} ${pct(summary.cerPooled, 2).padStart(8)}  ` +
    `${wer.padEnd(17)} ${pct(summary.werWorst).padStart(8)} ${pct(summary.werPooled, 2).padStart(8)}  ${summary.secondsPerPage.toFixed(2).padStart(6)}`
  )
}

function ocrFigures(run: OcrRun, half: Half, pages: readonly PageResult[]): Record<string, number> {
  const figures: Record<string, number> = {}
  for (const pageClass of PAGE_CLASSES) {
    const summary = summarise(pages.filter((page) => page.pageClass === pageClass))
    const key = pageClass.replace(/-(\w)/gu, (_, letter: string) => letter.toUpperCase())
    figures[`${key}PagesSeen`] = run.classified[half][pageClass]
    if (summary.pages === 0) continue
    figures[`${key}Pages`] = summary.pages
    figures[`${key}CerMean`] = summary.cerMean
    figures[`${key}CerWorst`] = summary.cerWorst
    figures[`${key}CerMedian`] = summary.cerMedian
    figures[`${key}CerPooled`] = summary.cerPooled
    figures[`${key}WerMean`] = summary.werMean
    figures[`${key}WerWorst`] = summary.werWorst
    figures[`${key}WerMedian`] = summary.werMedian
    figures[`${key}WerPooled`] = summary.werPooled
    figures[`${key}SecondsPerPage`] = summary.secondsPerPage
  }
  const prose = summarise(pages.filter((page) => page.pageClass === 'prose'))
  const all = summarise(pages)
  const others = summarise(pages.filter((page) => page.pageClass !== 'prose'))
  figures.othersCerMean = others.cerMean
  figures.othersWerMean = others.werMean
  figures.proseMeetsCerTarget = prose.pages > 0 && prose.cerMean <= CER_TARGET ? 1 : 0
  figures.proseMeetsWerTarget = prose.pages > 0 && prose.werMean <= WER_TARGET ? 1 : 0
  figures.ocrPages = all.pages
  figures.ocrSecondsPerPage = all.secondsPerPage
  figures.ocrRenderSecondsPerPage = pages.reduce((sum, page) => sum + page.renderSeconds, 0) / Math.max(1, pages.length)
  figures.ocrRecogniseSecondsPerPage = pages.reduce((sum, page) => sum + page.recogniseSeconds, 0) / Math.max(1, pages.length)
  figures.ocrPdfsNotRead = run.refused.filter((pdf) => pdf.half === half).length
  figures.ocrWallSeconds = run.wallSeconds
  figures.ocrPagesPerSecond = pages.length / Math.max(run.wallSeconds, 1e-9)
  figures.pagesCappedPerPdf = run.cappedPerPdf.pages
  figures.pagesCappedOverall = run.cappedOverall.pages
  return figures
}

function printOcr(run: OcrRun, half: Half, description: string, options: Options): Record<string, number> {
  const pages = run.pages.filter((page) => page.half === half)
  const refused = run.refused.filter((pdf) => pdf.half === half)
  const seen = run.classified[half]
  const reasons = new Map<string, number>()
  for (const pdf of refused) reasons.set(pdf.reason, (reasons.get(pdf.reason) ?? 0) + 1)
  console.log(`\nOCR against the text layer (${half} half) — ${description}`)
  console.log(
    `  capped: ${run.cappedPerPdf.pdfs} PDFs have more than --max-pages ${options.maxPages} pages (${run.cappedPerPdf.pages} pages not looked at); ` +
      `--limit-pages ${options.limitPages} left ${run.cappedOverall.pages} readable pages unread (${run.cappedOverall.pdfsUnread} PDFs with no page read)`
  )
  console.log(`  PDFs without a text layer or unreadable, not read: ${refused.length}${refused.length > 0 ? ` (${[...reasons].map(([reason, count]) => `${count} ${reason}`).join('; ')})` : ''}`)
  console.log(`  pages looked at, by class: ${PAGE_CLASSES.map((pageClass) => `${CLASS_LABELS[pageClass]} ${seen[pageClass]}`).join(' · ')}`)
  console.log(`  not read: ${CLASS_LABELS.tiny} (< 200 characters) ${seen.tiny}, ${CLASS_LABELS['non-latin']} (English OCR cannot read it) ${seen['non-latin']}`)
  console.log('  class                  pages  CER mean          worst   pooled  WER mean          worst   pooled  s/page')
  const prose = summarise(pages.filter((page) => page.pageClass === 'prose'))
  console.log(prose.pages === 0 ? `  ${CLASS_LABELS.prose.padEnd(22)}     0  (no page read: targets not checked)` : row(CLASS_LABELS.prose, prose, true))
  console.log('  -- the rest: text-layer order may differ from reading order, not running text, or not English:')
  for (const pageClass of PAGE_CLASSES) {
    if (pageClass === 'prose') continue
    const classPages = pages.filter((page) => page.pageClass === pageClass)
    if (classPages.length > 0) console.log(row(CLASS_LABELS[pageClass], summarise(classPages), false))
  }
  console.log(row('all other classes', summarise(pages.filter((page) => page.pageClass !== 'prose')), false))
  const worst = pages
    .filter((page) => page.pageClass === 'prose')
    .sort((p, q) => q.cer - p.cer)
    .slice(0, 5)
  if (worst.length > 0) {
    console.log('  worst single-column prose pages:')
    for (const page of worst) {
      const confidence = page.confidence === null ? 'nothing recognised' : `confidence ${page.confidence.toFixed(0)}`
      console.log(`    CER ${pct(page.cer).padStart(7)}  WER ${pct(page.wer).padStart(7)}  ${confidence.padEnd(14)}  ${page.pdf} p${page.page}`)
    }
  }
  const figures = ocrFigures(run, half, pages)
  console.log(
    `  speed: ${pages.length} pages in ${run.wallSeconds.toFixed(1)} s, ${figures.ocrPagesPerSecond!.toFixed(3)} pages/s, one page at a time: ` +
      `${figures.ocrSecondsPerPage!.toFixed(2)} s a page (render ${figures.ocrRenderSecondsPerPage!.toFixed(2)} s + recognise ${figures.ocrRecogniseSecondsPerPage!.toFixed(2)} s)`
  )
  return figures
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const missing = options.paths.filter((path) => !existsSync(path))
  if (missing.length > 0) {
    console.log(`eval-ocr: ${missing.join(', ')} not found (the PDF corpus is ../shared/corpora/pdf); nothing measured`)
    return
  }
  const found = await selectPdfs(options.paths)
  const pdfs = found.filter((pdf) => options.halves.includes(pdf.half))
  const otherHalf = found.length - pdfs.length
  const figures: Record<Half, Record<string, number>> = { tune: {}, report: {} }
  for (const half of options.halves) figures[half].pdfs = pdfs.filter((pdf) => pdf.half === half).length
  console.log(
    `eval-ocr: ${pdfs.length} PDFs in the ${options.halves.join(' and ')} ${options.halves.length > 1 ? 'halves' : 'half'} of ${options.paths.join(', ')}` +
      (otherHalf > 0 ? ` (${otherHalf} more in the other half, left out: --half all reads them)` : '')
  )

  if (options.parts.includes('ocr')) {
    const engine = await createOcrEngine()
    try {
      // Each half on its own, so --limit-pages caps each and the halves never share a figure.
      for (const half of options.halves) {
        const run = await runOcr(
          pdfs.filter((pdf) => pdf.half === half),
          engine,
          {
            maxPagesPerPdf: options.maxPages,
            limitPages: options.limitPages,
            onPage: (done, total) => {
              if (process.stderr.isTTY) process.stderr.write(`\r  OCR page ${done} of ${total} (${half} half)`)
            }
          }
        )
        if (process.stderr.isTTY) process.stderr.write('\n')
        Object.assign(figures[half], printOcr(run, half, engine.description, options), { maxPagesPerPdf: options.maxPages, limitPages: options.limitPages })
      }
    } finally {
      await engine.close()
    }
  }

  if (options.parts.includes('mapping')) {
    for (const half of options.halves) {
      const started = performance.now()
      const summary = await evalMapping(pdfs, half, options.normalised)
      printMapping(summary, options.normalised)
      Object.assign(figures[half], summary.figures, { mappingSeconds: (performance.now() - started) / 1000 })
    }
  }

  if (options.halves.includes('report')) headline(figures.report, options)
  console.log(JSON.stringify(options.halves.includes('tune') ? (options.halves.includes('report') ? { ...figures.report, tune: figures.tune } : { tune: figures.tune }) : figures.report))
}

function headline(figures: Readonly<Record<string, number>>, options: Options): void {
  console.log('\nheadline (report half)')
  if (options.parts.includes('ocr')) {
    const pages = figures.prosePages ?? 0
    if (pages === 0) console.log('  single-column prose: no page read')
    else {
      console.log(`  single-column prose, ${pages} pages: CER ${pct(figures.proseCerMean!, 2)} ${mark(figures.proseCerMean! <= CER_TARGET)} (≤ ${pct(CER_TARGET, 0)}), WER ${pct(figures.proseWerMean!, 2)} ${mark(figures.proseWerMean! <= WER_TARGET)} (≤ ${pct(WER_TARGET, 0)}), ${figures.proseSecondsPerPage!.toFixed(2)} s a page`)
      console.log(`    (medians: CER ${pct(figures.proseCerMedian!, 2)}, WER ${pct(figures.proseWerMedian!, 2)}; worst page: CER ${pct(figures.proseCerWorst!)}, WER ${pct(figures.proseWerWorst!)})`)
    }
  }
  if (options.parts.includes('mapping')) {
    console.log(`  mapping both ways: sentences ${pct(figures.mappingSentencesBothWays ?? 0, 2)} of ${figures.mappingSentences}, 12-word windows ${pct(figures.mappingWindowsBothWays ?? 0, 2)} of ${figures.mappingWindows}, unmapped ${pct(figures.mappingUnmappedShare ?? 0, 2)}`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
