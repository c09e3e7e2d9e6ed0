// Seeded pseudo-random numbers for the scale bench: the same seed gives the same library
// and the same queries on every machine, so runs at different sizes can be compared.

/** mulberry32: small, fast, and good enough to pick paragraphs and names. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
