// Finds people and organisations in Russian and Ukrainian text. Only proper nouns and
// sentence starts are capitalised there, so a capitalised run is cut at titles, places and
// dates, and a piece is a person when it holds a known given name or a patronymic, or
// follows a title; a word alone counts only as the surname of someone the text names in full.
import type { NameToken } from './name-tokens'
import { blankBetween, isCyrillic, type NameSpan } from './name-scripts'
import {
  CLAUSE_WORDS,
  cyrillicLower,
  cyrillicStem,
  DATE_WORDS,
  EAST_ASIAN_SURNAMES,
  GIVEN_NAMES,
  isPatronymic,
  KNOWN_ORGS,
  looksLikeVerb,
  NON_ORG_ACRONYMS,
  ORG_HEADS,
  PLACE_ADJECTIVES,
  PLACES,
  SENTENCE_WORDS,
  SPEECH_VERBS,
  surnameShaped,
  TITLES
} from './cyrillic-words'

interface Word {
  token: NameToken
  lower: string
  stem: string
  /** First word of a sentence, where a capital says nothing. */
  initial: boolean
}

interface Lone {
  word: Word
  titled: boolean
  speech: boolean
}

/** Most words a name has («Владимир Владимирович Путин»); longer pieces are read word by word. */
const MAX_PIECE = 4
/** How far back a title may stand with its complement between («глава МИД России Сергей Лавров»). */
const BACK_SCAN = 6
const SENTENCE_END = /[.!?…\n]/
const OPENERS = /[\s«"„“(—–-]/

function startsSentence(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && OPENERS.test(text[i]!)) {
    if (text[i] === '\n') return true
    i--
  }
  return i < 0 || SENTENCE_END.test(text[i]!)
}

const adjectiveShaped = (word: Word): boolean => /(?:ая|ый|ий|ое|ой|ые|ого|ую|ых|ым|ої|ій)$/.test(word.lower)
const endsInConsonant = (word: Word): boolean => !/[аеиоуыэюяіїєьй]$/.test(word.lower)
/** «Франции», «Аргентины»: a genitive place left before a name after a title. */
const genitiveShaped = (word: Word): boolean => word.lower.length >= 4 && /(?:ии|ы)$/.test(word.lower) && !surnameShaped(word.token.text)

/** «Ким Чен Ын», «Си Цзиньпин»: a Korean or Chinese name, surname first, in Cyrillic. */
const eastAsian = (piece: readonly Word[]): boolean =>
  piece.length >= 2 && piece.length <= 3 && EAST_ASIAN_SURNAMES.has(piece[0]!.lower) && piece.slice(1).every((word) => word.lower.length <= 8 && !PLACES.has(word.stem))

class CyrillicReader {
  readonly found: NameSpan[] = []
  readonly #surnames = new Set<string>()
  readonly #lone: Lone[] = []
  readonly #words: Word[]

  constructor(
    private readonly text: string,
    tokens: readonly NameToken[]
  ) {
    this.#words = tokens
      .filter((token) => isCyrillic(token.text))
      .map((token) => ({ token, lower: cyrillicLower(token.text), stem: cyrillicStem(token.text), initial: startsSentence(text, token.start) }))
  }

  read(): NameSpan[] {
    const words = this.#words
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.token.cap) continue
      let end = i + 1
      while (end < words.length && words[end]!.token.cap && this.#joined(end - 1) && end - i < 8) end++
      this.#readRun(i, end)
      i = end - 1
    }
    this.#settleLone()
    return this.found
  }

  #joined(index: number): boolean {
    const word = this.#words[index]
    const next = this.#words[index + 1]
    return word !== undefined && next !== undefined && blankBetween(this.text, word.token.rawEnd, next.token.start)
  }

  #placeLength(at: number, end: number): number {
    for (let length = Math.min(3, end - at); length >= 1; length--) {
      const phrase = this.#words.slice(at, at + length).map((word) => word.stem).join(' ')
      if (PLACES.has(phrase) || (length === 1 && NON_ORG_ACRONYMS.has(phrase))) return length
    }
    return 0
  }

  #knownOrgLength(at: number, end: number): number {
    for (let length = Math.min(3, end - at); length >= 1; length--) {
      if (KNOWN_ORGS.has(this.#words.slice(at, at + length).map((word) => word.stem).join(' '))) return length
    }
    return 0
  }

  /** A title stands shortly before `index`, with only its complement between («глава МИД России»). */
  #titleBefore(index: number): boolean {
    for (let j = index - 1; j >= 0 && index - j <= BACK_SCAN; j--) {
      const word = this.#words[j]!
      if (!this.#joined(j)) return false
      if (TITLES.has(word.stem)) return true
      if (word.token.cap) {
        const complement = word.token.allCaps || PLACES.has(word.stem) || PLACE_ADJECTIVES.has(word.stem) || KNOWN_ORGS.has(word.stem) || ORG_HEADS.has(word.stem)
        if (complement) continue
        return false
      }
      if (CLAUSE_WORDS.has(word.lower) || SPEECH_VERBS.has(word.lower) || looksLikeVerb(word.lower)) return false
    }
    return false
  }

  #speechAt(index: number, neighbour: number): boolean {
    const other = this.#words[neighbour]
    if (other === undefined || !SPEECH_VERBS.has(other.lower)) return false
    return this.#joined(Math.min(index, neighbour))
  }

  #emit(from: number, to: number, kind: NameSpan['kind']): void {
    this.found.push({ start: this.#words[from]!.token.start, end: this.#words[to - 1]!.token.end, kind })
  }

  /** An all-caps word: an organisation such as «ТАСС» or «НАТО», unless it is a place, a dateline or a shouted line. */
  #readAcronym(index: number, shouted: boolean): void {
    const word = this.#words[index]!
    const letters = word.lower.replace(/[^\p{L}]/gu, '').length
    if (letters < 2 || NON_ORG_ACRONYMS.has(word.lower)) return
    const known = KNOWN_ORGS.has(word.stem)
    if (!known && (shouted || letters > 4 || /^,\s*\d/.test(this.text.slice(word.token.rawEnd, word.token.rawEnd + 4)))) return
    this.#emit(index, index + 1, 'organization')
  }

  /** «Совет Федерации», «Государственная Дума»: an organisation word heading (or closing) the run. Length, or 0. */
  #orgLength(at: number, end: number): number {
    const words = this.#words
    let head = at
    if (adjectiveShaped(words[at]!) && at + 1 < end && ORG_HEADS.has(words[at + 1]!.stem)) head = at + 1
    else if (!ORG_HEADS.has(words[at]!.stem)) return 0
    let last = head + 1
    while (last < end && last - at < MAX_PIECE) {
      const word = words[last]!
      if (TITLES.has(word.stem) || DATE_WORDS.has(word.stem) || GIVEN_NAMES.has(word.stem) || SENTENCE_WORDS.has(word.lower)) break
      last++
      // «Банк России»: a place closes the name.
      if (PLACES.has(word.stem) || word.token.allCaps) break
    }
    return last - at
  }

  /** «Министерство обороны России»: an organisation word followed by its lower-case complement. End index, or 0. */
  #orgComplementEnd(head: number): number {
    let end = head + 1
    let lower = 0
    while (lower < 3 && this.#joined(end - 1)) {
      const word = this.#words[end]!
      if (word.token.cap || CLAUSE_WORDS.has(word.lower) || SPEECH_VERBS.has(word.lower) || looksLikeVerb(word.lower)) break
      end++
      lower++
    }
    if (lower === 0) return 0
    const place = this.#words[end]
    if (place !== undefined && this.#joined(end - 1) && (place.token.allCaps || PLACES.has(place.stem))) end++
    return end
  }

  #readRun(first: number, end: number): void {
    const words = this.#words
    let titled = this.#titleBefore(first)
    const shouted = words.slice(first, end).filter((word) => word.token.allCaps).length >= 3
    let piece: number[] = []
    let pieceTitled = false
    const flush = (): void => {
      if (piece.length === 0) return
      const speechBefore = piece[0] === first && this.#speechAt(first, first - 1)
      const speechAfter = piece[piece.length - 1] === end - 1 && this.#speechAt(end - 1, end)
      if (this.#readPiece(piece, pieceTitled, speechBefore, speechAfter)) titled = false
      piece = []
    }
    for (let k = first; k < end; k++) {
      const word = words[k]!
      const known = this.#knownOrgLength(k, end)
      const place = known > 0 ? 0 : this.#placeLength(k, end)
      if (known > 0 || place > 0) {
        flush()
        if (known > 0) this.#emit(k, k + known, 'organization')
        k += Math.max(known, place) - 1
        continue
      }
      if (word.token.allCaps) {
        flush()
        this.#readAcronym(k, shouted)
        continue
      }
      const org = this.#orgLength(k, end)
      if (org > 1 || (org === 1 && k === end - 1)) {
        flush()
        const orgEnd = org > 1 ? k + org : this.#orgComplementEnd(k)
        if (orgEnd > 0) this.#emit(k, orgEnd, 'organization')
        k += org - 1
        continue
      }
      if (TITLES.has(word.stem)) {
        flush()
        titled = true
        continue
      }
      if (org === 1 || DATE_WORDS.has(word.stem) || SENTENCE_WORDS.has(word.lower) || PLACE_ADJECTIVES.has(word.stem)) {
        flush()
        titled = false
        continue
      }
      if (piece.length === 0) pieceTitled = titled
      piece.push(k)
    }
    flush()
  }

  /** Decides a piece with nothing left to cut; true when it was a person. */
  #readPiece(indexes: readonly number[], titled: boolean, speechBefore: boolean, speechAfter: boolean): boolean {
    let piece = indexes.map((index) => this.#words[index]!)
    let at = indexes[0]!
    const given = piece.findIndex((word, i) => GIVEN_NAMES.has(word.stem) || (i === 0 && eastAsian(piece)))
    if (given > 0 && piece.length <= MAX_PIECE + 1) {
      // «Зиновьев Георгий» is a surname first; «Переговоры Владимира Путина» starts at the given name.
      const surnameFirst = given === 1 && surnameShaped(piece[0]!.token.text) && (piece.length === 2 || isPatronymic(piece[2]!.token.text))
      if (!surnameFirst) {
        piece.slice(0, given).forEach((word, i) => this.#lone.push({ word, titled: titled && i === 0, speech: speechBefore && i === 0 }))
        piece = piece.slice(given)
        at += given
        titled = false
        speechBefore = false
      }
    }
    const last = piece[piece.length - 1]!
    const speech = (speechBefore || speechAfter) && surnameShaped(last.token.text)
    const person = piece.length >= 2 && piece.length <= MAX_PIECE && (given >= 0 || piece.some((word) => isPatronymic(word.token.text)) || titled || speech)
    if (!person) {
      piece.forEach((word, i) => this.#lone.push({ word, titled: titled && i === 0, speech: (speechBefore && i === 0) || (speechAfter && i === piece.length - 1) }))
      return false
    }
    if (given < 0) {
      while (piece.length > 2 && genitiveShaped(piece[0]!)) {
        piece = piece.slice(1)
        at++
      }
    }
    const surname = isPatronymic(last.token.text) || GIVEN_NAMES.has(last.stem) || eastAsian(piece) ? piece[0]! : last
    this.#surnames.add(surname.stem)
    this.#emit(at, at + piece.length, 'person')
    return true
  }

  /** Lone words are surnames when the text names the person in full, or a title or verb of saying vouches for them. */
  #settleLone(): void {
    const vouched = (lone: Lone): boolean => {
      const { word } = lone
      if (lone.titled && !word.initial && (surnameShaped(word.token.text) || endsInConsonant(word))) return true
      return lone.speech && surnameShaped(word.token.text)
    }
    for (const lone of this.#lone) if (vouched(lone)) this.#surnames.add(lone.word.stem)
    for (const lone of this.#lone) {
      if (lone.word.token.text.length < 2 || !this.#surnames.has(lone.word.stem)) continue
      this.found.push({ start: lone.word.token.start, end: lone.word.token.end, kind: 'person' })
    }
  }
}

/** People and organisations named in the Cyrillic words of `text` (tokens from name-tokens). */
export function cyrillicNames(text: string, tokens: readonly NameToken[]): NameSpan[] {
  return new CyrillicReader(text, tokens).read()
}
