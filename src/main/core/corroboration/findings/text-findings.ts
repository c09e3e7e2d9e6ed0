// What one text yields for corroboration: its quotations (anchored in the text) and the names
// it mentions. It depends on the text alone, never on which source holds it nor on the source's
// details, so it is kept per content hash and a source's id is joined in only when grouping.
import type { TextSpan } from '../../../../shared/domain/corroboration'
import type { TextPositionSelector, TextQuoteSelector } from '../../../../shared/domain/annotation'
import type { NameKind } from '../../../../shared/domain/corroboration'
import { describeRange } from '../../../../shared/text/anchor'
import type { NameMention } from '../names/extract-names'
import type { CountedMention } from '../names/group-names'
import { extractQuotes } from '../quotes/extract-quotes'
import type { StoredQuote } from '../quotes/group-quotes'

export { ANALYSER_VERSION } from './versions'

export interface TextQuote {
  parts: TextSpan[]
  text: string
  speaker: string | null
  attribution: string | null
  /** The quote selector of the whole quotation; the position selector is its parts' span. */
  exact: string
  prefix: string
  suffix: string
  /** Each part's words as written, when attribution interrupts the quote. */
  partTexts?: string[]
}

export interface TextFindings {
  quotes: TextQuote[]
  /** Each distinct name as written, with how often: offsets are not needed to group names. */
  names: (CountedMention & { count: number })[]
}

export type NameFinder = (text: string) => NameMention[]
let nameFinder: Promise<NameFinder> | null = null

/** Name finding loads compromise's lexicon (~0.2 s): done when a text is first analysed, not at start-up. */
export function loadNameFinder(): Promise<NameFinder> {
  nameFinder ??= import('../names/extract-names').then((module) => module.extractNames)
  return nameFinder
}

export function analyseText(text: string, extractNames: NameFinder): TextFindings {
  const names = new Map<string, CountedMention & { count: number }>()
  for (const mention of extractNames(text)) {
    const key = `${mention.kind}\u0000${mention.text}`
    const seen = names.get(key)
    if (seen === undefined) names.set(key, { text: mention.text, kind: mention.kind, count: 1 })
    else seen.count++
  }
  const quotes = extractQuotes(text).map((quote): TextQuote => {
    const start = quote.parts[0]?.start ?? 0
    const end = quote.parts.at(-1)?.end ?? start
    const [selector] = describeRange(text, start, end)
    const found: TextQuote = {
      parts: quote.parts,
      text: quote.text,
      speaker: quote.speaker,
      attribution: quote.attribution,
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix
    }
    if (quote.parts.length > 1) found.partTexts = quote.parts.map((part) => text.slice(part.start, part.end).replace(/\s+/g, ' ').trim())
    return found
  })
  // Through JSON: the strings above are slices that would keep the whole text alive.
  return JSON.parse(JSON.stringify({ quotes, names: [...names.values()] })) as TextFindings
}

/** The quotations of one source as grouping takes them, anchored in its text. */
export function sourceQuotes(source: { id: string; contentHash: string }, findings: TextFindings): StoredQuote[] {
  return findings.quotes.map((quote) => {
    const selectors: [TextQuoteSelector, TextPositionSelector] = [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: quote.parts[0]?.start ?? 0, end: quote.parts.at(-1)?.end ?? quote.parts[0]?.start ?? 0 }
    ]
    const stored: StoredQuote = {
      parts: quote.parts,
      text: quote.text,
      speaker: quote.speaker,
      attribution: quote.attribution,
      sourceId: source.id,
      target: { sourceId: source.id, contentHash: source.contentHash, selectors }
    }
    if (quote.partTexts !== undefined) stored.partTexts = quote.partTexts
    return stored
  })
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string'
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0

function isSpan(value: unknown): value is TextSpan {
  const span = value as TextSpan | null
  return typeof span === 'object' && span !== null && isCount(span.start) && isCount(span.end) && span.end >= span.start
}

function isQuote(value: unknown): value is TextQuote {
  const quote = value as TextQuote | null
  if (typeof quote !== 'object' || quote === null) return false
  return (
    Array.isArray(quote.parts) &&
    quote.parts.length > 0 &&
    quote.parts.every(isSpan) &&
    isString(quote.text) &&
    isNullableString(quote.speaker) &&
    isNullableString(quote.attribution) &&
    isString(quote.exact) &&
    isString(quote.prefix) &&
    isString(quote.suffix) &&
    (quote.partTexts === undefined || (Array.isArray(quote.partTexts) && quote.partTexts.every(isString)))
  )
}

const KINDS: readonly NameKind[] = ['person', 'organization']

function isName(value: unknown): value is TextFindings['names'][number] {
  const name = value as TextFindings['names'][number] | null
  return typeof name === 'object' && name !== null && isString(name.text) && KINDS.includes(name.kind) && isCount(name.count) && name.count > 0
}

/** Saved findings read back, or null when the record is damaged: the text is then analysed again. */
export function parseFindings(json: string): TextFindings | null {
  try {
    const value = JSON.parse(json) as TextFindings | null
    if (typeof value !== 'object' || value === null || !Array.isArray(value.quotes) || !Array.isArray(value.names)) return null
    return value.quotes.every(isQuote) && value.names.every(isName) ? value : null
  } catch {
    return null
  }
}
