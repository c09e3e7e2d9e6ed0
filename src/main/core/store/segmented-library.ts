// The library on disk as bounded lowdb segments: sources in files of at most 500, the
// folders and failed files in one more, listed by a manifest whose atomic rename commits a
// change. A change rewrites the segments it touches and the manifest, never the whole
// library; a crash before the manifest's rename leaves the last commit whole. A segment
// whose digest matches the manifest is parsed without validating each source again.
//
// A small change (an edit, a watched file) is not written into its segment at once: it is one
// line appended to a journal and fsync'd, as the notes are. Once the journal touches enough
// segments or grows large, it is folded in the background: later lines go to the next
// journal while the segments it touched are written anew, and then a manifest names that
// next journal as the first to replay. The manifest names the first journal; every journal
// from it on is replayed in order. A line a crash cut short was never acknowledged and is dropped.
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rename, rm, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { z } from 'zod'
import { sourceSchema, type Source } from '../../../shared/domain/source'
import { describeIssues } from '../../../shared/ipc/validation'
import { readAhead } from '../read-ahead'
import { isAtomicWriteTemp, syncFile, syncFolder, writeFileAtomic, writeNewFile } from './atomic-write'
import { appendDurably, readJournalLines, readJournalText } from './journal-file'
import { emptyLibrary, libraryDataSchema, libraryMetaSchema, type LibraryCommit, type LibraryData, type LibraryMeta, type LibraryRead } from './storage'
import { ValidatedJsonFile } from './validated-json-file'

/** Sources per segment: a change rewrites about a quarter of a megabyte. */
export const SEGMENT_SOURCES = 500
export const LIBRARY_FOLDER = 'library'
/** The single file of projects made before segments; migrated on open. */
export const LEGACY_LIBRARY_FILE = 'library.json'
const MANIFEST = 'manifest.json'
/** Segments read at once when the library opens. */
const SEGMENTS_READ_AHEAD = 16
const SEGMENT_FILE = /^sources-(\d+)\.(\d+)\.json$/
const META_FILE = /^meta\.(\d+)\.json$/
const JOURNAL_FILE = /^journal-(\d+)\.jsonl$/
/** A change of at most this many sources, folders untouched, goes to the journal. */
export const JOURNAL_MAX_SOURCES = 64
/** The journal is folded once it touches this many segments (about 16 MB to rewrite)... */
export const FOLD_AFTER_SEGMENTS = 64
/** ...or holds this much. */
export const FOLD_AFTER_BYTES = 2_000_000

function libraryJournalName(journal: number): string {
  return `journal-${journal}.jsonl`
}

/**
 * A journal line: sources put whole, ids removed. A journal's first line also says the
 * library's generation when the journal was begun (with nothing put or removed, so an older
 * version reads it as an empty change). The journal's changes are newer than the parts of
 * that generation and older ones, and were written into any part of a later generation (by
 * the fold or large commit that began the next journal): a library rebuilt without its
 * manifest applies each journal left on disk only where it is newer.
 */
const journalLineSchema = z.object({ put: z.array(sourceSchema), removed: z.array(z.string()), generation: z.number().int().nonnegative().optional() })

const fileEntrySchema = z.object({ file: z.string().regex(/^[a-z0-9.-]+\.json$/), digest: z.string() })
const manifestSchema = z.object({
  version: z.literal(2),
  generation: z.number().int().nonnegative(),
  meta: fileEntrySchema,
  segments: z.array(fileEntrySchema.extend({ id: z.number().int().nonnegative(), count: z.number().int().nonnegative() })),
  /** The first journal whose lines apply on top of the segments (journal-<n>.jsonl; every later one too); absent before journals. */
  journal: z.number().int().nonnegative().default(0)
})
type Manifest = z.infer<typeof manifestSchema>
type FileEntry = z.infer<typeof fileEntrySchema>
/** A part to read; in a manifest rebuilt from the files, with the part's older files to fall back on, newest first. */
type PartEntry = FileEntry & { older?: string[] }

interface Segment {
  file: string
  digest: string
  /** Source ids in the order they are stored. */
  members: Set<string>
}

/** The generation in a part's file name (-1: not a part of sources). */
function generationOf(file: string): number {
  return Number(SEGMENT_FILE.exec(file)?.[2] ?? -1)
}

function digestOf(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex')
}

/**
 * A lowdb adapter for one part, remembering the digest of what it wrote. Every commit names
 * its parts anew (`sources-<id>.<generation>.json`), so a part is written straight under its
 * name and flushed; the manifest that names it is written after the folder is flushed too.
 */
class PartFile<T> implements Adapter<T> {
  digest = ''
  constructor(readonly path: string) {}
  async read(): Promise<T | null> {
    return null // parts are read by the library, which checks digests and validates
  }
  async write(data: T): Promise<void> {
    // Encoded once, for the file and its digest.
    const bytes = Buffer.from(JSON.stringify(data), 'utf8')
    await writeNewFile(this.path, bytes)
    this.digest = digestOf(bytes)
  }
}

/** Writes one part through lowdb; returns its digest for the manifest. */
async function writeJson<T>(path: string, data: T): Promise<string> {
  const file = new PartFile<T>(path)
  await new Low(file, data).write()
  return file.digest
}

export class SegmentedLibrary {
  readonly #dir: string
  readonly #warn: (message: string) => void
  #generation = 0
  #meta: FileEntry | null = null
  readonly #segments = new Map<number, Segment>()
  readonly #segmentOf = new Map<string, number>()
  #nextSegment = 0
  /** A part read differs from what the manifest says of it (validated instead): the manifest is written again. */
  #relist = false
  /** Whether a manifest is on disk: until one is, there is no journal to append to. */
  #listed = false
  /** The first journal the manifest names; the journal lines are appended to, and its length on disk. */
  #firstJournal = 0
  #journal = 0
  #journalBytes = 0
  /** The newest generation of a part that was missing or damaged at open (-1: none): new sources of a journal may have been in it. */
  #cutShort = -1
  /** Bytes in the journals before the one appended to that no fold has taken (a fold failed, or an open replayed several), for when to fold. */
  #earlierBytes = 0
  /** The sources changed by journal lines no fold has taken yet. */
  #journaled = new Set<string>()
  /** The segments those sources belong to (-1: new sources), for when to fold. */
  #journalSegments = new Set<number>()
  /** A failed append may have left part of a line after #journalBytes. */
  #torn = false
  /** The fold under way: appends go on meanwhile, other commits wait for it. */
  #folding: Promise<void> | null = null
  /** The line being appended, which a fold starting now must wait for (it goes to the journal the fold takes). */
  #appending: Promise<void> | null = null
  /** The library's sources as they are now, for a fold beside the commits (known once a commit came). */
  #source: ((id: string) => Source | undefined) | null = null

  constructor(projectDir: string, warn: (message: string) => void) {
    this.#dir = join(projectDir, LIBRARY_FOLDER)
    this.#warn = warn
  }

  /** Reads the library; an older project's library.json is migrated into segments first. */
  async load(onRead?: (read: LibraryRead) => void): Promise<LibraryData> {
    this.#segments.clear()
    this.#segmentOf.clear()
    this.#meta = null
    this.#generation = 0
    this.#nextSegment = 0
    this.#relist = false
    this.#listed = false
    this.#firstJournal = 0
    this.#journal = 0
    this.#cutShort = -1
    this.#forgetJournal()
    await mkdir(this.#dir, { recursive: true })
    let manifest = await this.#readManifest()
    const legacyPath = join(this.#dir, '..', LEGACY_LIBRARY_FILE)
    if (manifest === null && (await readdir(this.#dir)).some((name) => SEGMENT_FILE.test(name) || META_FILE.test(name))) {
      // Parts without the manifest that lists them (a sync tool, a partial copy): read the newest of each, and say so.
      manifest = await this.#manifestFromFiles()
      this.#warn('store: the library\'s manifest was missing; the library was read from the newest whole file of each part')
    }
    if (manifest === null) {
      const legacy = await new ValidatedJsonFile(legacyPath, libraryDataSchema, this.#warn).read()
      const data = legacy ?? emptyLibrary()
      if (legacy !== null) await this.#migrate(data)
      await rm(legacyPath, { force: true })
      onRead?.({ data, total: data.sources.length })
      return data
    }
    // A migration that crashed after its manifest left the old file: the manifest has it all.
    await rm(legacyPath, { force: true })
    const data = await this.#readSegments(manifest, onRead)
    this.#firstJournal = manifest.journal
    this.#journal = manifest.journal
    await this.#replay(data)
    const unread = manifest.segments.length - this.#segments.size
    const meta = this.#meta as FileEntry | null // set by #readSegments
    if (unread > 0 || meta === null || meta.digest !== manifest.meta.digest || this.#relist) {
      // What was set aside (or rebuilt) is not listed again: the next open starts from what was read.
      this.#generation++
      await this.#writeManifest(this.#generation, this.#meta ?? (await this.#emptyMeta(this.#generation)), this.#segments, this.#firstJournal)
    }
    await this.#removeUnlisted()
    return data
  }

  async #migrate(data: LibraryData): Promise<void> {
    await this.commit({ put: data.sources, removed: [], meta: { roots: data.roots, failedFiles: data.failedFiles }, source: () => undefined })
  }

  async #readManifest(): Promise<Manifest | null> {
    const path = join(this.#dir, MANIFEST)
    let raw: string
    try {
      raw = await readFile(path, 'utf-8')
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return manifestSchema.parse(JSON.parse(raw))
    } catch (error: unknown) {
      const aside = `${path}.damaged-${Date.now()}`
      await rename(path, aside)
      const recovered = await this.#manifestFromFiles()
      this.#warn(
        `store: the library's manifest was damaged (${error instanceof Error ? error.message : String(error)}); it was set aside and the library read from the newest whole file of each part`
      )
      return recovered
    }
  }

  /**
   * The newest file of each segment and of the meta, for a manifest that was damaged, each with
   * its older files: a newest file a crash cut short (a commit stopped before its manifest)
   * falls back on the one before, rather than losing that part.
   */
  async #manifestFromFiles(): Promise<Manifest> {
    const segments = new Map<number, Array<{ generation: number; file: string }>>()
    const metas: Array<{ generation: number; file: string }> = []
    let journal = Infinity
    for (const name of await readdir(this.#dir)) {
      const journalMatch = JOURNAL_FILE.exec(name)
      if (journalMatch !== null) journal = Math.min(journal, Number(journalMatch[1]))
      const segment = SEGMENT_FILE.exec(name)
      if (segment !== null) {
        const id = Number(segment[1])
        const files = segments.get(id) ?? []
        files.push({ generation: Number(segment[2]), file: name })
        segments.set(id, files)
      }
      const metaMatch = META_FILE.exec(name)
      if (metaMatch !== null) metas.push({ generation: Number(metaMatch[1]), file: name })
    }
    const newestFirst = (files: Array<{ generation: number; file: string }>): string[] => files.sort((a, b) => b.generation - a.generation).map((entry) => entry.file)
    const generation = Math.max(0, ...metas.map((entry) => entry.generation), ...[...segments.values()].flat().map((entry) => entry.generation))
    // An empty digest never matches: every part is validated in full.
    const part = (files: string[], missing: string): PartEntry => ({ file: files[0] ?? missing, digest: '', older: files.slice(1) })
    return {
      version: 2,
      generation,
      meta: part(newestFirst(metas), 'meta.missing.json'),
      segments: [...segments.entries()].sort(([a], [b]) => a - b).map(([id, files]) => ({ id, count: 0, ...part(newestFirst(files), '') })),
      // Every journal left, those a fold wrote into the parts and had not deleted yet too: each says which parts it is newer than.
      journal: Number.isFinite(journal) ? journal : 0
    }
  }

  /** A part's file, or when it is damaged the newest of its older files that is whole (see #manifestFromFiles); null: none is. */
  async #readNewest<T>(entry: PartEntry, schema: z.ZodType<T>, what: string): Promise<{ value: T; digest: string; file: string } | null> {
    const files = [entry.file, ...(entry.older ?? [])]
    for (const [k, file] of files.entries()) {
      const part = await this.#readPart({ file, digest: entry.digest }, schema, what, k + 1 < files.length)
      if (part !== null) return { ...part, file }
      this.#cutShort = Math.max(this.#cutShort, generationOf(file))
    }
    return null
  }

  async #readSegments(manifest: Manifest, onRead?: (read: LibraryRead) => void): Promise<LibraryData> {
    this.#generation = manifest.generation
    this.#listed = true
    const meta = await this.#readNewest(manifest.meta, libraryMetaSchema, 'the library folders')
    this.#meta = meta === null ? null : { file: meta.file, digest: meta.digest }
    const data: LibraryData = { version: 1, roots: meta?.value.roots ?? [], failedFiles: meta?.value.failedFiles ?? {}, sources: [] }
    // A manifest rebuilt from the files (after damage) knows no counts: the total is then 0, unknown, until the read ends.
    const listed = manifest.segments.reduce((sum, entry) => sum + entry.count, 0)
    onRead?.({ data, total: listed })
    // A few parts at once, each taken in as it comes: a million sources are never all held twice, as text and as objects.
    const parts = readAhead(manifest.segments, (entry) => this.#readNewest(entry, z.array(sourceSchema), `library segment ${entry.id}`), SEGMENTS_READ_AHEAD)
    let position = 0
    for await (const part of parts) {
      const entry = manifest.segments[position++]!
      this.#nextSegment = Math.max(this.#nextSegment, entry.id + 1)
      if (part === null) continue
      const sources = part.value
      if (part.digest !== entry.digest) this.#relist = true
      const members = new Set<string>()
      for (const source of sources) {
        members.add(source.id)
        if (this.#segmentOf.has(source.id)) continue
        this.#segmentOf.set(source.id, entry.id)
        data.sources.push(source)
      }
      this.#segments.set(entry.id, { file: part.file, digest: part.digest, members })
      // Unknown (0) stays unknown until the read ends: a window must not take the parts read for the whole.
      onRead?.({ data, total: listed === 0 ? 0 : Math.max(listed, data.sources.length) })
    }
    return data
  }

  /** One part as written, trusted when its digest matches; otherwise validated, and set aside when that fails. `older`: an older file of the part is read next. */
  async #readPart<T>(entry: FileEntry, schema: z.ZodType<T>, what: string, older = false): Promise<{ value: T; digest: string } | null> {
    const path = join(this.#dir, entry.file)
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.#warn(`store: ${what} (${entry.file}) is missing from the project; re-import its folders to restore their sources`)
      return null
    }
    let problem: string
    try {
      // The digest of the bytes as they are on disk: what the writer took of the same text.
      const digest = digestOf(bytes)
      const value: unknown = JSON.parse(bytes.toString('utf8'))
      if (digest === entry.digest) return { value: value as T, digest }
      // Written by hand or by a version that did not list digests: valid is good enough, and trusted from now on.
      const parsed = schema.safeParse(value)
      if (parsed.success) return { value: parsed.data, digest }
      problem = describeIssues(parsed.error)
    } catch (error: unknown) {
      problem = error instanceof Error ? error.message : String(error)
    }
    const aside = `${path}.damaged-${Date.now()}`
    await rename(path, aside)
    this.#warn(
      older
        ? `store: ${what} was damaged (${problem}); it was set aside as ${LIBRARY_FOLDER}/${entry.file}.damaged-… and the part's previous file is read instead`
        : `store: ${what} was damaged (${problem}); it was set aside as ${LIBRARY_FOLDER}/${entry.file}.damaged-… and its sources come back when their folders are imported again`
    )
    return null
  }

  /** Files no manifest lists: the parts of a commit a crash stopped before its manifest, or temporary files. */
  async #removeUnlisted(): Promise<void> {
    const listed = new Set([MANIFEST, ...(this.#meta === null ? [] : [this.#meta.file]), ...[...this.#segments.values()].map((segment) => segment.file)])
    for (const name of await readdir(this.#dir)) {
      if (listed.has(name) || name.includes('.damaged-')) continue
      // A journal before the first is one a fold already wrote into the segments.
      const journal = JOURNAL_FILE.exec(name)
      if (journal !== null ? Number(journal[1]) < this.#firstJournal : SEGMENT_FILE.test(name) || META_FILE.test(name) || isAtomicWriteTemp(name)) await rm(join(this.#dir, name), { force: true })
    }
  }

  async holdsDamagedFiles(): Promise<boolean> {
    return (await readdir(this.#dir).catch(() => [])).some((name) => name.includes('.damaged-'))
  }

  /**
   * Stores a change: a small one as a line of the journal, any other by writing the segments
   * it touches (and those the journal touched) as new files, then the manifest listing them
   * (the commit), then deleting the files they replace. Nothing in memory changes unless the
   * change is on disk, so a failed commit can simply be tried again.
   */
  async commit(commit: LibraryCommit): Promise<void> {
    this.#source = commit.source
    const small = commit.meta === undefined && commit.put.length + commit.removed.length <= JOURNAL_MAX_SOURCES
    // Before the first manifest there is no journal to append to. An append need not wait for a fold.
    if (small && this.#listed) return this.#append(commit)
    await this.#folding?.catch(() => undefined)
    await this.#writeSegments(commit, false)
  }

  /** Whether the journal has grown `times` as much as a fold is due at (fold, beside the commits), and none is under way. */
  wantsFold(times = 1): boolean {
    return this.#folding === null && (this.#journalSegments.size >= FOLD_AFTER_SEGMENTS * times || this.#earlierBytes + this.#journalBytes >= FOLD_AFTER_BYTES * times)
  }

  /** Waits for the fold under way, if any, whatever becomes of it. */
  async folded(): Promise<void> {
    await this.#folding?.catch(() => undefined)
  }

  /**
   * Writes what the journals changed into the segments, one at a time, while appends go on
   * to the next journal; a commit that is not an append waits for it. Resolves when done.
   */
  fold(): Promise<void> {
    if (this.#folding !== null) return this.#folding
    const source = this.#source
    // Without a commit since the open, nothing says what the sources are now: the journals wait for the next commit.
    if (this.#journaled.size === 0 || source === null) return Promise.resolve()
    const folding = (async () => {
      // Its sources must be in what this fold takes, or the fold would delete the journal holding its line.
      while (this.#appending !== null) await this.#appending
      await this.#writeSegments({ put: [], removed: [], source }, true)
    })().finally(() => {
      this.#folding = null
    })
    this.#folding = folding
    return folding
  }

  /** Appends the change to the journal and flushes it; its folder entry too when the line made the file. */
  #append(commit: LibraryCommit): Promise<void> {
    const run = this.#appendNow(commit)
    const settled: Promise<void> = run.then(
      () => this.#appended(settled),
      () => this.#appended(settled)
    )
    this.#appending = settled
    return run
  }

  #appended(settled: Promise<void>): void {
    if (this.#appending === settled) this.#appending = null
  }

  async #appendNow(commit: LibraryCommit): Promise<void> {
    if (commit.put.length === 0 && commit.removed.length === 0) {
      await commit.beforeCommit?.()
      return
    }
    const header = this.#journalBytes === 0 ? `${JSON.stringify({ put: [], removed: [], generation: this.#generation })}\n` : ''
    const line = `${header}${JSON.stringify({ put: commit.put, removed: commit.removed })}\n`
    await commit.beforeCommit?.()
    try {
      await appendDurably(join(this.#dir, libraryJournalName(this.#journal)), line, this.#journalBytes === 0, this.#torn ? this.#journalBytes : undefined)
      this.#torn = false
    } catch (error: unknown) {
      // Part of the line (or all of it) may be on disk, unacknowledged: cut off before the next append.
      this.#torn = true
      throw error
    }
    this.#journalBytes += Buffer.byteLength(line)
    for (const source of commit.put) this.#noteJournaled(source.id)
    for (const id of commit.removed) this.#noteJournaled(id)
  }

  #noteJournaled(id: string): void {
    this.#journaled.add(id)
    this.#journalSegments.add(this.#segmentOf.get(id) ?? -1)
  }

  #forgetJournal(): void {
    this.#journalBytes = 0
    this.#earlierBytes = 0
    this.#journaled = new Set()
    this.#journalSegments = new Set()
    this.#torn = false
  }

  /**
   * Applies the lines of every journal from the first, in order, to the library read from the
   * segments; cuts off a torn last line. A journal damaged before its end is set aside with
   * every later one, after what came before the damage is written into the segments.
   */
  async #replay(data: LibraryData): Promise<void> {
    const journals = (await readdir(this.#dir))
      .map((name) => JOURNAL_FILE.exec(name))
      .filter((match) => match !== null)
      .map((match) => Number(match[1]))
      .filter((journal) => journal >= this.#firstJournal)
      .sort((a, b) => a - b)
    if (journals.length === 0) return
    const changed = new Map<string, Source | null>()
    // The generation of the part each source was read from: a journal's change applies to a part no newer than the journal.
    const generations = new Map([...this.#segments].map(([id, segment]) => [id, generationOf(segment.file)]))
    const newestPart = Math.max(-1, ...generations.values())
    // A source in no part (new in the journal, or removed since) is newer than the parts unless a later commit took the
    // journal in: a part of a later generation is read, and no part of a later one was cut short (where it may have been put).
    const applies = (id: string, begun: number): boolean => {
      const segment = this.#segmentOf.get(id)
      if (segment !== undefined) return (generations.get(segment) ?? -1) <= begun
      return newestPart <= begun || this.#cutShort > begun
    }
    let damaged: { journal: number; problem: string } | null = null
    let lastBegun = Infinity
    for (const journal of journals) {
      const path = join(this.#dir, libraryJournalName(journal))
      // A journal without its first line (an older version's) applies everywhere.
      let begun = Infinity
      const read = readJournalLines(await readJournalText(path), journalLineSchema, (line) => {
        if (line.generation !== undefined) {
          begun = line.generation
          // Never used again: a commit of that generation may have failed before a restart.
          this.#generation = Math.max(this.#generation, begun)
        }
        for (const id of line.removed) if (applies(id, begun)) changed.set(id, null)
        for (const source of line.put) if (applies(source.id, begun)) changed.set(source.id, source)
      })
      this.#earlierBytes += this.#journalBytes
      this.#journal = journal
      this.#journalBytes = read.good
      lastBegun = begun
      if (read.problem !== null) {
        damaged = { journal, problem: read.problem }
        break
      }
      if (read.good < read.bytes) await truncate(path, read.good)
    }
    // The last journal is older than a part read (a fold wrote it in and a crash kept it): new lines go to a journal of their own.
    if (damaged === null && lastBegun < newestPart) {
      this.#earlierBytes += this.#journalBytes
      this.#journal++
      this.#journalBytes = 0
    }
    applyJournaled(data, changed)
    for (const id of changed.keys()) this.#noteJournaled(id)
    if (damaged === null) return
    // A whole line that does not read is damage, not a crash: what came before it is written into the segments at once,
    // so that nothing acknowledged rests only in memory. The journals from the damaged one on are copied aside for the
    // user first (durably), and the fold's commit then deletes them: a crash in between finds them as they were.
    const stamp = Date.now()
    for (const journal of journals.filter((number) => number >= damaged.journal)) {
      const path = join(this.#dir, libraryJournalName(journal))
      await copyFile(path, `${path}.damaged-${stamp}`)
      await syncFile(`${path}.damaged-${stamp}`)
    }
    await syncFolder(this.#dir)
    this.#journal = journals.at(-1)!
    const byId = new Map(data.sources.map((source) => [source.id, source]))
    await this.#writeSegments({ put: [], removed: [], source: (id) => byId.get(id) }, false)
    this.#warn(
      `store: the library's journal was damaged (${damaged.problem}); the changes before the damage were kept and the file was set aside as ${LIBRARY_FOLDER}/${libraryJournalName(damaged.journal)}.damaged-…`
    )
  }

  /**
   * Writes the segments the change and the journals touched as new files, then the manifest
   * listing them and naming the next journal as the first (the commit), then deletes the files
   * they replace. Lines appended meanwhile go to that next journal. In the background (a fold),
   * segments are written one at a time, leaving the I/O threads to the appends, and a source
   * removed meanwhile is left out (its removal comes as a later line or commit).
   */
  async #writeSegments(commit: LibraryCommit, background: boolean): Promise<void> {
    // Never used twice, even when this commit fails after its manifest was renamed into place: a later commit must
    // not write over the files that manifest lists.
    const generation = ++this.#generation
    const folded = this.#journaled
    const foldedBytes = this.#earlierBytes + this.#journalBytes
    const firstJournal = this.#firstJournal
    const nextJournal = this.#journal + 1
    this.#journal = nextJournal
    this.#forgetJournal()
    let replaced: string[]
    try {
      replaced = await this.#writeFolded(commit, background, generation, folded, nextJournal)
    } catch (error: unknown) {
      // Not folded: its lines stay in their journals, which the manifest still lists from the first.
      for (const id of folded) this.#noteJournaled(id)
      this.#earlierBytes += foldedBytes
      throw error
    }
    this.#firstJournal = nextJournal
    for (let journal = firstJournal; journal < nextJournal; journal++) replaced.push(libraryJournalName(journal))
    // Committed: a file that cannot be deleted now is one no manifest lists, removed on the next open.
    for (const file of replaced) await rm(join(this.#dir, file), { force: true }).catch(() => undefined)
  }

  /** Writes the parts and the manifest; returns the files they replace, for deleting. */
  async #writeFolded(commit: LibraryCommit, background: boolean, generation: number, folded: ReadonlySet<string>, nextJournal: number): Promise<string[]> {
    const put = new Map(commit.put.map((source) => [source.id, source]))
    const removed = new Set(commit.removed)
    // What the journals changed, as it is now: written into the segments, or taken out of them.
    for (const id of folded) {
      if (put.has(id) || removed.has(id)) continue
      const source = commit.source(id)
      if (source !== undefined) put.set(id, source)
      else removed.add(id)
    }
    const changed = new Map<number, Set<string>>()
    const placed = new Map<string, number>()
    const membersOf = (id: number): Set<string> => {
      let members = changed.get(id)
      if (members === undefined) {
        members = new Set(this.#segments.get(id)?.members)
        changed.set(id, members)
      }
      return members
    }
    for (const id of removed) {
      const segment = this.#segmentOf.get(id)
      if (segment !== undefined) membersOf(segment).delete(id)
    }
    let open = this.#openSegment()
    for (const source of put.values()) {
      const segment = this.#segmentOf.get(source.id) ?? placed.get(source.id)
      if (segment !== undefined) {
        membersOf(segment).add(source.id)
        continue
      }
      if (membersOf(open).size >= SEGMENT_SOURCES) open = Math.max(open + 1, this.#nextSegment)
      membersOf(open).add(source.id)
      placed.set(source.id, open)
    }
    const writeMeta = async (meta: LibraryMeta): Promise<FileEntry> => ({ file: `meta.${generation}.json`, digest: await writeJson(join(this.#dir, `meta.${generation}.json`), meta) })
    const writeSegment = async ([id, members]: [number, Set<string>]): Promise<{ id: number; members: Set<string>; entry: FileEntry | null }> => {
      const sources: Source[] = []
      for (const sourceId of members) {
        const source = put.get(sourceId) ?? commit.source(sourceId)
        if (source !== undefined) sources.push(source)
        // Removed since this fold began: its removal is a line or commit after it (a fold runs only after a commit
        // named the library's lookup).
        else if (background) members.delete(sourceId)
        else throw new Error(`store: library segment ${id} refers to a source that is not in the library`)
      }
      if (sources.length === 0) return { id, members, entry: null }
      const file = `sources-${id}.${generation}.json`
      return { id, members, entry: { file, digest: await writeJson(join(this.#dir, file), sources) } }
    }
    const writeAll = async (): Promise<Array<{ id: number; members: Set<string>; entry: FileEntry | null }>> => {
      if (!background) return Promise.all([...changed].map(writeSegment))
      const written = []
      for (const segment of changed) written.push(await writeSegment(segment))
      return written
    }
    const [written, meta] = await Promise.all([writeAll(), commit.meta === undefined ? this.#meta : writeMeta(commit.meta)])
    const segments = new Map(this.#segments)
    for (const { id, members, entry } of written) {
      if (entry === null) segments.delete(id)
      else segments.set(id, { ...entry, members })
    }
    await commit.beforeCommit?.()
    await this.#writeManifest(generation, meta ?? (await this.#emptyMeta(generation)), segments, nextJournal)
    this.#listed = true
    const replaced = [...written.map(({ id }) => this.#segments.get(id)?.file), commit.meta === undefined ? undefined : this.#meta?.file].filter(
      (file) => file !== undefined
    )
    this.#meta = meta ?? this.#meta
    this.#segments.clear()
    for (const [id, segment] of [...segments].sort(([a], [b]) => a - b)) this.#segments.set(id, segment)
    for (const { id, members } of written) for (const sourceId of members) this.#segmentOf.set(sourceId, id)
    for (const id of removed) if (!put.has(id)) this.#segmentOf.delete(id)
    this.#nextSegment = Math.max(this.#nextSegment, ...[...changed.keys()].map((id) => id + 1))
    return replaced
  }

  /** The segment new sources go to: the last one, while it has room. */
  #openSegment(): number {
    const last = [...this.#segments.keys()].at(-1)
    if (last === undefined) return this.#nextSegment
    const members = this.#segments.get(last)?.members.size ?? 0
    return members < SEGMENT_SOURCES ? last : this.#nextSegment
  }

  async #emptyMeta(generation: number): Promise<FileEntry> {
    const meta: LibraryMeta = { roots: [], failedFiles: {} }
    const file = `meta.${generation}.json`
    this.#meta = { file, digest: await writeJson(join(this.#dir, file), meta) }
    return this.#meta
  }

  async #writeManifest(generation: number, meta: FileEntry, segments: Map<number, Segment>, journal: number): Promise<void> {
    const manifest: Manifest = {
      version: 2,
      generation,
      meta,
      segments: [...segments].sort(([a], [b]) => a - b).map(([id, segment]) => ({ id, file: segment.file, digest: segment.digest, count: segment.members.size })),
      journal
    }
    // The parts it names were written under new names (PartFile): those names are flushed first.
    await syncFolder(this.#dir)
    await writeFileAtomic(join(this.#dir, MANIFEST), JSON.stringify(manifest))
  }
}

/** The journal's last word on each source (null: removed), applied in one pass over the library. */
function applyJournaled(data: LibraryData, changed: ReadonlyMap<string, Source | null>): void {
  const seen = new Set<string>()
  let kept = 0
  for (const source of data.sources) {
    const change = changed.get(source.id)
    if (change === undefined) data.sources[kept++] = source
    else {
      seen.add(source.id)
      if (change !== null) data.sources[kept++] = change
    }
  }
  data.sources.length = kept
  for (const [id, change] of changed) if (change !== null && !seen.has(id)) data.sources.push(change)
}
