// Finds people and organisations in Arabic text. With no capitals to go by, a name is read
// only where a title announces it («الرئيس التركي رجب طيب أردوغان»: title, complement, then
// the name up to a function word or a verb) or its own parts show it («محمد بن سلمان»,
// «عبد الله»); once found, it counts wherever it recurs, with or without a clitic («وأردوغان»).
import type { NameToken } from './name-tokens'
import { blankBetween, isArabic, type NameSpan } from './name-scripts'
import {
  AL_SURNAMES,
  arabicFold,
  COMPLEMENT_WORDS,
  CONNECTORS,
  CUES,
  GIVEN_NAMES,
  KNOWN_ORGS,
  ORG_HEADS,
  PLACES,
  STOP_WORDS,
  VERBS
} from './arabic-words'

interface Word {
  token: NameToken
  form: string
}

/** A reading of a word without its leading clitics; `skip` letters of the word were clitics. */
interface Form {
  form: string
  skip: number
}

const ARABIC_ONLY = /^\p{Script=Arabic}+$/u
const MAX_COMPLEMENT = 5
const MAX_NAME = 6

/** «وللرئيس» → «وللرئيس», «للرئيس», «الرئيس»: conjunction, then preposition, peeled off. */
function forms(form: string): Form[] {
  const found: Form[] = [{ form, skip: 0 }]
  if (/^[وف]/.test(form) && form.length > 3) found.push({ form: form.slice(1), skip: 1 })
  for (const reading of [...found]) {
    const rest = reading.form
    // «للأمم» shares its «ل» with the article, so the reading keeps the whole word (nameKey folds it back).
    if (rest.startsWith('لل') && rest.length > 4) found.push({ form: `ال${rest.slice(2)}`, skip: reading.skip })
    else if (/^[بلك]/.test(rest) && rest.length > 3) found.push({ form: rest.slice(1), skip: reading.skip + 1 })
  }
  return found
}

/** Offset in `text` just past its first `letters` letters (marks and tatweel belong to the letter before). */
function letterOffset(text: string, letters: number): number {
  let i = 0
  for (let seen = 0; seen < letters && i < text.length; seen++) {
    i++
    while (i < text.length && /[\p{M}\u0640]/u.test(text[i]!)) i++
  }
  return i
}

const isAl = (form: string): boolean => form.length > 3 && /^(?:[وف]?(?:ال|[بك]ال|لل))/.test(form)
const startsWithConjunction = (form: string): boolean => form.startsWith('و') && form.length > 3 && !GIVEN_NAMES.has(form) && !CONNECTORS.has(form)

/** May this word be part of a person's name (not a function word, verb, place, title or «ال» word)? */
function nameWord(form: string): boolean {
  if (form.length < 2 || !ARABIC_ONLY.test(form) || isAl(form) || startsWithConjunction(form)) return false
  if (STOP_WORDS.has(form) || VERBS.has(form) || PLACES.has(form) || CUES.has(form) || COMPLEMENT_WORDS.has(form) || ORG_HEADS.has(form)) return false
  // «يبحث», «تؤكد», «سيزور»: a verb in the present or future, unless a listed given name.
  return GIVEN_NAMES.has(form) || !(/^[يت]/.test(form) || (/^س[يتن]/.test(form) && form.length >= 4))
}

class ArabicReader {
  readonly found: NameSpan[] = []
  readonly #words: Word[]
  readonly #names: string[][] = []

  constructor(
    private readonly text: string,
    tokens: readonly NameToken[]
  ) {
    this.#words = tokens.filter((token) => isArabic(token.text)).map((token) => ({ token, form: arabicFold(token.text) }))
  }

  read(): NameSpan[] {
    const words = this.#words
    for (let i = 0; i < words.length; i++) {
      const cue = forms(words[i]!.form).find((reading) => CUES.has(reading.form))
      if (cue !== undefined) i = Math.max(i, this.#afterCue(i, cue.form) - 1)
      else if (words[i]!.form === 'بن' && i > 0 && this.#joined(i - 1)) this.#byParts(i - 1, 3)
      else if (words[i]!.form === 'عبد' && isAl(words[i + 1]?.form ?? '')) this.#byParts(i, 2)
    }
    this.#organisations()
    this.#recurring()
    return this.found
  }

  #joined(index: number): boolean {
    const word = this.#words[index]
    const next = this.#words[index + 1]
    return word !== undefined && next !== undefined && blankBetween(this.text, word.token.rawEnd, next.token.start)
  }

  #emit(from: number, to: number, skip: number, kind: NameSpan['kind']): void {
    const first = this.#words[from]!.token
    this.found.push({ start: first.start + letterOffset(first.text, skip), end: this.#words[to - 1]!.token.end, kind })
  }

  /** Index just past the name that starts at `start`: name words joined by «بن», «عبد», «أبو», «آل». */
  #nameEnd(start: number): number {
    let k = start
    while (k < this.#words.length && k - start < MAX_NAME && (k === start || this.#joined(k - 1))) {
      const form = this.#words[k]!.form
      const afterConnector = k > start && CONNECTORS.has(this.#words[k - 1]!.form)
      if (CONNECTORS.has(form) || AL_SURNAMES.has(form) || (afterConnector && isAl(form)) || nameWord(form)) k++
      else break
    }
    while (k > start && CONNECTORS.has(this.#words[k - 1]!.form)) k--
    return k
  }

  /** Does the name ending before `end` stop at a clear boundary (punctuation, a function word, a verb, «و…»)? */
  #boundaryAt(end: number): boolean {
    const next = this.#words[end]
    if (next === undefined || !this.#joined(end - 1)) return true
    return STOP_WORDS.has(next.form) || VERBS.has(next.form) || startsWithConjunction(next.form) || CUES.has(next.form)
  }

  #remember(from: number, to: number): void {
    this.#names.push(this.#words.slice(from, to).map((word) => word.form))
  }

  /** Reads the name a title at `cue` announces; returns the index just past what it read. */
  #afterCue(cue: number, title: string): number {
    const words = this.#words
    let j = cue + 1
    const construct = !title.startsWith('ال')
    if (construct) {
      const next = words[j]?.form ?? ''
      if (!this.#joined(cue) || !(isAl(next) || COMPLEMENT_WORDS.has(next) || PLACES.has(next))) return cue + 1
    }
    for (let skipped = 0; j < words.length && this.#joined(j - 1) && skipped < MAX_COMPLEMENT; skipped++, j++) {
      const form = words[j]!.form
      if (AL_SURNAMES.has(form)) break
      if (!(CUES.has(form) || isAl(form) || COMPLEMENT_WORDS.has(form) || PLACES.has(form))) break
    }
    if (j >= words.length || !this.#joined(j - 1)) return j
    const end = this.#nameEnd(j)
    const length = words.slice(j, end).filter((word) => !CONNECTORS.has(word.form)).length
    if (length === 0 || (length === 1 && (words[j]!.form.length < 3 || !this.#boundaryAt(end)))) return Math.max(j, end)
    this.#remember(j, end)
    this.#emit(j, end, 0, 'person')
    return end
  }

  /** «محمد بن سلمان», «عبد الفتاح السيسي»: a name its own parts vouch for, at least `least` words long. */
  #byParts(start: number, least: number): void {
    if (!nameWord(this.#words[start]!.form) && this.#words[start]!.form !== 'عبد') return
    const end = this.#nameEnd(start)
    if (end - start < least) return
    this.#remember(start, end)
    this.#emit(start, end, 0, 'person')
  }

  #organisations(): void {
    const words = this.#words
    for (let i = 0; i < words.length; i++) {
      for (const reading of forms(words[i]!.form)) {
        let length = 0
        for (let span = 4; span >= 1 && length === 0; span--) {
          const tail = words.slice(i + 1, i + span).map((word) => word.form)
          const joined = tail.every((_, k) => this.#joined(i + k))
          if (i + span <= words.length && joined && KNOWN_ORGS.has([reading.form, ...tail].join(' '))) length = span
        }
        if (length === 0 && ORG_HEADS.has(reading.form)) {
          let end = i + 1
          while (end < words.length && end - i <= 3 && this.#joined(end - 1) && (isAl(words[end]!.form) || KNOWN_ORGS.has(words[end]!.form))) end++
          length = end - i > 1 ? end - i : 0
        }
        if (length > 0) {
          this.#emit(i, i + length, reading.skip, 'organization')
          i += length - 1
          break
        }
      }
    }
  }

  /** Names found once, met again in full or by their last word, clitics and all. */
  #recurring(): void {
    const words = this.#words
    const surnames = new Set(this.#names.map((name) => name.filter((form) => !CONNECTORS.has(form)).pop() ?? ''))
    surnames.delete('')
    // Full names by their first word, each spelling once, longest first.
    const full = new Map<string, string[][]>()
    for (const name of new Map(this.#names.filter((parts) => parts.length > 1).map((parts) => [parts.join(' '), parts])).values()) {
      full.set(name[0]!, [...(full.get(name[0]!) ?? []), name].sort((a, b) => b.length - a.length))
    }
    for (let i = 0; i < words.length; i++) {
      for (const reading of forms(words[i]!.form)) {
        const name = full.get(reading.form)?.find((parts) => parts.every((part, k) => k === 0 || (words[i + k]?.form === part && this.#joined(i + k - 1))))
        const length = name?.length ?? (surnames.has(reading.form) ? 1 : 0)
        if (length === 0) continue
        this.#emit(i, i + length, reading.skip, 'person')
        i += length - 1
        break
      }
    }
  }
}

/** People and organisations named in the Arabic words of `text` (tokens from name-tokens). */
export function arabicNames(text: string, tokens: readonly NameToken[]): NameSpan[] {
  return new ArabicReader(text, tokens).read()
}
