// Reads the YAML-ish front matter at the very top of a Markdown file (title, date,
// author, outlet, url) and returns the text without it. Only flat `key: value` lines and
// simple lists are understood; anything else means the block is not front matter.
import type { SourceMeta } from '../../../../shared/domain/source'
import { parseWrittenDate } from './dates'
import { cleanTitle, collapseWhitespace } from './tidy-text'

export interface FrontMatter {
  title: string | null
  meta: Partial<SourceMeta>
  /** The text after the block, leading blank lines dropped. */
  body: string
}

const MAX_LINES = 200
const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$/
const LIST_ITEM = /^\s+-\s+(.*?)\s*$|^-\s+(.*?)\s*$/

type Field = 'title' | 'date' | 'author' | 'outlet' | 'url' | 'language'

const FIELD_OF_KEY: Readonly<Record<string, Field>> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  pubdate: 'date',
  published_at: 'date',
  publish_date: 'date',
  date_published: 'date',
  author: 'author',
  authors: 'author',
  byline: 'author',
  creator: 'author',
  outlet: 'outlet',
  publisher: 'outlet',
  publication: 'outlet',
  source: 'outlet',
  site: 'outlet',
  site_name: 'outlet',
  sitename: 'outlet',
  url: 'url',
  link: 'url',
  canonical: 'url',
  canonical_url: 'url',
  source_url: 'url',
  original_url: 'url',
  lang: 'language',
  language: 'language'
}

function unquote(value: string): string {
  const trimmed = value.trim()
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed)
  if (quoted === null) return trimmed.replace(/\s+#.*$/, '')
  return trimmed.startsWith('"') ? (quoted[1] ?? '').replace(/\\"/g, '"') : (quoted[1] ?? '').replace(/''/g, "'")
}

function scalarOrList(value: string): string[] {
  const inline = /^\[(.*)\]$/.exec(value.trim())
  const parts = inline === null ? [value] : (inline[1] ?? '').split(',')
  return parts.map(unquote).filter((part) => part.length > 0)
}

/** Parses the lines between the fences into key → values, or null if a line is not `key: value`, a list item or a comment. */
function parseBlock(lines: string[]): Map<string, string[]> | null {
  const fields = new Map<string, string[]>()
  let currentKey: string | null = null
  for (const line of lines) {
    if (line.trim().length === 0 || line.trimStart().startsWith('#')) continue
    const item = LIST_ITEM.exec(line)
    if (item !== null && currentKey !== null) {
      fields.get(currentKey)?.push(...scalarOrList(item[1] ?? item[2] ?? ''))
      continue
    }
    const keyLine = KEY_LINE.exec(line)
    if (keyLine !== null) {
      currentKey = (keyLine[1] ?? '').toLowerCase().replace(/-/g, '_')
      fields.set(currentKey, scalarOrList(keyLine[2] ?? ''))
      continue
    }
    if (/^\s+\S/.test(line) && currentKey !== null) continue // a nested mapping: ignored, still front matter
    return null
  }
  return fields.size > 0 ? fields : null
}

function isUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value)
}

function toMeta(fields: Map<string, string[]>): { title: string | null; meta: Partial<SourceMeta> } {
  let title: string | null = null
  const meta: Partial<SourceMeta> = {}
  for (const [key, values] of fields) {
    const field = FIELD_OF_KEY[key]
    const value = collapseWhitespace(values.join(', '))
    if (field === undefined || value.length === 0) continue
    if (field === 'title') title ??= cleanTitle(value)
    else if (field === 'date') meta.date ??= parseWrittenDate(value) ?? value
    else if (field === 'outlet' && isUrl(value)) meta.url ??= value
    else if (field === 'url') {
      if (isUrl(value)) meta.url ??= value
    } else meta[field] ??= value
  }
  return { title, meta }
}

/** Splits front matter off a Markdown text; null when the text does not open with a front-matter block. */
export function splitFrontMatter(text: string): FrontMatter | null {
  const lines = text.split('\n')
  if (lines[0]?.trimEnd() !== '---') return null
  const end = lines.findIndex((line, index) => index > 0 && index <= MAX_LINES && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return null
  const fields = parseBlock(lines.slice(1, end))
  if (fields === null) return null
  return { ...toMeta(fields), body: lines.slice(end + 1).join('\n').replace(/^\s*\n/, '') }
}
