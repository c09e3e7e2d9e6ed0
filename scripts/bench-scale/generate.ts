// The scale bench's library generator: a folder of N news text files built from the team's
// corpora, written once per (size, seed, version) under <work>/libraries/ and reused after.
//
// How (GENERATOR_VERSION 1), for seed s and size N:
//  1. Originals: every .txt of reuters/ (21,578, of which 737 blank are left out), bbc/
//     (2,225) and polnear/data/{train,dev}/text/ (924), sorted by path, then shuffled with
//     seededRandom(s): M = 23,990. Document i < M is original i of that order, bytes unchanged.
//  2. Document i ≥ M is a perturbed copy (perturb.ts) of original (i mod M), drawn with
//     seededRandom(mixSeed(s, i)): the original's title and lede kept first; runs of 1–3
//     paragraphs of same-topic articles (reuters topic, bbc section, polnear publisher; small
//     reuters topics pooled) mixed in until a length drawn in 2–5 KB (a longer original loses
//     paragraphs); then quoted people's names swapped for others harvested from the corpora
//     ("X Y said"), about half the numbers redrawn (years moved ±3), and in half the copies
//     every month and weekday shifted by one step. A copy whose text equals an earlier
//     document's is drawn again, so all copies are distinct texts.
//  3. Document i is written to <⌊i/100,000⌋>/<⌊i/1,000⌋ mod 100>/<i, 7 digits>-<group>.txt
//     (two digits each): at most 1,000 files per folder, and a smaller library is a prefix of
//     a larger one with the same seed (the same first 1,000 files, so the same queries work).
//  A library counts as cached only when its completion note <key>.json sits beside it.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCorpora, type Article } from './corpus'
import { perturbedCopy, type CopyContext } from './perturb'
import { mixSeed, seededRandom, shuffle } from './random'

export const GENERATOR_VERSION = 1
/** Files the watched-folder step writes and deletes again; any left by a run that died are removed before import. */
export const WATCH_FILE_PREFIX = 'sb-watch-'

export interface GeneratedLibrary {
  folder: string
  files: number
  bytes: number
  folders: number
  originals: number
  copies: number
  /** Time to build it now (0 when reused from the cache). */
  seconds: number
  reused: boolean
}

function libraryKey(size: number, seed: number): string {
  return `v${GENERATOR_VERSION}-seed${seed}-n${size}`
}

function relativePathOf(index: number, article: Article): string {
  const two = (value: number): string => String(value).padStart(2, '0')
  const group = article.group.replace(/[^a-z0-9]+/gi, '-')
  return join(two(Math.floor(index / 100_000)), two(Math.floor(index / 1000) % 100), `${String(index).padStart(7, '0')}-${group}.txt`)
}

/** The folder holding documents 0–999 (present at every size): the queries come from it, and the watched-folder step writes in it. */
export function firstFolder(library: string): string {
  return join(library, '00', '00')
}

export function missingCorpora(corpus: string): string {
  return `bench-scale: corpora folder ${corpus} not found; pass --corpus <folder holding reuters/, bbc/, polnear/>`
}

async function removeWatchLeftovers(library: string): Promise<void> {
  const folder = firstFolder(library)
  for (const name of await readdir(folder)) if (name.startsWith(WATCH_FILE_PREFIX)) await unlink(join(folder, name))
}

async function generate(corpus: string, folder: string, size: number, seed: number): Promise<Omit<GeneratedLibrary, 'seconds' | 'reused' | 'folder'>> {
  const { articles, names, missing } = await readCorpora(corpus)
  if (articles.length === 0) {
    throw new Error(`bench-scale: no news texts under ${corpus} (looked for ${missing.join(', ')}); pass --corpus <folder holding reuters/, bbc/, polnear/>`)
  }
  if (missing.length > 0) console.error(`bench-scale: not found, generating without them: ${missing.join(', ')}`)
  const order = shuffle(seededRandom(seed), [...articles])
  const groups = new Map<string, Article[]>()
  for (const article of articles) {
    const group = groups.get(article.group)
    if (group === undefined) groups.set(article.group, [article])
    else group.push(article)
  }
  const context: CopyContext = { names, knownNames: new Set(names), groups }
  const seen = new Set<string>()
  const digest = (text: string | Buffer): string => createHash('sha1').update(text).digest('base64').slice(0, 16)
  const writes = new Set<Promise<void>>()
  let bytes = 0
  let folders = 1
  let lastReport = Date.now()
  for (let index = 0; index < size; index++) {
    const base = order[index % order.length] as Article
    let content: string | Buffer = base.bytes
    if (index >= order.length) {
      const random = seededRandom(mixSeed(seed, index))
      content = perturbedCopy(random, base, context)
      for (let retry = 0; retry < 5 && seen.has(digest(content)); retry++) content = perturbedCopy(random, base, context)
    }
    seen.add(digest(content))
    const path = join(folder, relativePathOf(index, base))
    if (index % 1000 === 0) {
      await mkdir(join(path, '..'), { recursive: true })
      folders += index % 100_000 === 0 ? 2 : 1
    }
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length
    const write: Promise<void> = writeFile(path, content).then(() => void writes.delete(write))
    writes.add(write)
    if (writes.size >= 64) await Promise.race(writes)
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now()
      console.error(`bench-scale: generating ${size.toLocaleString()} files: ${index.toLocaleString()} written`)
    }
  }
  await Promise.all(writes)
  const originals = Math.min(size, order.length)
  return { files: size, bytes, folders, originals, copies: size - originals }
}

function libraryFolder(work: string, size: number, seed: number): string {
  return join(work, 'libraries', libraryKey(size, seed))
}

/** Whether the library is in the cache, complete (no corpora needed then). */
export function isCached(work: string, size: number, seed: number): boolean {
  const folder = libraryFolder(work, size, seed)
  return existsSync(`${folder}.json`) && existsSync(folder)
}

/** The library of `size` documents, from the cache under `work` or built now. */
export async function ensureLibrary(options: { corpus: string; work: string; size: number; seed: number }): Promise<GeneratedLibrary> {
  const folder = libraryFolder(options.work, options.size, options.seed)
  const note = `${folder}.json`
  if (isCached(options.work, options.size, options.seed)) {
    await removeWatchLeftovers(folder)
    const saved = JSON.parse(await readFile(note, 'utf8')) as Omit<GeneratedLibrary, 'seconds' | 'reused' | 'folder'>
    return { ...saved, folder, seconds: 0, reused: true }
  }
  if (!existsSync(options.corpus)) throw new Error(missingCorpora(options.corpus))
  // A library left half written by a run that stopped is built again from scratch.
  await rm(folder, { recursive: true, force: true })
  const started = performance.now()
  const built = await generate(options.corpus, folder, options.size, options.seed)
  await writeFile(note, JSON.stringify(built))
  return { ...built, folder, seconds: (performance.now() - started) / 1000, reused: false }
}
