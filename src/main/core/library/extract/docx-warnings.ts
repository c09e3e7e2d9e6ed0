// Says what a Word file's reader text leaves out, in words a journalist can act on:
// parts past the reading limit or damaged, and what has no place in the text (comments,
// headers and footers, equations, charts…), counted.
import type { LeftOut, LeftOutKind } from './docx-blocks'
import type { PartOutcome } from './docx-parts'
import { formatSize } from './zip-guard'

const PLURALS: Record<LeftOutKind | 'header or footer', string> = {
  comment: 'comments',
  equation: 'equations',
  chart: 'charts',
  diagram: 'diagrams',
  'embedded object': 'embedded objects',
  symbol: 'symbols',
  'tracked deletion': 'tracked deletions',
  'header or footer': 'headers and footers'
}

function counted(count: number, kind: LeftOutKind | 'header or footer'): string {
  return `${count} ${count === 1 ? kind : PLURALS[kind]}`
}

function listed(names: string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.length} parts (${names.join(', ')})`
}

export interface TextPartOutcome {
  part: string
  outcome: PartOutcome
}

export function leftOutWarnings(outcomes: TextPartOutcome[], readingLimit: number, leftOut: LeftOut, marginsWithText: number): string[] {
  const warnings: string[] = []
  const overLimit = outcomes.flatMap(({ part, outcome }) =>
    outcome.kind === 'cut' ? [`the end of ${part}`] : outcome.kind === 'skipped' ? [part] : []
  )
  if (overLimit.length > 0) warnings.push(`text left out: ${listed(overLimit)}, past the ${formatSize(readingLimit)} reading limit`)
  for (const { part, outcome } of outcomes) {
    if (outcome.kind === 'damaged') warnings.push(`text left out: ${part} is damaged from some point on (${outcome.detail})`)
  }
  const kinds = [...leftOut.counts].map(([kind, count]) => counted(count, kind))
  if (marginsWithText > 0) kinds.push(counted(marginsWithText, 'header or footer'))
  if (kinds.length > 0) warnings.push(`text left out: ${kinds.join(', ')}`)
  return warnings
}
