// The window's copy of the engine's source list, filled page by page and patched by id:
// replacing, adding or removing a source costs that source, and only handing the list to
// React (view) copies it. Removed sources leave holes until half the list is holes, so
// positions — the order sources were added, which ties in "date added" — never shift.
import type { ImportRoot, Source } from '../../../../shared/domain/source'
import type { SourceList } from '../../../../shared/ipc/contract'

export class SourceReplica {
  /** In the engine's order; null where a source was removed. */
  #list: Array<Source | null> = []
  #positions = new Map<string, number>()
  #holes = 0
  /**
   * Sources known before their page came (asked for by id, or added while pages load): shown
   * after the list, and moved to their place in the order when their page brings them.
   */
  #early = new Map<string, Source>()
  #view: Source[] | null = null
  /** Where the next page starts in the engine's list. */
  pagedUpTo = 0
  roots: ImportRoot[] = []
  unwatchedRootIds: string[] = []
  /** How many sources the engine's library had at its last answer. */
  total = 0

  get size(): number {
    return this.#list.length - this.#holes + this.#early.size
  }

  find(id: string): Source | undefined {
    const at = this.#positions.get(id)
    return at === undefined ? this.#early.get(id) : (this.#list[at] ?? undefined)
  }

  /** Starts over from the first page of a full list. */
  restart(first: SourceList): void {
    this.#list = []
    this.#positions.clear()
    this.#holes = 0
    this.#early.clear()
    this.pagedUpTo = 0
    this.addPage(first)
  }

  /** The next page of the engine's list, in order (a source already here is replaced in place). */
  addPage(page: SourceList): void {
    this.#meta(page)
    this.pagedUpTo += page.sources.length
    for (const source of page.sources) {
      this.#early.delete(source.id)
      this.#put(source, false)
    }
    this.#view = null
  }

  /** Sources changed (or asked for) and removed, by id; `early`: the ones not here yet wait for their page. */
  patch(reply: SourceList, early: boolean): void {
    this.#meta(reply)
    let changed = false
    for (const source of reply.sources) {
      // The echo of an edit already shown (a star, a title) changes nothing: the list stays the same array.
      const known = this.find(source.id)
      if (known !== undefined && JSON.stringify(known) === JSON.stringify(source)) continue
      this.#put(source, early)
      changed = true
    }
    for (const id of reply.removedIds ?? []) changed = this.#remove(id) || changed
    if (!changed) return
    this.#view = null
    if (this.#holes > 1_000 && this.#holes * 2 > this.#list.length) this.#compact()
  }

  /** A source the engine just answered with (an edit, a star): shown at once, without a refresh. */
  replace(source: Source): void {
    if (this.find(source.id) === undefined) return
    this.#put(source, true)
    this.#view = null
  }

  /** The sources still waiting for their page go to the end: the pages are all read. */
  settle(): void {
    if (this.#early.size === 0) return
    const waiting = [...this.#early.values()]
    this.#early.clear()
    for (const source of waiting) this.#put(source, false)
    this.#view = null
  }

  /** The list as React gets it: the same array until something changes. */
  view(): Source[] {
    if (this.#view === null) {
      const sources: Source[] = []
      for (const source of this.#list) if (source !== null) sources.push(source)
      for (const source of this.#early.values()) sources.push(source)
      this.#view = sources
    }
    return this.#view
  }

  #meta(reply: SourceList): void {
    // Unchanged folders keep their array, so what is derived from them is not worked out again.
    if (JSON.stringify(reply.roots) !== JSON.stringify(this.roots)) this.roots = reply.roots
    if (reply.unwatchedRootIds.join('\n') !== this.unwatchedRootIds.join('\n')) this.unwatchedRootIds = reply.unwatchedRootIds
    this.total = reply.total
  }

  #put(source: Source, early: boolean): void {
    const at = this.#positions.get(source.id)
    if (at !== undefined) this.#list[at] = source
    else if (early || this.#early.has(source.id)) this.#early.set(source.id, source)
    else {
      this.#positions.set(source.id, this.#list.length)
      this.#list.push(source)
    }
  }

  #remove(id: string): boolean {
    const early = this.#early.delete(id)
    const at = this.#positions.get(id)
    if (at === undefined) return early
    this.#list[at] = null
    this.#positions.delete(id)
    this.#holes++
    return true
  }

  #compact(): void {
    this.#list = this.#list.filter((source) => source !== null)
    this.#positions = new Map(this.#list.map((source, at) => [(source as Source).id, at]))
    this.#holes = 0
  }
}
