// The sentence or two a quoted passage stands in, so an editor reads the quote as the
// source put it; and the quote shown once inside its own quotation marks, never doubled.
import { splitSentences } from '../../../shared/text/sentences'

export interface PassageContext {
  /** Text of the surrounding sentence(s) before the quote, and after it. */
  before: string
  after: string
  /** True when the context was cut short at either end (shown as an ellipsis). */
  cutBefore: boolean
  cutAfter: boolean
}

/** How far around a passage its sentences are looked for. */
const WINDOW = 1200
/** A side of the context is cut at about this length, at a word boundary. */
const MAX_SIDE = 320
/** A quote that is (nearly) a whole sentence gets its neighbours, so the context says something. */
const SHORT_CONTEXT = 60

function cutStart(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_SIDE) return { text, cut: false }
  const tail = text.slice(text.length - MAX_SIDE)
  const space = tail.search(/\s/)
  return { text: space < 0 ? tail : tail.slice(space + 1), cut: true }
}

function cutEnd(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_SIDE) return { text, cut: false }
  const head = text.slice(0, MAX_SIDE)
  const space = head.search(/\s\S*$/)
  return { text: space < 0 ? head : head.slice(0, space), cut: true }
}

/** Whitespace runs (line breaks included) read as one space in a context line. */
const flatten = (text: string): string => text.replace(/\s+/g, ' ')

export function passageContext(text: string, start: number, end: number): PassageContext {
  const from = Math.max(0, start - WINDOW)
  const window = text.slice(from, Math.min(text.length, end + WINDOW))
  const sentences = splitSentences(window).map((range) => ({ start: range.start + from, end: range.end + from }))
  let first = sentences.findIndex((sentence) => sentence.end > start)
  let last = sentences.findLastIndex((sentence) => sentence.start < end)
  if (first < 0 || last < 0 || first > last) return { before: '', after: '', cutBefore: false, cutAfter: false }
  const around = (): number => Math.max(0, start - (sentences[first]?.start ?? start)) + Math.max(0, (sentences[last]?.end ?? end) - end)
  if (around() < SHORT_CONTEXT && first > 0) first--
  if (around() < SHORT_CONTEXT && last < sentences.length - 1) last++
  const sentenceStart = Math.min(start, sentences[first]?.start ?? start)
  const sentenceEnd = Math.max(end, sentences[last]?.end ?? end)
  const before = cutStart(flatten(text.slice(sentenceStart, start)).trimStart())
  const after = cutEnd(flatten(text.slice(end, sentenceEnd)).trimEnd())
  return { before: before.text, after: after.text, cutBefore: before.cut, cutAfter: after.cut }
}

const OPENING = '“"«„‘‹‚「『'
const CLOSING = '”"»“’›‘」』'

/**
 * The quote inside quotation marks, never doubled: a quote that already opens with a mark
 * (“In the past…) gets no second opening mark, one that already closes with its own
 * (…business,") no second closing mark.
 */
export function quoted(quote: string, open = '“', close = '”'): string {
  const text = quote.trim()
  const opens = text.length > 0 && OPENING.includes(text.charAt(0))
  const withoutEnd = text.replace(/[.,;:!?…]+$/u, '')
  const closes = text.length > 1 && withoutEnd.length > (opens ? 1 : 0) && CLOSING.includes(withoutEnd.slice(-1))
  return `${opens ? '' : open}${text}${closes ? '' : close}`
}
