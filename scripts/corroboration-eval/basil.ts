// BASIL (Fan et al. 2019): does the quote ledger group the same quotation across Fox, NYT and
// HuffPost stories of one event, and are its single-source flags right? One library per half
// holds every event of that half (three articles per event, in per-event folders), so quotes
// of other events compete, imported and asked through the API the Quotes tab calls.
//
// Gold quotes: BASIL's phrase annotations with quote: yes, found in the stored text (by
// searching for their sentence) and widened to the quotation marks around them (“…” or "…",
// per paragraph; a quotation left open runs to its paragraph's end); annotations in one
// quotation are one gold quote; annotations in no quotation (block quotes) are left out.
// Same quotation (scripts/corroboration-eval/basil-judge.ts, not the engine's matcher): equal
// words; or the shorter's ≥ 2 words, one a content word, word for word in the longer; or ≥ 75 %
// and ≥ 3 (both, when it has 2) of the shorter's content words inside runs of ≥ 2 stems (≥ 3
// when it has 2 content words) both have in order. Folded first: case, F.B.I./FBI, Gen./General, in to/into.
// Gold pair: two gold quotes in different outlets of one event that are the same quotation;
// exact = equal words, else reworded or partial.
// - pairRecall: gold pairs whose two quotes land in one ledger group. A gold quote lands in
//   the group of the ledger version of its article overlapping it by the most characters.
// - groupPrecision: of the ledger groups spanning ≥ 2 sources, those whose sources are of one
//   event and in which every two versions from different sources are the same quotation (a
//   version joined across "he said" also part by part: a part of one is the other, or a part), or
//   both the same quotation as a third, longer version of the group (two fragments of one
//   speech; a short phrase two long quotes share does not make them one).
// - falseSingleSource: of the groups flagged single-source with ≥ 3 words (the ledger's
//   default), those with a version (or a part of it) that is the same quotation as a quotation in
//   marks in another outlet of the event holding at least half as many content words (an outlet
//   that quotes two words of a long quote, "Romney-Ryan", does not carry that quote).
// Failure classes (missed pairs and wrong groups): fragment = the shorter quote has ≤ 60 % of
// the longer's words; "he said" = a version has several parts; rewording = other inexact
// pairs; false join through a shared phrase = a wrong group whose unmatched versions share a
// run of ≥ 2 words with a content word; other = not extracted, exact but apart, wrong groups without a shared run.
import type { QuoteGroup, QuoteVersion } from '../../src/shared/domain/corroboration'
import { articleText, goldQuotes, readBasil, type BasilArticle, type GoldQuote } from './basil-data'
import { findQuotations, judgeWords, sameQuote, shareRun, type JudgeWords } from './basil-judge'
import { halfOf, type DatasetResult, type Half } from './half'
import { withLibrary } from './library'
import { join } from 'node:path'
import { existsSync } from 'node:fs'

const FRAGMENT_RATIO = 0.6
/** Another outlet carries a flagged quote when its quotation holds at least this share of the quote's content words. */
const HALF = 0.5
/** Events' folders sit in one folder of the library, as a reader keeps a project's downloads. */
const FOLDER = 'events'
/** BASIL_SHOW=1 prints the tune half's pairs and failures, for looking at them; never the reported half's. */
const SHOW = process.env.BASIL_SHOW === '1'
let showing = false

interface Placed {
  group: number
  version: QuoteVersion
}

interface Counts {
  pairs: number
  exact: number
  joined: number
  joinedExact: number
  crossGroups: number
  rightGroups: number
  flags: number
  falseFlags: number
  gold: number
  unmarked: number
  unlocated: number
  failures: Map<string, number>
  flagFailures: Map<string, number>
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function overlap(version: QuoteVersion, start: number, end: number): number {
  let total = 0
  for (const part of version.parts) total += Math.max(0, Math.min(end, part.end) - Math.max(start, part.start))
  return total
}

function place(gold: GoldQuote, versions: readonly Placed[]): Placed | null {
  let best: Placed | null = null
  let bestOverlap = 0
  for (const placed of versions) {
    const shared = overlap(placed.version, gold.start, gold.end)
    if (shared > bestOverlap) [best, bestOverlap] = [placed, shared]
  }
  return best
}

function missClass(a: GoldQuote, b: GoldQuote, placedA: Placed | null, placedB: Placed | null): string {
  if (placedA === null || placedB === null) return 'other (quote not extracted)'
  if (placedA.version.parts.length > 1 || placedB.version.parts.length > 1) return 'joined-across-"he said" mismatch'
  const [shorter, longer] = [a.words.tokens.length, b.words.tokens.length].sort((x, y) => x - y) as [number, number]
  if (shorter <= FRAGMENT_RATIO * longer) return 'fragment not joined to the longer version'
  if (sameQuote(a.words, b.words) !== 'exact') return 'rewording'
  return 'other'
}

function show(label: string, a: string, b: string): void {
  if (showing) console.error(`${label}\n   A: ${a}\n   B: ${b}`)
}

/** Gold pairs of one event, and whether the ledger put each pair in one group. */
function scorePairs(golds: readonly GoldQuote[], placedOf: (gold: GoldQuote) => Placed | null, counts: Counts): void {
  for (let i = 0; i < golds.length; i++) {
    for (let j = i + 1; j < golds.length; j++) {
      const a = golds[i]!
      const b = golds[j]!
      if (a.article.event !== b.article.event || a.article.outlet === b.article.outlet) continue
      const verdict = sameQuote(a.words, b.words)
      if (verdict === null) {
        if (shareRun(a.words, b.words)) show('near-miss (not a gold pair)', a.text, b.text)
        continue
      }
      counts.pairs++
      if (verdict === 'exact') counts.exact++
      const placedA = placedOf(a)
      const placedB = placedOf(b)
      if (placedA !== null && placedB !== null && placedA.group === placedB.group) {
        counts.joined++
        if (verdict === 'exact') counts.joinedExact++
        show(`gold pair (${verdict}), joined`, a.text, b.text)
      } else {
        const failure = missClass(a, b, placedA, placedB)
        bump(counts.failures, failure)
        show(`gold pair (${verdict}) MISSED: ${failure}`, placedA?.version.text ?? `[${a.text}]`, placedB?.version.text ?? `[${b.text}]`)
      }
    }
  }
}

/** Whether every two versions of different sources are one quotation, directly or through a third. */
/** A version's words, then each of its parts' when attribution interrupts it (“…,” he said, “…”). */
function versionWords(version: QuoteVersion, stored: string): JudgeWords[] {
  const whole = judgeWords(version.text)
  return version.parts.length < 2 ? [whole] : [whole, ...version.parts.map((part) => judgeWords(stored.slice(part.start, part.end)))]
}

function sameVersion(a: readonly JudgeWords[], b: readonly JudgeWords[]): boolean {
  return a.some((x) => b.some((y) => sameQuote(x, y) !== null))
}

function scoreGroup(group: QuoteGroup, articleOf: Map<string, BasilArticle>, storedOf: Map<string, string>, counts: Counts): void {
  counts.crossGroups++
  const events = new Set(group.sourceIds.map((id) => articleOf.get(id)?.event))
  const versions = group.versions.map((version) => versionWords(version, storedOf.get(version.sourceId) ?? ''))
  const words = versions.map((all) => all[0]!)
  const same = (i: number, j: number) => sameVersion(versions[i]!, versions[j]!)
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      if (group.versions[i]!.sourceId === group.versions[j]!.sourceId || same(i, j)) continue
      const longer = (k: number) => words[k]!.tokens.length >= Math.max(words[i]!.tokens.length, words[j]!.tokens.length)
      if (words.some((_, k) => k !== i && k !== j && longer(k) && same(i, k) && same(j, k))) continue
      bump(counts.failures, shareRun(words[i]!, words[j]!) ? 'false join through a shared phrase' : 'other (wrong group)')
      show(`WRONG GROUP${events.size > 1 ? ' (events mixed)' : ''}`, group.versions[i]!.text, group.versions[j]!.text)
      return
    }
  }
  if (events.size > 1) {
    bump(counts.failures, 'other (wrong group)')
    show('WRONG GROUP (events mixed)', group.versions[0]!.text, group.versions.slice(1).map((version) => version.text).join(' | '))
    return
  }
  counts.rightGroups++
}

/** A single-source flag is false when another outlet of the event carries the words in quotation marks. */
function scoreFlag(group: QuoteGroup, article: BasilArticle, stored: string, quotedElsewhere: readonly JudgeWords[], counts: Counts): void {
  counts.flags++
  for (const version of group.versions) {
    const mine = versionWords(version, stored)
    const carried = quotedElsewhere.find((other) => mine.some((words) => sameQuote(words, other) !== null && contentOf(other) >= HALF * contentOf(words)))
    if (carried === undefined) continue
    counts.falseFlags++
    bump(counts.flagFailures, version.parts.length > 1 ? 'joined-across-"he said" mismatch' : 'missed join')
    show(`FALSE SINGLE-SOURCE (${article.outlet})`, version.text, carried.tokens.join(' '))
    return
  }
}

function newCounts(): Counts {
  return {
    pairs: 0, exact: 0, joined: 0, joinedExact: 0, crossGroups: 0, rightGroups: 0, flags: 0, falseFlags: 0,
    gold: 0, unmarked: 0, unlocated: 0, failures: new Map(), flagFailures: new Map()
  }
}

async function evalHalf(half: Half, articles: readonly BasilArticle[]): Promise<Counts> {
  showing = SHOW && half === 'tune'
  const counts = newCounts()
  const files = articles.map((article) => ({ path: `${FOLDER}/${article.path}`, text: articleText(article) }))
  await withLibrary(`basil-${half}`, files, async (library) => {
    const articleOf = new Map<string, BasilArticle>()
    const golds: GoldQuote[] = []
    const quoted = new Map<string, JudgeWords[]>()
    const storedOf = new Map<string, string>()
    for (const article of articles) {
      // The harness keys sources by their path below the imported folder's name; either form is accepted.
      const source = library.sources.get(`${FOLDER}/${article.path}`) ?? library.sources.get(article.path)
      if (source === undefined) throw new Error(`eval-corroboration: ${article.path} is not in the library`)
      articleOf.set(source.id, article)
      const stored = await library.text(source)
      storedOf.set(source.id, stored)
      const found = goldQuotes(article, stored)
      golds.push(...found.gold)
      counts.unmarked += found.unmarked
      counts.unlocated += found.unlocated
      quoted.set(article.path, findQuotations(stored).map((quotation) => judgeWords(stored.slice(quotation.start, quotation.end))))
    }
    counts.gold = golds.length
    const ledger = await library.ledger()
    const bySource = new Map<string, Placed[]>()
    ledger.groups.forEach((group, index) => {
      for (const version of group.versions) {
        const list = bySource.get(version.sourceId) ?? []
        list.push({ group: index, version })
        bySource.set(version.sourceId, list)
      }
    })
    const sourceIdOf = new Map([...articleOf].map(([id, article]) => [article, id]))
    scorePairs(golds, (gold) => place(gold, bySource.get(sourceIdOf.get(gold.article)!) ?? []), counts)
    for (const group of ledger.groups) {
      if (group.sourceIds.length >= 2) scoreGroup(group, articleOf, storedOf, counts)
      else if (group.flags.singleSource && group.words >= 3) {
        const article = articleOf.get(group.sourceIds[0]!)!
        const elsewhere = articles.filter((other) => other.event === article.event && other.outlet !== article.outlet)
        scoreFlag(group, article, storedOf.get(group.sourceIds[0]!) ?? '', elsewhere.flatMap((other) => quoted.get(other.path) ?? []), counts)
      }
    }
  })
  return counts
}

function contentOf(words: JudgeWords): number {
  return words.content.filter(Boolean).length
}

function fraction(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

function result(half: Half, events: number, counts: Counts): DatasetResult {
  const reworded = counts.pairs - counts.exact
  const figures = {
    pairRecall: fraction(counts.joined, counts.pairs),
    pairRecallExact: fraction(counts.joinedExact, counts.exact),
    pairRecallReworded: fraction(counts.joined - counts.joinedExact, reworded),
    groupPrecision: fraction(counts.rightGroups, counts.crossGroups),
    falseSingleSource: fraction(counts.falseFlags, counts.flags),
    goldPairs: counts.pairs,
    crossOutletGroups: counts.crossGroups,
    singleSourceFlags: counts.flags
  }
  const f = (value: number) => value.toFixed(3)
  return {
    half,
    title: `BASIL: the same quote across outlets (${events} events)`,
    rows: [
      ['gold quotes', `${counts.gold} (${counts.unmarked} annotations outside quotation marks, ${counts.unlocated} not found)`],
      ['pair recall', `${f(figures.pairRecall)} of ${counts.pairs} pairs`],
      ['  exact', `${f(figures.pairRecallExact)} of ${counts.exact}`],
      ['  reworded or partial', `${f(figures.pairRecallReworded)} of ${reworded}`],
      ['group precision', `${f(figures.groupPrecision)} of ${counts.crossGroups} groups spanning ≥ 2 sources`],
      ['false single-source', `${f(figures.falseSingleSource)} of ${counts.flags} flags (${[...counts.flagFailures].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`]
    ],
    figures,
    failures: [...counts.failures].sort((a, b) => b[1] - a[1])
  }
}

export async function evalBasil(corporaRoot: string, halves: Half[]): Promise<DatasetResult[]> {
  const root = join(corporaRoot, 'basil-dev')
  if (!existsSync(join(root, 'articles'))) {
    console.error(`eval-corroboration: no BASIL data at ${root}, skipped`)
    return []
  }
  const all = await readBasil(root)
  const results: DatasetResult[] = []
  for (const half of halves) {
    const articles = all.filter((article) => halfOf(article.event) === half)
    if (articles.length === 0) continue
    const counts = await evalHalf(half, articles)
    results.push(result(half, new Set(articles.map((article) => article.event)).size, counts))
  }
  return results
}
