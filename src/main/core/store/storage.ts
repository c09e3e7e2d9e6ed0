// The one interface a project's data is kept behind: the local folder of lowdb segments and
// a notes journal today, a shared server (PostgreSQL, docs/scale.md) later. Services never
// see it: they work on ProjectStore's in-memory working set, which commits through this.
import { z } from 'zod'
import { annotationSchema, type Annotation } from '../../../shared/domain/annotation'
import { claimSchema, type Claim } from '../../../shared/domain/claim'
import { nameDecisionSchema, type NameDecision } from '../../../shared/domain/corroboration'
import { savedSearchSchema, type SavedSearch } from '../../../shared/domain/saved-search'
import { importRootSchema, sourceSchema, type Source } from '../../../shared/domain/source'

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

/** The library's small part, written together: the folders and the files that failed. */
export const libraryMetaSchema = z.object({
  roots: z.array(importRootSchema),
  /** By the id the source would have. */
  failedFiles: z.record(z.string(), failedFileSchema).default({})
})
export type LibraryMeta = z.infer<typeof libraryMetaSchema>

export const libraryDataSchema = libraryMetaSchema.extend({ version: z.literal(1), sources: z.array(sourceSchema) })
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

export function emptyLibrary(): LibraryData {
  return { version: 1, roots: [], sources: [], failedFiles: {} }
}

export function emptyNotes(): NotesData {
  return { version: 1, annotations: [], claims: [], nameDecisions: [], savedSearches: [] }
}

/** One atomic change to the library: all of it is stored, or none of it. */
export interface LibraryCommit {
  /** Sources added or changed, whole. */
  put: readonly Source[]
  /** Ids of sources taken out. */
  removed: readonly string[]
  /** The roots and failed files, when they changed. */
  meta?: LibraryMeta
  /** Any source of the library by id, as it is now (a store that rewrites neighbours with a change reads them here). */
  source: (id: string) => Source | undefined
  /** Runs once the change is read and before it becomes visible (flushes the texts it names). */
  beforeCommit?: () => Promise<void>
}

/** One atomic change to the notes: records put whole or removed by id; the small lists replaced whole. */
export interface NotesDelta {
  annotations?: { put: readonly Annotation[]; removed: readonly string[] }
  claims?: { put: readonly Claim[]; removed: readonly string[] }
  nameDecisions?: readonly NameDecision[]
  savedSearches?: readonly SavedSearch[]
}

/**
 * How far a library load has come: the folders and the sources read so far (the same
 * arrays the load returns, growing in list order) and how many sources the library says it
 * holds. A window lists the first page from it while the rest is read.
 */
export interface LibraryRead {
  data: Readonly<LibraryData>
  /** As the storage last recorded it (the sources actually read may differ: a damaged part). */
  total: number
}

export interface ProjectStorage {
  /**
   * The library as last committed, or empty; called before the first commit. Problems (a
   * damaged file set aside) go to the store's warnings. `onRead` is told after each part read.
   */
  loadLibrary(onRead?: (read: LibraryRead) => void): Promise<LibraryData>
  /** Resolves once the change is durable. Commits run in call order. */
  commitLibrary(commit: LibraryCommit): Promise<void>
  /** The notes as last stored, or empty; called before the first append or replacement. */
  loadNotes(): Promise<NotesData>
  /** Resolves once the change is durable (an acknowledged edit survives a crash). Runs in call order with replaceNotes. */
  appendNotes(delta: NotesDelta): Promise<void>
  /** Stores the notes whole (a bulk change: undo of many records, an import of annotations). */
  replaceNotes(notes: NotesData): Promise<void>
  /** Whether a damaged file of this storage is set aside for the user to recover (then nothing unreferenced may be deleted). */
  holdsDamagedFiles(): Promise<boolean>
  /** Waits for background work (journal compaction) and releases files. */
  close(): Promise<void>
}

/** Applies a notes change to notes in memory, as a storage replays it. */
export function applyNotesDelta(notes: NotesData, delta: NotesDelta): void {
  if (delta.annotations !== undefined) applyRecords(notes.annotations, delta.annotations)
  if (delta.claims !== undefined) applyRecords(notes.claims, delta.claims)
  if (delta.nameDecisions !== undefined) notes.nameDecisions = [...delta.nameDecisions]
  if (delta.savedSearches !== undefined) notes.savedSearches = [...delta.savedSearches]
}

function applyRecords<T extends { id: string }>(list: T[], change: { put: readonly T[]; removed: readonly string[] }): void {
  const index = new Map(list.map((record, position) => [record.id, position]))
  for (const record of change.put) {
    const position = index.get(record.id)
    if (position === undefined) {
      index.set(record.id, list.length)
      list.push(record)
    } else list[position] = record
  }
  if (change.removed.length === 0) return
  const removed = new Set(change.removed)
  let kept = 0
  for (const record of list) if (!removed.has(record.id)) list[kept++] = record
  list.length = kept
}
