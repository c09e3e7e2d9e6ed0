// One passage in the Word export: in the body as a block quote with its context (the quote
// highlighted) and where it comes from; as a footnote with everything an editor needs to
// check it (the source as cited, the file, the offsets, the anchor status, comment and tags).
import type { Paragraph } from 'docx'
import type { FootnotesPart } from './docx-footnotes'
import { Runs } from './docx-paragraph'
import { BOLD, inline, ITALIC, type RunStyle, type RunWriter } from './docx-text'
import { STYLE, WORD_HIGHLIGHT } from './docx-styles'
import { quoted } from '../passage-context'
import { ANCHOR_LABELS, type ExportPassage, type ExportSource } from '../snapshot'

const LABEL: RunStyle = { bold: true, color: '555555' }
const HIGHLIGHT = Object.fromEntries(Object.entries(WORD_HIGHLIGHT).map(([color, pen]) => [color, { highlight: pen }])) as Record<keyof typeof WORD_HIGHLIGHT, RunStyle>

/** Title (left out under a heading that names the source), outlet, author, date, page and URL (unless left to the footnote), as known. */
export function cite<T extends RunWriter>(runs: T, source: ExportSource, page: number | null, withTitle = true, withUrl = true): T {
  const parts: Array<(into: T) => T> = []
  if (withTitle) parts.push((into) => into.add(inline(source.title) || '(untitled)', ITALIC))
  for (const field of [source.outlet, source.author === null ? null : `by ${source.author}`, source.date, page === null ? null : `p. ${page}`]) {
    if (field !== null && inline(field) !== '') parts.push((into) => into.add(inline(field)))
  }
  const url = source.url
  if (withUrl && url !== null && inline(url) !== '') parts.push((into) => into.url(url))
  parts.forEach((part, index) => part(index === 0 ? runs : runs.add(', ')))
  return runs
}

/** The file's path inside its imported folder, and whether it is still there. */
export function location(source: ExportSource): string {
  const folder = source.folder === null ? '' : ` in folder “${inline(source.folder)}”`
  return `${inline(source.relativePath)}${folder}${source.missing ? ' (the file is no longer in its folder)' : ''}${source.ocr === null ? '' : ` (${inline(source.ocr)})`}`
}

/** What became of the passage when its source changed; null when it is where it was made. */
export function anchorNote(passage: ExportPassage): string | null {
  if (passage.anchor === 'reworded' && passage.previousQuote !== null) {
    return `Reworded in the source since it was highlighted; it read ${inline(quoted(passage.previousQuote))}.`
  }
  if (passage.anchor === 'moved') return 'Moved: the same words, at a new place in the changed source.'
  if (passage.anchor === 'not-found') return `Not found: ${inline(passage.problem ?? 'the words are not in the source’s current text.')}`
  return null
}

function contextParagraph(passage: ExportPassage): Paragraph | null {
  const context = passage.context
  if (context === null || (context.before === '' && context.after === '')) return null
  const runs = new Runs()
    .add('Context: ', LABEL)
    .add(`${context.cutBefore ? '… ' : ''}${context.before}`)
    .add(inline(passage.quote), HIGHLIGHT[passage.color])
    .add(`${context.after}${context.cutAfter ? ' …' : ''}`)
  return runs.paragraph({ style: STYLE.context })
}

/** The passage's comment and tags, a paragraph each, in whatever the paragraph is written as. */
function notes<T extends RunWriter>(passage: ExportPassage, paragraph: () => T): T[] {
  const out: T[] = []
  const comment = inline(passage.comment)
  if (comment !== '') out.push(paragraph().add('Comment: ', BOLD).add(comment))
  const tags = passage.tags.map(inline).filter((tag) => tag !== '')
  if (tags.length > 0) out.push(paragraph().add('Tags: ', BOLD).add(tags.join(', ')))
  return out
}

/**
 * The passage in the body: a label when it contradicts the claim, the verbatim quote line for
 * line, its context, then either the source (under a claim) or the offsets (under a source's heading).
 */
export function passageBlock(passage: ExportPassage, under: 'claim' | 'source'): Paragraph[] {
  const out: Paragraph[] = []
  if (passage.contradicts) out.push(new Runs().add('Contradicts the claim').paragraph({ style: STYLE.label }))
  out.push(new Runs().lines(passage.quote).paragraph({ style: STYLE.quote }))
  const context = contextParagraph(passage)
  if (context !== null) out.push(context)
  const where = new Runs()
  if (under === 'source') {
    const offsets = `characters ${passage.start}–${passage.end} · anchor: ${ANCHOR_LABELS[passage.anchor].toLowerCase()}`
    where.add(passage.page === null ? `C${offsets.slice(1)}` : `Page ${passage.page}, ${offsets}`)
  } else if (passage.source === null) where.add('— source removed from the project')
  // The link is in the passage's footnote, one line below on the page: a second one per passage would double the file's work.
  else cite(where.add('— '), passage.source, passage.page, true, false)
  out.push(where.paragraph({ style: STYLE.detail }))
  const note = anchorNote(passage)
  if (note !== null) out.push(new Runs().add(note, passage.anchor === 'not-found' ? BOLD : undefined).paragraph({ style: STYLE.detail }))
  return [...out, ...notes(passage, () => new Runs()).map((runs) => runs.paragraph({ style: STYLE.detail }))]
}

/** The footnote of a cited passage: one paragraph to check it by, then its comment and tags; returns its id. */
export function passageFootnote(passage: ExportPassage, footnotes: FootnotesPart): number {
  // Word puts a space between the note's number and its text.
  const first = footnotes.paragraph().add(' ')
  if (passage.contradicts) first.add('Contradicts the claim:', BOLD).add(' ')
  first.add(`${inline(quoted(passage.quote))} — `)
  const source = passage.source
  if (source === null) first.add('source removed from the project')
  // Semicolons, since a title may end in its own question mark.
  else cite(first, source, passage.page).add(`; file: ${location(source)}`)
  first.add(`; characters ${passage.start}–${passage.end}; anchor: ${ANCHOR_LABELS[passage.anchor].toLowerCase()}.`)
  const note = anchorNote(passage)
  if (note !== null) first.add(` ${note}`)
  return footnotes.add(first, ...notes(passage, () => footnotes.paragraph()))
}
