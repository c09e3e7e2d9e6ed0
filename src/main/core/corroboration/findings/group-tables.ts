// The grouped results — the quote ledger and the name groups — saved under <project>/findings/
// so the next start shows them without grouping again. Each is a pair of files of one
// generation: <kind>-<gen>.groups holds every group as one JSON line, <kind>-<gen>.json the
// digest of what was grouped and one small row per group (what filtering needs, and where its
// line is). Only rows are kept in memory; a page of groups is read from disk when asked for.
// The .groups file is written before the .json, both atomically: a .json names a whole file.
import { copyFile, link, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { NameProposal } from '../../../../shared/domain/corroboration'
import { writeFileAtomic } from '../../store/atomic-write'
import { ANALYSER_VERSION, GROUPING_VERSION } from './versions'
import { writeChunksAtomic } from './write-chunks-atomic'

export { GROUPING_VERSION } from './versions'
const FORMAT = 'sourcebench-grouped'

export type TableKind = 'quotes' | 'names'

/** [byte offset, byte length, group id, words in the reference, flag bits, the one source of a single-source group or '', the group's folded words joined by spaces] */
export type QuoteRow = [number, number, string, number, number, string, string]
/** [byte offset, byte length, group id, confirmed (1) or not (0), every spelling folded, variant keys] */
export type NameRow = [number, number, string, 0 | 1, string[], string[]]

export const SINGLE_SOURCE = 1
export const WORDING_DIFFERS = 2
export const SPEAKER_DIFFERS = 4

export interface Unreadable {
  sourceId: string
  contentHash: string
  reason: string
}

interface TableBase {
  format: typeof FORMAT
  version: number
  analyser: number
  digest: string
  generation: number
  /** The .groups file, or null when it could not be written and the groups are `inline`. */
  bodies: string | null
  bodiesBytes: number
  inline?: unknown[]
}

export interface QuoteTable extends TableBase {
  kind: 'quotes'
  quotations: number
  sourcesScanned: number
  unreadable: Unreadable[]
  rows: QuoteRow[]
}

export interface NameTable extends TableBase {
  kind: 'names'
  /** The digest of what was grouped: each source's names and the decisions. Equal inputs, equal groups. */
  input: string
  sourcesScanned: number
  rows: NameRow[]
  proposals: NameProposal[]
}

export type Table = QuoteTable | NameTable
type TableMeta<T extends Table> = Omit<T, keyof TableBase | 'rows'> & { digest: string }

const NAME = /^(quotes|names)-(\d{8})\.(json|groups)$/

function fileName(kind: TableKind, generation: number, extension: 'json' | 'groups'): string {
  return `${kind}-${String(generation).padStart(8, '0')}.${extension}`
}

async function generations(dir: string, kind: TableKind): Promise<{ name: string; generation: number; extension: string }[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.flatMap((name) => {
    const match = NAME.exec(name)
    return match !== null && match[1] === kind ? [{ name, generation: Number(match[2]), extension: match[3]! }] : []
  })
}

/**
 * Saves the groups (in display order) and returns the table for them. `row` gives what each
 * group's row holds besides where its line is. When the disk refuses, the groups are kept inline.
 */
export async function writeTable<T extends Table, G>(
  dir: string,
  meta: TableMeta<T>,
  groups: readonly G[],
  row: (group: G) => T['rows'][number] extends [number, number, ...infer Rest] ? Rest : never
): Promise<T> {
  const kind = (meta as { kind: TableKind }).kind
  const generation = Math.max(0, ...(await generations(dir, kind)).map((entry) => entry.generation)) + 1
  const bodies = fileName(kind, generation, 'groups')
  const base = { format: FORMAT, version: GROUPING_VERSION, analyser: ANALYSER_VERSION, generation, ...meta }
  // Each group is turned into its line as it is written, so the lines of a whole library are never all in memory.
  const rows: unknown[] = []
  let offset = 0
  const lines = function* (): Generator<string> {
    for (const group of groups) {
      const line = JSON.stringify(group)
      const length = Buffer.byteLength(line)
      rows.push([offset, length, ...row(group)])
      offset += length + 1
      yield `${line}\n`
    }
  }
  try {
    await writeChunksAtomic(join(dir, bodies), lines())
    const table = { ...base, bodies, bodiesBytes: offset, rows } as unknown as T
    await writeFileAtomic(join(dir, fileName(kind, generation, 'json')), JSON.stringify(table))
    return table
  } catch {
    // Kept inline, each row's offset is its group's place in the list.
    const inline = groups.map((group, index) => [index, 0, ...row(group)])
    return { ...base, bodies: null, bodiesBytes: 0, rows: inline, inline: groups.slice() } as unknown as T
  }
}

/**
 * The same groups saved again under a new digest, as a new generation whose groups file is a
 * hard link to the old one (a copy where links are refused): nothing is grouped or rewritten.
 */
export async function relabelTable<T extends Table>(dir: string, table: T, digest: string): Promise<T> {
  if (table.bodies === null) return { ...table, digest }
  const generation = Math.max(0, ...(await generations(dir, table.kind)).map((entry) => entry.generation)) + 1
  const bodies = fileName(table.kind, generation, 'groups')
  await link(join(dir, table.bodies), join(dir, bodies)).catch(() => copyFile(join(dir, table.bodies!), join(dir, bodies)))
  const relabelled = { ...table, generation, bodies, digest }
  await writeFileAtomic(join(dir, fileName(table.kind, generation, 'json')), JSON.stringify(relabelled))
  return relabelled
}

function isRow(kind: TableKind, row: unknown): boolean {
  if (!Array.isArray(row) || !Number.isInteger(row[0]) || !Number.isInteger(row[1]) || typeof row[2] !== 'string') return false
  if (kind === 'quotes') return row.length === 7 && Number.isInteger(row[3]) && Number.isInteger(row[4]) && typeof row[5] === 'string' && typeof row[6] === 'string'
  return row.length === 6 && (row[3] === 0 || row[3] === 1) && Array.isArray(row[4]) && Array.isArray(row[5])
}

/** The newest saved table of this kind, or null when there is none, it is damaged, or of other code. */
export async function loadTable<K extends TableKind>(dir: string, kind: K): Promise<(K extends 'quotes' ? QuoteTable : NameTable) | null> {
  const newest = (await generations(dir, kind)).filter((entry) => entry.extension === 'json').sort((a, b) => b.generation - a.generation)[0]
  if (newest === undefined) return null
  try {
    const table = JSON.parse(await readFile(join(dir, newest.name), 'utf8')) as Table
    const fits =
      table.format === FORMAT &&
      table.kind === kind &&
      table.version === GROUPING_VERSION &&
      table.analyser === ANALYSER_VERSION &&
      typeof table.digest === 'string' &&
      typeof table.bodies === 'string' &&
      table.generation === newest.generation &&
      Array.isArray(table.rows) &&
      table.rows.every((row) => isRow(kind, row)) &&
      (kind === 'names' ? Array.isArray((table as NameTable).proposals) : Array.isArray((table as QuoteTable).unreadable))
    if (!fits || (await stat(join(dir, table.bodies!))).size !== table.bodiesBytes) return null
    return table as K extends 'quotes' ? QuoteTable : NameTable
  } catch {
    return null
  }
}

/** Deletes one generation's files. */
export async function removeTable(dir: string, kind: TableKind, generation: number): Promise<void> {
  for (const extension of ['json', 'groups'] as const) await rm(join(dir, fileName(kind, generation, extension)), { force: true })
}

/** Deletes the generations of this kind not in `keep` (older results, or the halves of a write a crash cut short). */
export async function removeTables(dir: string, kind: TableKind, keep: readonly number[]): Promise<void> {
  for (const entry of await generations(dir, kind)) if (!keep.includes(entry.generation)) await rm(join(dir, entry.name), { force: true })
}

/** A saved group file could not be read back as written: the result is grouped again. */
export class DamagedTableError extends Error {
  constructor(readonly kind: TableKind) {
    super(`corroboration: the saved ${kind} groups are damaged`)
  }
}

/** Lines less than this far apart are read together rather than one by one. */
const MAX_GAP = 64 * 1024

/** The groups of these rows of a saved table, in their order (the file is opened for the call only). */
export async function readGroups<G>(dir: string, table: Table, rows: readonly (readonly [number, number, ...unknown[]])[]): Promise<G[]> {
  if (table.bodies === null) {
    const at = new Map<number, number>(table.rows.map((row, index) => [row[0], index]))
    return rows.map((row) => table.inline![at.get(row[0])!] as G)
  }
  if (rows.length === 0) return []
  const handle = await open(join(dir, table.bodies), 'r').catch(() => {
    throw new DamagedTableError(table.kind)
  })
  try {
    // Lines close together on disk (a page of the ledger, in display order) are read in one go.
    const order = rows.map((row, index) => ({ offset: row[0], length: row[1], index })).sort((a, b) => a.offset - b.offset)
    const result = new Array<G>(rows.length)
    for (let first = 0; first < order.length; ) {
      let last = first
      while (last + 1 < order.length && order[last + 1]!.offset - (order[last]!.offset + order[last]!.length) <= MAX_GAP) last++
      const start = order[first]!.offset
      const bytes = Buffer.alloc(order[last]!.offset + order[last]!.length - start)
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, start)
      for (let at = first; at <= last; at++) {
        const { offset, length, index } = order[at]!
        try {
          if (offset - start + length > bytesRead) throw new Error('short read')
          result[index] = JSON.parse(bytes.toString('utf8', offset - start, offset - start + length)) as G
        } catch {
          throw new DamagedTableError(table.kind)
        }
      }
      first = last + 1
    }
    return result
  } finally {
    await handle.close()
  }
}
