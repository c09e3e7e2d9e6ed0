// Which half of the corroboration data an item belongs to. The team has the development half of
// BASIL and of the names list (items whose sha1's first byte is even); the other half is held
// back. Of what we have, items whose sha1's second byte is also even are the TUNE half, every
// other item (the rest of ours and all of the held-back half) is REPORTED. PolNeAR comes split:
// train is tuned on, dev (and a held-back test split) reported.
import { createHash } from 'node:crypto'

export type Half = 'tune' | 'report'

export function halfOf(id: string): Half {
  const digest = createHash('sha1').update(id, 'utf8').digest()
  return digest[0]! % 2 === 0 && digest[1]! % 2 === 0 ? 'tune' : 'report'
}

export function polnearHalf(split: string): Half {
  return split === 'train' ? 'tune' : 'report'
}

/** `--half tune|report|all` as given on the command line; report when absent. */
export function wantedHalves(argv: readonly string[]): Half[] {
  const at = argv.indexOf('--half')
  const value = at >= 0 ? argv[at + 1] : 'report'
  if (value === 'all') return ['tune', 'report']
  if (value === 'tune' || value === 'report') return [value]
  throw new Error(`eval-corroboration: --half must be tune, report or all, not "${value ?? ''}"`)
}

export interface DatasetResult {
  /** The half measured; an evaluator returns at most one result per half (splits of one half pooled). */
  half: Half
  /** Printed as the table's heading, e.g. "PolNeAR dev: speakers". */
  title: string
  /** What was measured on how many items. */
  rows: Array<[label: string, value: string]>
  /** Fractions 0–1 and counts, merged into the final JSON line. */
  figures: Record<string, number>
  /** Failures by class, most common first, counted. */
  failures: Array<[failureClass: string, count: number]>
}
