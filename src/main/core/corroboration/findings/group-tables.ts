// The grouped results — the quote ledger and the name groups — saved under <project>/findings/
// so the next start shows them without grouping again. Each is a pair of files of one
// generation. <kind>-<gen>.groups holds, in display order, every group's card (bounded lists,
// group-cards.ts) as one JSON line, then every group too large for its card whole, then the
// per-group columns (table-columns.ts) and the sections a query reads (one JSON line each).
// <kind>-<gen>.json is small: the digest of what was grouped and where things are in the other.
// A start reads the .json and the columns only; a page of cards is read when asked for.
// The .groups file is written before the .json, both atomically: a .json names a whole file.
import { copyFile, link, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { NameProposal } from '../../../../shared/domain/corroboration'
import { writeFileAtomic } from '../../store/atomic-write'
import { columnsBytes, columnValue, decodeColumns, emptyColumns, encodeColumns, LAYOUT, type Columns, type TableKind } from './table-columns'
import { ANALYSER_VERSION, GROUPING_VERSION } from './versions'
import { writeChunksAtomic } from './write-chunks-atomic'

export { GROUPING_VERSION } from './versions'
export type { TableKind } from './table-columns'
const FORMAT = 'sourcebench-grouped'

export const SINGLE_SOURCE = 1
export const WORDING_DIFFERS = 2
export const SPEAKER_DIFFERS = 4

export interface Unreadable {
  sourceId: string
  contentHash: string
  reason: string
}

/** [byte offset, byte length] in the groups file. */
export type Span = [number, number]

interface TableBase {
  format: typeof FORMAT
  version: number
  analyser: number
  digest: string
  generation: number
  /** The .groups file, or null when it could not be written and the groups are kept in memory. */
  bodies: string | null
  bodiesBytes: number
  /** Groups in the table. */
  count: number
  columnsAt: Span
  /** By LAYOUT[kind].sections. */
  sectionsAt: Span[]
}

export interface QuoteTable extends TableBase {
  kind: 'quotes'
  quotations: number
  sourcesScanned: number
  unreadable: Unreadable[]
}

export interface NameTable extends TableBase {
  kind: 'names'
  /** The digest of what was grouped: each source's names and the decisions. Equal inputs, equal groups. */
  input: string
  sourcesScanned: number
  proposals: NameProposal[]
}

export type Table = QuoteTable | NameTable
type TableMeta<T extends Table> = Omit<T, keyof TableBase> & { digest: string }

/** Kept in memory when the disk refused the groups file: every group, its card, and the sections. */
export interface InlineGroups {
  groups: unknown[]
  cards: unknown[]
  sections: unknown[][]
}

/** A saved (or kept) table: its .json, its columns, and its groups when they are not on disk. */
export interface Grouped<T extends Table = Table> {
  table: T
  columns: Columns
  inline: InlineGroups | null
}

/** What a group's table entry holds: its card, its column values and its section entries, by LAYOUT. */
export interface GroupEntry<G> {
  card: G
  columns: number[]
  sections: unknown[]
}

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
 * Saves the groups (in display order) and returns the table for them. `entry` gives each group's
 * card (the group itself when nothing is cut) and what the table keeps of it. When the disk
 * refuses, the groups are kept in memory instead.
 */
export async function writeTable<T extends Table, G>(dir: string, meta: TableMeta<T>, groups: readonly G[], entry: (group: G) => GroupEntry<G>): Promise<Grouped<T>> {
  const kind = (meta as { kind: TableKind }).kind
  const generation = Math.max(0, ...(await generations(dir, kind)).map((found) => found.generation)) + 1
  const bodies = fileName(kind, generation, 'groups')
  const base = { format: FORMAT, version: GROUPING_VERSION, analyser: ANALYSER_VERSION, generation, count: groups.length, ...meta }
  const columns = emptyColumns(kind, groups.length)
  const sections: unknown[][] = LAYOUT[kind].sections.map(() => [])
  const cards: G[] = []
  const sectionsAt: Span[] = []
  let columnsAt: Span = [0, 0]
  let offset = 0
  // Each line is made as it is written, so the lines of a whole library are never all in memory.
  const pieces = function* (): Generator<string | Uint8Array> {
    for (const [index, group] of groups.entries()) {
      const { card, columns: values, sections: entries } = entry(group)
      values.forEach((value, column) => (columns.values[column]![index] = columnValue(value)))
      entries.forEach((value, section) => sections[section]!.push(value))
      const line = `${JSON.stringify(card)}\n`
      columns.cardStart[index] = offset
      columns.fullOffset[index] = card === group ? offset : -1
      columns.fullLength[index] = card === group ? Buffer.byteLength(line) - 1 : 0
      offset += Buffer.byteLength(line)
      yield line
    }
    columns.cardStart[groups.length] = offset
    for (const [index, group] of groups.entries()) {
      if (columns.fullOffset[index] !== -1) continue
      const line = `${JSON.stringify(group)}\n`
      columns.fullOffset[index] = offset
      columns.fullLength[index] = Buffer.byteLength(line) - 1
      offset += Buffer.byteLength(line)
      yield line
    }
    const bytes = encodeColumns(columns)
    columnsAt = [offset, bytes.byteLength]
    offset += bytes.byteLength
    yield bytes
    for (const list of sections) {
      const line = `${JSON.stringify(list)}\n`
      sectionsAt.push([offset, Buffer.byteLength(line) - 1])
      offset += Buffer.byteLength(line)
      yield line
    }
  }
  try {
    await writeChunksAtomic(join(dir, bodies), pieces())
    const table = { ...base, bodies, bodiesBytes: offset, columnsAt, sectionsAt } as unknown as T
    await writeFileAtomic(join(dir, fileName(kind, generation, 'json')), JSON.stringify(table))
    return { table, columns, inline: null }
  } catch {
    // Kept in memory: each group's card and whole are found by its place in the list.
    sections.forEach((list) => (list.length = 0))
    for (const [index, group] of groups.entries()) {
      const { card, columns: values, sections: entries } = entry(group)
      values.forEach((value, column) => (columns.values[column]![index] = columnValue(value)))
      entries.forEach((value, section) => sections[section]!.push(value))
      cards.push(card)
    }
    const table = { ...base, bodies: null, bodiesBytes: 0, columnsAt: [0, 0], sectionsAt: [] } as unknown as T
    return { table, columns, inline: { groups: groups.slice(), cards, sections } }
  }
}

/**
 * The same groups saved again under a new digest, as a new generation whose groups file is a
 * hard link to the old one (a copy where links are refused): nothing is grouped or rewritten.
 */
export async function relabelTable<T extends Table>(dir: string, saved: Grouped<T>, digest: string): Promise<Grouped<T>> {
  const { table } = saved
  if (table.bodies === null) return { ...saved, table: { ...table, digest } }
  const generation = Math.max(0, ...(await generations(dir, table.kind)).map((entry) => entry.generation)) + 1
  const bodies = fileName(table.kind, generation, 'groups')
  await link(join(dir, table.bodies), join(dir, bodies)).catch(() => copyFile(join(dir, table.bodies!), join(dir, bodies)))
  const relabelled = { ...table, generation, bodies, digest }
  await writeFileAtomic(join(dir, fileName(table.kind, generation, 'json')), JSON.stringify(relabelled))
  return { ...saved, table: relabelled }
}

const isSpan = (value: unknown): value is Span => Array.isArray(value) && value.length === 2 && value.every((number) => Number.isInteger(number) && number >= 0)

function fits(table: Table, kind: TableKind, generation: number): boolean {
  return (
    table.format === FORMAT &&
    table.kind === kind &&
    table.version === GROUPING_VERSION &&
    table.analyser === ANALYSER_VERSION &&
    typeof table.digest === 'string' &&
    typeof table.bodies === 'string' &&
    table.generation === generation &&
    Number.isInteger(table.count) &&
    table.count >= 0 &&
    isSpan(table.columnsAt) &&
    table.columnsAt[1] === columnsBytes(kind, table.count) &&
    Array.isArray(table.sectionsAt) &&
    table.sectionsAt.length === LAYOUT[kind].sections.length &&
    table.sectionsAt.every(isSpan) &&
    (kind === 'names' ? Array.isArray((table as NameTable).proposals) : Array.isArray((table as QuoteTable).unreadable))
  )
}

/** The highest value each column may hold, by LAYOUT[kind].columns (words: any; flags: the three bits; confirmed: 0 or 1). */
const COLUMN_MAX: Readonly<Record<TableKind, readonly number[]>> = {
  quotes: [255, SINGLE_SOURCE | WORDING_DIFFERS | SPEAKER_DIFFERS],
  names: [1]
}

/**
 * Whether the columns read back describe the file: the cards one after another from its start,
 * each whole group between the cards' end and the columns, the sections after the columns, the
 * flags known. Damaged bytes of the same size would otherwise send reads anywhere, or filters astray.
 */
function columnsFit(table: Table, columns: Columns): boolean {
  const { cardStart, fullOffset, fullLength, values } = columns
  const [columnsStart, columnsLength] = table.columnsAt
  if (columnsStart + columnsLength > table.bodiesBytes || cardStart[0] !== 0) return false
  const cardsEnd = cardStart[table.count]!
  if (!Number.isInteger(cardsEnd) || cardsEnd > columnsStart) return false
  // A card line is at least "{}" and its newline.
  for (let index = 0; index < table.count; index++) if (!Number.isInteger(cardStart[index + 1]) || !(cardStart[index + 1]! - cardStart[index]! >= 3)) return false
  for (let index = 0; index < table.count; index++) {
    const offset = fullOffset[index]!
    const length = fullLength[index]!
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 2 || offset + length > columnsStart) return false
  }
  const max = COLUMN_MAX[table.kind]
  for (const [column, list] of values.entries()) if (list.some((value) => value > max[column]!)) return false
  return table.sectionsAt.every(([offset, length]) => offset >= columnsStart + columnsLength && offset + length <= table.bodiesBytes)
}

/** The newest saved table of this kind, or null when there is none, it is damaged, or of other code. */
export async function loadTable<K extends TableKind>(dir: string, kind: K): Promise<Grouped<K extends 'quotes' ? QuoteTable : NameTable> | null> {
  const newest = (await generations(dir, kind)).filter((entry) => entry.extension === 'json').sort((a, b) => b.generation - a.generation)[0]
  if (newest === undefined) return null
  try {
    const table = JSON.parse(await readFile(join(dir, newest.name), 'utf8')) as Table
    if (!fits(table, kind, newest.generation)) return null
    const handle = await open(join(dir, table.bodies!), 'r')
    try {
      if ((await handle.stat()).size !== table.bodiesBytes) return null
      // A buffer of its own, so the columns' 8-byte numbers are aligned.
      const bytes = new Uint8Array(table.columnsAt[1])
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, table.columnsAt[0])
      const columns = bytesRead === bytes.length ? decodeColumns(kind, table.count, bytes) : null
      if (columns === null || !columnsFit(table, columns)) return null
      return { table: table as K extends 'quotes' ? QuoteTable : NameTable, columns, inline: null }
    } finally {
      await handle.close()
    }
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
