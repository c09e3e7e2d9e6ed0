// The grouped results the service answers from: the saved quote and name tables in use, read
// a page of groups at a time, and what filtering builds from their rows. The files of a table
// replaced by a newer one are deleted once no read of them is still running.
import { mkdir } from 'node:fs/promises'
import { DamagedTableError, loadTable, readGroups, removeTable, removeTables, type NameTable, type QuoteTable, type Table, type TableKind } from './group-tables'

class Loaded<T extends Table> {
  #readers = 0
  #retired = false
  constructor(
    readonly dir: string,
    readonly table: T
  ) {}

  /** The groups of these rows, in their order. */
  async read<G>(rows: readonly T['rows'][number][]): Promise<G[]> {
    this.#readers++
    try {
      return await readGroups<G>(this.dir, this.table, rows)
    } finally {
      this.#readers--
      if (this.#retired && this.#readers === 0) await this.#remove()
    }
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
    // A table kept inline has no files of its own (its generation may be taken by the next write).
    if (this.table.bodies !== null) await removeTable(this.dir, this.table.kind, this.table.generation).catch(() => undefined)
  }
}

export class LoadedQuotes extends Loaded<QuoteTable> {
  /** Each group's folded words as a set, made when a filter first needs them. */
  readonly #terms = new Map<number, Set<string>>()
  hasTerms(index: number, wanted: readonly string[]): boolean {
    let present = this.#terms.get(index)
    if (present === undefined) {
      present = new Set(this.table.rows[index]![6].split(' '))
      this.#terms.set(index, present)
    }
    return wanted.every((term) => present.has(term))
  }
}

export class LoadedNames extends Loaded<NameTable> {
  #keys: Set<string> | null = null
  variantKeys(): Set<string> {
    this.#keys ??= new Set(this.table.rows.flatMap((row) => row[5]))
    return this.#keys
  }
}

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
    const quotes = await loadTable(this.dir, 'quotes')
    if (quotes !== null) this.quotes = new LoadedQuotes(this.dir, quotes)
    const names = await loadTable(this.dir, 'names')
    if (names !== null) this.names = new LoadedNames(this.dir, names)
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

  async adoptQuotes(table: QuoteTable): Promise<void> {
    const previous = this.quotes
    this.quotes = new LoadedQuotes(this.dir, table)
    await this.#replace('quotes', previous, table.bodies === null ? null : table.generation)
  }

  async adoptNames(table: NameTable): Promise<void> {
    const previous = this.names
    this.names = new LoadedNames(this.dir, table)
    await this.#replace('names', previous, table.bodies === null ? null : table.generation)
  }

  /**
   * Drops a table whose group file proved damaged, and deletes its files, so the next pass
   * groups again rather than finding (or relabelling) the same damaged file; false for any other error.
   */
  async forgetIfDamaged(error: unknown): Promise<boolean> {
    if (!(error instanceof DamagedTableError)) return false
    const damaged = error.kind === 'quotes' ? this.quotes : this.names
    if (error.kind === 'quotes') this.quotes = null
    else this.names = null
    if (damaged !== null) await damaged.retire()
    return true
  }
}
