// Picks a source's title: a Markdown heading if there is one, else the first line that
// reads like a headline. Saved web pages start with navigation crumbs ("Top Headlines",
// "Asia - Pacific"), so very short opening lines are passed over.
import type { SourceFormat } from '../../../shared/domain/source'

const MAX_TITLE = 140
const LINES_TO_SCAN = 12
const HEADLINE_MIN_WORDS = 4

function clip(line: string): string {
  const clean = line.replace(/\s+/g, ' ').trim()
  if (clean.length <= MAX_TITLE) return clean
  const cut = clean.slice(0, MAX_TITLE)
  const lastSpace = cut.lastIndexOf(' ')
  return `${cut.slice(0, lastSpace > MAX_TITLE / 2 ? lastSpace : MAX_TITLE)}…`
}

function stripMarkdown(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/[*_`]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
}

/** A line as a title candidate: trimmed, without a leading "date 2026-02-13" stamp (as in saved wire copy, metadata rather than headline). */
function cleanLine(line: string): string {
  return line.trim().replace(/^date\s+\d{4}-\d{2}-\d{2}\s*/i, '')
}

/** The text's first `count` lines that are not empty once cleaned, read no further than they reach. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = []
  for (let start = 0; start <= text.length && lines.length < count; ) {
    const end = text.indexOf('\n', start)
    const line = cleanLine(text.slice(start, end === -1 ? text.length : end))
    if (line.length > 0) lines.push(line)
    if (end === -1) break
    start = end + 1
  }
  return lines
}

/** The title a text's first lines give (a heading, else a headline-like line), or null when it has no line at all. */
export function titleFromText(text: string, format: SourceFormat): string | null {
  // Only Markdown looks past the first lines (for its first heading).
  const lines = format === 'markdown' ? text.split('\n').map(cleanLine).filter((line) => line.length > 0) : firstLines(text, LINES_TO_SCAN)
  if (format === 'markdown') {
    const body = lines[0] === '---' ? lines.slice(lines.indexOf('---', 1) + 1) : lines
    const heading = body.find((line) => /^#{1,6}\s+\S/.test(line))
    if (heading !== undefined) return clip(stripMarkdown(heading))
    lines.splice(0, lines.length, ...body.map(stripMarkdown))
  }
  const candidates = lines.slice(0, LINES_TO_SCAN)
  const headline = candidates.find((line) => line.split(/\s+/).length >= HEADLINE_MIN_WORDS)
  const chosen = headline ?? candidates[0]
  return chosen === undefined ? null : clip(chosen)
}

/** The title of a file whose text gives none: its name without the type. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '')
}

export function pickTitle(text: string, format: SourceFormat, fileName: string): string {
  return titleFromText(text, format) ?? titleFromFileName(fileName)
}
