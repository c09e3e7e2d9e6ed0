// The scale bench's fixed queries, drawn (seeded) from the first 1,000 generated documents,
// which every library size holds, so each size answers the same list: words at three
// document frequencies, 2–4 word phrases that occur, and one-letter misspellings as `word~`.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isStopWord } from '../../src/shared/search/stop-words'
import { terms } from '../../src/shared/search/tokenize'
import { firstFolder, WATCH_FILE_PREFIX } from './generate'
import { pick, seededRandom, shuffle } from './random'

export interface QuerySet {
  word: string[]
  phrase: string[]
  fuzzy: string[]
}

const PER_KIND = 40
const WORD = /^[a-z]{3,}$/

/** Words by share of documents holding them: common ≥ 5 %, medium 0.5–5 %, rare at least two documents below that. */
function bands(documents: string[][]): { common: string[]; medium: string[]; rare: string[] } {
  const frequency = new Map<string, number>()
  for (const document of documents) for (const term of new Set(document)) if (WORD.test(term) && !isStopWord(term)) frequency.set(term, (frequency.get(term) ?? 0) + 1)
  const share = (term: string): number => (frequency.get(term) ?? 0) / documents.length
  const sorted = [...frequency.keys()].sort()
  return {
    common: sorted.filter((term) => share(term) >= 0.05),
    medium: sorted.filter((term) => share(term) >= 0.005 && share(term) < 0.05),
    rare: sorted.filter((term) => share(term) < 0.005 && (frequency.get(term) ?? 0) >= 2)
  }
}

/** One typing slip: a letter replaced, dropped or swapped with the next, never at the first letter. */
function misspell(random: () => number, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2))
  const slip = Math.floor(random() * 3)
  if (slip === 0) return `${word.slice(0, at)}${word.slice(at + 1)}`
  if (slip === 1) return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`
  const letter = String.fromCharCode(97 + ((word.charCodeAt(at) - 97 + 1 + Math.floor(random() * 25)) % 26))
  return `${word.slice(0, at)}${letter}${word.slice(at + 1)}`
}

export async function buildQueries(library: string, seed: number): Promise<QuerySet> {
  const folder = firstFolder(library)
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt') && !name.startsWith(WATCH_FILE_PREFIX)).sort()
  const documents = await Promise.all(names.map(async (name) => terms(await readFile(join(folder, name), 'utf8'))))
  const random = seededRandom(seed)
  const { common, medium, rare } = bands(documents)
  const take = (list: string[], count: number): string[] => shuffle(random, [...list]).slice(0, count)
  const word = [...take(common, 14), ...take(medium, 13), ...take(rare, 13)]

  const phrases = new Set<string>()
  for (let tries = 0; phrases.size < PER_KIND && tries < 10_000; tries++) {
    const document = pick(random, documents)
    const length = 2 + Math.floor(random() * 3)
    const at = Math.floor(random() * Math.max(1, document.length - length))
    const window = document.slice(at, at + length)
    if (window.length === length && window.every((term) => /^[a-z]+$/.test(term)) && window.some((term) => !isStopWord(term))) phrases.add(`"${window.join(' ')}"`)
  }

  const vocabulary = new Set(documents.flat())
  const fuzzy = new Set<string>()
  const longer = [...common, ...medium].filter((term) => term.length >= 6)
  for (let tries = 0; fuzzy.size < PER_KIND && tries < 10_000 && longer.length > 0; tries++) {
    const typo = misspell(random, pick(random, longer))
    // A slip that makes another real word would be an exact match, not a fuzzy one.
    if (!vocabulary.has(typo)) fuzzy.add(`${typo}~`)
  }
  return { word, phrase: [...phrases], fuzzy: [...fuzzy] }
}
