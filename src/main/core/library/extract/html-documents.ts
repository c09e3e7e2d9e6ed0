// A saved file can hold several HTML documents one after another: a page saved twice, or a
// server's error page followed by the real page. Each is read on its own, as a browser tab
// would show it, and the file keeps the longest plus any other page that is not a copy of it.
import type { PageReading } from './html-read-page'

/** A page shorter than this share of the longest (an error page, a stub) is left out. */
const MIN_SHARE_OF_LONGEST = 0.25
/** A page whose paragraphs are at least this share already kept is a copy. */
const COPY_SHARE = 0.8

/** The file's markup with comments and raw-text elements blanked (their "<html" is no tag), offsets kept. */
export function tagsOnly(html: string): string {
  return html.replace(/<!--[\s\S]*?-->|<(script|style|textarea|xmp)\b[\s\S]*?<\/\1\s*>/gi, (match) => ' '.repeat(match.length))
}

/**
 * The documents in a file: cut before each <html> start tag when that gives the `count`
 * documents the DOM holds, else the file whole. Output before the first document's doctype,
 * <html> or <head> (a server's warnings, saved HTTP headers) is the server's, not the page's.
 */
export function documentsInFile(html: string, count: number): string[] {
  const markup = tagsOnly(html)
  const pageStart = Math.max(0, markup.search(/<!doctype|<html[\s/>]|<head[\s/>]/i))
  const starts = Array.from(markup.matchAll(/<html[\s/>]/gi), (match) => match.index).filter((start) => start >= pageStart)
  if (count < 2 || starts.length !== count) return [html.slice(pageStart)]
  return starts.map((start, index) => html.slice(index === 0 ? pageStart : start, starts[index + 1] ?? html.length))
}

function paragraphs(text: string): string[] {
  return text.split(/\n{2,}/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
}

/** The longest reading, with the text of every other distinct and substantial one in file order; `pages` counts the readings kept. */
export function combineReadings(readings: PageReading[]): { reading: PageReading; pages: number } | null {
  const longest = readings.reduce<PageReading | null>((best, next) => (best === null || next.text.length > best.text.length ? next : best), null)
  if (longest === null) return null
  const seen = new Set(paragraphs(longest.text))
  const kept = readings.filter((reading) => {
    if (reading === longest) return true
    if (reading.text.length < longest.text.length * MIN_SHARE_OF_LONGEST) return false
    const own = paragraphs(reading.text)
    const copied = own.filter((paragraph) => seen.has(paragraph)).reduce((sum, paragraph) => sum + paragraph.length, 0)
    if (copied >= own.reduce((sum, paragraph) => sum + paragraph.length, 0) * COPY_SHARE) return false
    for (const paragraph of own) seen.add(paragraph)
    return true
  })
  const nodes = kept.flatMap((reading) => reading.nodes ?? [])
  return { reading: { ...longest, text: kept.map((reading) => reading.text).join('\n\n'), ...(nodes.length > 0 ? { nodes } : {}) }, pages: kept.length }
}
