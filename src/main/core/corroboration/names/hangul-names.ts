// Finds people and organisations in Korean text, which has no capitals: a name is a known
// surname plus one or two syllables standing before a title («이재명 대통령», «조현 외교부
// 장관»), or a foreign name before a country and a title («푸틴 러시아 대통령»). Once
// found, the same name counts wherever it recurs, particles and all («이재명은»).
import type { NameToken } from './name-tokens'
import { blankBetween, type NameSpan } from './name-scripts'
import {
  COMMON_WORDS,
  COMPOUND_SURNAMES,
  FOREIGN_STOP,
  MODIFIERS,
  NOT_NAME_ENDINGS,
  ORG_ENDINGS,
  ORG_NAME,
  ORGS,
  PARTICLES,
  PLACES,
  SURNAMES,
  TITLE_ENDINGS,
  TITLES
} from './hangul-words'

const HANGUL_ONLY = /^\p{Script=Hangul}+$/u
const HAS_HANGUL = /\p{Script=Hangul}/u
/** Last syllables of particles and verb forms, never of a name read before a title. */
const NOT_NAME_LAST = new Set([...'의는을를에와과로'])
const NOT_FOREIGN_LAST = new Set([...'의는을를에와과로은가도한된던할될난인적'])
const MAX_BETWEEN = 2

/** The word and the word without each particle it may end in: «대통령은» → «대통령은», «대통령». */
function bases(word: string): string[] {
  const found = [word]
  for (const particle of PARTICLES) if (word.length > particle.length + 1 && word.endsWith(particle)) found.push(word.slice(0, -particle.length))
  return found
}

/** «대통령은», «국가안보실장이», «1차관과». */
const isTitle = (word: string): boolean => bases(word.replace(/^\d+/, '')).some((base) => TITLES.has(base) || TITLE_ENDINGS.test(base))
const isOrg = (word: string): string | null => bases(word).find((base) => ORGS.has(base) || ORG_NAME.test(base)) ?? null
const listed = (word: string): boolean => COMMON_WORDS.has(word) || PLACES.has(word) || ORGS.has(word) || MODIFIERS.has(word) || FOREIGN_STOP.has(word) || isTitle(word)

/** The surname of a Korean full name written as one word («이재명» → «이», «남궁민수» → «남궁»), or null. */
export function koreanSurname(word: string): string | null {
  if (!HANGUL_ONLY.test(word) || word.length < 2 || word.length > 4 || listed(word)) return null
  if (NOT_NAME_ENDINGS.test(word) || (word.length >= 3 && NOT_NAME_LAST.has(word[word.length - 1]!))) return null
  const compound = word.slice(0, 2)
  if (word.length >= 3 && COMPOUND_SURNAMES.has(compound)) return compound
  return word.length <= 3 && SURNAMES.has(word[0]!) ? word[0]! : null
}

function foreignShaped(word: string): boolean {
  return HANGUL_ONLY.test(word) && word.length >= 2 && word.length <= 6 && !listed(word) && !NOT_FOREIGN_LAST.has(word[word.length - 1]!)
}

class HangulReader {
  readonly found: NameSpan[] = []
  readonly #words: NameToken[]
  /** Full names as written, Korean («이재명») and foreign surnames («푸틴»). */
  readonly #names = new Set<string>()
  readonly #surnames = new Set<string>()

  constructor(
    private readonly text: string,
    tokens: readonly NameToken[]
  ) {
    this.#words = tokens.filter((token) => HAS_HANGUL.test(token.text))
  }

  read(): NameSpan[] {
    for (let i = 0; i < this.#words.length; i++) if (isTitle(this.#words[i]!.text)) this.#nameBefore(i)
    this.#recurring()
    return this.found
  }

  #joined(index: number): boolean {
    const word = this.#words[index]
    const next = this.#words[index + 1]
    return word !== undefined && next !== undefined && blankBetween(this.text, word.rawEnd, next.start)
  }

  #emit(start: number, end: number, kind: NameSpan['kind']): void {
    this.found.push({ start, end, kind })
  }

  /** Walks back from the title at `title` over modifiers, places and organisations to the name. */
  #nameBefore(title: number): void {
    let between = 0
    let place = false
    for (let n = title - 1; n >= 0 && this.#joined(n) && between <= MAX_BETWEEN; n--) {
      const word = this.#words[n]!.text
      if (MODIFIERS.has(word) || PLACES.has(word) || ORGS.has(word) || ORG_NAME.test(word)) {
        between++
        place ||= PLACES.has(word)
        continue
      }
      const surname = koreanSurname(word)
      if (surname !== null) {
        this.#names.add(word)
        this.#surnames.add(surname)
        this.#emit(this.#words[n]!.start, this.#words[n]!.end, 'person')
        return
      }
      if (ORG_ENDINGS.test(word) && word.length >= 2) {
        between++
        continue
      }
      // «블라디미르 푸틴 러시아 대통령»: a foreign name is trusted only with its country named.
      if (!place || !foreignShaped(word)) return
      const first = n > 0 && this.#joined(n - 1) && foreignShaped(this.#words[n - 1]!.text) ? n - 1 : n
      this.#names.add(word)
      this.#emit(this.#words[first]!.start, this.#words[n]!.end, 'person')
      return
    }
  }

  /** A title right after `index`, or after one modifier («윤 전 대통령»). */
  #titleAfter(index: number): boolean {
    if (!this.#joined(index)) return false
    const next = this.#words[index + 1]!.text
    if (isTitle(next)) return true
    return MODIFIERS.has(next) && this.#joined(index + 1) && isTitle(this.#words[index + 2]!.text)
  }

  /** Names already found, met again («이재명은», «푸틴과»); a surname before a title («이 대통령»); organisations. */
  #recurring(): void {
    const words = this.#words
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      const org = isOrg(word.text)
      if (org !== null) {
        this.#emit(word.start, word.start + org.length, 'organization')
        continue
      }
      const name = bases(word.text).find((base) => this.#names.has(base))
      if (name !== undefined) {
        this.#emit(word.start, word.start + name.length, 'person')
        continue
      }
      const afterName = i > 0 && this.#joined(i - 1) && koreanSurname(words[i - 1]!.text) !== null
      if (this.#surnames.has(word.text) && !afterName && this.#titleAfter(i)) this.#emit(word.start, word.end, 'person')
    }
  }
}

/** People and organisations named in the Hangul words of `text` (tokens from name-tokens). */
export function hangulNames(text: string, tokens: readonly NameToken[]): NameSpan[] {
  return new HangulReader(text, tokens).read()
}
