// Keeps a SearchIndex on disk as segment files in <project>/search/, listed by a manifest
// (index-manifest.ts): a save writes only the segments sealed since the last one, then the
// manifest; merges run in the background in short slices and commit the same way. Files
// the manifest does not list (left by a crash before a commit) are removed on load.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isAtomicWriteTemp, writeFileAtomic } from '../store/atomic-write'
import { isSegmentFile, MANIFEST_FILE, readManifest, segmentFileName, writeManifest, type Manifest } from './index-manifest'
import { readLegacyIndex, removeLegacyIndex, setLegacyIndexAside } from './legacy-index'
import { nextMerge } from './merge-policy'
import { SearchIndex } from './search-index'
import type { Segment } from './segment'
import { decodeSegment, encodeSegmentSteps } from './segment-file'
import { unionSteps } from './term-union'

export const INDEX_FOLDER = 'search'
/** A background merge works this long at most before letting queries in; saves it lets go first. */
const SLICE_MS = 4

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export class IndexStore {
  index = new SearchIndex()
  readonly #dir: string
  #nextSegment = 0
  /** The files the manifest on disk lists. */
  #committed: string[] = []
  /** The manifest must be written even with no new segment (a damaged segment was dropped). */
  #dirty = false
  #queue: Promise<void> = Promise.resolve()
  /** Saves asked for and not done: a merge pauses for them, so a change is on disk soon. */
  #pendingSaves = 0
  #merging: Promise<void> | null = null
  #ready: Promise<void> = Promise.resolve()
  #loaded = true

  /** `onDamaged` hears, in a sentence, about a saved index that could not be read (and is being rebuilt). */
  constructor(
    private readonly projectDir: string,
    private readonly onDamaged: (detail: string) => void
  ) {
    this.#dir = join(projectDir, INDEX_FOLDER)
  }

  /**
   * Opens the saved index in two steps: what is cheap to check (the manifest, each listed
   * file present at its size) before this resolves, so damage found there is reported at
   * once; reading and replaying the segments (or migrating a version 1 index) after, in the
   * background: ready() resolves when the index holds them. Damage found then is reported
   * then. Whatever is damaged is set aside; the next sync re-indexes what it held.
   */
  async load(): Promise<void> {
    const index = new SearchIndex()
    this.index = index
    this.#loaded = false
    let manifest: Manifest | null = null
    try {
      await mkdir(this.#dir, { recursive: true })
      manifest = await readManifest(this.#dir)
    } catch (error: unknown) {
      this.onDamaged(error instanceof Error ? error.message : String(error))
      await this.#setAside(MANIFEST_FILE)
    }
    this.#nextSegment = manifest?.nextSegment ?? 0
    this.#committed = manifest?.segments.map((entry) => entry.file) ?? []
    await this.#removeUnlisted()
    const present: Manifest['segments'] = []
    for (const entry of manifest?.segments ?? []) {
      const size = await stat(join(this.#dir, entry.file)).then(
        (stats) => stats.size,
        () => -1
      )
      if (size === entry.bytes) present.push(entry)
      else await this.#drop(entry.file, size < 0 ? 'the file is missing' : `${size} bytes where ${entry.bytes} were saved`)
    }
    // Never rejects: what cannot be read is reported and left to sync to rebuild.
    this.#ready = (manifest === null ? this.#migrate() : this.#readSegments(index, present))
      .catch((error: unknown) => this.onDamaged(error instanceof Error ? error.message : String(error)))
      .then(() => {
        this.#loaded = true
        this.#scheduleMerge()
      })
  }

  /** Resolves once the index holds every saved segment (see load). */
  ready(): Promise<void> {
    return this.#ready
  }

  /** Whether ready() has resolved: until then the index is empty and must not take changes. */
  get loaded(): boolean {
    return this.#loaded
  }

  async #readSegments(index: SearchIndex, entries: Manifest['segments']): Promise<void> {
    for (const entry of entries) {
      try {
        const bytes = await readFile(join(this.#dir, entry.file))
        const segment = decodeSegment(bytes)
        segment.file = entry.file
        segment.fileBytes = bytes.length
        index.addSegment(segment)
      } catch (error: unknown) {
        await this.#drop(entry.file, error instanceof Error ? error.message : String(error))
      }
      // Lets the first screen's requests in between segments.
      await nextTurn()
    }
  }

  /** A listed segment that cannot be used: its documents fall back to older versions or to nothing, and the next sync re-indexes them. */
  async #drop(file: string, detail: string): Promise<void> {
    this.onDamaged(`${file}: ${detail}`)
    await this.#setAside(file)
    this.#dirty = true
  }

  /** Whether a save would write anything. */
  get hasUnsaved(): boolean {
    return this.#dirty || this.index.hasUnsealed || this.index.sealedSegments.some((segment) => segment.file === null)
  }

  /** Seals what changed, writes the new segments, then commits the manifest. Saves run one at a time. */
  save(): Promise<void> {
    this.#pendingSaves++
    // Queued once loaded: a save queued before would wait for a migration's own save behind it.
    const saved = this.#ready.then(() => this.#exclusive(() => this.#saveNow()))
    saved.then(
      () => {
        this.#pendingSaves--
        this.#scheduleMerge()
      },
      () => {
        this.#pendingSaves--
      }
    )
    return saved
  }

  /** Resolves once no merge is running or due. */
  async idle(): Promise<void> {
    await this.#ready
    while (this.#merging !== null) await this.#merging
    await this.#queue
  }

  #exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #saveNow(): Promise<void> {
    this.index.seal()
    for (const segment of [...this.index.sealedSegments]) if (segment.file === null) await this.#write(segment, false)
    // Segments sealed while writing (by imports going on) are left for the next save: the list stays a prefix.
    const listed: Segment[] = []
    for (const segment of this.index.sealedSegments) {
      if (segment.file === null) break
      listed.push(segment)
    }
    const files = listed.map((segment) => segment.file ?? '')
    if (!this.#dirty && files.length === this.#committed.length && files.every((file, k) => file === this.#committed[k])) return
    await writeManifest(this.#dir, { nextSegment: this.#nextSegment, segments: listed.map((segment) => ({ file: segment.file ?? '', docs: segment.docCount, bytes: segment.fileBytes })) })
    const dropped = this.#committed.filter((file) => !files.includes(file))
    this.#committed = files
    this.#dirty = false
    await Promise.all(dropped.map((file) => rm(join(this.#dir, file), { force: true })))
  }

  /**
   * Adds a segment built elsewhere (an import's extraction thread), after what is unsealed
   * here: its documents replace older versions of theirs. `encoded` is its file, written as it is by the next save.
   */
  adopt(segment: Segment, encoded: Uint8Array): void {
    this.index.seal()
    segment.encoded = encoded
    this.index.addSegment(segment)
  }

  /** Lets queries in, and in the background (a merge) lets waiting saves finish first. */
  async #yield(background: boolean): Promise<void> {
    await nextTurn()
    while (background && this.#pendingSaves > 0) await this.#queue
  }

  /** Writes a segment file under the next name; a large one is encoded a few milliseconds at a time. */
  async #write(segment: Segment, background: boolean): Promise<void> {
    const file = segmentFileName(this.#nextSegment++)
    if (segment.encoded !== null) {
      const encoded = segment.encoded
      await writeFileAtomic(join(this.#dir, file), encoded)
      segment.file = file
      segment.fileBytes = encoded.length
      segment.encoded = null
      return
    }
    const steps = encodeSegmentSteps(segment)
    let deadline = performance.now() + SLICE_MS
    let step = steps.next()
    for (; step.done !== true; step = steps.next()) {
      if (performance.now() < deadline) continue
      await this.#yield(background)
      deadline = performance.now() + SLICE_MS
    }
    await writeFileAtomic(join(this.#dir, file), step.value)
    segment.file = file
    segment.fileBytes = step.value.length
  }

  /** Starts the next background task due, if none is running: a merge, else a vocabulary union for fuzzy terms. */
  #scheduleMerge(): void {
    if (this.#merging !== null || !this.#loaded) return
    const run = nextMerge(this.index.segmentStats())
    const task = run !== null ? this.#merge(run[0], run[1]) : this.index.wantsUnion ? this.#buildUnion() : null
    if (task === null) return
    // After a failure (a full disk, the project closed) merging waits for the next save.
    this.#merging = task.then(
      () => {
        this.#merging = null
        this.#scheduleMerge()
      },
      () => {
        this.#merging = null
      }
    )
  }

  async #merge(first: number, last: number): Promise<void> {
    const index = this.index
    const merge = index.beginMerge(first, last)
    while (!merge.step(performance.now() + SLICE_MS)) await this.#yield(true)
    const merged = merge.result
    if (merged.docCount > 0 || merged.removals.length > 0) await this.#write(merged, true)
    await this.#exclusive(async () => {
      if (this.index === index && index.applyMerge(merge)) {
        // Saved together with everything sealed since: the merge dropped documents that newer changes replaced.
        await this.#saveNow()
      } else if (merged.file !== null) {
        await rm(join(this.#dir, merged.file), { force: true })
      }
    })
  }

  async #buildUnion(): Promise<void> {
    const index = this.index
    const steps = unionSteps(index.sealedSegments)
    let step = steps.next()
    for (; step.done !== true; step = steps.next()) await this.#yield(true)
    if (this.index === index) index.setUnion(step.value)
  }

  /** A version 1 index beside the project's data becomes the first segment; a damaged one is set aside. */
  async #migrate(): Promise<void> {
    let legacy: Segment | null
    try {
      legacy = await readLegacyIndex(this.projectDir)
    } catch (error: unknown) {
      this.onDamaged(error instanceof Error ? error.message : String(error))
      await setLegacyIndexAside(this.projectDir)
      return
    }
    if (legacy === null) return
    this.index.addSegment(legacy)
    // The old files go only once their content is committed as a segment.
    await this.#exclusive(() => this.#saveNow())
    await removeLegacyIndex(this.projectDir)
  }

  async #setAside(file: string): Promise<void> {
    const path = join(this.#dir, file)
    await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
  }

  /** Segment files no manifest lists (a crash came before the commit) and temporary files. */
  async #removeUnlisted(): Promise<void> {
    const listed = new Set(this.#committed)
    const names = await readdir(this.#dir).catch(() => [])
    const stale = names.filter((name) => (isSegmentFile(name) && !listed.has(name)) || isAtomicWriteTemp(name))
    await Promise.all(stale.map((name) => rm(join(this.#dir, name), { force: true })))
  }
}
