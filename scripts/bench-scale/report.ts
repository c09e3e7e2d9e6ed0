// The scale bench's table: one row per figure, one column per library size, the fitted
// growth exponent (how the figure grows with the library: 0 constant, 1 linear), and the
// issue's target checked at the largest size of 100,000 or more.

export type SizeFigures = Record<string, number>

interface Target {
  /** At most this at 100k… */
  max: number
  /** …and at most this at 1M, when the issue states another bound there. */
  maxAt1M?: number
  text: string
}

interface Row {
  key: string
  label: string
  target?: Target
}

const ms = (max: number, maxAt1M?: number): Target => ({ max, ...(maxAt1M === undefined ? {} : { maxAt1M }), text: `≤ ${max} ms${maxAt1M === undefined ? '' : ` (≤ ${maxAt1M} at 1M)`}` })
const WATCH = ms(200, 500)

export const ROWS: Row[] = [
  { key: 'documents', label: 'documents imported' },
  { key: 'libraryMB', label: 'library size on disk (MB of text files)' },
  { key: 'importSeconds', label: 'a. import cold, until listed (s)' },
  { key: 'importSearchableSeconds', label: 'a. import until searchable (s)' },
  { key: 'importUntilIdleSeconds', label: 'a. import until indexed and merged (s)' },
  { key: 'extractSeconds', label: 'a. extract the same files alone (s)' },
  { key: 'importVsExtract', label: 'a. import (listed) ÷ extract alone', target: { max: 1.5, text: '≤ 1.5×' } },
  { key: 'searchableVsExtract', label: 'a. import until searchable ÷ extract alone' },
  { key: 'importPeakRssMB', label: 'a. import: peak RSS (MB)', target: { max: 1536, text: '≤ 1.5 GB (stated for 1M)' } },
  { key: 'startListedSeconds', label: 'b. cold start → library listed (s)', target: { max: 1.5, maxAt1M: 4, text: '≤ 1.5 s (≤ 4 s at 1M)' } },
  { key: 'startModuleLoadSeconds', label: 'b.   of which node + modules loaded (s)' },
  { key: 'startFullListSeconds', label: 'b. cold start → full list (s)' },
  { key: 'firstRepliesMB', label: 'b. first replies over IPC (MB)' },
  { key: 'ledgerNamesSecondStartSeconds', label: 'c. ledger + names, second start (s)', target: { max: 1, text: '≤ 1 s' } },
  { key: 'ledgerNamesFirstStartSeconds', label: 'c. ledger + names, first start (s)' },
  { key: 'watchAddMedianMs', label: 'd. add file → searchable, median (ms)', target: WATCH },
  { key: 'watchAddMaxMs', label: 'd. add file → searchable, max (ms)', target: WATCH },
  { key: 'watchChangeMedianMs', label: 'd. change file → searchable, median (ms)', target: WATCH },
  { key: 'watchChangeMaxMs', label: 'd. change file → searchable, max (ms)', target: WATCH },
  { key: 'watchDeleteMedianMs', label: 'd. delete file → gone, median (ms)', target: WATCH },
  { key: 'watchDeleteMaxMs', label: 'd. delete file → gone, max (ms)', target: WATCH },
  { key: 'editSourceP95Ms', label: 'e. edit source details p95 (ms)', target: ms(20) },
  { key: 'annotationP95Ms', label: 'e. save highlight, 20 clients: p95 (ms)', target: ms(20) },
  { key: 'annotationWritesPerSecond', label: 'e. save highlight, 20 clients: writes/s' },
  { key: 'searchWordP95Ms', label: 'f. search word p95, match+rank (ms)', target: ms(5) },
  { key: 'searchPhraseP95Ms', label: 'f. search phrase p95, match+rank (ms)', target: ms(30) },
  { key: 'searchFuzzyP95Ms', label: 'f. search fuzzy p95, match+rank (ms)', target: ms(50) },
  { key: 'searchWordAnswerP95Ms', label: 'f. search word p95, whole answer (ms)' },
  { key: 'searchPhraseAnswerP95Ms', label: 'f. search phrase p95, whole answer (ms)' },
  { key: 'searchFuzzyAnswerP95Ms', label: 'f. search fuzzy p95, whole answer (ms)' },
  { key: 'heapPer1kDocsMB', label: 'g. heap after cold start − empty, per 1k docs (MB)' },
  { key: 'rssPer1kDocsMB', label: 'g. RSS after cold start − empty, per 1k docs (MB)' },
  { key: 'heapAfterStartMB', label: 'g. heap used after cold start (MB)' },
  { key: 'rssAfterStartMB', label: 'g. RSS after cold start (MB)' },
  { key: 'projectDiskMB', label: 'g. project folder on disk (MB)' },
  { key: 'diskPer1kDocsMB', label: 'g. project folder per 1k docs (MB)' },
  { key: 'runSeconds', label: 'time to run this size (s)' }
]

/** Nearest rank (as scripts/bench.ts): the value below which p % of the values fall. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** Least-squares slope of log(value) against log(size): null with fewer than two usable points. */
export function growthExponent(points: ReadonlyArray<[size: number, value: number]>): number | null {
  const usable = points.filter(([size, value]) => size > 0 && value > 0 && Number.isFinite(value)).map(([size, value]) => [Math.log(size), Math.log(value)] as const)
  if (usable.length < 2) return null
  const meanX = usable.reduce((sum, [x]) => sum + x, 0) / usable.length
  const meanY = usable.reduce((sum, [, y]) => sum + y, 0) / usable.length
  const covariance = usable.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0)
  const variance = usable.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0)
  return variance === 0 ? null : covariance / variance
}

function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  const size = Math.abs(value)
  return value.toLocaleString('en-US', { maximumFractionDigits: size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3 })
}

function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1000 ? `${size / 1000}k` : String(size)
}

/** Whether the target holds at the largest size run of 100k or more ("—" when none was run, or the row has no target). */
function verdict(row: Row, bySize: ReadonlyMap<number, SizeFigures>): string {
  const largest = [...bySize.keys()].filter((size) => size >= 100_000).sort((a, b) => b - a)[0]
  if (row.target === undefined || largest === undefined) return '—'
  const value = bySize.get(largest)?.[row.key]
  const bound = largest >= 1_000_000 ? (row.target.maxAt1M ?? row.target.max) : row.target.max
  return value !== undefined && Number.isFinite(value) && value <= bound ? '✓' : '✗'
}

export function exponents(bySize: ReadonlyMap<number, SizeFigures>): Record<string, number | null> {
  return Object.fromEntries(ROWS.map((row) => [row.key, growthExponent([...bySize].map(([size, figures]) => [size, figures[row.key] ?? Number.NaN]))]))
}

export function printTable(bySize: ReadonlyMap<number, SizeFigures>): void {
  const sizes = [...bySize.keys()]
  const growth = exponents(bySize)
  const header = ['figure'.padEnd(48), ...sizes.map((size) => sizeLabel(size).padStart(10)), 'growth'.padStart(7), '  target (100k)'.padEnd(28), 'ok'].join(' ')
  console.log(header)
  console.log('-'.repeat(header.length))
  for (const row of ROWS) {
    const exponent = growth[row.key]
    const cells = sizes.map((size) => formatValue(bySize.get(size)?.[row.key]).padStart(10))
    const fitted = exponent === null || exponent === undefined ? '—' : exponent.toFixed(2)
    console.log([row.label.padEnd(48), ...cells, fitted.padStart(7), `  ${row.target?.text ?? ''}`.padEnd(28), verdict(row, bySize)].join(' '))
  }
}
