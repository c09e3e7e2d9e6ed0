// The user's notes on disk as a snapshot (notes.json, written through lowdb) plus an
// append-only journal: an acknowledged edit is one line appended and fsync'd — edits that
// arrive together share one fsync — and once the journal grows, a new snapshot is written
// in the background and the next journal begun. A line a crash cut short was never
// acknowledged and is dropped; the snapshot names its journal, so nothing replays twice.
import { readdir, rename, rm, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { annotationSchema } from '../../../shared/domain/annotation'
import { claimSchema } from '../../../shared/domain/claim'
import { nameDecisionSchema } from '../../../shared/domain/corroboration'
import { savedSearchSchema } from '../../../shared/domain/saved-search'
import { appendDurably, readJournalLines, readJournalText } from './journal-file'
import { applyNotesDelta, emptyNotes, notesDataSchema, type NotesData, type NotesDelta } from './storage'
import { ValidatedJsonFile } from './validated-json-file'

export const NOTES_FILE = 'notes.json'
/** A journal past this size is folded into a new snapshot. */
export const COMPACT_AFTER_BYTES = 4_000_000

const snapshotSchema = notesDataSchema.extend({ journal: z.number().int().nonnegative().default(0) })

const records = <T extends z.ZodType>(schema: T) => z.object({ put: z.array(schema), removed: z.array(z.string()) })
const lineSchema = z.object({
  annotations: records(annotationSchema).optional(),
  claims: records(claimSchema).optional(),
  nameDecisions: z.array(nameDecisionSchema).optional(),
  savedSearches: z.array(savedSearchSchema).optional()
})

export function journalName(generation: number): string {
  return `notes-journal-${generation}.jsonl`
}

interface Pending {
  line: string
  resolve: () => void
  reject: (error: unknown) => void
}

export class NotesJournal {
  readonly #dir: string
  readonly #warn: (message: string) => void
  #generation = 0
  #bytes = 0
  #pending: Pending[] = []
  /** Appends, snapshots and compactions, one after another. */
  #queue: Promise<void> = Promise.resolve()
  #flushScheduled = false
  #compacting = false
  /** A failed append may have left part of a line after #bytes. */
  #torn = false
  /** The notes as they are now, for a compaction. */
  #current: () => NotesData = emptyNotes

  constructor(
    projectDir: string,
    warn: (message: string) => void,
    private readonly compactAfterBytes = COMPACT_AFTER_BYTES
  ) {
    this.#dir = projectDir
    this.#warn = warn
  }

  /** Where a compaction reads the notes from (the store's working set). */
  follow(current: () => NotesData): void {
    this.#current = current
  }

  async load(): Promise<NotesData> {
    const read = await new ValidatedJsonFile(join(this.#dir, NOTES_FILE), snapshotSchema, this.#warn).read()
    const { journal, ...notes } = read ?? { ...emptyNotes(), journal: 0 }
    this.#generation = journal
    for (const name of await readdir(this.#dir)) {
      const match = /^notes-journal-(\d+)\.jsonl$/.exec(name)
      if (match === null || Number(match[1]) === journal) continue
      if (read !== null && Number(match[1]) < journal) {
        // A compaction a crash stopped after its snapshot leaves the journal before it: already in the snapshot.
        await rm(join(this.#dir, name), { force: true })
      } else {
        // Edits the snapshot does not account for (it is missing, damaged, or older): kept for the user, never deleted.
        await rename(join(this.#dir, name), join(this.#dir, `${name}.damaged-${Date.now()}`))
        this.#warn(`store: ${name} holds edits that notes.json does not account for; it was set aside as ${name}.damaged-… for recovery`)
      }
    }
    await this.#replay(notes)
    return notes
  }

  /** Runs after everything queued before it, whatever became of that. */
  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.catch(() => undefined).then(task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Applies the journal's complete lines; cuts off a torn last line; sets aside a journal damaged before its end. */
  async #replay(notes: NotesData): Promise<void> {
    const path = join(this.#dir, journalName(this.#generation))
    const { good, bytes, problem } = readJournalLines(await readJournalText(path), lineSchema, (delta) => applyNotesDelta(notes, delta as NotesDelta))
    this.#bytes = good
    if (problem !== null) {
      // A whole line that does not read is damage, not a crash: keep what came before, set the file aside for the user.
      await rename(path, `${path}.damaged-${Date.now()}`)
      this.#warn(`store: the notes journal was damaged (${problem}); the edits before the damage were kept and the file was set aside as ${journalName(this.#generation)}.damaged-…`)
      void this.#enqueue(() => this.#snapshot(notes)).catch(() => undefined)
    } else if (good < bytes) {
      await truncate(path, good)
    }
  }

  /** Resolves once the change is on disk. The line is made now, so later edits of the same records are not in it. */
  append(delta: NotesDelta): Promise<void> {
    const line = `${JSON.stringify(delta)}\n`
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ line, resolve, reject })
      if (this.#flushScheduled) return
      this.#flushScheduled = true
      void this.#enqueue(() => this.#flush())
    })
  }

  async #flush(): Promise<void> {
    this.#flushScheduled = false
    const batch = this.#pending
    this.#pending = []
    if (batch.length === 0) return
    try {
      const text = batch.map((pending) => pending.line).join('')
      await appendDurably(join(this.#dir, journalName(this.#generation)), text, this.#bytes === 0, this.#torn ? this.#bytes : undefined)
      this.#torn = false
      this.#bytes += Buffer.byteLength(text)
      for (const pending of batch) pending.resolve()
    } catch (error: unknown) {
      for (const pending of batch) pending.reject(error)
      // A failed append may have left part of a line: cut it off before anything else is appended.
      this.#torn = true
      void this.#enqueue(() => this.#snapshot(this.#current())).catch(() => undefined)
      return
    }
    if (this.#bytes > this.compactAfterBytes && !this.#compacting) {
      this.#compacting = true
      // Queued behind the appends already waiting (they go to this journal; the snapshot then includes them), and close() waits for it.
      // A compaction that fails is tried again after the next append; the journal still holds every edit.
      void this.#enqueue(() => this.#snapshot(this.#current()))
        .catch(() => undefined)
        .finally(() => {
          this.#compacting = false
        })
    }
  }

  /** Writes the notes whole, in order with the appends. */
  replace(notes: NotesData): Promise<void> {
    return this.#enqueue(() => this.#snapshot(notes))
  }

  /**
   * A new snapshot naming the next journal: once it is renamed into place the old journal is
   * no longer read, so it is deleted after.
   */
  async #snapshot(notes: NotesData): Promise<void> {
    const previous = this.#generation
    const next = previous + 1
    await rm(join(this.#dir, journalName(next)), { force: true })
    await new Low(new ValidatedJsonFile(join(this.#dir, NOTES_FILE), snapshotSchema, this.#warn), { ...notes, journal: next }).write()
    this.#generation = next
    this.#bytes = 0
    this.#torn = false
    await rm(join(this.#dir, journalName(previous)), { force: true })
  }

  /** Waits for every append and snapshot asked for. */
  async close(): Promise<void> {
    let seen: Promise<void>
    do {
      seen = this.#queue
      await seen.catch(() => undefined)
    } while (seen !== this.#queue)
  }
}
