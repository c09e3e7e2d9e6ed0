// Which sources changed since a revision the renderer already holds, so a refresh after one
// watched file changed sends that source, not the whole library. Kept in memory for the
// session only: a revision from another run (or before a bulk change) asks for a full reload.
import { randomUUID } from 'node:crypto'

/** Sources remembered one by one; past this many, a client that far behind reloads everything. */
const MAX_REMEMBERED = 50_000

interface Change {
  id: string
  at: number
}

export class SourceChangeLog {
  readonly #epoch = randomUUID().slice(0, 8)
  #counter = 0
  /** The revision a full reload is needed from: nothing before it is known one by one. */
  #floor = 0
  /** Source id → the counter value of its last change. */
  readonly #latest = new Map<string, number>()
  /**
   * Every change in order (an id changed twice is here twice; the earlier entry is stale),
   * from #start on: a client's changes are found by a binary search, not a walk of the log.
   */
  #changes: Change[] = []
  #start = 0

  constructor(readonly maxRemembered = MAX_REMEMBERED) {}

  /** The revision a client holds once it has every change so far: `epoch:counter`. */
  get revision(): string {
    return `${this.#epoch}:${this.#counter}`
  }

  /** These sources were added, edited or removed (call after changing the list, not before). */
  touched(ids: Iterable<string>): void {
    for (const id of ids) {
      const at = ++this.#counter
      this.#latest.set(id, at)
      this.#changes.push({ id, at })
    }
    this.#forgetOldest()
  }

  /** Anything may have changed (a bulk change): every client reloads the whole list. */
  reset(): void {
    this.#latest.clear()
    this.#changes = []
    this.#start = 0
    this.#floor = ++this.#counter
  }

  /**
   * Ids changed after `revision`, each once, in the order of their last change; null when
   * the client must reload everything (another run, before a bulk change, too far behind, or
   * a revision this log never gave).
   */
  since(revision: string): string[] | null {
    const [epoch, count, extra] = revision.split(':')
    const at = Number(count)
    if (epoch !== this.#epoch || extra !== undefined || count === '' || !Number.isInteger(at) || at < this.#floor || at > this.#counter) return null
    const ids: string[] = []
    for (let index = this.#firstAfter(at); index < this.#changes.length; index++) {
      const change = this.#changes[index] as Change
      if (this.#latest.get(change.id) === change.at) ids.push(change.id)
    }
    return ids
  }

  /** The position of the first change after counter value `at` (changes are in counter order). */
  #firstAfter(at: number): number {
    let low = this.#start
    let high = this.#changes.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#changes[middle] as Change).at <= at) low = middle + 1
      else high = middle
    }
    return low
  }

  #forgetOldest(): void {
    while (this.#latest.size > this.maxRemembered) {
      const change = this.#changes[this.#start++] as Change
      if (this.#latest.get(change.id) !== change.at) continue
      this.#latest.delete(change.id)
      this.#floor = change.at
    }
    // Stale entries (ids changed again later) are dropped once they are half the array.
    if (this.#changes.length > 2 * Math.max(this.#latest.size, 1_000)) this.#compact()
  }

  #compact(): void {
    this.#changes = this.#changes.slice(this.#start).filter((change) => this.#latest.get(change.id) === change.at)
    this.#start = 0
  }
}
