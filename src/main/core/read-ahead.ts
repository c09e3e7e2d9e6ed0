// Many files read or looked at in order, a few at once: enough to keep the disk busy, few
// enough that their contents are not all held at the same time.

/** How many are in flight at once unless a caller says. */
export const READ_AHEAD = 8

/** `work` on each item, `depth` at once, the results in order; a failure is thrown where its result would be. */
export async function* readAhead<T, R>(items: readonly T[], work: (item: T) => Promise<R>, depth = READ_AHEAD): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = []
  let next = 0
  while (next < items.length || pending.length > 0) {
    while (pending.length < depth && next < items.length) {
      const started = work(items[next++] as T)
      // Not unhandled while it waits its turn; awaited below, it still throws.
      started.catch(() => undefined)
      pending.push(started)
    }
    yield await (pending.shift() as Promise<R>)
  }
}
