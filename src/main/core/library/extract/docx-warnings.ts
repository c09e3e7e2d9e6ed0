// Says what a Word file's reader text leaves out, in words a journalist can act on:
// parts past the reading limit or damaged, and what has no place in the text (comments,
// headers and footers, equations, charts…), counted.
import type { LeftOut, LeftOutKind } from './docx-blocks'
import type { PartOutcome } from './docx-parts'
import { MAX_DEPTH } from './docx-xml'
import type { DocxLimits } from './docx'

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

/** A number of characters as a journalist reads it: "64 M characters", "20,000 characters". */
export function formatCharacters(count: number): string {
  const millions = count / (1024 * 1024)
  return millions >= 1 ? `${millions.toFixed(1).replace(/\.0$/, '')} M characters` : `${count.toLocaleString('en')} characters`
}

export function leftOutWarnings(outcomes: TextPartOutcome[], limits: DocxLimits, leftOut: LeftOut, marginsWithText: number): string[] {
  const warnings: string[] = []
  const overLimit = outcomes.flatMap(({ part, outcome }) =>
    outcome.kind === 'cut' ? [`the end of ${part}`] : outcome.kind === 'skipped' ? [part] : []
  )
  if (overLimit.length > 0) warnings.push(`text left out: ${listed(overLimit)}, past the reading limit of ${formatCharacters(limits.readingLimit)}`)
  for (const { part, outcome } of outcomes) {
    if (outcome.kind === 'damaged') warnings.push(`text left out: ${part} is damaged from some point on (${outcome.detail})`)
    if (outcome.deepElements !== undefined) {
      const count = outcome.deepElements
      warnings.push(`text left out: ${count.toLocaleString('en')} ${count === 1 ? 'element' : 'elements'} nested deeper than ${MAX_DEPTH.toLocaleString('en')} levels in ${part}`)
    }
  }
  const { paragraph, table } = leftOut.cutBlocks
  for (const [count, kind] of [[paragraph, 'paragraph'], [table, 'table']] as const) {
    if (count > 0) warnings.push(`text left out: the end of ${count} ${count === 1 ? kind : `${kind}s`} longer than ${formatCharacters(limits.blockLimit)}`)
  }
  const kinds = [...leftOut.counts].map(([kind, count]) => counted(count, kind))
  if (marginsWithText > 0) kinds.push(counted(marginsWithText, 'header or footer'))
  if (kinds.length > 0) warnings.push(`text left out: ${kinds.join(', ')}`)
  return warnings
}

/** Styles and numbering not read whole: the text is all there, but headings and list items may read as plain paragraphs. */
export function supportWarnings(outcomes: TextPartOutcome[]): string[] {
  return outcomes.flatMap(({ part, outcome }) => {
    const why = outcome.kind === 'damaged' ? `is damaged (${outcome.detail})` : outcome.kind === 'read' ? null : 'is past the reading limit for styles'
    return why === null ? [] : [`headings and lists may read as plain paragraphs: ${part} ${why}`]
  })
}
