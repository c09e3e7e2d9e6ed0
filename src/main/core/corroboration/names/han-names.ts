// Finds people and organisations in Chinese text, which has neither capitals nor spaces: a
// name is a known surname plus one or two characters right after a title («国家主席习近平»)
// or right before a title or a verb of saying («王毅表示»), a run of transliteration
// characters after a title («总统普京»), or parts joined by a middle dot («埃尔多安»).
import type { NameSpan } from './name-scripts'
import { AFTER_NAME, COMPOUND_SURNAMES, NOT_GIVEN, ORGS, SPEECH, SURNAMES, TITLES_AFTER, TITLES_BEFORE, TRANSLITERATION } from './han-words'

const HAN = /\p{Script=Han}/u
const TITLE_BEFORE = new RegExp(TITLES_BEFORE.join('|'), 'gu')
const BEFORE_WORDS = new RegExp([...SPEECH, ...TITLES_AFTER].sort((a, b) => b.length - a.length).join('|'), 'gu')
const DOTS = /[·•・‧]/u
const ENUMERATORS = '、和与同及'
const MAX_FOREIGN = 8
/** Longest part of a dotted name read («弗拉基米尔»); a bound that keeps the scan linear. */
const MAX_PART = 12

class HanReader {
  readonly found: NameSpan[] = []
  readonly #names = new Set<string>()

  constructor(private readonly text: string) {}

  read(): NameSpan[] {
    this.#afterTitles()
    this.#beforeWords()
    this.#dotted()
    this.#recurring()
    for (const org of ORGS) {
      // «外交部长» is a minister, not the ministry.
      for (const at of this.#occurrences(org)) if (this.text[at + org.length] !== '长') this.found.push({ start: at, end: at + org.length, kind: 'organization' })
    }
    return this.found
  }

  #occurrences(word: string): number[] {
    const at: number[] = []
    for (let i = this.text.indexOf(word); i >= 0; i = this.text.indexOf(word, i + word.length)) at.push(i)
    return at
  }

  #isHan(at: number): boolean {
    return at >= 0 && at < this.text.length && HAN.test(this.text[at]!)
  }

  /** A name may end at `at`: punctuation, another script, a verb of saying, a preposition, a title. */
  #endsAt(at: number): boolean {
    if (!this.#isHan(at)) return true
    return AFTER_NAME.some((word) => this.text.startsWith(word, at)) || TITLES_AFTER.some((word) => this.text.startsWith(word, at))
  }

  /** A name may start at `at`: punctuation or another script before it, a list, or a title. */
  #startsAt(at: number): boolean {
    if (!this.#isHan(at - 1) || ENUMERATORS.includes(this.text[at - 1]!)) return true
    return TITLES_BEFORE.some((title) => this.text.slice(at - title.length, at) === title)
  }

  /** Surname plus given name at `start` of exactly `length` characters, by shape alone. */
  #nativeShape(start: number, length: number): boolean {
    const name = this.text.slice(start, start + length)
    if (name.length !== length) return false
    const surname = COMPOUND_SURNAMES.has(name.slice(0, 2)) && length >= 3 ? 2 : SURNAMES.has(name[0]!) ? 1 : 0
    const given = [...name.slice(surname)]
    // «李在明» keeps its «在»; «王毅表» and «李强在» end on a word that follows a name.
    return surname > 0 && given.length >= 1 && given.length <= 2 && given.every((char) => HAN.test(char)) && !NOT_GIVEN.has(given[given.length - 1]!)
  }

  #add(start: number, end: number): void {
    this.#names.add(this.text.slice(start, end))
    this.found.push({ start, end, kind: 'person' })
  }

  /** «国家主席习近平», «外交部长王毅», «总统普京». */
  #afterTitles(): void {
    for (const match of this.text.matchAll(TITLE_BEFORE)) {
      const at = match.index + match[0].length
      const native = [4, 3, 2].find((length) => this.#nativeShape(at, length) && this.#endsAt(at + length))
      if (native !== undefined) {
        this.#add(at, at + native)
        continue
      }
      let run = at
      while (run < this.text.length && run - at < MAX_FOREIGN && TRANSLITERATION.has(this.text[run]!)) run++
      if (DOTS.test(this.text[run] ?? '')) continue
      // The whole run of transliteration letters, unless a shorter cut ends where a name may end.
      let end = run
      while (end - at > 2 && !this.#endsAt(end)) end--
      if (!this.#endsAt(end)) end = run
      if (end - at >= 2) this.#add(at, end)
    }
  }

  /** «王毅表示», «习近平主席»: a name standing alone before a verb of saying or a title. */
  #beforeWords(): void {
    for (const match of this.text.matchAll(BEFORE_WORDS)) {
      const length = [4, 3, 2].find((candidate) => this.#nativeShape(match.index - candidate, candidate) && this.#startsAt(match.index - candidate))
      if (length !== undefined) this.#add(match.index - length, match.index)
    }
  }

  /** The run of Chinese characters ending before `end` (`step` -1) or starting at `start` (`step` 1), at most MAX_PART long. */
  #hanRun(from: number, step: 1 | -1): number {
    let at = from
    while (Math.abs(at - from) < MAX_PART && this.#isHan(step === 1 ? at : at - 1)) at += step
    return at
  }

  /** «雷杰普·塔伊普·埃尔多安»: transliterated parts joined by a middle dot, cut to the letters that spell names. */
  #dotted(): void {
    const text = this.text
    for (let dot = 0; dot < text.length; dot++) {
      if (!DOTS.test(text[dot]!)) continue
      const chainStart = this.#hanRun(dot, -1)
      if (chainStart === dot) continue
      const parts = [text.slice(chainStart, dot)]
      let end = dot
      while (DOTS.test(text[end] ?? '')) {
        const next = this.#hanRun(end + 1, 1)
        if (next === end + 1) break
        parts.push(text.slice(end + 1, next))
        end = next
      }
      dot = end
      if (parts.length < 2) continue
      const first = parts[0]!
      const last = parts[parts.length - 1]!
      let head = first.length
      while (head > 0 && first.length - head < 6 && TRANSLITERATION.has(first[head - 1]!)) head--
      let tail = 0
      while (tail < last.length && tail < 6 && TRANSLITERATION.has(last[tail]!)) tail++
      const middle = parts.slice(1, -1).every((part) => part.length <= 6 && [...part].every((char) => TRANSLITERATION.has(char)))
      if (head === first.length || tail === 0 || !middle) continue
      this.#add(chainStart + head, end - (last.length - tail))
      if (tail >= 2) this.#names.add(last.slice(0, tail))
    }
  }

  /** Names found once, met again; a two-character name only where a name may end. One pass over the text. */
  #recurring(): void {
    if (this.#names.size === 0) return
    const lengths = [...new Set([...this.#names].map((name) => name.length))].sort((a, b) => b - a)
    for (let at = 0; at < this.text.length; at++) {
      if (!this.#isHan(at)) continue
      const length = lengths.find((candidate) => this.#names.has(this.text.slice(at, at + candidate)))
      if (length === undefined || (length < 3 && !this.#endsAt(at + length))) continue
      this.found.push({ start: at, end: at + length, kind: 'person' })
      at += length - 1
    }
  }
}

/** People and organisations named in the Chinese characters of `text`. */
export function hanNames(text: string): NameSpan[] {
  return new HanReader(text).read()
}
