// The project's storage in its own folder: the library as bounded lowdb segments, the
// notes as a snapshot plus a journal. What the app uses on a laptop; see storage.ts.
import type { LibraryCommit, LibraryData, LibraryRead, NotesData, NotesDelta, ProjectStorage } from './storage'
import { NotesJournal } from './notes-journal'
import { SegmentedLibrary } from './segmented-library'

export class FolderStorage implements ProjectStorage {
  readonly #library: SegmentedLibrary
  readonly #notes: NotesJournal
  /** Library commits one after another: each builds on the segments the last one wrote. */
  #libraryQueue: Promise<void> = Promise.resolve()

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
    const run = this.#libraryQueue.catch(() => undefined).then(() => this.#library.commit(commit))
    this.#libraryQueue = run.catch(() => undefined)
    return run
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
    await this.#libraryQueue
    await this.#notes.close()
  }
}
