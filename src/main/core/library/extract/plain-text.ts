// Plain text and Markdown: decode, lift Markdown front matter and the first `# heading`
// into title and meta, and prefill what a wire dateline says (outlet, date) when the
// file states nothing else. The text itself is kept as written, apart from line breaks.
import type { SourceMeta } from '../../../../shared/domain/source'
import { readDateline } from './dateline'
import { decodeText } from './decode-text'
import { splitFrontMatter } from './front-matter'
import { cleanTitle } from './tidy-text'
import type { ExtractedDocument } from './types'
import { unreadable } from './unreadable'

const ATX_HEADING = /^ {0,3}#\s+(.+?)(?:\s+#+)?\s*$/
const FENCE = /^ {0,3}(```|~~~)/

function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(\S(?:.*?\S)?)\1/g, '$2')
}

/** The first level-1 ATX heading outside code fences, without its markup. */
export function firstMarkdownHeading(text: string): string | null {
  let fenced = false
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced
    if (fenced) continue
    const heading = ATX_HEADING.exec(line)
    if (heading !== null) return cleanTitle(stripInlineMarkdown(heading[1] ?? ''))
  }
  return null
}

export function extractPlainText(bytes: Uint8Array, format: 'text' | 'markdown'): ExtractedDocument {
  const decoded = decodeText(bytes)
  let text = decoded.text
  let title: string | null = null
  let stated: Partial<SourceMeta> = {}
  if (format === 'markdown') {
    const frontMatter = splitFrontMatter(text)
    if (frontMatter !== null) {
      if (frontMatter.body.trim().length === 0) throw unreadable('the file holds only front matter, no text')
      text = frontMatter.body
      title = frontMatter.title
      stated = frontMatter.meta
    }
    title ??= firstMarkdownHeading(text)
  }
  const meta: Partial<SourceMeta> = { ...readDateline(text), ...stated }
  return { format, text, title, meta, pageStarts: null, warnings: decoded.warnings }
}
