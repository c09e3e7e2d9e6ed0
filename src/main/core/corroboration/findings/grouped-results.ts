// The grouped results the service answers from: the saved quote and name tables in use, their
// cards read a page at a time, a whole group when one is opened, and the sections a query needs
// read once, when first needed. The files of a table replaced by a newer one are deleted once
// no read of them is still running: a read held with `reading` keeps them for all its steps.
import { mkdir } from 'node:fs/promises'
import { loadTable, removeTable, removeTables, type Grouped, type NameTable, type QuoteTable, type Table, type TableKind } from './group-tables'
import { LAYOUT, type SectionName } from './table-columns'
import { DamagedTableError, readCards, readSection, readWholes } from './table-reads'

class Loaded<T extends Table> {
  #readers = 0
  #retired = false
  readonly #sections = new Map<number, Promise<unknown[]>>()
  #ids: Map<string, number> | null = null

  constructor(
    readonly dir: string,
    readonly grouped: Grouped<T>
  ) {}

  get table(): T {
    return this.grouped.table
  }

  /** Groups in display order. */
  get count(): number {
    return this.grouped.columns.count
  }

  /** A column of LAYOUT[kind].columns, a value per group. */
  protected column(place: number): Uint8Array {
    return this.grouped.columns.values[place]!
  }

  /**
   * Runs `read` with the files kept: a read of several steps (a section, then cards) holds them
   * for all of them, so a newer table adopted between two steps does not delete them under it.
   */
  async hold<R>(read: () => Promise<R>): Promise<R> {
    this.#readers++
    try {
      return await read()
    } finally {
      this.#readers--
      if (this.#retired && this.#readers === 0) await this.#remove()
    }
  }

  /** The cards of the groups at these places, in the order asked. */
  cards<G>(indexes: readonly number[]): Promise<G[]> {
    return this.hold(() => readCards<G>(this.dir, this.grouped, indexes))
  }

  /** The whole groups at these places. */
  wholes<G>(indexes: readonly number[]): Promise<G[]> {
    return this.hold(() => readWholes<G>(this.dir, this.grouped, indexes))
  }

  /** A section, read the first time it is asked for (a damaged one is asked for again next time). */
  protected section<S>(name: string): Promise<S[]> {
    const place = (LAYOUT[this.table.kind].sections as readonly string[]).indexOf(name)
    let pending = this.#sections.get(place)
    if (pending === undefined) {
      pending = this.hold(() => readSection<unknown>(this.dir, this.grouped, place))
      pending.catch(() => this.#sections.delete(place))
      this.#sections.set(place, pending)
    }
    return pending as Promise<S[]>
  }

  /** The place of the group with this id, or undefined. */
  async indexOf(id: string): Promise<number | undefined> {
    if (this.#ids === null) {
      const ids = await this.section<string>('ids' satisfies SectionName<TableKind>)
      this.#ids = new Map(ids.map((groupId, index) => [groupId, index]))
    }
    return this.#ids.get(id)
  }

  /** Replaced: its files go once the reads still running are done. */
  async retire(): Promise<void> {
    this.#retired = true
    if (this.#readers === 0) await this.#remove()
  }

  get inUse(): boolean {
    return !this.#retired || this.#readers > 0
  }

  async #remove(): Promise<void> {
    // A table kept in memory has no files of its own (its generation may be taken by the next write).
    if (this.table.bodies !== null) await removeTable(this.dir, this.table.kind, this.table.generation).catch(() => undefined)
  }
}

/** Whether `words` (folded words joined by single spaces) holds `term` as a whole word. */
function holdsWord(words: string, term: string): boolean {
  for (let at = words.indexOf(term); at >= 0; at = words.indexOf(term, at + 1)) {
    const end = at + term.length
    if ((at === 0 || words.charCodeAt(at - 1) === 32) && (end === words.length || words.charCodeAt(end) === 32)) return true
  }
  return false
}

export class LoadedQuotes extends Loaded<QuoteTable> {
  /** Words in each group's reference (255 stands for 255 or more). */
  get words(): Uint8Array {
    return this.column(0)
  }

  /** SINGLE_SOURCE, WORDING_DIFFERS and SPEAKER_DIFFERS bits per group. */
  get flags(): Uint8Array {
    return this.column(1)
  }

  /** Per group, the one source of a single-source group, else ''. */
  singleSources(): Promise<string[]> {
    return this.section<string>('single' satisfies SectionName<'quotes'>)
  }

  /** A test of whether a group holds every one of these folded words, ready once the words are read. */
  async termsTest(wanted: readonly string[]): Promise<(index: number) => boolean> {
    const all = await this.section<string>('terms' satisfies SectionName<'quotes'>)
    // Searched in place: a set of words per group made the first query of a large ledger slow and stayed in memory.
    return (index) => wanted.every((term) => holdsWord(all[index]!, term))
  }
}

export class LoadedNames extends Loaded<NameTable> {
  #keys: Set<string> | null = null

  /** 1 for a confirmed group. */
  get confirmed(): Uint8Array {
    return this.column(0)
  }

  /** Per group, every spelling folded. */
  spellings(): Promise<string[][]> {
    return this.section<string[]>('spellings' satisfies SectionName<'names'>)
  }

  async variantKeys(): Promise<Set<string>> {
    this.#keys ??= new Set((await this.section<string[]>('keys' satisfies SectionName<'names'>)).flat())
    return this.#keys
  }
}

export type LoadedOf<K extends TableKind> = K extends 'quotes' ? LoadedQuotes : LoadedNames

export class GroupedResults {
  quotes: LoadedQuotes | null = null
  names: LoadedNames | null = null
  /** Replaced tables whose files may still be read. */
  readonly #retired: Loaded<Table>[] = []
  #looked = false

  /** `dir`: the project's findings/ folder. */
  constructor(readonly dir: string) {}

  /** Reads back the newest saved tables, once: whether they fit the library is the caller's to tell by their digest. */
  async loadSaved(): Promise<void> {
    if (this.#looked) return
    this.#looked = true
    await mkdir(this.dir, { recursive: true })
    const [quotes, names] = await Promise.all([loadTable(this.dir, 'quotes'), loadTable(this.dir, 'names')])
    if (quotes !== null) this.quotes = new LoadedQuotes(this.dir, quotes)
    if (names !== null) this.names = new LoadedNames(this.dir, names)
  }

  /**
   * Runs `read` on the table of this kind in use now, its files kept until `read` ends even when a
   * newer table replaces it meanwhile: every step of one answer comes from the same table.
   */
  reading<K extends TableKind, R>(kind: K, read: (loaded: LoadedOf<K>) => Promise<R>): Promise<R> {
    const loaded = (kind === 'quotes' ? this.quotes : this.names) as LoadedOf<K> | null
    if (loaded === null) return Promise.reject(new Error(`corroboration: no ${kind} groups to read yet`))
    return loaded.hold(() => read(loaded))
  }

  async #replace(kind: TableKind, previous: Loaded<Table> | null, generation: number | null): Promise<void> {
    if (previous !== null) {
      this.#retired.push(previous)
      await previous.retire()
    }
    for (let index = this.#retired.length - 1; index >= 0; index--) if (!this.#retired[index]!.inUse) this.#retired.splice(index, 1)
    // Strays too: results of older generations, or half a write a crash cut short.
    const keep = this.#retired.filter((loaded) => loaded.table.kind === kind).map((loaded) => loaded.table.generation)
    if (generation !== null) keep.push(generation)
    await removeTables(this.dir, kind, keep).catch(() => undefined)
  }

  async adoptQuotes(grouped: Grouped<QuoteTable>): Promise<void> {
    const previous = this.quotes
    this.quotes = new LoadedQuotes(this.dir, grouped)
    await this.#replace('quotes', previous, grouped.table.bodies === null ? null : grouped.table.generation)
  }

  async adoptNames(grouped: Grouped<NameTable>): Promise<void> {
    const previous = this.names
    this.names = new LoadedNames(this.dir, grouped)
    await this.#replace('names', previous, grouped.table.bodies === null ? null : grouped.table.generation)
  }

  /**
   * Drops the table whose group file proved damaged, and deletes its files, so the next pass
   * groups again rather than finding (or relabelling) the same damaged file; false for any other
   * error. Only the table the error names: when a newer one is in use already, it is kept (true,
   * so the read is tried again on it).
   */
  async forgetIfDamaged(error: unknown): Promise<boolean> {
    if (!(error instanceof DamagedTableError)) return false
    const current = error.kind === 'quotes' ? this.quotes : this.names
    // A table kept in memory is never read from disk: its generation may be that of a deleted file.
    if (current === null || current.table.bodies === null || current.table.generation !== error.generation) return true
    if (error.kind === 'quotes') this.quotes = null
    else this.names = null
    await current.retire()
    return true
  }
}
