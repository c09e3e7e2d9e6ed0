// Speakers of quotations on PolNeAR, through the product path: each split's articles imported
// as one library, the ledger asked for once, each gold quotation matched to the ledger's
// quote versions of its article by offsets.
//
// Gold. The first .ann (sorted) of each article. A gold QUOTE is an attribution (E line) that
// has a Source and whose Content holds double quote marks (" “ ” „ ‟ « » ″); its QUOTED PART
// is the Content's stretches between marks (marks alternate open/close; a Content starting
// with a closer or ending inside a quote is cut at its edge). Offsets (Python code points
// into the raw .txt) are converted to UTF-16 and mapped to the stored text by locating the raw
// text in it (or, failing that, each span's words nearest their expected place).
// Matching. A gold quote is FOUND when a ledger version of the same source overlaps its quoted
// part by ≥ 1 character; the version with the largest overlap is its prediction.
// quoteRecall = found gold quotes / gold quotes. quotePrecision = ledger versions overlapping
// the quoted part of any gold Content with marks (with or without a Source) / ledger versions.
// NAMED Source: the Source span, cut at commas, brackets, dashes and who/which, has a chunk
// whose last word is capitalised, is not a pronoun, title, body or group word ("campaign",
// "News", "Democrats"…), not an acronym (CNN) or an initial; that chunk's capitalised run
// (titles dropped, ≤ 4 words) is the gold name. A one-word gold name is resolved to the
// article's most frequent 2–3-word mention holding it as last word (else as first word):
// "Hillary" → Hillary Clinton, "Trump" → Donald Trump.
// RIGHT person (polnear-names.ts judgeSpeaker): the predicted speaker, titles dropped, ends in
// the gold surname and starts with the gold first name or its initial, or is the surname or
// the first name alone. DESCRIBED: a predicted speaker with no capitalised word ("a spokesman").
// WRONG: any other predicted speaker. NONE: no speaker.
// speakerAccuracy / speakerWrong / speakerNone = right / wrong / none over named gold quotes
// FOUND (namedQuotesFound); namedQuotes = named gold quotes (found or not).
// Failure classes (named quotes found but not right, first that applies): title of a work
// (≤ 8 words after book/film/show/song/titled/called…, or all words capitalised); fragment
// inside reported speech (the Content has words before its first mark); apposition (a comma,
// bracket or digit in the Source span or between Source and Cue); unusual verb (no word of the
// Cue is a reporting verb the engine knows); pronoun/coref (the version's attribution opens
// with he/she/they, or the Source is more than 250 characters from the Content); other.
// Train has 840 articles: by default all are used; POLNEAR_TRAIN_SAMPLE=n takes every k-th.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { polnearHalf, type DatasetResult, type Half } from './half'
import { withLibrary } from './library'
import { readSplit, type GoldArticle, type Span } from './polnear-gold'
import { classifyMiss, type MissClass } from './polnear-misses'
import { goldPerson, judgeSpeaker, namedSource, type SpeakerVerdict } from './polnear-names'
import type { QuoteVersion } from '../../src/shared/domain/corroboration'

interface Tally {
  gold: number
  found: number
  versions: number
  versionsRight: number
  named: number
  namedFound: number
  verdicts: Record<SpeakerVerdict, number>
  misses: Map<MissClass, number>
  dump: string[]
}

function emptyTally(): Tally {
  return { gold: 0, found: 0, versions: 0, versionsRight: 0, named: 0, namedFound: 0, verdicts: { right: 0, wrong: 0, described: 0, none: 0 }, misses: new Map(), dump: [] }
}

function overlap(a: readonly Span[], b: readonly Span[]): number {
  let total = 0
  for (const x of a) for (const y of b) total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))
  return total
}

/** Maps raw-text spans into the stored text: a fixed shift when the raw text is found whole, else each span's words nearest their place. */
function spanMapper(raw: string, stored: string): (span: Span) => Span | null {
  const shift = stored === raw ? 0 : stored.indexOf(raw)
  if (shift >= 0) return (span) => ({ start: span.start + shift, end: span.end + shift })
  const drift = stored.length - raw.length
  return (span) => {
    const words = raw.slice(span.start, span.end)
    if (words === '') return null
    let best = -1
    for (let at = stored.indexOf(words); at !== -1; at = stored.indexOf(words, at + 1)) {
      if (best < 0 || Math.abs(at - span.start - drift) < Math.abs(best - span.start - drift)) best = at
    }
    return best < 0 ? null : { start: best, end: best + words.length }
  }
}

function mapAll(spans: readonly Span[] | null, map: (span: Span) => Span | null): Span[] | null {
  if (spans === null) return null
  const mapped = spans.map(map)
  return mapped.every((span) => span !== null) ? (mapped as Span[]) : null
}

type Version = Pick<QuoteVersion, 'parts' | 'speaker' | 'attribution' | 'text'>

function scoreArticle(article: GoldArticle, stored: string, versions: readonly Version[], tally: Tally): void {
  const map = spanMapper(article.text, stored)
  const marked = article.attributions.map((gold) => mapAll(gold.quoted, map) ?? []).filter((quoted) => quoted.length > 0)
  tally.versions += versions.length
  tally.versionsRight += versions.filter((version) => marked.some((quoted) => overlap(version.parts, quoted) > 0)).length
  for (const gold of article.attributions) {
    const quoted = mapAll(gold.quoted, map)
    if (gold.source === null || quoted === null || quoted.length === 0) continue
    tally.gold++
    let best: Version | null = null
    let bestOverlap = 0
    for (const version of versions) {
      const shared = overlap(version.parts, quoted)
      if (shared > bestOverlap) [best, bestOverlap] = [version, shared]
    }
    if (best !== null) tally.found++
    const sourceText = gold.source.map((span) => article.text.slice(span.start, span.end)).join(' ')
    const run = namedSource(sourceText)
    if (run === null) continue
    tally.named++
    if (best === null) continue
    tally.namedFound++
    const verdict = judgeSpeaker(best.speaker, goldPerson(run, article.text))
    tally.verdicts[verdict]++
    if (verdict === 'right') continue
    const missClass = classifyMiss(article.text, gold, best.attribution)
    tally.misses.set(missClass, (tally.misses.get(missClass) ?? 0) + 1)
    const cue = gold.cue?.map((span) => article.text.slice(span.start, span.end)).join(' ') ?? ''
    tally.dump.push([article.id, verdict, missClass, `gold=${sourceText}`, `cue=${cue}`, `pred=${best.speaker ?? ''}`, `attr=${best.attribution ?? ''}`, `quote=${best.text.slice(0, 80)}`, `context=${article.text.slice(Math.max(0, Math.min(gold.content[0]!.start, gold.source[0]!.start) - 60), Math.max(gold.content.at(-1)!.end, gold.source.at(-1)!.end) + 40).replace(/\s+/g, ' ')}`].join('\t'))
  }
}

/** Each article's stored text and quote versions: through a library's ledger, or (for quick tuning runs) any other way. */
export type SplitRunner = (
  label: string,
  articles: readonly GoldArticle[],
  score: (article: GoldArticle, stored: string, versions: readonly Pick<QuoteVersion, 'parts' | 'speaker' | 'attribution' | 'text'>[]) => void
) => Promise<void>

const throughLedger: SplitRunner = async (label, articles, score) => {
  // In a folder of its own: library.ts keys sources by their path with the first folder dropped.
  const files = articles.map((article) => ({ path: `${label}/${article.id}.txt`, text: article.text }))
  await withLibrary(`polnear-${label}`, files, async (library) => {
    const ledger = await library.ledger()
    const bySource = new Map<string, QuoteVersion[]>()
    for (const group of ledger.groups) for (const version of group.versions) bySource.set(version.sourceId, [...(bySource.get(version.sourceId) ?? []), version])
    for (const article of articles) {
      const source = library.sources.get(`${article.id}.txt`) ?? library.sources.get(`${label}/${article.id}.txt`)
      if (source === undefined) throw new Error(`eval-corroboration: ${article.id} was not imported`)
      score(article, await library.text(source), bySource.get(source.id) ?? [])
    }
  })
}

async function evalSplit(split: string, splitDir: string, tally: Tally, run: SplitRunner): Promise<number> {
  let articles = await readSplit(splitDir)
  const sample = Number(process.env['POLNEAR_TRAIN_SAMPLE'] ?? '0')
  if (split === 'train' && sample > 0 && sample < articles.length) {
    const step = articles.length / sample
    articles = Array.from({ length: sample }, (_, index) => articles[Math.floor(index * step)]!)
  }
  await run(split, articles, (article, stored, versions) => scoreArticle(article, stored, versions, tally))
  return articles.length
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole)
const shown = (value: number): string => value.toFixed(3)

function result(half: Half, splits: string[], articles: number, tally: Tally): DatasetResult {
  const { verdicts } = tally
  const figures = {
    speakerAccuracy: ratio(verdicts.right, tally.namedFound),
    speakerWrong: ratio(verdicts.wrong, tally.namedFound),
    speakerNone: ratio(verdicts.none, tally.namedFound),
    speakerDescribed: ratio(verdicts.described, tally.namedFound),
    quotePrecision: ratio(tally.versionsRight, tally.versions),
    quoteRecall: ratio(tally.found, tally.gold),
    namedQuotes: tally.named,
    namedQuotesFound: tally.namedFound
  }
  return {
    half,
    title: `PolNeAR ${splits.join('+')}: speakers`,
    rows: [
      ['articles', String(articles)],
      ['quotes (gold, in marks, with a source)', String(tally.gold)],
      ['quote precision', `${shown(figures.quotePrecision)} of ${tally.versions} versions`],
      ['quote recall', shown(figures.quoteRecall)],
      ['named-speaker quotes (found / all)', `${tally.namedFound} / ${tally.named}`],
      ['right person', shown(figures.speakerAccuracy)],
      ['wrong person', shown(figures.speakerWrong)],
      ['no speaker', shown(figures.speakerNone)],
      ['described only', shown(figures.speakerDescribed)]
    ],
    figures,
    failures: [...tally.misses].sort((a, b) => b[1] - a[1])
  }
}

export async function evalPolnear(corporaRoot: string, halves: Half[], run: SplitRunner = throughLedger): Promise<DatasetResult[]> {
  const dataDir = join(corporaRoot, 'polnear', 'data')
  if (!existsSync(dataDir)) {
    console.error(`eval-corroboration: no ${dataDir}, PolNeAR skipped`)
    return []
  }
  const results: DatasetResult[] = []
  for (const half of halves) {
    const splits = ['train', 'dev', 'test'].filter((split) => polnearHalf(split) === half && existsSync(join(dataDir, split, 'text')))
    if (splits.length === 0) continue
    const tally = emptyTally()
    let articles = 0
    for (const split of splits) articles += await evalSplit(split, join(dataDir, split), tally, run)
    const dumpTo = process.env['POLNEAR_DUMP']
    if (dumpTo !== undefined && half === 'tune') await writeFile(dumpTo, tally.dump.join('\n') + '\n')
    results.push(result(half, splits, articles, tally))
  }
  return results
}
