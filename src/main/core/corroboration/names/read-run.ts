// Cuts one run of capitalised words into names: Korean full names first, then organisations
// (around words like "Agency" or "Ministry"), then titles, which are kept out of the name, then
// words that cannot be part of a name (verbs, places, dates). The pieces left go to name-piece.
import { koreanNameAt } from './korean-names'
import { wordClass } from './name-lexicon'
import {
  classify,
  classOf,
  NAME_LINKS,
  emit,
  isConnector,
  nameWords,
  readLone,
  trimConnectors,
  type PieceContext,
  type RunFindings
} from './name-piece'
import type { CapitalRun, NameToken } from './name-tokens'
import { AMBIGUOUS_GIVEN, ORG_CONNECTORS, ORG_WORDS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from './name-words'

const unknownWord = (token: NameToken | undefined): boolean => token !== undefined && token.cap && token.text.length > 2 && classOf(token) === undefined

function isPlaceCompound(token: NameToken): boolean {
  if (!token.lower.includes('-')) return false
  return token.lower.split('-').some((part) => {
    const partClass = wordClass(part)
    return partClass === 'place' || partClass === 'demonym'
  })
}

/** Length of a place named in several words ("South Korea", "Saint Petersburg") starting at `at`, or 0. */
function placePhraseAt(tokens: readonly NameToken[], at: number): number {
  for (let length = Math.min(4, tokens.length - at); length >= 2; length--) {
    const span = tokens.slice(at, at + length)
    if (span.some(isConnector) || span.slice(0, -1).some((token) => token.possessive)) continue
    if (wordClass(span.map((token) => token.lower).join(' ')) === 'place') return length
  }
  return 0
}

/** Splits at words that end a name (verbs, function words, dates, demonyms, places) and isolates plain words. */
function readPlain(segment: readonly NameToken[], titled: boolean, speech: boolean, context: PieceContext): void {
  let piece: NameToken[] = []
  let pieceStart = 0
  const flush = (end: number): void => {
    if (piece.length > 0) classify(piece, titled && pieceStart === 0, speech && end === segment.length, context)
    piece = []
  }
  for (let i = 0; i < segment.length; i++) {
    const token = segment[i]!
    if (piece.length === 0) pieceStart = i
    if (isConnector(token)) {
      // "of", "for", "and", "the" join organisations only; in a personal name they end it.
      if (ORG_CONNECTORS.has(token.lower)) flush(i)
      else piece.push(token)
      continue
    }
    const tokenClass = classOf(token)
    const titledHere = titled && i === 0
    const placeLength = titledHere ? 0 : placePhraseAt(segment, i)
    if (placeLength > 0) {
      flush(i)
      i += placeLength - 1
      continue
    }
    const previous = piece[piece.length - 1]
    const pieceIsName = piece[0] !== undefined && (classOf(piece[0]) === 'given' || AMBIGUOUS_GIVEN.has(piece[0].lower))
    // "Gordon Brown", "George W Bush": a plain word after a given name is a surname. Not in
    // headlines, where every word is capitalised ("Blair Labour Record").
    const afterGiven = previous !== undefined && pieceIsName && !context.headline && (previous === piece[0] || previous.text.length === 1)
    // "Theresa May": a modal right after a given name, closing the run, is a surname.
    const surnameModal = tokenClass === 'modal' && afterGiven && i === segment.length - 1
    // "Abu Hafs el Masry El Khabir", "Radii Faritovich Khabirov": linking words of transliterated
    // names, and a plain word next to a word no lexicon knows, stay in the name (not in headlines).
    const link = !context.headline && NAME_LINKS.has(token.lower)
    const foreignNeighbour = !context.headline && (unknownWord(previous) || (piece.length === 0 && unknownWord(segment[i + 1])))
    // "Hafiz Said Khan": a capitalised verb between two words of a name is a name outside headlines.
    const inside = !context.headline && tokenClass === 'verb' && piece.length > 0 && segment[i + 1]?.cap === true && !SPEECH_VERBS.has(segment[i + 1]!.text)
    if (link || inside || (foreignNeighbour && (tokenClass === 'common' || tokenClass === 'function' || tokenClass === 'participle'))) {
      piece.push(token)
      continue
    }
    const hard =
      token.dotted !== null ||
      isPlaceCompound(token) ||
      (!titledHere && !surnameModal && (tokenClass === 'verb' || tokenClass === 'modal' || tokenClass === 'date' || tokenClass === 'demonym')) ||
      tokenClass === 'function' ||
      (tokenClass === 'place' && !titledHere)
    if (hard) {
      flush(i)
      continue
    }
    const plainWord = tokenClass === 'common' || tokenClass === 'participle'
    const startsName = AMBIGUOUS_GIVEN.has(token.lower) && segment[i + 1]?.cap === true
    if (plainWord && !afterGiven && !startsName && !titledHere) {
      // A plain English word is no part of a name here, but may itself be a surname ("Park", "Brown").
      flush(i)
      pieceStart = i
      piece = [token]
      flush(i + 1)
      continue
    }
    piece.push(token)
  }
  flush(segment.length)
}

/** Index just past a title starting at `head` ("Minister", "Secretary of State", "Secretary General"). */
function titleEnd(tokens: readonly NameToken[], head: number): number {
  let end = head + 1
  for (;;) {
    const next = tokens[end]
    if (next === undefined) return end
    if (next.cap && (TITLE_HEADS.has(next.lower) || next.lower === 'general' || next.lower === 'exchequer')) end++
    else if (next.lower === 'of' && tokens[end + 1]?.lower === 'state') end += 2
    else if (next.lower === 'of' && tokens[end + 1]?.lower === 'the' && tokens[end + 2]?.lower === 'exchequer') end += 3
    else return end
  }
}

function isTitleAt(segment: readonly NameToken[], i: number): boolean {
  const token = segment[i]!
  if (!token.cap || !TITLE_HEADS.has(token.lower)) return false
  // "John Major"-like: a title word closing a name is a surname.
  if (i > 0 && i === segment.length - 1 && classOf(segment[i - 1]!) === 'given') return false
  // "the General Election": "general" is a title only before a name.
  if (token.lower !== 'general') return true
  const next = segment[i + 1]
  const nextClass = next === undefined ? undefined : classOf(next)
  if (nextClass === 'given' || nextClass === 'surname') return true
  return next !== undefined && nextClass === undefined && segment[i + 2]?.cap === true
}

function readTitled(segment: readonly NameToken[], titled: boolean, speech: boolean, context: PieceContext): void {
  let head = -1
  for (let i = 0; i < segment.length && head < 0; i++) if (isTitleAt(segment, i)) head = i
  if (head < 0) return readPlain(segment, titled, speech, context)
  let start = head
  while (start > 0 && TITLE_MODIFIERS.has(segment[start - 1]!.lower) && segment[start - 1]!.cap) start--
  const end = titleEnd(segment, head)
  // "chairman Labour MP Jean Corston": the name follows the last title, not the first.
  if (start > 0) readPlain(segment.slice(0, start), false, false, context)
  // "Secretary for the Family", "Minister of Oceans": a portfolio follows, not a name.
  const portfolio = segment[end] !== undefined && !segment[end]!.cap
  const rest = trimConnectors(segment.slice(end))
  if (rest.length > 0) readTitled(rest, !portfolio, speech && segment[segment.length - 1] === rest[rest.length - 1], context)
}

/** Where an organisation named around an organisation word starts and ends ("Korea Research Institute for National Strategy"). */
function orgSpan(segment: readonly NameToken[], at: number): [number, number] {
  const joinsLeft = (token: NameToken): boolean => {
    const tokenClass = classOf(token)
    return token.cap && !token.possessive && !TITLE_HEADS.has(token.lower) && token.dotted === null && tokenClass !== 'verb' && tokenClass !== 'function' && tokenClass !== 'date' && tokenClass !== 'modal'
  }
  let start = at
  while (start > 0 && joinsLeft(segment[start - 1]!)) start--
  let end = at + 1
  while (end < segment.length && segment[end]!.cap && ORG_WORDS.has(segment[end]!.lower)) end++
  // After "of"/"for" the name runs on to the next title or verb ("Bank of Korea", "Ministry of Oceans and Fisheries"),
  // taking plurals compromise tags as verbs ("Human Rights", "Fiscal Studies").
  const joinsRight = (token: NameToken): boolean =>
    joinsLeft(token) || (token.cap && classOf(token) === 'verb' && token.lower.endsWith('s') && !SPEECH_VERBS.has(token.lower))
  if (segment[end] !== undefined && isConnector(segment[end]!)) {
    let probe = end
    while (probe < segment.length && (isConnector(segment[probe]!) || joinsRight(segment[probe]!))) probe++
    while (probe > end && isConnector(segment[probe - 1]!)) probe--
    end = probe
  }
  return [start, end]
}

function readSegment(segment: readonly NameToken[], titled: boolean, speech: boolean, context: PieceContext): void {
  const tokens = trimConnectors(segment)
  if (tokens.length === 0) return
  const phraseClass = tokens.length > 1 ? wordClass(nameWords(tokens).map((token) => token.lower).join(' ')) : undefined
  if (phraseClass === 'org') return emit(tokens, 'organization', context)
  const orgWord = tokens.findIndex((token) => token.cap && ORG_WORDS.has(token.lower))
  if (orgWord < 0) return readTitled(tokens, titled, speech, context)
  const [start, end] = orgSpan(tokens, orgWord)
  if (start > 0) readTitled(tokens.slice(0, start), titled, false, context)
  if (end - start > 1) emit(tokens.slice(start, end), 'organization', context)
  else readLone(tokens[start]!, false, false, context)
  if (end < tokens.length) readSegment(tokens.slice(end), false, speech, context)
}

/** Finds the names in one run of capitalised words, adding them to `out`. */
export function readRun(run: CapitalRun, out: RunFindings): void {
  const context: PieceContext = { headline: run.headline, out }
  const tokens = run.tokens
  let segmentStart = 0
  for (let i = 0; i < tokens.length; i++) {
    const length = koreanNameAt(tokens, i, run.headline)
    if (length === 0) continue
    if (i > segmentStart) readSegment(tokens.slice(segmentStart, i), run.titled && segmentStart === 0, false, context)
    emit(tokens.slice(i, i + length), 'person', context)
    segmentStart = i + length
    i += length - 1
  }
  if (segmentStart < tokens.length) readSegment(tokens.slice(segmentStart), run.titled && segmentStart === 0, run.speech, context)
}
