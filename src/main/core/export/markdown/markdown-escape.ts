// Escaping for the Markdown export: every field from a document or the disk renders as
// exactly its characters in CommonMark, markdown-it with footnotes, GFM and Obsidian.

/**
 * Marks that change how Markdown (CommonMark, GFM, markdown-it plugins, Obsidian) reads text
 * wherever they stand — `^` starts inline footnotes and Obsidian block ids; `==` and `%%` only in runs.
 */
const PUNCTUATION = /[\\`*_[\]<>|~&$#^]|={2,}|%{2,}/g
/** Bidirectional overrides and isolates: in a file name they can make the rest of the line read backwards. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Control characters would start a new line, vanish or be replaced by the renderer, so each is
 * shown as a visible symbol: C0 as its control picture (newline as ␊), DEL as ␡, the rest as <U+XXXX>.
 */
function showInvisible(text: string, keep: string, bidi: boolean): string {
  let shown = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (keep.includes(char)) shown += char
    else if (code < 0x20) shown += String.fromCodePoint(0x2400 + code)
    else if (code === 0x7f) shown += '\u2421'
    else if ((code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (bidi && BIDI_CONTROL.test(char))) {
      shown += `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`
    } else shown += char
  }
  return shown
}

/** Whitespace Markdown would strip at the edge of a line (or read as indentation), kept as character references. */
function characterReferences(whitespace: string): string {
  return [...whitespace].map((char) => `&#${char.codePointAt(0) ?? 32};`).join('')
}

/**
 * Backslash-escapes one line of text so it renders as exactly its characters: no heading, list,
 * quote, code, table, link, footnote, HTML, entity, emphasis, highlight or math. Control
 * characters other than tab are shown visibly; whitespace at either end becomes `&#32;` and kin.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(showInvisible(line, '\t', false)) ?? []
      const escaped = body
        .replace(PUNCTUATION, (marks) => marks.replace(/./gu, '\\$&'))
        .replace(/^[-+=]/, '\\$&')
        .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
      return `${characterReferences(lead)}${escaped}${characterReferences(trail)}`
    })
    .join('\n')
}

/** Inline fields (titles, outlet, date, project name, claim, comment, tags): whitespace runs collapse to one space. */
export function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

/** Names from the disk keep every character, with control and bidi characters shown visibly. */
export function diskName(text: string): string {
  return escapeMarkdown(showInvisible(text, '', true))
}

/**
 * The path as a code span (literal, so `_` and `*` stay readable): the fence is longer than any
 * backtick run inside and padded with a space where CommonMark would otherwise eat one. A path of
 * only spaces is shown as ␠, since renderers disagree on how such a span is trimmed.
 */
export function codeSpan(text: string): string {
  const shown = /^ +$/.test(text) ? '\u2420'.repeat(text.length) : showInvisible(text, '', true)
  const fence = '`'.repeat(Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length)) + 1)
  const pad = /^`|`$/.test(shown) || (shown.startsWith(' ') && shown.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/**
 * The quote as block-quote lines: a line break stays a line, one blank line a paragraph break.
 * Newlines Markdown would drop (leading, trailing, a second blank line in a row) are written as
 * `&#10;`, so the quoted text comes back exactly.
 */
export function quoteBlock(text: string, indent: string): string {
  const lines = text.split('\n')
  const filled = lines.flatMap((line, index) => (line === '' ? [] : [index]))
  const newlines = (count: number): string => '&#10;'.repeat(count)
  const first = filled[0]
  const last = filled[filled.length - 1]
  if (first === undefined || last === undefined) return `${indent}> ${newlines(lines.length - 1)}`.trimEnd()
  const out: string[] = []
  let previous = -1
  for (const index of filled) {
    const gap = previous < 0 ? 0 : index - previous - 1
    if (gap > 0) out.push(`${indent}>`)
    const before = previous < 0 ? newlines(first) : newlines(Math.max(0, gap - 1))
    const after = index === last ? newlines(lines.length - 1 - last) : ''
    out.push(`${indent}> ${before}${escapeMarkdown(lines[index] ?? '')}${after}`)
    previous = index
  }
  return out.join('\n')
}

/** Characters a CommonMark autolink cannot hold (spaces, angle brackets, controls). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_IN_AUTOLINK = /[\s<>\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`]/u

/** An http(s) URL as an autolink the editor can click; anything else as plain escaped text, never a link. */
export function markdownUrl(url: string): string {
  return /^https?:\/\/[^/]/i.test(url) && !UNSAFE_IN_AUTOLINK.test(url) ? `<${url}>` : inline(url)
}
