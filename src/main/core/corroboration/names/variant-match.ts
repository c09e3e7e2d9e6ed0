// How likely two Latin spellings name one person in different romanisations, with a reason in
// words. Words are aligned in order (two words may stand for one written joined: "Abdul Rahman" /
// "Abdulrahman"); each pair costs a weighted edit distance where vowels, sound-class neighbours
// (k/g, s/z, t/d, p/b/f) and a dropped h, v or y cost little and any other consonant a lot.
import type { FormWord, NameForm } from './latin-name-form'
import { isVowel, wordDistance } from './sound-distance'

export interface VariantMatch {
  /** 0–1. */
  confidence: number
  reason: string
}

interface Step {
  cost: number
  hard: number
  joined: number
  skipped: number
  /** Word pairs whose consonants agree once sound classes apply, but vowels differ. */
  vowels: number
  /** The largest cost of one word pair per letter: a short word changed is another name (Rami / Rima). */
  worst: number
  /** Word pairs with a consonant changed outright and much else besides: two different names (Nikolaevich / Anatolyevich). */
  mismatched: number
  /** Word pairs spelled differently at all. */
  changed: number
}

const NONE: Step = { cost: Infinity, hard: Infinity, joined: 0, skipped: 0, vowels: 0, worst: 0, mismatched: 0, changed: 0 }
const better = (p: Step, q: Step): Step => (q.cost < p.cost || (q.cost === p.cost && q.hard < p.hard) ? q : p)
const plus = (step: Step, cost: number, hard: number, extra: Partial<Step>): Step => ({
  cost: step.cost + cost,
  hard: step.hard + hard,
  joined: step.joined + (extra.joined ?? 0),
  skipped: step.skipped + (extra.skipped ?? 0),
  vowels: step.vowels + (extra.vowels ?? 0),
  worst: Math.max(step.worst, extra.worst ?? 0),
  mismatched: step.mismatched + (extra.mismatched ?? 0),
  changed: step.changed + (cost > 0 ? 1 : 0)
})

/** Dropping a word: a middle name costs less than the first or last (Ali / Uday Saddam Hussein stay apart). */
const SKIP_MIDDLE = 1.1

function pairCost(x: FormWord, y: FormWord, korean: boolean, given = false): { cost: number; hard: number; vowels: number; worst: number; mismatched: number } {
  const distance = wordDistance(x.sound, y.sound, korean)
  const hard = distance.hard
  // "Akbar" / "Ghabra": a word starting on a vowel in one spelling and a consonant in the other is
  // another name; so is a short one ending so ("Rian" / "Rani"; a final h aside: Hawatma / Hawatmeh).
  const short = Math.min(x.sound.length, y.sound.length) <= 5
  const vowelAt = (word: string, at: number): boolean => isVowel(word.at(at) ?? '')
  const ends = (word: string): boolean => vowelAt(word, -1) || (word.endsWith('h') && vowelAt(word, -2))
  const shape = (vowelAt(x.sound, 0) !== vowelAt(y.sound, 0) ? 0.4 : 0) + (short && !korean && ends(x.sound) !== ends(y.sound) ? 0.4 : 0)
  const cost = distance.cost + (x.sound === y.sound ? 0 : shape)
  const shorter = Math.max(1, Math.min(x.sound.length, y.sound.length))
  // "Rami" / "Rima": a short word with every vowel changed is another name, whatever its consonants.
  const [vowelsX, vowelsY] = [x.sound.replace(/[^aeiou]/g, ''), y.sound.replace(/[^aeiou]/g, '')]
  const swapped = shorter <= 5 && vowelsX.length >= 2 && vowelsX.length === vowelsY.length && [...vowelsX].every((vowel, index) => vowel !== vowelsY[index])
  return {
    cost,
    hard,
    vowels: cost > 0 && x.skeleton === y.skeleton ? 1 : 0,
    // Korean syllables are all short: only a syllable changed through and through counts against.
    worst: Math.max(0, cost / shorter - (korean ? 0.1 : 0) - (shorter > 4 ? 0.05 : 0)),
    // Two surnames the English lexicon knows, spelled apart, are two families (Davies / Davis).
    mismatched: swapped || (!korean && genderedForms(x.sound, y.sound, given)) || (hard > 0 && cost / shorter > 0.15) || (cost > 0 && x.known !== null && y.known !== null && (x.known === 'surname' || y.known === 'surname')) ? 1 : 0
  }
}

/**
 * A man's and a woman's form of one name (Daniel / Daniela, Ivanov / Ivanova, Aleksandr /
 * Aleksandra; as given names also Mario / Maria): two people, often of one family in one
 * story, not two spellings. A final a/o elsewhere is romanisation (Lukashenko / Lukashenka).
 */
function genderedForms(x: string, y: string, given: boolean): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  if (short.length >= 4 && long === `${short}a`) return true
  const ends = [x.at(-1), y.at(-1)]
  return given && x.length === y.length && x.length >= 4 && x.slice(0, -1) === y.slice(0, -1) && ends.includes('a') && ends.includes('o')
}

const joinedWord = (x: FormWord, y: FormWord): FormWord => ({ sound: x.sound + y.sound, skeleton: x.skeleton + y.skeleton, coarse: x.coarse + y.coarse, initial: x.initial, known: null })

type PairCost = ReturnType<typeof pairCost>

/**
 * Word-pair costs the alignments ask for, measured once each and only when asked: single words,
 * and two words of one name joined against one of the other. Joining pays only in the name with
 * more words ("Abdul Rahman" / "Abdulrahman"), so the other side's joins are never measured.
 */
class Costs {
  readonly #pair = new Map<number, PairCost>()
  constructor(
    private readonly a: readonly FormWord[],
    private readonly b: readonly FormWord[],
    private readonly korean: boolean
  ) {}

  #get(kind: number, i: number, j: number, measure: () => PairCost): PairCost {
    const key = (kind * 64 + i) * 64 + j
    let cost = this.#pair.get(key)
    if (cost === undefined) {
      cost = measure()
      this.#pair.set(key, cost)
    }
    return cost
  }

  pair(i: number, j: number): PairCost {
    return this.#get(0, i, j, () => pairCost(this.a[i]!, this.b[j]!, this.korean, i === 0 && j === 0))
  }

  /** a[i] + a[i + 1] against b[j]; null when a has no more words than b. */
  joinedA(i: number, j: number): PairCost | null {
    if (this.a.length <= this.b.length) return null
    return this.#get(1, i, j, () => pairCost(joinedWord(this.a[i]!, this.a[i + 1]!), this.b[j]!, this.korean))
  }

  /** a[i] against b[j] + b[j + 1]; null when b has no more words than a. */
  joinedB(i: number, j: number): PairCost | null {
    if (this.b.length <= this.a.length) return null
    return this.#get(2, i, j, () => pairCost(this.a[i]!, joinedWord(this.b[j]!, this.b[j + 1]!), this.korean))
  }
}

/** Words aligned in order; `skipIn` says which name may leave middle words out (one only: two names each missing a word are two people). */
function align(a: readonly FormWord[], b: readonly FormWord[], costs: Costs, korean: boolean, skipIn: 'a' | 'b'): Step {
  const table: Step[][] = Array.from({ length: a.length + 1 }, () => Array.from({ length: b.length + 1 }, () => NONE))
  table[0]![0] = { cost: 0, hard: 0, joined: 0, skipped: 0, vowels: 0, worst: 0, mismatched: 0, changed: 0 }
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      const here = table[i]![j]!
      if (here.cost === Infinity) continue
      const set = (ni: number, nj: number, step: Step): void => {
        table[ni]![nj] = better(table[ni]![nj]!, step)
      }
      if (i < a.length && j < b.length) {
        const pair = costs.pair(i, j)
        set(i + 1, j + 1, plus(here, pair.cost, pair.hard, { vowels: pair.vowels, worst: pair.worst, mismatched: pair.mismatched }))
        const joinedA = i + 1 < a.length ? costs.joinedA(i, j) : null
        if (joinedA !== null) set(i + 2, j + 1, plus(here, joinedA.cost + 0.1, joinedA.hard, { joined: 1, worst: joinedA.worst, mismatched: joinedA.mismatched }))
        const joinedB = j + 1 < b.length ? costs.joinedB(i, j) : null
        if (joinedB !== null) set(i + 1, j + 2, plus(here, joinedB.cost + 0.1, joinedB.hard, { joined: 1, worst: joinedB.worst, mismatched: joinedB.mismatched }))
      }
      // Only a middle word may be left out: the given name and the surname must both be there.
      // Korean given names are two syllables: one missing is another person (Kim Song Chol / Kim Chol).
      if (korean) continue
      // A last name (a nisba such as "Al-Tikriti") may be left out of a name of three words or more.
      const lastOfA = i === a.length - 1 && j === b.length && b.length >= 3
      const lastOfB = j === b.length - 1 && i === a.length && a.length >= 3
      if (skipIn === 'a' && i > 0 && (i < a.length - 1 || lastOfA)) set(i + 1, j, plus(here, SKIP_MIDDLE, 0, { skipped: 1, mismatched: a[i]!.known === 'word' ? 1 : 0 }))
      if (skipIn === 'b' && j > 0 && (j < b.length - 1 || lastOfB)) set(i, j + 1, plus(here, SKIP_MIDDLE, 0, { skipped: 1, mismatched: b[j]!.known === 'word' ? 1 : 0 }))
    }
  }
  return table[a.length]![b.length]!
}

function reasonOf(step: Step): string {
  const parts: string[] = []
  if (step.hard > 0) parts.push(step.hard === 1 ? 'one consonant differs' : `${step.hard} consonants differ`)
  else if (step.cost - step.skipped * SKIP_MIDDLE - step.joined * 0.1 > 0) parts.push(step.vowels > 0 ? 'same consonants, vowels differ' : 'consonants of one sound class')
  if (step.joined > 0) parts.push('written joined and apart')
  if (step.skipped > 0) parts.push(step.skipped === 1 ? 'one name left out' : `${step.skipped} names left out`)
  return parts.length === 0 ? 'same spelling once romanisation is set aside' : parts.join('; ')
}

/** Same person in another romanisation? Null when the names cannot be aligned at all. */
export function matchVariants(a: NameForm, b: NameForm): VariantMatch | null {
  if (a.words.length === 0 || b.words.length === 0) return null
  const korean = a.korean && b.korean
  const costs = new Costs(a.words, b.words, korean)
  const step = better(align(a.words, b.words, costs, korean, 'a'), align(a.words, b.words, costs, korean, 'b'))
  if (step.cost === Infinity) return null
  const letters = Math.max(1, Math.min(a.words.reduce((n, w) => n + w.sound.length, 0), b.words.reduce((n, w) => n + w.sound.length, 0)))
  // A hard consonant edit weighs more in a short name; a skipped word is a fixed doubt.
  const spelling = (step.cost - step.skipped * SKIP_MIDDLE) / letters
  // Short names leave little to tell people apart by (Omar Hussain / Ammar Hasan): any difference weighs more.
  const shortName = step.cost > 0 ? Math.max(0, (12 - letters) * (korean ? 0.02 : 0.035)) + (step.changed === a.words.length && a.words.length <= 2 ? 0.05 : 0) : 0
  const confidence = Math.max(0, 1 - 2 * spelling - 0.12 * step.skipped - 0.15 * step.hard - 2 * Math.max(0, step.worst - 0.1) - shortName - 0.25 * step.mismatched)
  return { confidence: Math.round(confidence * 1000) / 1000, reason: reasonOf(step) }
}
