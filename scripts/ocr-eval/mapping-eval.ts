// Runs the mapping check of mapping.ts on every page of every PDF that has a text layer and
// prints it: per half, the overall rates, the worst PDFs and a few failed passages.
import type { Half } from '../corroboration-eval/half'
import { wilson } from '../stats'
import { addCounts, checkPage, emptyCounts, type MappingCounts } from './mapping'
import { openPdf, pageSlices, readTextLayer } from './pdf-pages'
import type { EvalPdf } from './select'

export interface MappingPdfResult {
  name: string
  half: Half
  pages: number
  sentence: MappingCounts
  window: MappingCounts
  nonSpaceChars: number
  unmappedChars: number
  failures: string[]
}

export interface MappingSummary {
  half: Half
  pdfs: MappingPdfResult[]
  /** PDFs the importer refuses (no text layer, password, damaged): nothing to map. */
  refused: Array<{ name: string; reason: string }>
  figures: Record<string, number>
}

async function mapPdf(pdf: EvalPdf, normalised: boolean): Promise<MappingPdfResult | string> {
  const extracted = await readTextLayer(pdf.bytes)
  if (!extracted.ok) return extracted.reason
  const result: MappingPdfResult = { name: pdf.name, half: pdf.half, pages: 0, sentence: emptyCounts(), window: emptyCounts(), nonSpaceChars: 0, unmappedChars: 0, failures: [] }
  const opened = await openPdf(pdf.bytes)
  try {
    for (const [index, page] of pageSlices(extracted.text, extracted.pageStarts).entries()) {
      result.pages++
      const checked = checkPage(page.text, await opened.shownItems(index + 1, normalised), `p${index + 1}`)
      addCounts(result.sentence, checked.sentence)
      addCounts(result.window, checked.window)
      result.nonSpaceChars += checked.nonSpaceChars
      result.unmappedChars += checked.unmappedChars
      for (const failure of checked.failures) if (result.failures.length < 3) result.failures.push(failure)
    }
  } finally {
    await opened.close()
  }
  return result
}

const rate = (k: number, n: number): number => (n === 0 ? 1 : k / n)
const percent = (k: number, n: number): string => `${(100 * rate(k, n)).toFixed(1)} %`
function interval(k: number, n: number): string {
  const [low, high] = wilson(k, n)
  return `${(100 * low).toFixed(1)}–${(100 * high).toFixed(1)} %`
}

function bothWays(result: MappingPdfResult): [number, number] {
  return [result.sentence.bothWays + result.window.bothWays, result.sentence.passages + result.window.passages]
}

export async function evalMapping(pdfs: readonly EvalPdf[], half: Half, normalised: boolean): Promise<MappingSummary> {
  const results: MappingPdfResult[] = []
  const refused: Array<{ name: string; reason: string }> = []
  for (const pdf of pdfs.filter((candidate) => candidate.half === half)) {
    const mapped = await mapPdf(pdf, normalised)
    if (typeof mapped === 'string') refused.push({ name: pdf.name, reason: mapped })
    else results.push(mapped)
  }
  const sentence = emptyCounts()
  const window = emptyCounts()
  for (const result of results) {
    addCounts(sentence, result.sentence)
    addCounts(window, result.window)
  }
  const nonSpace = results.reduce((sum, result) => sum + result.nonSpaceChars, 0)
  const unmapped = results.reduce((sum, result) => sum + result.unmappedChars, 0)
  const exactPdfs = results.filter((result) => {
    const [k, n] = bothWays(result)
    return k === n
  }).length
  const figures: Record<string, number> = {
    mappingPdfs: results.length,
    mappingPdfsNotMapped: refused.length,
    mappingPages: results.reduce((sum, result) => sum + result.pages, 0),
    mappingSentences: sentence.passages,
    mappingSentencesBothWays: rate(sentence.bothWays, sentence.passages),
    mappingSentencesTextToPage: rate(sentence.textToPage, sentence.passages),
    mappingSentencesTextToPageStrict: rate(sentence.textToPageStrict, sentence.passages),
    mappingSentencesPageToText: rate(sentence.pageToText, sentence.passages),
    mappingSentencesNotShown: sentence.notShown,
    mappingWindows: window.passages,
    mappingWindowsBothWays: rate(window.bothWays, window.passages),
    mappingWindowsTextToPage: rate(window.textToPage, window.passages),
    mappingWindowsTextToPageStrict: rate(window.textToPageStrict, window.passages),
    mappingWindowsPageToText: rate(window.pageToText, window.passages),
    mappingWindowsNotShown: window.notShown,
    mappingPdfsAllExact: exactPdfs,
    mappingUnmappedShare: rate(unmapped, nonSpace),
    mappingNonSpaceChars: nonSpace
  }
  return { half, pdfs: results, refused, figures }
}

export function printMapping(summary: MappingSummary, normalised: boolean, worst = 10): void {
  const { figures } = summary
  console.log(`\nMapping both ways, text view ⇄ PDF text layer (${summary.half} half; text layer items ${normalised ? 'with pdf.js defaults' : "as pdf.js's viewer asks for them"})`)
  console.log(`  ${figures.mappingPdfs} PDFs with a text layer, ${figures.mappingPages} pages; ${summary.refused.length} without a text layer or unreadable (not mapped)`)
  console.log('  passages            checked   both ways  95 % interval     text→page  (strict)   page→text  not drawn')
  for (const kind of ['sentence', 'window'] as const) {
    const counts = emptyCounts()
    for (const result of summary.pdfs) addCounts(counts, result[kind])
    console.log(
      `  ${(kind === 'sentence' ? 'sentences' : '12-word windows').padEnd(18)}  ${String(counts.passages).padStart(7)}   ${percent(counts.bothWays, counts.passages).padStart(9)}  ${interval(counts.bothWays, counts.passages).padEnd(16)}  ` +
        `${percent(counts.textToPage, counts.passages).padStart(9)}  ${`(${percent(counts.textToPageStrict, counts.passages)})`.padStart(9)}  ${percent(counts.pageToText, counts.passages).padStart(9)}  ${String(counts.notShown).padStart(9)}`
    )
  }
  console.log(`  extracted non-space characters no shown character stands for: ${percent(Math.round((figures.mappingUnmappedShare ?? 0) * (figures.mappingNonSpaceChars ?? 0)), figures.mappingNonSpaceChars ?? 0)} of ${figures.mappingNonSpaceChars}`)
  console.log(`  PDFs with every passage exact both ways: ${figures.mappingPdfsAllExact} of ${figures.mappingPdfs}`)
  const ranked = summary.pdfs
    .map((result) => ({ result, both: bothWays(result) }))
    .filter(({ both: [k, n] }) => k < n)
    .sort((p, q) => rate(p.both[0], p.both[1]) - rate(q.both[0], q.both[1]))
    .slice(0, worst)
  if (ranked.length > 0) {
    console.log(`  worst PDFs (both ways exact, unmapped):`)
    for (const { result, both: [k, n] } of ranked) {
      console.log(`    ${percent(k, n).padStart(7)} of ${String(n).padStart(5)}  unmapped ${percent(result.unmappedChars, result.nonSpaceChars).padStart(7)}  ${result.name}`)
      for (const failure of result.failures.slice(0, 2)) console.log(`             ${failure}`)
    }
  }
}
