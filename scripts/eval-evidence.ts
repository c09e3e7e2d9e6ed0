// `npm run eval:evidence -- <wice jsonl | corpora folder> [--half tune|report|all]`: suggested
// evidence measured where users get it. Every distinct WiCE article of the file (those of
// unsupported claims too: they are the library's other articles) is saved as a text file
// (title line, blank line, paragraphs; see articleText), the folder is imported into
// a fresh workbench, each supported or partially supported claim is created through the API
// handlers the UI calls, and `suggestEvidence` is asked for it exactly as the UI asks.
//
// Scoring. A gold sentence is any sentence of any of the claim's alternative evidence sets,
// located in the stored text of its article. A suggestion HITS when it comes from the claim's
// own article and overlaps a gold sentence by at least half of the shorter of the two spans
// (so a passage holding the whole gold sentence hits, a piece of it that the app split off
// at a line break hits, and touching an edge does not); the mean passage length is printed so
// that longer passages cannot buy hits unseen. hit@k: a hit among the first k suggestions;
// MRR: 1/rank of the first hit (0 when none of the five hits); source recall: the article is
// among the suggestions' sources. Beside them: the single-article figures the eval reported
// before (rankPassages over the claim's own WiCE sentences, a hit being a gold index), and plain
// BM25 (no folding, no bonuses) over the claim's own article and over every library sentence.
//
// Tune/report split: a claim is in the TUNE half when the first byte of sha1 of its text
// (UTF-8) is even, else in the REPORT half (160 / 146 claims of dev.jsonl). Weights are chosen
// on the tune half only; the headline figures are the report half's. With ~150 claims a share
// moves by 0.007 per claim, so each headline share gets its 95 % Wilson interval, and the gain
// over plain BM25 in the library an exact McNemar p-value (paired by claim). Prints a table,
// then one JSON line with every figure.
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCoreHandlers } from '../src/main/core/api-handlers'
import { rankPassages } from '../src/main/core/evidence/rank-passages'
import { Workbench } from '../src/main/core/workbench'
import { isStopWord } from '../src/shared/search/stop-words'
import { terms } from '../src/shared/search/tokenize'
import type { TextRange } from '../src/shared/text/find'
import { splitSentences } from '../src/shared/text/sentences'
import { wilson } from './stats'

interface WiceRow {
  label: string
  claim: string
  evidence: string[]
  supporting_sentences: number[][]
}

type Half = 'tune' | 'report'
const SENTENCES_PER_PARAGRAPH = 3
const TITLE_PREFIX = '(meta data) TITLE: '

function halfOf(claim: string): Half {
  const firstByte = createHash('sha1').update(claim, 'utf8').digest()[0] ?? 0
  return firstByte % 2 === 0 ? 'tune' : 'report'
}

/**
 * An article as a reader saves it: the page title, a blank line, then the body. Lines that
 * do not end a sentence (headings, menus, datelines, captions) stand on their own line, as
 * they do on the page; running sentences are joined into paragraphs of three, so the app has
 * to find sentence boundaries itself, as it does with any real file.
 */
function articleText(sentences: readonly string[]): string {
  const [first = '', ...body] = sentences.map((sentence) => sentence.trim())
  const lines = [written(first, 0), '']
  let paragraph: string[] = []
  const flush = (): void => {
    if (paragraph.length > 0) lines.push(paragraph.join(' '), '')
    paragraph = []
  }
  for (const sentence of body) {
    if (sentence === '') continue
    if (!/[.!?…]["'”’)\]]*$/u.test(sentence)) {
      flush()
      lines.push(sentence, '')
      continue
    }
    paragraph.push(sentence)
    if (paragraph.length === SENTENCES_PER_PARAGRAPH) flush()
  }
  flush()
  return lines.join('\n')
}

/** A WiCE sentence as it was written into the article file. */
function written(sentence: string, index: number): string {
  return index === 0 && sentence.startsWith(TITLE_PREFIX) ? sentence.slice(TITLE_PREFIX.length).trim() : sentence.trim()
}

/** Where each WiCE sentence is in the stored text, in order (null when it cannot be found). */
function locate(text: string, sentences: readonly string[]): Array<TextRange | null> {
  let cursor = 0
  return sentences.map((sentence, index) => {
    const needle = written(sentence, index)
    if (needle === '') return null
    const at = text.indexOf(needle, cursor)
    if (at < 0) return null
    cursor = at + needle.length
    return { start: at, end: at + needle.length }
  })
}

function overlapHits(passage: TextRange, gold: readonly TextRange[]): boolean {
  return gold.some((range) => {
    const overlap = Math.min(passage.end, range.end) - Math.max(passage.start, range.start)
    return overlap > 0 && overlap >= 0.5 * Math.min(passage.end - passage.start, range.end - range.start)
  })
}

/** Plain BM25 (k1 1.2, b 0.75, stop words dropped, no stemming) over every sentence of the library. */
class LibraryBm25 {
  readonly #postings = new Map<string, Array<[number, number]>>()
  readonly #lengths: number[] = []
  readonly passages: Array<{ sourceId: string } & TextRange> = []

  add(sourceId: string, text: string): void {
    for (const range of splitSentences(text)) {
      const words = terms(text.slice(range.start, range.end)).filter((word) => !isStopWord(word))
      const doc = this.passages.push({ sourceId, ...range }) - 1
      this.#lengths.push(words.length)
      const counts = new Map<string, number>()
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
      for (const [word, count] of counts) {
        const list = this.#postings.get(word) ?? []
        list.push([doc, count])
        this.#postings.set(word, list)
      }
    }
  }

  top(claim: string, k: number): Array<{ sourceId: string } & TextRange> {
    const average = this.#lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.#lengths.length)
    const scores = new Map<number, number>()
    for (const word of new Set(terms(claim).filter((term) => !isStopWord(term)))) {
      const list = this.#postings.get(word) ?? []
      const idf = Math.log(1 + (this.#lengths.length - list.length + 0.5) / (list.length + 0.5))
      for (const [doc, tf] of list) {
        const norm = tf + 1.2 * (0.25 + (0.75 * (this.#lengths[doc] ?? 0)) / average)
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * 2.2) / norm)
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([doc]) => this.passages[doc] as { sourceId: string } & TextRange)
  }
}

interface ClaimResult {
  half: Half
  sourceRecall: boolean
  rank: number | null
  otherArticleFirst: boolean
  passageChars: number
  ms: number
  singleRank: number | null
  singlePlainRank: number | null
  libraryPlainRank: number | null
  libraryPlainSource: boolean
}

function firstHit<T>(items: readonly T[], hits: (item: T) => boolean): number | null {
  const index = items.findIndex(hits)
  return index < 0 ? null : index + 1
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** Exact two-sided McNemar p-value: b claims only the first system gets right, c only the second. */
function mcnemar(b: number, c: number): number {
  const n = b + c
  if (n === 0) return 1
  let tail = 0
  let term = 0.5 ** n // C(n, 0) / 2^n
  for (let i = 0; i <= Math.min(b, c); i++) {
    tail += term
    term *= (n - i) / (i + 1)
  }
  return Math.min(1, 2 * tail)
}

function summary(results: readonly ClaimResult[]): Record<string, number> {
  const n = Math.max(1, results.length)
  const share = (test: (result: ClaimResult) => boolean): number => results.filter(test).length / n
  const within = (rank: number | null, k: number): boolean => rank !== null && rank <= k
  const mrr = (pick: (result: ClaimResult) => number | null): number => results.reduce((sum, result) => sum + (within(pick(result), 5) ? 1 / (pick(result) as number) : 0), 0) / n
  return {
    claims: results.length,
    sourceRecall: share((result) => result.sourceRecall),
    hitAt1: share((result) => within(result.rank, 1)),
    hitAt5: share((result) => within(result.rank, 5)),
    mrr: mrr((result) => result.rank),
    otherArticleFirst: share((result) => result.otherArticleFirst),
    meanPassageChars: results.reduce((sum, result) => sum + result.passageChars, 0) / n,
    libraryPlainBm25SourceRecall: share((result) => result.libraryPlainSource),
    libraryPlainBm25HitAt1: share((result) => within(result.libraryPlainRank, 1)),
    libraryPlainBm25HitAt5: share((result) => within(result.libraryPlainRank, 5)),
    libraryPlainBm25Mrr: mrr((result) => result.libraryPlainRank),
    singleArticleHitAt1: share((result) => within(result.singleRank, 1)),
    singleArticleHitAt5: share((result) => within(result.singleRank, 5)),
    singleArticleMrr: mrr((result) => result.singleRank),
    singleArticlePlainBm25HitAt1: share((result) => within(result.singlePlainRank, 1)),
    singleArticlePlainBm25HitAt5: share((result) => within(result.singlePlainRank, 5)),
    latencyP50Ms: percentile(results.map((result) => result.ms), 50),
    latencyP95Ms: percentile(results.map((result) => result.ms), 95),
    ...uncertainty(results)
  }
}

/** 95 % intervals of the headline shares, and whether the gain over plain BM25 in the library could be chance. */
function uncertainty(results: readonly ClaimResult[]): Record<string, number> {
  const n = results.length
  const within = (rank: number | null, k: number): boolean => rank !== null && rank <= k
  const count = (test: (result: ClaimResult) => boolean): number => results.filter(test).length
  const interval = (name: string, k: number): Record<string, number> => {
    const [low, high] = wilson(k, n)
    return { [`${name}Low`]: low, [`${name}High`]: high }
  }
  const pairedP = (k: number): number =>
    mcnemar(
      count((result) => within(result.rank, k) && !within(result.libraryPlainRank, k)),
      count((result) => !within(result.rank, k) && within(result.libraryPlainRank, k))
    )
  return {
    ...interval('sourceRecall', count((result) => result.sourceRecall)),
    ...interval('hitAt1', count((result) => within(result.rank, 1))),
    ...interval('hitAt5', count((result) => within(result.rank, 5))),
    vsLibraryPlainBm25HitAt1P: pairedP(1),
    vsLibraryPlainBm25HitAt5P: pairedP(5)
  }
}

function wicePath(input: string): string {
  const path = resolve(input)
  if (existsSync(path) && statSync(path).isDirectory()) return [join(path, 'wice', 'dev.jsonl'), join(path, 'dev.jsonl')].find((candidate) => existsSync(candidate)) ?? join(path, 'dev.jsonl')
  return path
}

function parseArgs(argv: readonly string[]): { path: string; halves: Half[] } {
  let input = '../shared/corpora/wice/dev.jsonl'
  let half = 'all'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--half') half = argv[++i] ?? ''
    else if (arg.startsWith('--half=')) half = arg.slice('--half='.length)
    else input = arg
  }
  if (!['tune', 'report', 'all'].includes(half)) throw new Error(`eval-evidence: --half must be tune, report or all, not "${half}"`)
  return { path: wicePath(input), halves: half === 'all' ? ['report', 'tune'] : [half as Half] }
}

async function main(): Promise<void> {
  const { path, halves } = parseArgs(process.argv.slice(2))
  const rows = (await readFile(path, 'utf-8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as WiceRow)
  const articles = new Map<string, { file: string; sentences: string[] }>()
  for (const row of rows) {
    const key = JSON.stringify(row.evidence)
    if (!articles.has(key)) articles.set(key, { file: `${String(articles.size).padStart(4, '0')}.txt`, sentences: row.evidence })
  }
  const claims = rows.filter((row) => row.label !== 'not_supported' && row.supporting_sentences.flat().length > 0 && halves.includes(halfOf(row.claim)))
  const folder = await mkdtemp(join(tmpdir(), 'sourcebench-wice-'))
  const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-wice-data-'))
  const workbench = new Workbench({ dataDir, seedsDir: null, visitOnly: true })
  try {
    await mkdir(join(folder, 'wice'))
    for (const article of articles.values()) await writeFile(join(folder, 'wice', article.file), articleText(article.sentences))
    await workbench.boot()
    const imported = await workbench.importFolder(folder)
    if (imported.errors.length > 0) throw new Error(`eval-evidence: ${imported.errors.length} articles were not imported`)
    await workbench.idle()
    const api = createCoreHandlers(workbench)
    const byFile = new Map(workbench.project.store.library.data.sources.map((source) => [source.relativePath.split('/').pop() ?? '', source]))
    const plain = new LibraryBm25()
    const located = new Map<string, Array<TextRange | null>>()
    let unlocated = 0
    for (const [key, article] of articles) {
      const source = byFile.get(article.file)
      if (source === undefined) throw new Error(`eval-evidence: ${article.file} is missing from the library`)
      const text = await workbench.project.store.readText(source.contentHash)
      plain.add(source.id, text)
      const ranges = locate(text, article.sentences)
      unlocated += ranges.filter((range, index) => range === null && written(article.sentences[index] ?? '', index) !== '').length
      located.set(key, ranges)
    }
    const results: ClaimResult[] = []
    for (const row of claims) {
      const key = JSON.stringify(row.evidence)
      const sourceId = byFile.get(articles.get(key)?.file ?? '')?.id ?? ''
      const goldIndices = new Set(row.supporting_sentences.flat())
      const gold = [...goldIndices].map((index) => located.get(key)?.[index]).filter((range): range is TextRange => range !== null && range !== undefined)
      const claim = await api.createClaim({ text: row.claim })
      const started = performance.now()
      const suggestions = await api.suggestEvidence({ claimId: claim.id })
      const ms = performance.now() - started
      const hits = (passage: { sourceId: string } & TextRange): boolean => passage.sourceId === sourceId && overlapHits(passage, gold)
      const libraryPlain = plain.top(row.claim, 5)
      const singleHit = (ranked: Array<{ index: number }>): number | null => firstHit(ranked.slice(0, 5), (passage) => goldIndices.has(passage.index))
      results.push({
        half: halfOf(row.claim),
        sourceRecall: suggestions.some((suggestion) => suggestion.sourceId === sourceId),
        rank: firstHit(suggestions, hits),
        otherArticleFirst: suggestions[0] !== undefined && suggestions[0].sourceId !== sourceId,
        passageChars: suggestions.reduce((sum, suggestion) => sum + suggestion.end - suggestion.start, 0) / Math.max(1, suggestions.length),
        ms,
        singleRank: singleHit(rankPassages(row.claim, row.evidence)),
        singlePlainRank: singleHit(rankPassages(row.claim, row.evidence, { plain: true })),
        libraryPlainRank: firstHit(libraryPlain, hits),
        libraryPlainSource: libraryPlain.some((passage) => passage.sourceId === sourceId)
      })
    }
    const figures = Object.fromEntries(halves.map((half) => [half, summary(results.filter((result) => result.half === half))]))
    print(figures, { articles: articles.size, librarySentences: plain.passages.length, unlocatedSentences: unlocated })
  } finally {
    await workbench.shutdown()
    await rm(folder, { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  }
}

const LABELS: Array<[string, string, (value: number) => string]> = [
  ['claims', 'claims', (value) => String(value)],
  ['sourceRecall', 'library: gold article among the sources', (value) => value.toFixed(3)],
  ['hitAt1', 'library: hit@1 (target ≥ 0.80)', (value) => value.toFixed(3)],
  ['hitAt5', 'library: hit@5 (target ≥ 0.95)', (value) => value.toFixed(3)],
  ['hitAt1Low', '  hit@1, 95 % interval: low', (value) => value.toFixed(3)],
  ['hitAt1High', '  hit@1, 95 % interval: high', (value) => value.toFixed(3)],
  ['hitAt5Low', '  hit@5, 95 % interval: low', (value) => value.toFixed(3)],
  ['hitAt5High', '  hit@5, 95 % interval: high', (value) => value.toFixed(3)],
  ['mrr', 'library: MRR', (value) => value.toFixed(3)],
  ['otherArticleFirst', "library: another article's passage first", (value) => value.toFixed(3)],
  ['meanPassageChars', 'library: mean passage length (chars)', (value) => value.toFixed(0)],
  ['libraryPlainBm25SourceRecall', 'plain BM25, all library sentences: source recall', (value) => value.toFixed(3)],
  ['libraryPlainBm25HitAt1', 'plain BM25, all library sentences: hit@1', (value) => value.toFixed(3)],
  ['libraryPlainBm25HitAt5', 'plain BM25, all library sentences: hit@5', (value) => value.toFixed(3)],
  ['libraryPlainBm25Mrr', 'plain BM25, all library sentences: MRR', (value) => value.toFixed(3)],
  ['vsLibraryPlainBm25HitAt1P', 'gain over plain BM25 at hit@1: McNemar p', (value) => value.toFixed(4)],
  ['vsLibraryPlainBm25HitAt5P', 'gain over plain BM25 at hit@5: McNemar p', (value) => value.toFixed(4)],
  ['singleArticleHitAt1', 'own article only (rankPassages): hit@1', (value) => value.toFixed(3)],
  ['singleArticleHitAt5', 'own article only (rankPassages): hit@5', (value) => value.toFixed(3)],
  ['singleArticleMrr', 'own article only (rankPassages): MRR', (value) => value.toFixed(3)],
  ['singleArticlePlainBm25HitAt1', 'own article only, plain BM25: hit@1', (value) => value.toFixed(3)],
  ['singleArticlePlainBm25HitAt5', 'own article only, plain BM25: hit@5', (value) => value.toFixed(3)],
  ['latencyP50Ms', 'suggestEvidence latency p50 (ms)', (value) => value.toFixed(1)],
  ['latencyP95Ms', 'suggestEvidence latency p95 (ms)', (value) => value.toFixed(1)]
]

function print(figures: Record<string, Record<string, number>>, library: Record<string, number>): void {
  const halves = Object.keys(figures)
  console.log(`Suggested evidence on WiCE, in a library of ${library.articles} articles (${library.librarySentences} sentences)`)
  console.log('Headline: the REPORT half (tune = first sha1 byte of the claim even, report = odd)\n')
  console.log(`${''.padEnd(52)}${halves.map((half) => half.padStart(10)).join('')}`)
  for (const [key, label, format] of LABELS) console.log(`${label.padEnd(52)}${halves.map((half) => format(figures[half]?.[key] ?? 0).padStart(10)).join('')}`)
  if (library.unlocatedSentences !== undefined && library.unlocatedSentences > 0) console.log(`\n${library.unlocatedSentences} WiCE sentences could not be found in the stored texts`)
  console.log('')
  const headline = figures['report'] ?? figures[halves[0] ?? ''] ?? {}
  console.log(JSON.stringify({ headlineHalf: figures['report'] === undefined ? halves[0] : 'report', ...headline, halves: figures, library }))
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
