// A project's storage held in memory, copied on every commit as a database would: the
// reference the storage conformance suite checks itself against, and a store for tests.
import { applyNotesDelta, emptyLibrary, emptyNotes, type LibraryCommit, type LibraryData, type LibraryRead, type NotesData, type NotesDelta, type ProjectStorage } from './storage'

/** What survives a "restart": pass the same one to a new MemoryStorage. */
export interface MemoryVolume {
  library: LibraryData
  notes: NotesData
}

export function memoryVolume(): MemoryVolume {
  return { library: emptyLibrary(), notes: emptyNotes() }
}

export class MemoryStorage implements ProjectStorage {
  constructor(readonly volume: MemoryVolume = memoryVolume()) {}

  async loadLibrary(onRead?: (read: LibraryRead) => void): Promise<LibraryData> {
    const library = structuredClone(this.volume.library)
    onRead?.({ data: library, total: library.sources.length })
    return library
  }

  async commitLibrary(commit: LibraryCommit): Promise<void> {
    const library = structuredClone(this.volume.library)
    const removed = new Set(commit.removed)
    library.sources = library.sources.filter((source) => !removed.has(source.id))
    const position = new Map(library.sources.map((source, index) => [source.id, index]))
    for (const source of structuredClone([...commit.put])) {
      const at = position.get(source.id)
      if (at === undefined) library.sources.push(source)
      else library.sources[at] = source
    }
    if (commit.meta !== undefined) Object.assign(library, structuredClone(commit.meta))
    await commit.beforeCommit?.()
    this.volume.library = library
  }

  async loadNotes(): Promise<NotesData> {
    return structuredClone(this.volume.notes)
  }

  async appendNotes(delta: NotesDelta): Promise<void> {
    const notes = structuredClone(this.volume.notes)
    applyNotesDelta(notes, structuredClone(delta))
    this.volume.notes = notes
  }

  async replaceNotes(notes: NotesData): Promise<void> {
    this.volume.notes = structuredClone(notes)
  }

  async holdsDamagedFiles(): Promise<boolean> {
    return false
  }

  async close(): Promise<void> {}
}
