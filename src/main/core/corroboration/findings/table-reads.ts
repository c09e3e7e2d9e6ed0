// Reading a saved table's groups file: cards or whole groups by their place in display order,
// and a section when a query first needs it. A missing file, a span outside it or a line that does
// not parse as written means the table is damaged: the caller groups again (DamagedTableError).
// Any other failure (too many open files, a locked file) is passed on as it is, the table kept.
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import type { Grouped, Span, TableKind } from './group-tables'

/** A saved group file could not be read back as written: the result is grouped again. */
export class DamagedTableError extends Error {
  /** The table read, by kind and generation: only that one is forgotten, never a newer one that replaced it meanwhile. */
  constructor(
    readonly kind: TableKind,
    readonly generation: number
  ) {
    super(`corroboration: the saved ${kind} groups (generation ${generation}) are damaged`)
  }
}

const damaged = (grouped: Grouped): DamagedTableError => new DamagedTableError(grouped.table.kind, grouped.table.generation)

/** A span that lies inside the groups file; anything else came from a damaged table. */
const inFile = ([offset, length]: Span, size: number): boolean => Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= size

/** Lines less than this far apart are read together rather than one by one. */
const MAX_GAP = 64 * 1024

/** The JSON values at these spans of the table's groups file, in their order (the file is opened for the call only). */
async function readSpans(dir: string, grouped: Grouped, spans: readonly Span[]): Promise<unknown[]> {
  const { bodies, bodiesBytes } = grouped.table
  if (spans.length === 0) return []
  if (!spans.every((span) => inFile(span, bodiesBytes))) throw damaged(grouped)
  const handle = await open(join(dir, bodies!), 'r').catch((error: unknown) => {
    // Only a missing file is damage; too many open files, a busy or locked file is the reader's to see, the table is kept.
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? damaged(grouped) : error
  })
  try {
    // Lines close together on disk (a page of cards, in display order) are read in one go.
    const order = spans.map(([offset, length], index) => ({ offset, length, index })).sort((a, b) => a.offset - b.offset)
    const result = new Array<unknown>(spans.length)
    for (let first = 0; first < order.length; ) {
      let last = first
      let end = order[first]!.offset + order[first]!.length
      while (last + 1 < order.length && order[last + 1]!.offset - end <= MAX_GAP) {
        last++
        end = Math.max(end, order[last]!.offset + order[last]!.length)
      }
      const start = order[first]!.offset
      let bytes: Buffer
      try {
        bytes = Buffer.alloc(end - start)
      } catch {
        throw damaged(grouped)
      }
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, start)
      for (let at = first; at <= last; at++) {
        const { offset, length, index } = order[at]!
        try {
          if (offset - start + length > bytesRead) throw new Error('short read')
          result[index] = JSON.parse(bytes.toString('utf8', offset - start, offset - start + length))
        } catch {
          throw damaged(grouped)
        }
      }
      first = last + 1
    }
    return result
  } finally {
    await handle.close()
  }
}

/** The cards of the groups at these places (display order), in the order asked. */
export async function readCards<G>(dir: string, grouped: Grouped, indexes: readonly number[]): Promise<G[]> {
  if (grouped.inline !== null) return indexes.map((index) => grouped.inline!.cards[index] as G)
  const { cardStart } = grouped.columns
  return (await readSpans(
    dir,
    grouped,
    indexes.map((index) => [cardStart[index]!, cardStart[index + 1]! - cardStart[index]! - 1])
  )) as G[]
}

/** The whole groups at these places. */
export async function readWholes<G>(dir: string, grouped: Grouped, indexes: readonly number[]): Promise<G[]> {
  if (grouped.inline !== null) return indexes.map((index) => grouped.inline!.groups[index] as G)
  const { fullOffset, fullLength } = grouped.columns
  return (await readSpans(
    dir,
    grouped,
    indexes.map((index) => [fullOffset[index]!, fullLength[index]!])
  )) as G[]
}

/** One section: an entry per group, by LAYOUT[kind].sections place. */
export async function readSection<S>(dir: string, grouped: Grouped, section: number): Promise<S[]> {
  if (grouped.inline !== null) return grouped.inline.sections[section] as S[]
  const [list] = await readSpans(dir, grouped, [grouped.table.sectionsAt[section]!])
  if (!Array.isArray(list) || list.length !== grouped.columns.count) throw damaged(grouped)
  return list as S[]
}
