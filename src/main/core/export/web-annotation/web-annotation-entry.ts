// One annotation read from a file (ours, any W3C Web Annotation, or Hypothesis's API JSON),
// checked against the limits a highlight has here: either an entry ready to match and anchor,
// or the reason it cannot be imported, with its index in the file.
import { z } from 'zod'
import { tagSchema, type HighlightColor, type TextPositionSelector, type TextQuoteSelector } from '../../../../shared/domain/annotation'
import { CONTEXT_LENGTH } from '../../../../shared/text/anchor'

/** The longest quote and comment an imported highlight may carry, as for one made here. */
export const MAX_IMPORTED_QUOTE = 20_000
const MAX_COMMENT = 20_000
const MAX_TAGS = 50

/** What an annotation says about the document it was made on, to find that document here. */
export interface IncomingDocument {
  /** Web addresses (http/https) the annotation names. */
  urls: string[]
  fileUris: string[]
  relativePath: string | null
  folder: string | null
  titles: string[]
  /** A Sourcebench export says the document had been taken out of its project: nothing can match it. */
  removed: boolean
}

export interface IncomingAnnotation extends Omit<RawEntry, 'selectors'> {
  index: number
  quote: TextQuoteSelector
  position: TextPositionSelector | null
}

export interface BadEntry {
  index: number
  quote: string
  source: string
  reason: string
}

/** An entry as read from either format, before it is checked. */
export interface RawEntry {
  /** The annotation's id in the file, for the claim links that point at it. */
  fileId: string | null
  selectors: unknown[]
  document: IncomingDocument
  comment: string
  tags: string[]
  color: HighlightColor | null
  created: string | null
  modified: string | null
  /** The wording a Sourcebench export says the highlight was first made on, when it was reworded since. */
  previousQuote: string | null
}

const quoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .refine((exact) => exact.trim() !== '', 'the quoted text is empty')
    .refine((exact) => exact.length <= MAX_IMPORTED_QUOTE, `the quoted text is longer than ${MAX_IMPORTED_QUOTE.toLocaleString('en')} characters`),
  // Only the words next to the quote count when anchoring: a longer context is cut, not refused.
  prefix: z.string().default('').transform((prefix) => prefix.slice(-CONTEXT_LENGTH)),
  suffix: z.string().default('').transform((suffix) => suffix.slice(0, CONTEXT_LENGTH))
})

const positionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .refine((position) => position.end > position.start)


/** The first problem zod found, in words, with where it is in the entry. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue === undefined) return 'it is not a valid annotation'
  return issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`
}

/** How the report names the document an entry was made on. */
export function documentLabel(document: IncomingDocument): string {
  return document.urls[0] ?? document.titles[0] ?? document.relativePath ?? document.fileUris[0] ?? ''
}

const selectorType = (selector: unknown): unknown => (typeof selector === 'object' && selector !== null && 'type' in selector ? selector.type : undefined)

/** A date the file gives, as ISO; null when it gives none or one that cannot be read. */
function isoDate(value: string | null): string | null {
  if (value === null) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

export function checkEntry(raw: RawEntry, index: number): IncomingAnnotation | BadEntry {
  const source = documentLabel(raw.document)
  const found = raw.selectors.find((selector) => selectorType(selector) === 'TextQuoteSelector')
  const bad = (reason: string, quote = ''): BadEntry => ({ index, quote: quote.slice(0, 200), source, reason })
  if (found === undefined) {
    return bad(raw.selectors.length === 0 ? 'it has no selectors: it is about a whole page, not words in it' : 'it has no TextQuoteSelector saying which words it marks')
  }
  const quote = quoteSelectorSchema.safeParse(found)
  if (!quote.success) return bad(`TextQuoteSelector: ${firstIssue(quote.error)}`)
  const exact = quote.data.exact
  if (raw.comment.length > MAX_COMMENT) return bad(`its comment is longer than ${MAX_COMMENT.toLocaleString('en')} characters`, exact)
  const tags = [...new Set(raw.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))]
  if (tags.length > MAX_TAGS) return bad(`it has more than ${MAX_TAGS} tags`, exact)
  const badTag = tags.find((tag) => !tagSchema.safeParse(tag).success)
  if (badTag !== undefined) return bad(`its tag “${badTag.slice(0, 40)}…” is longer than 60 characters`, exact)
  // A position that cannot be read only loses a hint: the quote still finds the words.
  const position = positionSelectorSchema.safeParse(raw.selectors.find((selector) => selectorType(selector) === 'TextPositionSelector'))
  return {
    index,
    fileId: raw.fileId,
    quote: quote.data,
    position: position.success ? position.data : null,
    document: raw.document,
    comment: raw.comment,
    tags,
    color: raw.color,
    created: isoDate(raw.created),
    modified: isoDate(raw.modified),
    previousQuote: raw.previousQuote
  }
}
