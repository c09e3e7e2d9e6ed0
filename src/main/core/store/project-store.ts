// One project on disk, split by how often each part is written: library.json (sources,
// rewritten on import), notes.json (annotations and claims, rewritten on every edit) and
// texts/<sha256>.txt (each document's text, written once, content-addressed).
import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { annotationSchema } from '../../../shared/domain/annotation'
import { claimSchema } from '../../../shared/domain/claim'
import { nameDecisionSchema } from '../../../shared/domain/corroboration'
import { savedSearchSchema } from '../../../shared/domain/saved-search'
import { importRootSchema, sourceSchema, type Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { isAtomicWriteTemp, writeFileAtomic } from './atomic-write'
import { sha256 } from './content-hash'
import { SourceChangeLog } from './source-change-log'
import { ValidatedJsonFile } from './validated-json-file'

/** A file that could not be imported, remembered so an unchanged bad file is not read again on every pass. */
export const failedFileSchema = z.object({
  /** Which extraction code refused it: a newer one (a fixed parser) tries the file again. */
  extractor: z.number().int().default(0),
  rootId: z.string().default(''),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  /** SHA-256 of the bytes that failed, when they were read: a touched but identical file fails the same way. */
  fileHash: z.string().nullable(),
  reason: z.string()
})
export type FailedFile = z.infer<typeof failedFileSchema>

export const libraryDataSchema = z.object({
  version: z.literal(1),
  roots: z.array(importRootSchema),
  sources: z.array(sourceSchema),
  /** By the id the source would have. */
  failedFiles: z.record(z.string(), failedFileSchema).default({})
})
export type LibraryData = z.infer<typeof libraryDataSchema>

export const notesDataSchema = z.object({
  version: z.literal(1),
  annotations: z.array(annotationSchema),
  claims: z.array(claimSchema),
  /** Merges and splits of name groups, kept with the user's other work. */
  nameDecisions: z.array(nameDecisionSchema).default([]),
  /** Library searches the user named, to run again. */
  savedSearches: z.array(savedSearchSchema).default([])
})
export type NotesData = z.infer<typeof notesDataSchema>

/** What a change to library.data touched: the sources by id, and the roots or failed files (`meta`). */
export interface LibraryChange {
  sources?: Iterable<string>
  meta?: boolean
}

export class ProjectStore {
  readonly warnings: string[] = []
  readonly library: Low<LibraryData>
  readonly notes: Low<NotesData>
  readonly #textsDir: string

  private constructor(readonly dir: string) {
    const warn = (message: string): void => void this.warnings.push(message)
    this.library = new Low(new ValidatedJsonFile(join(dir, 'library.json'), libraryDataSchema, warn), {
      version: 1,
      roots: [],
      sources: [],
      failedFiles: {}
    })
    this.notes = new Low(new ValidatedJsonFile(join(dir, 'notes.json'), notesDataSchema, warn), {
      version: 1,
      annotations: [],
      claims: [],
      nameDecisions: [],
      savedSearches: []
    })
    this.#textsDir = join(dir, 'texts')
  }

  static async open(dir: string): Promise<ProjectStore> {
    const store = new ProjectStore(dir)
    await mkdir(store.#textsDir, { recursive: true })
    await removeLeftoverTemps(dir)
    await store.library.read()
    await store.notes.read()
    await store.#collectTexts()
    const names = await readdir(store.#textsDir)
    store.#storedTexts = new Set(names.filter((name) => /^[0-9a-f]{64}\.txt$/.test(name)).map((name) => name.slice(0, 64)))
    return store
  }

  #libraryUnsaved = false
  /** Which sources changed, for clients that refresh their copy of the list. */
  readonly sourceChanges = new SourceChangeLog()

  /**
   * Notes that library.data changed in memory and is not on disk yet. Say which sources
   * (added, edited or removed) and whether roots or failed files changed, so that a save
   * writes only what changed; without a change, everything is taken as changed.
   */
  markLibraryChanged(change?: LibraryChange): void {
    this.#libraryUnsaved = true
    if (change?.sources === undefined) this.sourceChanges.reset()
    else this.sourceChanges.touched(change.sources)
  }

  #lastLibraryWrite: Promise<void> = Promise.resolve()

  /**
   * Writes library.json (durably) if anything in it changed, and in any case waits until
   * the last write of it is on disk: when this resolves, every source in memory is saved.
   */
  async saveLibrary(): Promise<void> {
    if (this.#libraryUnsaved) {
      this.#libraryUnsaved = false
      this.#lastLibraryWrite = this.library.write().catch((error: unknown) => {
        this.#libraryUnsaved = true
        throw error
      })
    }
    await this.#lastLibraryWrite
  }

  /**
   * Deletes stored texts that no source or annotation refers to: what a killed import
   * wrote before its sources were saved, and old versions of changed texts no highlight
   * was made on. Nothing is deleted while a damaged data file is set aside in the folder
   * (on this open or an earlier one): what refers to the texts is then not known for sure.
   * Runs at open, with the data folder locked, before any import can write a new text.
   */
  async #collectTexts(): Promise<void> {
    const names = await readdir(this.dir)
    if (this.warnings.length > 0 || names.some((name) => name.includes('.damaged-'))) return
    const referenced = new Set(this.library.data.sources.map((source) => source.contentHash))
    for (const annotation of this.notes.data.annotations) referenced.add(annotation.target.contentHash)
    const orphans = (await readdir(this.#textsDir)).filter((name) => /^[0-9a-f]{64}\.txt$/.test(name) && !referenced.has(name.slice(0, 64)))
    for (const name of orphans) await rm(join(this.#textsDir, name), { force: true })
    this.collectedTexts = orphans.length
  }

  /** How many unreferenced texts the last open deleted. */
  collectedTexts = 0

  #byId: { sources: Source[]; length: number; map: Map<string, Source> } | null = null

  /**
   * A source by id without scanning the list (20,000 string comparisons cost ~5 ms, more
   * than saving an annotation). Sources are appended or updated in place, so the map is
   * rebuilt only when the list grows or is replaced, or after sourcesRemoved().
   */
  findSource(id: string): Source | undefined {
    const sources = this.library.data.sources
    if (this.#byId === null || this.#byId.sources !== sources || this.#byId.length !== sources.length) {
      this.#byId = { sources, length: sources.length, map: new Map(sources.map((source) => [source.id, source])) }
    }
    return this.#byId.map.get(id)
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
   * shown as the source: it is set aside, so that re-importing the folder restores it.
   */
  async readText(contentHash: string): Promise<string> {
    const path = this.#textPath(contentHash)
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

  /** Texts are content-addressed, so an existing file already holds exactly this text. */
  async writeText(contentHash: string, text: string): Promise<void> {
    const path = this.#textPath(contentHash)
    const exists = await access(path).then(
      () => true,
      () => false
    )
    if (!exists) await writeFileAtomic(path, text)
    this.#storedTexts.add(contentHash)
  }

  /** The hashes of the texts in texts/, listed once at open and kept up to date by this store. */
  #storedTexts = new Set<string>()

  /**
   * Whether texts/ holds this text, without touching the disk: an import can tell a source
   * whose text file went missing (or was set aside as damaged) from one to skip.
   */
  hasText(contentHash: string): boolean {
    return this.#storedTexts.has(contentHash)
  }

  /** The hashes of every stored text (a copy). */
  async storedTextHashes(): Promise<Set<string>> {
    return new Set(this.#storedTexts)
  }
}

/** Temporary files of writes a crash interrupted: the real file beside each is intact. */
async function removeLeftoverTemps(dir: string): Promise<void> {
  for (const folder of [dir, join(dir, 'texts')]) {
    const names = await readdir(folder).catch(() => [])
    for (const name of names.filter(isAtomicWriteTemp)) await rm(join(folder, name), { force: true })
  }
}
