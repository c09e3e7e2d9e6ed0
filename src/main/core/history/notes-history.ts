// Undo and redo for every change to the user's work in a project: highlights, claims and
// their links, name decisions, saved searches, source details, tags and stars, folders
// taken out of the project. One history per project, kept by the
// engine for the session, so both hosts, every window and the HTTP API share it.
import type { HistoryState } from '../../../shared/domain/history'
import { UserError } from '../../../shared/ipc/result'
import type { NotesChange, NotesData, ProjectStore } from '../store/project-store'
import { addedAndRemoved, applySnapshot, takeSnapshot, type NotesSnapshot, type Touches } from './notes-snapshot'

interface Step {
  /** Unique in the session, so a notice's Undo can tell its own step from a later one with the same label. */
  id: number
  label: string
  /** Steps with the same key in a row (typing in one claim) become one. */
  key: string | null
  before: NotesSnapshot
  after: NotesSnapshot
  at: number
}

export const HISTORY_LIMIT = 200
/** Edits to the same record closer together than this undo as one (typing, autosave). */
export const COALESCE_MS = 4000

export interface RecordOptions {
  /** Consecutive steps with this key within COALESCE_MS are merged. */
  key?: string
  now?: number
}

export class NotesHistory {
  readonly #undo: Step[] = []
  readonly #redo: Step[] = []
  /** One change at a time: a snapshot must see the state its change starts from. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: ProjectStore,
    private readonly onChange: (state: HistoryState) => void = () => undefined
  ) {}

  #nextId = 0

  state(): HistoryState {
    return { undo: this.#undo.at(-1)?.label ?? null, redo: this.#redo.at(-1)?.label ?? null, undoStep: this.#undo.at(-1)?.id ?? null }
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  /**
   * Runs a change that writes the user's work, and remembers how to take it back. The
   * records it touches may be given as a function, read when the change's turn comes (the
   * claims linking a highlight may have changed while it waited).
   */
  record<T>(
    label: string,
    touchesNow: Touches | (() => Touches),
    change: () => Promise<T>,
    /** `unchanged`: says from the result that nothing changed, so no step is kept and Redo stays. */
    options: RecordOptions & { unchanged?: (result: T) => boolean } = {}
  ): Promise<T> {
    // The next change may start while this one's notes reach the disk (they then share an
    // fsync); this one is acknowledged only once they are there.
    const done = this.#serially(async () => {
      const touches = typeof touchesNow === 'function' ? touchesNow() : touchesNow
      const declared = {
        annotations: touches.annotations ?? [],
        claims: touches.claims ?? [],
        nameDecisions: touches.nameDecisions ?? false,
        savedSearches: touches.savedSearches ?? false,
        sources: touches.sources ?? [],
        roots: touches.roots ?? []
      }
      const before = takeSnapshot(this.store, declared)
      const { result, durable } = await this.store.runDeferringNotes(change)
      if (options.unchanged?.(result) === true) return { result, durable }
      const notes = this.store.notes.data
      // Records the change created or removed count as touched; a created one did not exist before.
      const annotations = [...new Set([...declared.annotations, ...addedAndRemoved(before.annotationOrder, notes.annotations.map((a) => a.id))])]
      const claims = [...new Set([...declared.claims, ...addedAndRemoved(before.claimOrder, notes.claims.map((c) => c.id))])]
      for (const id of annotations) if (!before.annotations.has(id)) before.annotations.set(id, null)
      for (const id of claims) if (!before.claims.has(id)) before.claims.set(id, null)
      const after = takeSnapshot(this.store, { ...declared, annotations, claims })
      const now = options.now ?? Date.now()
      const last = this.#undo.at(-1)
      if (options.key !== undefined && last?.key === options.key && this.#redo.length === 0 && now - last.at < COALESCE_MS) {
        last.after = after
        last.at = now
      } else {
        this.#undo.push({ id: ++this.#nextId, label, key: options.key ?? null, before, after, at: now })
        if (this.#undo.length > HISTORY_LIMIT) this.#undo.shift()
      }
      this.#redo.length = 0
      this.onChange(this.state())
      return { result, durable }
    })
    return done.then(async ({ result, durable }) => {
      await durable
      return result
    })
  }

  undo(): Promise<{ undone: string } & HistoryState> {
    return this.#serially(async () => {
      const step = this.#undo.pop()
      if (step === undefined) throw new UserError('not-found', 'history: nothing to undo')
      await this.#write(step.before, step.after).catch((error: unknown) => {
        this.#undo.push(step)
        throw error
      })
      this.#redo.push(step)
      this.onChange(this.state())
      return { undone: step.label, ...this.state() }
    })
  }

  redo(): Promise<{ redone: string } & HistoryState> {
    return this.#serially(async () => {
      const step = this.#redo.pop()
      if (step === undefined) throw new UserError('not-found', 'history: nothing to redo')
      await this.#write(step.after, step.before).catch((error: unknown) => {
        this.#redo.push(step)
        throw error
      })
      // A redone step is never merged with the next edit.
      this.#undo.push({ ...step, key: null })
      this.onChange(this.state())
      return { redone: step.label, ...this.state() }
    })
  }

  /**
   * Puts `snapshot` in place of `left` (the state the step left) and writes it. If the
   * disk refuses, memory goes back to `left`, so it never differs from the files.
   */
  async #write(snapshot: NotesSnapshot, left: NotesSnapshot): Promise<void> {
    const notes = this.store.notes.data
    const order = { annotations: notes.annotations.map((record) => record.id), claims: notes.claims.map((record) => record.id) }
    // A folder put back or taken out drops every source it has now, also ones imported since the step.
    const roots = new Set([...snapshot.folders.keys(), ...left.folders.keys()])
    const inFolders = roots.size === 0 ? [] : this.store.library.data.sources.filter((source) => roots.has(source.rootId)).map((source) => source.id)
    const changed = applySnapshot(this.store, snapshot, left)
    try {
      if (changed.library) {
        const folders = [...snapshot.folders.values(), ...left.folders.values()]
        const sources = [...inFolders, ...snapshot.sources.keys(), ...folders.flatMap((folder) => folder.sources.map(({ record }) => record.id))]
        this.store.markLibraryChanged({ sources, meta: snapshot.folders.size > 0 })
        await this.store.saveLibrary()
      }
      await this.store.saveNotes(notesChange(snapshot, left, order, this.store.notes.data))
    } catch (error: unknown) {
      applySnapshot(this.store, left, snapshot)
      throw error
    }
  }
}

/**
 * The records a step's undo or redo rewrote, for a save that appends only them; undefined
 * (save whole) when records also moved in their list, which appending cannot say.
 */
function notesChange(snapshot: NotesSnapshot, left: NotesSnapshot, before: { annotations: string[]; claims: string[] }, notes: NotesData): NotesChange | undefined {
  const annotations = new Set([...snapshot.annotations.keys(), ...left.annotations.keys()])
  const claims = new Set([...snapshot.claims.keys(), ...left.claims.keys()])
  if (!appendKeepsOrder(before.annotations, notes.annotations, annotations) || !appendKeepsOrder(before.claims, notes.claims, claims)) return undefined
  return {
    annotations,
    claims,
    nameDecisions: snapshot.nameDecisions !== null || left.nameDecisions !== null,
    savedSearches: snapshot.savedSearches !== null || left.savedSearches !== null
  }
}

/** Whether putting the touched records into the old list (in place, or appended) and dropping the removed ones gives the new order. */
function appendKeepsOrder(before: readonly string[], after: readonly { id: string }[], touched: ReadonlySet<string>): boolean {
  const present = new Set(after.map((record) => record.id))
  const kept = before.filter((id) => present.has(id))
  const known = new Set(kept)
  const expected = [...kept, ...after.map((record) => record.id).filter((id) => !known.has(id) && touched.has(id))]
  return expected.length === after.length && expected.every((id, index) => after[index]?.id === id)
}
