// Finds every occurrence of a typed phrase in a document, ignoring case and typographic
// variants, and tolerating any run of whitespace (line breaks included) between words.
import { foldText } from './fold'

export interface TextRange {
  start: number
  end: number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function findAll(text: string, query: string, limit = 10_000): TextRange[] {
  const words = foldText(query).trim().split(/ +/).filter((word) => word.length > 0)
  if (words.length === 0) return []
  const pattern = new RegExp(words.map(escapeRegExp).join(' +'), 'g')
  const folded = foldText(text)
  const ranges: TextRange[] = []
  for (const match of folded.matchAll(pattern)) {
    ranges.push({ start: match.index, end: match.index + match[0].length })
    if (ranges.length >= limit) break
  }
  return ranges
}
