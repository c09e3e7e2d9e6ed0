// PolNeAR's gold quotations read from its BRAT standoff files: each attribution whose Content
// holds double quote marks, with the quoted stretches of that Content, its Source and its Cue,
// as UTF-16 offsets into the article's raw text (the files give Python code points).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface Span {
  start: number
  end: number
}

export interface GoldAttribution {
  /** The Content's stretches between double quote marks; empty when the Content holds no marks. */
  quoted: Span[]
  content: Span[]
  source: Span[] | null
  cue: Span[] | null
}

export interface GoldArticle {
  id: string
  text: string
  attributions: GoldAttribution[]
}

const DOUBLE_MARKS = /["“”„‟«»″]/g
const CLOSERS = new Set(['”', '»'])

/** UTF-16 index of each code-point offset, one past the end included. */
function codePointIndex(text: string): number[] {
  const index: number[] = []
  let at = 0
  for (const char of text) {
    index.push(at)
    at += char.length
  }
  index.push(at)
  return index
}

function spans(field: string, index: readonly number[]): Span[] {
  return field.split(';').map((pair) => {
    const [start, end] = pair.trim().split(' ').map(Number)
    return { start: index[start!] ?? 0, end: index[end!] ?? 0 }
  })
}

/** The stretches of `span` between double marks: marks alternate open/close, a leading closer closes a quote opened before the span. */
export function quotedStretches(text: string, span: Span): Span[] {
  const marks = [...text.slice(span.start, span.end).matchAll(DOUBLE_MARKS)].map((match) => ({ at: span.start + match.index, char: match[0] }))
  const found: Span[] = []
  let open: number | null = null
  if (marks.length > 0 && CLOSERS.has(marks[0]!.char)) open = span.start
  for (const mark of marks) {
    if (open === null) open = mark.at + 1
    else {
      if (mark.at > open) found.push({ start: open, end: mark.at })
      open = null
    }
  }
  if (open !== null && span.end > open) found.push({ start: open, end: span.end })
  return found.filter((stretch) => /[\p{L}\p{Nd}]/u.test(text.slice(stretch.start, stretch.end)))
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const index = codePointIndex(text)
  const textBound = new Map<string, Span[]>()
  const relations: Array<Record<string, string>> = []
  for (const line of ann.split('\n')) {
    const fields = line.split('\t')
    if (line.startsWith('T') && fields.length >= 3) {
      const at = fields[1]!.indexOf(' ')
      textBound.set(fields[0]!, spans(fields[1]!.slice(at + 1), index))
    } else if (line.startsWith('E') && fields.length >= 2) {
      relations.push(Object.fromEntries(fields[1]!.split(' ').filter((part) => part.includes(':')).map((part) => part.split(':') as [string, string])))
    }
  }
  const attributions: GoldAttribution[] = []
  for (const relation of relations) {
    const content = textBound.get(relation['Content'] ?? '')
    if (content === undefined) continue
    attributions.push({
      content,
      quoted: content.flatMap((span) => quotedStretches(text, span)),
      source: textBound.get(relation['Source'] ?? '') ?? null,
      cue: textBound.get(relation['Cue'] ?? '') ?? null
    })
  }
  return attributions
}

/** The split's articles with the first annotator's attributions (first .ann in sorted order). */
export async function readSplit(splitDir: string): Promise<GoldArticle[]> {
  const annFiles = (await readdir(join(splitDir, 'attributions'))).filter((name) => name.endsWith('.ann')).sort()
  const firstAnn = new Map<string, string>()
  for (const name of annFiles) {
    const article = name.slice(0, name.lastIndexOf('_'))
    if (!firstAnn.has(article)) firstAnn.set(article, name)
  }
  const articles: GoldArticle[] = []
  for (const name of (await readdir(join(splitDir, 'text'))).filter((file) => file.endsWith('.txt')).sort()) {
    const id = name.slice(0, -4)
    const text = await readFile(join(splitDir, 'text', name), 'utf8')
    const ann = firstAnn.get(id)
    const attributions = ann === undefined ? [] : parseAnn(await readFile(join(splitDir, 'attributions', ann), 'utf8'), text)
    articles.push({ id, text, attributions })
  }
  return articles
}
