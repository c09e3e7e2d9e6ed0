// Seeded pseudo-random numbers for the scale bench: the same seed gives the same library
// and the same queries on every machine, so runs at different sizes can be compared.

/** mulberry32, the generator the tests use. */
export { seededRandom } from '../../tests/helpers/seeded-random'

/** One seed from several integers (the run's seed and a document's number). */
export function mixSeed(...parts: number[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x01000193)
    hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995)
  }
  return (hash ^ (hash >>> 15)) >>> 0
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('bench-scale: pick from an empty list')
  return item
}

/** Fisher–Yates, in place. */
export function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[items[index], items[other]] = [items[other] as T, items[index] as T]
  }
  return items
}
