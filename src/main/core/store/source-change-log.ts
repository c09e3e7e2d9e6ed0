// Which sources changed since a revision the renderer already holds, so a refresh after one
// watched file changed sends that source, not the whole library. Kept in memory for the
// session only: a revision from another run (or before a bulk change) asks for a full reload.
import { randomUUID } from 'node:crypto'

/** Changes remembered one by one; past this many, a client that far behind reloads everything. */
const MAX_REMEMBERED = 50_000

export class SourceChangeLog {
  readonly #epoch = randomUUID().slice(0, 8)
  #counter = 0
  /** The revision a full reload is needed from: nothing before it is known one by one. */
  #floor = 0
  /** Source id → the counter value of its last change, in change order (oldest first). */
  readonly #changed = new Map<string, number>()

  get revision(): string {
    return `${this.#epoch}:${this.#counter}`
  }

  /** These sources were added, edited or removed. */
  touched(ids: Iterable<string>): void {
    for (const id of ids) {
      this.#changed.delete(id)
      this.#changed.set(id, ++this.#counter)
    }
    while (this.#changed.size > MAX_REMEMBERED) {
      const [oldest, at] = this.#changed.entries().next().value as [string, number]
      this.#changed.delete(oldest)
      this.#floor = at
    }
  }

  /** Anything may have changed (a bulk change): every client reloads the whole list. */
  reset(): void {
    this.#changed.clear()
    this.#floor = ++this.#counter
  }

  /** Ids changed after `revision`, or null when the client must reload everything. */
  since(revision: string): string[] | null {
    const [epoch, count] = revision.split(':')
    const at = Number(count)
    if (epoch !== this.#epoch || !Number.isInteger(at) || at < this.#floor || at > this.#counter) return null
    const ids: string[] = []
    for (const [id, changedAt] of this.#changed) if (changedAt > at) ids.push(id)
    return ids
  }
}
