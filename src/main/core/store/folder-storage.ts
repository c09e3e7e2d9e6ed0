// The project's storage in its own folder: the library as bounded lowdb segments plus a
// journal, the notes as a snapshot plus a journal. What the app uses on a laptop; see storage.ts.
import type { LibraryCommit, LibraryData, LibraryRead, NotesData, NotesDelta, ProjectStorage } from './storage'
import { NotesJournal } from './notes-journal'
import { SegmentedLibrary } from './segmented-library'

/** A due fold waits until the project has had no write for this long: it never competes with a burst of edits. */
export const FOLD_WHEN_IDLE_MS = 1_000

export class FolderStorage implements ProjectStorage {
  readonly #library: SegmentedLibrary
  readonly #notes: NotesJournal
  /** Library commits one after another: each builds on the segments the last one wrote. */
  #libraryQueue: Promise<void> = Promise.resolve()
  #foldTimer: ReturnType<typeof setTimeout> | null = null
  /** Once closing, no fold is begun: the project may be switched or deleted next. */
  #closing = false

  constructor(
    readonly dir: string,
    warn: (message: string) => void,
    /** The notes as they are now, which a background compaction writes. */
    current: () => NotesData,
    private readonly foldWhenIdleMs = FOLD_WHEN_IDLE_MS
  ) {
    this.#library = new SegmentedLibrary(dir, warn)
    this.#notes = new NotesJournal(dir, warn)
    this.#notes.follow(current)
  }

  loadLibrary(onRead?: (read: LibraryRead) => void): Promise<LibraryData> {
    return this.#library.load(onRead)
  }

  commitLibrary(commit: LibraryCommit): Promise<void> {
    const run = this.#libraryQueue.catch(() => undefined).then(() => this.#library.commit(commit))
    this.#libraryQueue = run.catch(() => undefined)
    run.then(() => this.#foldLater(), () => undefined)
    return run
  }

  /**
   * A grown library journal is folded beside the commits, never in an acknowledged change's
   * time, and once writes pause (the fold's segment writes and fsyncs would otherwise slow
   * the appends of a burst); a journal grown four times past due is folded at once. One that
   * fails is tried again after a later write: the journals still hold every change.
   */
  #foldLater(): void {
    if (this.#closing || !this.#library.wantsFold()) return
    if (this.#foldTimer !== null) clearTimeout(this.#foldTimer)
    const fold = (): void => {
      this.#foldTimer = null
      void this.#library.fold().catch(() => undefined)
    }
    if (this.#library.wantsFold(4)) return fold()
    this.#foldTimer = setTimeout(fold, this.foldWhenIdleMs)
    this.#foldTimer.unref?.()
  }

  loadNotes(): Promise<NotesData> {
    return this.#notes.load()
  }

  appendNotes(delta: NotesDelta): Promise<void> {
    const appended = this.#notes.append(delta)
    // A notes write is not a pause either.
    appended.then(() => this.#foldLater(), () => undefined)
    return appended
  }

  replaceNotes(notes: NotesData): Promise<void> {
    return this.#notes.replace(notes)
  }

  holdsDamagedFiles(): Promise<boolean> {
    return this.#library.holdsDamagedFiles()
  }

  async close(): Promise<void> {
    // A fold not yet begun waits for the next open: the journals hold every change.
    this.#closing = true
    if (this.#foldTimer !== null) clearTimeout(this.#foldTimer)
    this.#foldTimer = null
    await this.#libraryQueue
    // A fold the last commit started.
    await this.#library.folded()
    await this.#notes.close()
  }
}
