// The project's storage in its own folder: the library as bounded lowdb segments plus a
// journal, the notes as a snapshot plus a journal. What the app uses on a laptop; see storage.ts.
import type { LibraryCommit, LibraryData, LibraryRead, NotesData, NotesDelta, ProjectStorage } from './storage'
import { NotesJournal } from './notes-journal'
import { SegmentedLibrary } from './segmented-library'

export class FolderStorage implements ProjectStorage {
  readonly #library: SegmentedLibrary
  readonly #notes: NotesJournal
  /** Library commits and folds one after another: each builds on the segments the last one wrote. */
  #libraryQueue: Promise<void> = Promise.resolve()
  #folding = false

  constructor(
    readonly dir: string,
    warn: (message: string) => void,
    /** The notes as they are now, which a background compaction writes. */
    current: () => NotesData
  ) {
    this.#library = new SegmentedLibrary(dir, warn)
    this.#notes = new NotesJournal(dir, warn)
    this.#notes.follow(current)
  }

  loadLibrary(onRead?: (read: LibraryRead) => void): Promise<LibraryData> {
    return this.#library.load(onRead)
  }

  commitLibrary(commit: LibraryCommit): Promise<void> {
    const run = this.#enqueueLibrary(() => this.#library.commit(commit))
    run.then(() => this.#foldWhenDue(), () => undefined)
    return run
  }

  #enqueueLibrary(task: () => Promise<void>): Promise<void> {
    const run = this.#libraryQueue.catch(() => undefined).then(task)
    this.#libraryQueue = run.catch(() => undefined)
    return run
  }

  /**
   * Folds a grown journal into the segments behind the commits already waiting, not in the
   * acknowledged change's time. One that fails is tried after the next commit: the journal still holds every change.
   */
  #foldWhenDue(): void {
    if (this.#folding || !this.#library.wantsFold()) return
    this.#folding = true
    void this.#enqueueLibrary(() => this.#library.fold())
      .catch(() => undefined)
      .finally(() => {
        this.#folding = false
      })
  }

  loadNotes(): Promise<NotesData> {
    return this.#notes.load()
  }

  appendNotes(delta: NotesDelta): Promise<void> {
    return this.#notes.append(delta)
  }

  replaceNotes(notes: NotesData): Promise<void> {
    return this.#notes.replace(notes)
  }

  holdsDamagedFiles(): Promise<boolean> {
    return this.#library.holdsDamagedFiles()
  }

  async close(): Promise<void> {
    // A fold may be queued while the last commit finishes: wait until the queue stops changing.
    let seen: Promise<void>
    do {
      seen = this.#libraryQueue
      await seen
    } while (seen !== this.#libraryQueue)
    await this.#notes.close()
  }
}
