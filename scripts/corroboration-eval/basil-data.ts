// BASIL as the evaluation reads it: events of three articles (fox, nyt, hpo), each written
// out as a reader saves an article, and the gold quotes located in the text the app stored.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findQuotations, judgeWords, type JudgeWords, type Quotation } from './basil-judge'

export interface BasilArticle {
  event: string
  outlet: string
  /** Where it is written in the library: "<event>/<outlet>.txt". */
  path: string
  title: string
  sentences: string[][]
  /** quote: yes annotations: sentence id ("p3" or "title") and offsets in that sentence. */
  quotes: { id: string; start: number; end: number }[]
}

interface ArticleJson {
  title: string
  source: string
  'triplet-uuid': string
  'body-paragraphs': string[][]
}

interface AnnotationJson {
  'phrase-level-annotations': { id: string; start: number; end: number; quote: string }[]
}

/** Every article under `root`/articles with its annotations; none when the folder is missing. */
export async function readBasil(root: string): Promise<BasilArticle[]> {
  const articles: BasilArticle[] = []
  for (const year of (await readdir(join(root, 'articles'))).sort()) {
    for (const name of (await readdir(join(root, 'articles', year))).sort()) {
      if (!name.endsWith('.json')) continue
      const article = JSON.parse(await readFile(join(root, 'articles', year, name), 'utf8')) as ArticleJson
      const annotationPath = join(root, 'annotations', year, name.replace(/\.json$/, '_ann.json'))
      const annotations = JSON.parse(await readFile(annotationPath, 'utf8').catch(() => '{"phrase-level-annotations":[]}')) as AnnotationJson
      const outlet = article.source.toLowerCase()
      const event = article['triplet-uuid']
      articles.push({
        event,
        outlet,
        path: `${event}/${outlet}.txt`,
        title: article.title,
        sentences: article['body-paragraphs'],
        quotes: annotations['phrase-level-annotations'].filter((note) => note.quote === 'yes').map(({ id, start, end }) => ({ id, start, end }))
      })
    }
  }
  return articles
}

/** Title line, blank line, paragraphs separated by blank lines (a paragraph's sentences joined by spaces). */
export function articleText(article: BasilArticle): string {
  return `${article.title}\n\n${article.sentences.map((sentences) => sentences.join(' ')).join('\n\n')}\n`
}

export interface GoldQuote {
  article: BasilArticle
  /** Interior of the quotation(s) it lies in, in the stored text. */
  start: number
  end: number
  text: string
  words: JudgeWords
}

/** Where each sentence ("title", "p0", …) starts in the stored text, found by searching in order. */
function sentenceStarts(article: BasilArticle, stored: string): Map<string, number> {
  const starts = new Map<string, number>()
  const title = stored.indexOf(article.title)
  if (title >= 0) starts.set('title', title)
  let cursor = Math.max(0, title + article.title.length)
  article.sentences.flat().forEach((sentence, index) => {
    const at = stored.indexOf(sentence, cursor)
    if (at < 0) return
    starts.set(`p${index}`, at)
    cursor = at + sentence.length
  })
  return starts
}

/** The words of the quotations overlapping [start, end), joined as the quoted words read. */
export function quotedText(stored: string, quotations: readonly Quotation[]): string {
  return quotations.map((quotation) => stored.slice(quotation.start, quotation.end)).join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * The article's gold quotes: each quote annotation found in the stored text and widened to
 * the quotation(s) it overlaps; annotations outside every quotation (a block quote without
 * marks) are not quotations the ledger could find, and are counted in `unmarked`.
 */
export function goldQuotes(article: BasilArticle, stored: string): { gold: GoldQuote[]; unmarked: number; unlocated: number } {
  const starts = sentenceStarts(article, stored)
  const quotations = findQuotations(stored)
  const ranges: [number, number][] = []
  let unmarked = 0
  let unlocated = 0
  for (const note of article.quotes) {
    const base = starts.get(note.id)
    if (base === undefined) {
      unlocated++
      continue
    }
    const from = base + note.start
    const to = base + note.end
    const first = quotations.findIndex((quotation) => quotation.start < to && from < quotation.end)
    if (first < 0) {
      unmarked++
      continue
    }
    let last = first
    while (last + 1 < quotations.length && quotations[last + 1]!.start < to) last++
    ranges.push([first, last])
  }
  // Two annotations in one quotation are one gold quote: overlapping ranges merge.
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const previous = merged.at(-1)
    if (previous !== undefined && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1])
    else merged.push([...range])
  }
  const gold = merged.map(([first, last]): GoldQuote => {
    const inside = quotations.slice(first, last + 1)
    const text = quotedText(stored, inside)
    return { article, start: inside[0]!.start, end: inside.at(-1)!.end, text, words: judgeWords(text) }
  })
  return { gold, unmarked, unlocated }
}
