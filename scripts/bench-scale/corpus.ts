// Reads the team's news corpora (reuters, bbc, polnear) into articles the scale generator
// can copy verbatim or recombine: each with its bytes, its topic group, its title and its
// paragraphs, plus the names of people quoted in them (to swap into copies).
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'

export interface Article {
  /** Where it came from, relative to the corpora folder: a stable sort key. */
  origin: string
  corpus: 'reuters' | 'bbc' | 'polnear'
  /** Same-topic articles share paragraphs in copies: a reuters topic, a bbc section, a polnear publisher. */
  group: string
  bytes: Buffer
  title: string
  /** Reuters: "WASHINGTON, June 3 -", the line before the body. */
  dateline: string | null
  /** The body, one entry per paragraph, lines unwrapped (reuters: without its closing "REUTER"). */
  paragraphs: string[]
}

export interface Corpora {
  articles: Article[]
  /** Person names seen next to "said" ("Jeremy Jaynes said"), sorted. */
  names: string[]
  /** The corpus folders that were not there (the bench runs on the others). */
  missing: string[]
}

/** Reuters topics with fewer articles than this borrow paragraphs from all small topics. */
const SMALL_GROUP = 20

async function txtFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

async function readAll(paths: string[]): Promise<Buffer[]> {
  const out: Buffer[] = new Array<Buffer>(paths.length)
  let next = 0
  const lane = async (): Promise<void> => {
    for (let index = next++; index < paths.length; index = next++) out[index] = await readFile(paths[index] as string)
  }
  await Promise.all(Array.from({ length: 32 }, lane))
  return out
}

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  // bbc/sport/199.txt is ISO-8859-1.
  return text.includes('\uFFFD') ? bytes.toString('latin1') : text
}

/** Title on the first non-blank line, then paragraphs: blank-line separated, or (reuters) indented. */
function parse(text: string, reuters: boolean): { title: string; dateline: string | null; paragraphs: string[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift()
  const title = (lines.shift() ?? '').trim()
  const paragraphs: string[] = []
  let current: string[] = []
  const flush = (): void => {
    const paragraph = current.join(' ').replace(/\s+/g, ' ').trim()
    if (paragraph !== '') paragraphs.push(paragraph)
    current = []
  }
  for (const line of lines) {
    if (line.trim() === '' || (reuters && /^\s{3,}\S/.test(line))) flush()
    if (line.trim() !== '') current.push(line)
  }
  flush()
  if (!reuters) return { title, dateline: null, paragraphs }
  const dateline = paragraphs[0] !== undefined && paragraphs[0].length < 80 && paragraphs[0].endsWith('-') ? (paragraphs.shift() as string) : null
  const body = paragraphs.map((paragraph) => paragraph.replace(/\s*REUTER$/, '')).filter((paragraph) => paragraph !== '')
  return { title, dateline, paragraphs: body }
}

const NOT_A_FIRST_NAME = new Set(
  'The A An And But Or If In On At For From With By To Of As He She It They We I This That These Those There Then When While Its His Her Their Our Mr Mrs Ms Dr Sir President Minister Chancellor Secretary Senator Governor General Judge Chairman Officials Analysts Sources Police Democrats Republicans Labour Tory Tories January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday New United South North East West British American Federal National World General First Royal City Central Western Eastern Northern Southern Great International Pacific Atlantic Continental Standard Union Chase Morgan Lord Der Van Von De La Le'.split(
    ' '
  )
)

const NOT_A_SURNAME = new Set(
  'Inc Corp Co Ltd Plc Group Bank Union Council Department Ministry Party House Street Office Agency Reserve Exchange Court Government News Times Post Journal Association Commission Board Committee Company Industries International Airlines Motors Financial Securities Partners Capital Fund Institute University Service Services Post Press Radio Television Nations States Kingdom Republic Community Organisation Organization Federation League Club'.split(
    ' '
  )
)

/** "X Y said", "said X Y": candidate names, pooled by the caller. */
function harvestNames(paragraphs: string[], into: Map<string, Set<string>>): void {
  const near = /\b([A-Z][a-z]{1,14} [A-Z][a-z]{2,16})(?= (?:said|says|told|added)\b)|\b(?:said|says|told|added) ([A-Z][a-z]{1,14} [A-Z][a-z]{2,16})\b/g
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(near)) {
      const name = match[1] ?? match[2]
      if (name === undefined) continue
      const [first, last] = name.split(' ') as [string, string]
      if (NOT_A_FIRST_NAME.has(first) || NOT_A_SURNAME.has(last)) continue
      into.set(first, (into.get(first) ?? new Set()).add(name))
    }
  }
}

/** People, not organisations: a first name that starts at least three different names ("John", "David"). */
function personNames(candidates: Map<string, Set<string>>): string[] {
  return [...candidates.values()].filter((names) => names.size >= 3).flatMap((names) => [...names])
}

export async function readCorpora(folder: string): Promise<Corpora> {
  const sets = [
    { corpus: 'reuters' as const, dirs: [join(folder, 'reuters')] },
    { corpus: 'bbc' as const, dirs: [join(folder, 'bbc')] },
    { corpus: 'polnear' as const, dirs: [join(folder, 'polnear', 'data', 'train', 'text'), join(folder, 'polnear', 'data', 'dev', 'text')] }
  ]
  const missing: string[] = []
  const articles: Article[] = []
  const names = new Map<string, Set<string>>()
  for (const { corpus, dirs } of sets) {
    for (const dir of dirs) {
      if (!existsSync(dir)) {
        missing.push(dir)
        continue
      }
      const paths = await txtFiles(dir)
      const contents = await readAll(paths)
      paths.forEach((path, index) => {
        const bytes = contents[index] as Buffer
        const text = decode(bytes)
        if (text.trim() === '') return
        const { title, dateline, paragraphs } = parse(text, corpus === 'reuters')
        const relative = path.slice(folder.length + 1)
        const topic = corpus === 'polnear' ? basename(path).split('_')[0] : relative.split('/')[1]
        articles.push({ origin: relative, corpus, group: `${corpus}:${topic ?? ''}`, bytes, title, dateline, paragraphs })
        harvestNames(paragraphs, names)
      })
    }
  }
  const sizes = new Map<string, number>()
  for (const article of articles) sizes.set(article.group, (sizes.get(article.group) ?? 0) + 1)
  for (const article of articles) if ((sizes.get(article.group) ?? 0) < SMALL_GROUP) article.group = `${article.corpus}:small-topics`
  articles.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0))
  return { articles, names: personNames(names).sort(), missing }
}
