// One passage of the HTML report: the quote marked inside the sentence it stands in, where it
// comes from (source, file, offsets), whether it is still found, and the user's comment and tags.
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/colors'
import { quoted } from '../passage-context'
import { ANCHOR_LABELS, type ExportAnchorState, type ExportPassage, type ExportSource } from '../snapshot'
import { escapeDiskName, escapeHtml, langTag, linkHost, webHref } from './html-escape'

const ANCHOR_DETAIL: Record<Exclude<ExportAnchorState, 'reworded' | 'not-found'>, string> = {
  exact: 'found where it was highlighted',
  moved: 'the same words, found elsewhere in the changed source'
}

/** The source's URL as a link (http/https only), or as plain text when it is anything else. */
export function urlHtml(url: string | null, text: 'host' | 'url'): string {
  const href = webHref(url)
  if (href === null) return url === null ? '' : `<span class="url-text">${escapeHtml(url)}</span>`
  const shown = text === 'host' ? `${escapeHtml(linkHost(href))} ↗` : escapeHtml(href)
  return `<a class="${text === 'host' ? 'ext' : 'ext literal'}" href="${escapeHtml(href)}" rel="noreferrer noopener">${shown}</a>`
}

export function titleHtml(source: ExportSource | null): string {
  if (source === null) return 'Source removed from the project'
  return source.title === '' ? '(untitled)' : escapeHtml(source.title)
}

/** "Title · Outlet · Author · 2026-01-16 · aa.com.tr ↗": the fields that are known. */
export function citationHtml(source: ExportSource | null, withTitle: boolean): string {
  if (source === null) return `<p class="cite removed">${withTitle ? 'Source removed from the project: only the quote is left.' : 'Only the quote is left.'}</p>`
  const parts = [
    withTitle ? `<cite>${titleHtml(source)}</cite>` : '',
    source.outlet === null ? '' : `<span class="outlet">${escapeHtml(source.outlet)}</span>`,
    source.author === null ? '' : `<span class="author">${escapeHtml(source.author)}</span>`,
    source.date === null ? '' : `<time>${escapeHtml(source.date)}</time>`,
    urlHtml(source.url, 'host')
  ].filter((part) => part !== '')
  return parts.length === 0 ? '' : `<p class="cite">${parts.join('<span class="sep"> · </span>')}</p>`
}

/** "`002.txt` in folder “seeds”": where the file is, relative to the folder the user imported. */
export function fileHtml(source: ExportSource): string {
  const folder = source.folder === null ? '' : ` in folder “${escapeDiskName(source.folder)}”`
  const missing = source.missing ? ' <span class="warn">(file no longer in the folder)</span>' : ''
  const ocr = source.ocr === null ? '' : ` <span class="warn">(${escapeHtml(source.ocr)})</span>`
  return `<code class="path">${escapeDiskName(source.relativePath)}</code>${folder}${missing}${ocr}`
}

/** The quote inside its context, marked; alone in its own quotation marks when not found in the text. */
function quoteHtml(passage: ExportPassage): string {
  const lang = langTag(passage.source?.language ?? null)
  const langAttribute = lang === null ? '' : ` lang="${escapeHtml(lang)}"`
  // The colour names a CSS class: anything but a known colour (a hand-edited file) reads as yellow.
  const color = HIGHLIGHT_COLORS.includes(passage.color) ? passage.color : 'yellow'
  const mark = `<mark class="hl-${color}">${escapeHtml(passage.quote)}</mark>`
  if (passage.context === null) {
    return `<blockquote class="quote alone"${langAttribute}><p>${escapeHtml(quoted(passage.quote))}</p></blockquote>`
  }
  const { before, after, cutBefore, cutAfter } = passage.context
  const text = `${cutBefore ? '… ' : ''}${escapeHtml(before)}${mark}${escapeHtml(after)}${cutAfter ? ' …' : ''}`
  return `<blockquote class="quote context"${langAttribute}><p>${text}</p></blockquote>`
}

function anchorHtml(passage: ExportPassage): string {
  const label = `<strong>${ANCHOR_LABELS[passage.anchor]}</strong>`
  let detail: string
  if (passage.anchor === 'reworded') {
    detail = passage.previousQuote === null ? 'matched on changed wording' : `highlighted on the earlier wording ${escapeHtml(quoted(passage.previousQuote))}`
  } else if (passage.anchor === 'not-found') {
    detail = escapeHtml(passage.problem ?? 'not in the source’s current text')
  } else detail = ANCHOR_DETAIL[passage.anchor]
  return `<span class="anchor anchor-${passage.anchor}">${label} — ${detail}</span>`
}

/** Page, offsets and anchor status, one line. */
function locationHtml(passage: ExportPassage): string {
  const parts = [
    passage.page === null ? '' : `p. ${passage.page}`,
    `characters ${passage.start}–${passage.end}`,
    anchorHtml(passage)
  ].filter((part) => part !== '')
  return `<p class="where">${parts.join('<span class="sep"> · </span>')}</p>`
}

function notesHtml(passage: ExportPassage): string {
  const comment = passage.comment.trim() === '' ? '' : `<p class="comment"><span class="label">Comment</span> ${escapeHtml(passage.comment.trim())}</p>`
  const tags =
    passage.tags.length === 0
      ? ''
      : `<p class="tags"><span class="label">Tags</span> ${passage.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join(' ')}</p>`
  return comment + tags
}

/**
 * A passage as a card section. `withSource` adds the source's citation and file (claims);
 * in "Other highlights" the group heading already names the source.
 */
export function passageHtml(passage: ExportPassage, withSource: boolean): string {
  const stance = passage.contradicts ? '<p class="stance">✕ Contradicts the claim</p>' : ''
  const source = withSource ? citationHtml(passage.source, true) + (passage.source === null ? '' : `<p class="file">${fileHtml(passage.source)}</p>`) : ''
  const classes = ['passage', passage.contradicts ? 'contradicts' : '', passage.anchor === 'not-found' ? 'lost' : ''].filter((name) => name !== '').join(' ')
  return `<li class="${classes}">${stance}${quoteHtml(passage)}${source}${locationHtml(passage)}${notesHtml(passage)}</li>`
}
