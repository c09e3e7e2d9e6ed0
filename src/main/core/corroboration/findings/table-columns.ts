// The per-group numbers of a saved table, kept in memory as typed arrays and saved as their
// bytes: a start reads them back without parsing anything, however many groups a library has
// (a JSON row per group made the rows of 100,000 documents tens of megabytes to parse).
// Native byte order: every platform Sourcebench runs on is little-endian.

export type TableKind = 'quotes' | 'names'

/**
 * What each kind keeps per group besides its lines: small numbers filters need (columns, 0–255)
 * and lists read the first time a query needs them (sections, one JSON line each).
 * quotes: words in the reference (at most 255 counted), flag bits; the group id, the one source
 * of a single-source group or '', the group's folded words joined by spaces.
 * names: confirmed (1) or not; the group id, its variant keys, every spelling folded.
 */
export const LAYOUT = {
  quotes: { columns: ['words', 'flags'], sections: ['ids', 'single', 'terms'] },
  names: { columns: ['confirmed'], sections: ['ids', 'keys', 'spellings'] }
} as const

export type ColumnName<K extends TableKind> = (typeof LAYOUT)[K]['columns'][number]
export type SectionName<K extends TableKind> = (typeof LAYOUT)[K]['sections'][number]

export interface Columns {
  count: number
  /** Where each group's card line starts in the groups file; entry `count` is where the cards end. */
  cardStart: Float64Array
  /** Where each group's whole line is: the card's own place when the card is the whole group. */
  fullOffset: Float64Array
  fullLength: Float64Array
  /** By LAYOUT[kind].columns. */
  values: Uint8Array[]
}

export function emptyColumns(kind: TableKind, count: number): Columns {
  return {
    count,
    cardStart: new Float64Array(count + 1),
    fullOffset: new Float64Array(count),
    fullLength: new Float64Array(count),
    values: LAYOUT[kind].columns.map(() => new Uint8Array(count))
  }
}

/** The size of the columns of `count` groups of this kind, as saved. */
export function columnsBytes(kind: TableKind, count: number): number {
  return 8 * (3 * count + 1) + LAYOUT[kind].columns.length * count
}

/** The columns as they are saved: the three position arrays (8-byte numbers), then each column. */
export function encodeColumns(columns: Columns): Uint8Array {
  const parts = [columns.cardStart, columns.fullOffset, columns.fullLength, ...columns.values]
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let at = 0
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
    at += part.byteLength
  }
  return bytes
}

/** The columns from their saved bytes (a buffer of their own, so the 8-byte arrays are aligned); null when the size does not fit. */
export function decodeColumns(kind: TableKind, count: number, bytes: Uint8Array): Columns | null {
  if (bytes.byteLength !== columnsBytes(kind, count) || bytes.byteOffset % 8 !== 0) return null
  const buffer = bytes.buffer
  let at = bytes.byteOffset
  const floats = (length: number): Float64Array => {
    const array = new Float64Array(buffer, at, length)
    at += 8 * length
    return array
  }
  const cardStart = floats(count + 1)
  const fullOffset = floats(count)
  const fullLength = floats(count)
  const values = LAYOUT[kind].columns.map(() => {
    const array = new Uint8Array(buffer, at, count)
    at += count
    return array
  })
  return { count, cardStart, fullOffset, fullLength, values }
}

/** A number a column holds: a whole number from 0 to 255 (words past 255 count as 255; filters ask for at most 50). */
export function columnValue(value: number): number {
  return Math.max(0, Math.min(255, Math.trunc(value)))
}
