// The notes as a fact-check spreadsheet: one row per claim and passage (a claim without passages
// gets one row of its own), then the highlights not linked to any claim with status "Not linked".
// RFC 4180 (CRLF, quoted when needed) in UTF-8 with a BOM so Excel reads accents and Hangul.
//
// In the Context column the quote is marked as ⟦quote⟧ inside its sentence: brackets news text
// does not use (unlike « », which Russian and French sources quote with). A context cut short
// starts or ends with "…"; a passage not found in its source has an empty Context.
//
// Text cells that start with = + - @ tab or CR (or their full-width forms) get a leading apostrophe
// (OWASP "CSV injection", csv-stringify's escape_formulas), so a spreadsheet shows them instead of
// running a formula. Claim number, page, start and end are numbers and stay plain.
import { stringify } from 'csv-stringify/sync'
import { ANCHOR_LABELS, type ExportClaim, type ExportPassage, type ExportSnapshot } from './snapshot'

export const CONTEXT_MARKS = { open: '⟦', close: '⟧' } as const

export const CSV_HEADER = [
  'Claim',
  'Claim text',
  'Status',
  'Support',
  'Quote',
  `Context (quote in ${CONTEXT_MARKS.open} ${CONTEXT_MARKS.close})`,
  'Source title',
  'Outlet',
  'Author',
  'Date',
  'URL',
  'Folder',
  'File',
  'Page',
  'Start',
  'End',
  'Anchor',
  'Previous wording',
  'Not found because',
  'Contradicts',
  'Comment',
  'Tags',
  'Text recognised by OCR'
] as const

/** The status of highlights in the "Other highlights" rows. */
export const NOT_LINKED = 'Not linked'

type Cell = string | number

/** How the status was reached: independent sources, sources counted as one and why, sources against. */
function supportText(claim: ExportClaim): string {
  if (claim.passages.length === 0) return 'No evidence linked yet'
  const sources = (count: number): string => `${count} source${count === 1 ? '' : 's'}`
  const parts = [`Backed by ${sources(claim.backingSources)}, ${claim.independentSources} independent`]
  for (const pair of claim.countedAsOne) parts.push(`counted as one: ${pair.copy.title} repeats ${pair.original.title} (${Math.round(pair.share * 100)} % of its wording)`)
  if (claim.contradictingSources.length > 0) parts.push(`contradicted by ${claim.contradictingSources.map((source) => source.title).join(', ')}`)
  return parts.join('; ')
}

function contextText(passage: ExportPassage): string {
  if (passage.context === null) return ''
  const { before, after, cutBefore, cutAfter } = passage.context
  // The context reads as one line (its whitespace runs are single spaces): so does the quote inside it.
  const quote = passage.quote.replace(/\s+/g, ' ')
  return `${cutBefore ? '… ' : ''}${before}${CONTEXT_MARKS.open}${quote}${CONTEXT_MARKS.close}${after}${cutAfter ? ' …' : ''}`
}

/** The passage's columns, from Quote to Tags. */
function passageCells(passage: ExportPassage): Cell[] {
  const source = passage.source
  return [
    passage.quote,
    contextText(passage),
    source?.title ?? '',
    source?.outlet ?? '',
    source?.author ?? '',
    source?.date ?? '',
    source?.url ?? '',
    source?.folder ?? '',
    source?.relativePath ?? '',
    passage.page ?? '',
    passage.start,
    passage.end,
    ANCHOR_LABELS[passage.anchor],
    passage.previousQuote ?? '',
    passage.problem ?? '',
    passage.contradicts ? 'yes' : '',
    passage.comment,
    passage.tags.join('; '),
    source?.ocr ?? ''
  ]
}

const EMPTY_PASSAGE: Cell[] = Array.from({ length: CSV_HEADER.length - 4 }, () => '')

export function renderCsv(snapshot: ExportSnapshot): string {
  const rows: Cell[][] = [[...CSV_HEADER]]
  for (const claim of snapshot.claims) {
    const claimCells: Cell[] = [claim.number, claim.text, claim.statusLabel, supportText(claim)]
    if (claim.passages.length === 0) rows.push([...claimCells, ...EMPTY_PASSAGE])
    for (const passage of claim.passages) rows.push([...claimCells, ...passageCells(passage)])
  }
  for (const group of snapshot.otherHighlights) {
    for (const passage of group.passages) rows.push(['', '', NOT_LINKED, '', ...passageCells(passage)])
  }
  // A lone LF or CR inside a cell must be quoted too, not only the CRLF that ends records.
  return stringify(rows, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true })
}
