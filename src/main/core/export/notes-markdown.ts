// Renders the claims as Markdown an editor can check line by line: each claim, then one
// footnote per linked passage with the verbatim quote, the source, its path relative to
// the imported folder and the character offsets. Every field from a document or the disk is escaped.
import type { Annotation } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import type { ImportRoot, Source } from '../../../shared/domain/source'
import { outletAndDate, pageAt } from '../../../shared/domain/citation'
import { claimSourceIds, SUPPORT_LABELS, type ClaimSupport } from '../../../shared/domain/support'

export interface NotesSnapshot {
  projectName: string
  exportedAt: Date
  claims: readonly Claim[]
  annotations: readonly Annotation[]
  sources: readonly Source[]
  roots: readonly ImportRoot[]
  /** Support status per claim id; without it the export counts distinct sources. */
  support?: Readonly<Record<string, ClaimSupport>>
}

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
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

/** Names from the disk keep every character, with control and bidi characters shown visibly. */
function diskName(text: string): string {
  return escapeMarkdown(showInvisible(text, '', true))
}

/**
 * The path as a code span (literal, so `_` and `*` stay readable): the fence is longer than any
 * backtick run inside and padded with a space where CommonMark would otherwise eat one. A path of
 * only spaces is shown as ␠, since renderers disagree on how such a span is trimmed.
 */
function codeSpan(text: string): string {
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
function quoteBlock(text: string, indent: string): string {
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

function footnote(number: number, annotation: Annotation | undefined, source: Source | undefined, root: ImportRoot | undefined, contradicts: boolean): string {
  if (annotation === undefined || source === undefined) return `[^${number}]: The linked passage no longer exists.`
  const [quote, position] = annotation.target.selectors
  const folder = root === undefined ? '' : ` in folder “${diskName(root.name)}”`
  const stale = annotation.target.contentHash === source.contentHash ? '' : ' The source has changed since; this passage was not found in its current text.'
  const page = pageAt(source.pageStarts, position.start)
  const cited = [outletAndDate(source), page === null ? '' : `p. ${page}`].map(inline).filter((part) => part !== '')
  const citation = cited.length === 0 ? '' : `, ${cited.join(', ')}`
  const lines = [
    `[^${number}]: ${contradicts ? '**Contradicts the claim:** ' : ''}“${inline(quote.exact)}” — *${inline(source.title) || '(untitled)'}*${citation}, ${codeSpan(source.relativePath)}${folder}, characters ${position.start}–${position.end}.${stale}`,
    '',
    quoteBlock(quote.exact, '    ')
  ]
  if (annotation.comment.trim().length > 0) lines.push('', `    Comment: ${inline(annotation.comment)}`)
  if (annotation.tags.length > 0) lines.push('', `    Tags: ${annotation.tags.map(inline).join(', ')}`)
  return lines.join('\n')
}

function supportLine(count: number, support: ClaimSupport | undefined, titleOf: (sourceId: string) => string): string {
  if (count === 0) return '_No evidence linked yet._'
  const backed = count === 1 ? 'Backed by 1 source' : `Backed by ${count} sources`
  if (support === undefined) return `_${backed}._`
  const independent = support.independentGroups.length
  const merged = support.sameOrigin.map((pair) => `${inline(titleOf(pair.copy))} repeats ${inline(titleOf(pair.original))}`).join('; ')
  const detail = [
    `${independent} independent`,
    support.contradictingSources.length > 0 ? `${support.contradictingSources.length} contradicting` : '',
    merged === '' ? '' : `counted as one: ${merged}`
  ].filter((part) => part !== '')
  return `_${SUPPORT_LABELS[support.status]}. ${backed} (${detail.join('; ')})._`
}

export function renderNotesMarkdown(snapshot: NotesSnapshot): string {
  const annotationsById = new Map(snapshot.annotations.map((annotation) => [annotation.id, annotation]))
  const sourcesById = new Map(snapshot.sources.map((source) => [source.id, source]))
  const rootsById = new Map(snapshot.roots.map((root) => [root.id, root]))
  // Links whose passage is gone back nothing and are not counted (their footnotes say so).
  const counted = (claim: Claim): Claim => {
    const lost = snapshot.support?.[claim.id]?.lostLinks ?? []
    return lost.length === 0 ? claim : { ...claim, annotationIds: claim.annotationIds.filter((id) => !lost.includes(id)) }
  }
  const cited = new Set(snapshot.claims.flatMap((claim) => claimSourceIds(counted(claim), annotationsById)))
  const out = [
    `# Notes: ${inline(snapshot.projectName)}`,
    '',
    `Exported from Sourcebench on ${snapshot.exportedAt.toISOString().slice(0, 10)} · ${snapshot.claims.length} claim${snapshot.claims.length === 1 ? '' : 's'} · ${cited.size} source${cited.size === 1 ? '' : 's'} cited`,
    ''
  ]
  let footnoteNumber = 0
  for (const [index, claim] of snapshot.claims.entries()) {
    const numbers = claim.annotationIds.map(() => ++footnoteNumber)
    const marks = numbers.map((number) => `[^${number}]`).join('')
    // A trailing ! would read as an image together with the footnote mark after it.
    const text = inline(claim.text).replace(/!$/, '\\!') || '(empty claim)'
    out.push(`## Claim ${index + 1}`, '', `${text}${marks}`, '')
    out.push(supportLine(claimSourceIds(counted(claim), annotationsById).length, snapshot.support?.[claim.id], (id) => sourcesById.get(id)?.title ?? id), '')
    for (const [position, annotationId] of claim.annotationIds.entries()) {
      const annotation = annotationsById.get(annotationId)
      const source = annotation === undefined ? undefined : sourcesById.get(annotation.target.sourceId)
      const root = source === undefined ? undefined : rootsById.get(source.rootId)
      out.push(footnote(numbers[position] ?? 0, annotation, source, root, claim.contradicting.includes(annotationId)), '')
    }
  }
  if (snapshot.claims.length === 0) out.push('_No claims yet._', '')
  out.push(
    '---',
    '',
    '_Character offsets count from the start of each source’s text as Sourcebench shows it (line breaks as one character, no byte-order mark)._',
    ''
  )
  return out.join('\n')
}
