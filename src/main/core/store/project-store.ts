// One project: the in-memory working set the services read and change (library and notes),
// committed through a ProjectStorage (storage.ts) that writes only what changed, and the
// documents' texts, content-addressed by SHA-256 and written once: in texts/<sha256>.txt, or
// in the packs an import's extraction threads append to (texts/packs/, see text-packs.ts).
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { AsyncLocalStorage } from 'node:async_hooks'
import { join } from 'node:path'
import type { Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { isAtomicWriteTemp, syncFile, syncFolder, writeFileAtomic } from './atomic-write'
import { sha256 } from './content-hash'
import { FolderStorage } from './folder-storage'
import { LIBRARY_FOLDER } from './segmented-library'
import { SourceChangeLog } from './source-change-log'
import { TextPacks, type TextPlace } from './text-packs'
import type { LibraryData, LibraryRead, NotesData, NotesDelta, ProjectStorage } from './storage'

export { failedFileSchema, libraryDataSchema, notesDataSchema, type FailedFile, type LibraryData, type NotesData } from './storage'

/** What a change to library.data touched: the sources by id, and the roots or failed files (`meta`). */
export interface LibraryChange {
  sources?: Iterable<string>
  meta?: boolean
}

/** What a change to notes.data touched: records by id (added, edited or removed) and the small lists. */
export interface NotesChange {
  annotations?: Iterable<string>
  claims?: Iterable<string>
  nameDecisions?: boolean
  savedSearches?: boolean
}

/** Told what an open has read so far, for a window shown before it ends (see ProjectOpening). */
export interface OpenProgress {
  /** At once: how to read a stored text (checked against its hash, as readText does). */
  texts(read: (contentHash: string) => Promise<string>): void
  notes(notes: Readonly<NotesData>): void
  /** After each part of the library; `revision`: the source list's, as the open store starts with it. */
  library(read: LibraryRead, revision: string): void
}

export class ProjectStore {
  readonly warnings: string[] = []
  readonly library: { data: LibraryData; write: () => Promise<void> }
  readonly notes: { data: NotesData; write: () => Promise<void>; update: (change: (notes: NotesData) => void) => Promise<void> }
  readonly #textsDir: string
  readonly #packs: TextPacks
  readonly #storage: ProjectStorage

  private constructor(
    readonly dir: string,
    makeStorage: (warn: (message: string) => void, current: () => NotesData) => ProjectStorage
  ) {
    this.library = {
      data: { version: 1, roots: [], sources: [], failedFiles: {} },
      write: async () => {
        this.markLibraryChanged()
        await this.saveLibrary()
      }
    }
    this.notes = {
      data: { version: 1, annotations: [], claims: [], nameDecisions: [], savedSearches: [] },
      write: () => this.saveNotes(),
      update: async (change) => {
        change(this.notes.data)
        await this.saveNotes()
      }
    }
    this.#storage = makeStorage(
      (message) => void this.warnings.push(message),
      () => this.notes.data
    )
    this.#textsDir = join(dir, 'texts')
    this.#packs = new TextPacks(this.#textsDir)
  }

  /** Opens the project in `dir`; `storage` replaces the folder's own (tests, a shared server). */
  static async open(dir: string, storage?: (warn: (message: string) => void, current: () => NotesData) => ProjectStorage, progress?: OpenProgress): Promise<ProjectStore> {
    const store = new ProjectStore(dir, storage ?? ((warn, current) => new FolderStorage(dir, warn, current)))
    await mkdir(store.#textsDir, { recursive: true })
    await removeLeftoverTemps(dir)
    // Which texts the packs hold is read beside the notes and library: a window shown during the open reads texts.
    store.#packsLoaded = store.#packs.load()
    store.#packsLoaded.catch(() => undefined)
    progress?.texts((contentHash) => store.readText(contentHash))
    // The notes first: they are small, and a window shown during the open asks for them with the first sources.
    store.notes.data = await store.#storage.loadNotes()
    progress?.notes(store.notes.data)
    store.library.data = await store.#storage.loadLibrary(progress === undefined ? undefined : (read) => progress.library(read, store.sourceChanges.revision))
    store.#stored = new Set(store.library.data.sources.map((source) => source.id))
    // A library of a million texts takes seconds to list: the window does not wait for it, imports do.
    store.#textsListed = store.#listTexts()
    store.#textsListed.catch(() => undefined)
    return store
  }

  #textsListed: Promise<void> = Promise.resolve()
  #packsLoaded: Promise<void> = Promise.resolve()

  /**
   * Resolves once texts/ has been listed at open (and its leftovers and orphans removed): from
   * then on hasText knows every stored text. Whatever writes texts (an import) waits for it.
   */
  textsListed(): Promise<void> {
    return this.#textsListed
  }

  async #listTexts(): Promise<void> {
    const names = await readdir(this.#textsDir)
    for (const name of names) {
      if (/^[0-9a-f]{64}\.txt$/.test(name)) this.#storedTexts.add(name.slice(0, 64))
      else if (isAtomicWriteTemp(name)) await rm(join(this.#textsDir, name), { force: true })
    }
    await this.#packsLoaded
    await this.#collectTexts()
  }

  /** Waits for writes under way (a journal compaction) and releases the project's files. */
  async close(): Promise<void> {
    await this.#textsListed.catch(() => undefined)
    await this.#lastLibraryWrite.catch(() => undefined)
    await this.#storage.close()
  }

  #libraryUnsaved = false
  /** Which sources changed, for clients that refresh their copy of the list. */
  readonly sourceChanges = new SourceChangeLog()
  /** Changes not committed yet: source ids, the meta, or everything. */
  #pending = { sources: new Set<string>(), meta: false, all: false }
  /** Ids of the sources the storage holds, to tell removed ones after a change that did not say. */
  #stored = new Set<string>()

  /**
   * Notes that library.data changed in memory and is not on disk yet. Say which sources
   * (added, edited or removed) and whether roots or failed files changed, so that a save
   * writes only what changed; without a change, everything is taken as changed.
   */
  markLibraryChanged(change?: LibraryChange): void {
    this.#libraryUnsaved = true
    if (change === undefined) {
      this.#pending.all = true
      this.sourceChanges.reset()
      return
    }
    if (change.meta === true) this.#pending.meta = true
    if (change.sources !== undefined) {
      const ids = [...change.sources]
      for (const id of ids) this.#pending.sources.add(id)
      this.sourceChanges.touched(ids)
    }
  }

  #lastLibraryWrite: Promise<void> = Promise.resolve()

  /**
   * Commits what changed in the library (durably), and in any case waits until the last
   * commit is on disk: when this resolves, every source in memory is saved.
   */
  async saveLibrary(): Promise<void> {
    if (this.#libraryUnsaved) {
      this.#libraryUnsaved = false
      this.#lastLibraryWrite = this.#lastLibraryWrite.catch(() => undefined).then(() => this.#commitLibrary())
    }
    await this.#lastLibraryWrite
  }

  /** Waits for the library commits already under way (a checkpoint of a running import), starting none. */
  async committed(): Promise<void> {
    await this.#lastLibraryWrite.catch(() => undefined)
  }

  async #commitLibrary(): Promise<void> {
    const pending = this.#pending
    this.#pending = { sources: new Set(), meta: false, all: false }
    const library = this.library.data
    // A copy, not push(...sources): a spread of a million arguments overflows the stack.
    const put: Source[] = pending.all ? library.sources.slice() : []
    const removed: string[] = []
    if (pending.all) {
      const current = new Set(library.sources.map((source) => source.id))
      for (const id of this.#stored) if (!current.has(id)) removed.push(id)
    } else {
      for (const id of pending.sources) {
        const source = this.findSource(id)
        if (source !== undefined) put.push(source)
        else if (this.#stored.has(id)) removed.push(id)
      }
    }
    const meta = pending.all || pending.meta ? { roots: library.roots, failedFiles: library.failedFiles } : undefined
    try {
      await this.#storage.commitLibrary({
        put,
        removed,
        ...(meta === undefined ? {} : { meta }),
        source: (id) => this.findSource(id),
        // After the sources are serialised: every text they name was adopted or written by then.
        beforeCommit: () => this.#syncTexts()
      })
    } catch (error: unknown) {
      // Tried again with the next save.
      this.#libraryUnsaved = true
      for (const id of pending.sources) this.#pending.sources.add(id)
      this.#pending.meta ||= pending.meta
      this.#pending.all ||= pending.all
      throw error
    }
    for (const source of put) this.#stored.add(source.id)
    for (const id of removed) this.#stored.delete(id)
  }

  /**
   * Saves the notes: with the records a change touched, as one journal entry (what an edit
   * costs); without, whole (a bulk change). Resolves once the change is durable.
   */
  saveNotes(change?: NotesChange): Promise<void> {
    const notes = this.notes.data
    if (change === undefined) return this.#storage.replaceNotes(notes)
    const delta: NotesDelta = {}
    if (change.annotations !== undefined) delta.annotations = pick(notes.annotations, change.annotations)
    if (change.claims !== undefined) delta.claims = pick(notes.claims, change.claims)
    if (change.nameDecisions === true) delta.nameDecisions = notes.nameDecisions
    if (change.savedSearches === true) delta.savedSearches = notes.savedSearches
    const durable = this.#storage.appendNotes(delta)
    const deferred = this.#deferredSaves.getStore()
    if (deferred === undefined) return durable
    deferred.push(durable)
    return Promise.resolve()
  }

  /** Inside runDeferringNotes: the journal writes the task's saves asked for, to be awaited after it. */
  readonly #deferredSaves = new AsyncLocalStorage<Array<Promise<void>>>()

  /**
   * Runs a change whose notes saves (journal appends, made in order as it runs) are awaited
   * after it rather than inside it: changes queued one after another (the undo history's)
   * then share one fsync instead of waiting for one each. The caller must await `durable`
   * before acknowledging the change.
   */
  async runDeferringNotes<T>(task: () => Promise<T>): Promise<{ result: T; durable: Promise<void> }> {
    const saves: Array<Promise<void>> = []
    try {
      const result = await this.#deferredSaves.run(saves, task)
      const durable = Promise.all(saves).then(() => undefined)
      // Awaited by the caller; never an unhandled rejection while it is still queued.
      durable.catch(() => undefined)
      return { result, durable }
    } finally {
      // A change that threw after saving: its saves' failures are not this call's answer, but must not go unhandled.
      for (const save of saves) save.catch(() => undefined)
    }
  }

  /**
   * Deletes stored texts that no source or annotation refers to: what a killed import
   * wrote before its sources were saved, and old versions of changed texts no highlight
   * was made on. Nothing is deleted while a damaged data file is set aside in the folder
   * (on this open or an earlier one): what refers to the texts is then not known for sure.
   * Runs once texts/ is listed at open, with the data folder locked, before any import can
   * write a new text (imports wait for textsListed).
   */
  async #collectTexts(): Promise<void> {
    const names = await readdir(this.dir)
    if (this.warnings.length > 0 || names.some((name) => name.includes('.damaged-')) || (await this.#storage.holdsDamagedFiles())) return
    const referenced = new Set(this.library.data.sources.map((source) => source.contentHash))
    for (const annotation of this.notes.data.annotations) referenced.add(annotation.target.contentHash)
    const orphans = [...this.#storedTexts].filter((hash) => !referenced.has(hash))
    for (const hash of orphans) {
      await rm(join(this.#textsDir, `${hash}.txt`), { force: true })
      this.#storedTexts.delete(hash)
    }
    // A packed one leaves its pack's index (and the pack goes with its last text).
    const packed = await this.#packs.remove([...this.#packs.hashes()].filter((hash) => !referenced.has(hash)))
    this.collectedTexts = orphans.length + packed
  }

  /** How many unreferenced texts the last open deleted. */
  collectedTexts = 0

  #byId: { sources: Source[]; length: number; map: Map<string, Source> } | null = null

  /**
   * A source by id without scanning the list (20,000 string comparisons cost ~5 ms, more
   * than saving an annotation). Sources are appended or updated in place, so the map only
   * takes in what was appended since, and is rebuilt when the list shrinks or is replaced,
   * or after sourcesRemoved().
   */
  findSource(id: string): Source | undefined {
    const sources = this.library.data.sources
    const known = this.#byId
    if (known === null || known.sources !== sources || known.length > sources.length) {
      this.#byId = { sources, length: sources.length, map: new Map(sources.map((source) => [source.id, source])) }
    } else if (known.length < sources.length) {
      for (let index = known.length; index < sources.length; index++) {
        const source = sources[index]
        if (source !== undefined) known.map.set(source.id, source)
      }
      known.length = sources.length
    }
    return this.#byId?.map.get(id)
  }

  /** Says that sources left the list (or came back) in place: findSource must look again. */
  sourcesRemoved(): void {
    this.#byId = null
  }

  #textPath(contentHash: string): string {
    if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new UserError('invalid-input', `store: bad content hash ${contentHash}`)
    return join(this.#textsDir, `${contentHash}.txt`)
  }

  /**
   * Reads a document's text and checks it against its hash. A damaged file is never
   * shown as the source: it is set aside (a packed text leaves its pack's index), so that
   * re-importing the folder restores it.
   */
  async readText(contentHash: string): Promise<string> {
    const path = this.#textPath(contentHash)
    // Until the packs' indexes are read (just after an open starts), a text may be in one.
    if (!this.#packs.has(contentHash) && !this.#storedTexts.has(contentHash)) await this.#packsLoaded.catch(() => undefined)
    if (this.#packs.has(contentHash)) return this.#readPacked(contentHash)
    try {
      const text = await readFile(path, 'utf-8')
      if (sha256(text) !== contentHash) {
        this.#storedTexts.delete(contentHash)
        await rename(path, `${path}.damaged-${Date.now()}`)
        throw new UserError(
          'failed',
          `store: the stored text ${contentHash.slice(0, 12)}… was damaged (its hash no longer matches) and has been set aside; re-import its folder to restore it`
        )
      }
      return text
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#storedTexts.delete(contentHash)
        throw new UserError('not-found', `store: the text ${contentHash.slice(0, 12)}… is missing from the project; re-import its folder`)
      }
      throw error
    }
  }

  async #readPacked(contentHash: string): Promise<string> {
    const bytes = await this.#packs.read(contentHash).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      return null
    })
    const text = bytes?.toString('utf-8') ?? null
    if (text !== null && sha256(text) === contentHash) return text
    await this.#packs.remove([contentHash])
    if (text === null) throw new UserError('not-found', `store: the text ${contentHash.slice(0, 12)}… is missing from the project; re-import its folder`)
    throw new UserError('failed', `store: the stored text ${contentHash.slice(0, 12)}… was damaged (its hash no longer matches) and has been set aside; re-import its folder to restore it`)
  }

  /** Whether the text is in a pack (an import's, see text-packs.ts) rather than a file of its own. */
  isPacked(contentHash: string): boolean {
    return this.#packs.has(contentHash)
  }

  /** Where in the packs a text is (null: a file of its own, or not stored). */
  textPlace(contentHash: string): TextPlace | null {
    return this.#packs.place(contentHash) ?? null
  }

  /** The size of a stored text in bytes without reading it; null when it is not stored. */
  async textBytes(contentHash: string): Promise<number | null> {
    await this.#packsLoaded.catch(() => undefined)
    const place = this.#packs.place(contentHash)
    if (place !== undefined) return place.bytes
    return stat(this.#textPath(contentHash)).then(
      (info) => info.size,
      () => null
    )
  }

  /** Texts are content-addressed, so an existing file already holds exactly this text. */
  async writeText(contentHash: string, text: string): Promise<void> {
    const path = this.#textPath(contentHash)
    // Known from the listing at open and every write since: no look at the disk per text.
    if (!this.hasText(contentHash)) {
      // Flushed in one batch before the library commit that first names it (#syncTexts):
      // a flush per file was half of a cold import's time.
      await writeFileAtomic(path, text, { durable: false })
      this.#unsyncedTexts.add(path)
    }
    this.#storedTexts.add(contentHash)
  }

  /** Where an extraction thread may write texts itself (then adoptText). */
  get textsFolder(): string {
    return this.#textsDir
  }

  /**
   * Takes in a text an extraction thread wrote into textsFolder (`place`: appended to a pack,
   * else as its own file, renamed into place), not flushed: it is flushed with the next
   * library commit, as writeText's are. A text stored already keeps its place.
   */
  adoptText(contentHash: string, place?: TextPlace): void {
    if (this.hasText(contentHash)) return
    if (place !== undefined) {
      this.#packs.adopt(contentHash, place)
      return
    }
    this.#unsyncedTexts.add(this.#textPath(contentHash))
    this.#storedTexts.add(contentHash)
  }

  /** Texts written since the last library commit and not yet flushed to disk. */
  #unsyncedTexts = new Set<string>()

  /**
   * Flushes the texts stored since the last commit: the packs threads appended to (then their
   * indexes name the new texts), and texts of their own, many at once (the file system groups them), then their folder.
   */
  async #syncTexts(): Promise<void> {
    await this.#packs.sync()
    const paths = [...this.#unsyncedTexts]
    if (paths.length === 0) return
    for (let start = 0; start < paths.length; start += TEXT_SYNC_BATCH) {
      await Promise.all(paths.slice(start, start + TEXT_SYNC_BATCH).map((path) => syncFile(path).catch(ignoreMissing)))
    }
    await syncFolder(this.#textsDir)
    for (const path of paths) this.#unsyncedTexts.delete(path)
  }

  /** The hashes of the texts in texts/, listed once after open (textsListed) and kept up to date by this store. */
  #storedTexts = new Set<string>()

  /**
   * Whether texts/ holds this text, without touching the disk: an import can tell a source
   * whose text file went missing (or was set aside as damaged) from one to skip.
   */
  hasText(contentHash: string): boolean {
    // Imports wait for textsListed: before it, a stored text reads as missing.
    return this.#storedTexts.has(contentHash) || this.#packs.has(contentHash)
  }

  /** The hashes of every stored text (a copy). */
  async storedTextHashes(): Promise<Set<string>> {
    await this.#textsListed
    return new Set([...this.#storedTexts, ...this.#packs.hashes()])
  }
}

/** Texts flushed at once: enough for the file system to group them, few enough for open descriptors. */
const TEXT_SYNC_BATCH = 64

/** A text deleted since it was written (a damaged one set aside) needs no flush. */
function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}

/** The records of `list` with these ids, whole, and the ids no longer in it. */
function pick<T extends { id: string }>(list: readonly T[], ids: Iterable<string>): { put: T[]; removed: string[] } {
  const wanted = new Set(ids)
  const put = list.filter((record) => wanted.has(record.id))
  for (const record of put) wanted.delete(record.id)
  return { put, removed: [...wanted] }
}

/** Temporary files of writes a crash interrupted: the real file beside each is intact. */
async function removeLeftoverTemps(dir: string): Promise<void> {
  // texts/ is left to the listing after open (#listTexts).
  for (const folder of [dir, join(dir, LIBRARY_FOLDER)]) {
    const names = await readdir(folder).catch(() => [])
    for (const name of names.filter(isAtomicWriteTemp)) await rm(join(folder, name), { force: true })
  }
}
