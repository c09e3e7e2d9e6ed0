// Which pairs of quotations are worth comparing: a blocking index from content stems to the
// quotations and parts holding them, so a library of thousands of quotes is never compared
// all pairs against all (a quote reworded with a synonym or two still shares most stems).
import type { LedgerQuote } from './group-quotes'
import { containsWords, MIN_CONTENT_FOR_FUZZY, MIN_COVERAGE, type Matchable } from './quote-match'
import { lowerBound } from '../../search/lower-bound'

/** A word in more quotes than this says nothing about which quotes match. */
const MAX_POSTINGS = 400

interface Unit {
  owner: number
  /** Index in its owner's units (0 = the whole quotation). */
  position: number
  matchable: Matchable
  stems: string[]
  /** Stems found in few enough quotes to find candidates by. */
  usable: number
}

/** Two quotations worth comparing, and which of their units (whole = 0, then parts) to compare. */
export interface Candidate {
  a: number
  b: number
  units: [number, number][]
}

function unitStems(unit: Matchable): string[] {
  return [...new Set(unit.words.filter((word) => word.content).map((word) => word.stem))]
}

function post(postings: Map<string, number[]>, stem: string, id: number): void {
  const list = postings.get(stem)
  if (list === undefined) postings.set(stem, [id])
  else if (list.at(-1) !== id) list.push(id)
}

class Candidates {
  readonly #byPair = new Map<number, Candidate>()
  add(ownerX: number, positionX: number, ownerY: number, positionY: number): void {
    const swap = ownerY < ownerX
    const a = swap ? ownerY : ownerX
    const b = swap ? ownerX : ownerY
    const unitPair: [number, number] = swap ? [positionY, positionX] : [positionX, positionY]
    const key = a * 0x100000 + b
    const found = this.#byPair.get(key)
    if (found === undefined) this.#byPair.set(key, { a, b, units: [unitPair] })
    else if (!found.units.some(([p, q]) => p === unitPair[0] && q === unitPair[1])) found.units.push(unitPair)
  }
  list(): Candidate[] {
    return [...this.#byPair.values()]
  }
}

/** Pairs of representatives (a < b, indices into `quotes`) sharing enough content words in some unit. */
export function candidatePairs(quotes: readonly LedgerQuote[], representatives: readonly number[]): Candidate[] {
  const units: Unit[] = []
  const phrases: Unit[] = []
  const postings = new Map<string, number[]>()
  for (const owner of representatives) {
    quotes[owner]!.units.forEach((matchable, position) => {
      const unit: Unit = { owner, position, matchable, stems: unitStems(matchable), usable: 0 }
      if (matchable.content < MIN_CONTENT_FOR_FUZZY) phrases.push(unit)
      else {
        for (const stem of unit.stems) post(postings, stem, units.length)
        units.push(unit)
      }
    })
  }
  // Words too common to find candidates by are left out of the count the candidates must reach.
  for (const unit of units) unit.usable = unit.stems.filter((stem) => postings.get(stem)!.length <= MAX_POSTINGS).length
  const candidates = new Candidates()
  // Stems shared with each later unit, counted in an array (a Map here was most of a library's grouping time);
  // `touched` keeps the units in the order first met, which the candidates' order depends on.
  const shared = new Int32Array(units.length)
  const touched: number[] = []
  const owners = Int32Array.from(units, (unit) => unit.owner)
  units.forEach((unit, id) => {
    touched.length = 0
    for (const stem of unit.stems) {
      const list = postings.get(stem)!
      if (list.length > MAX_POSTINGS) continue
      // Lists hold unit ids in ascending order: only the later units are this one's to pair.
      for (let at = lowerBound(list, id + 1); at < list.length; at++) {
        const other = list[at]!
        if (owners[other] === unit.owner) continue
        if (shared[other] === 0) touched.push(other)
        shared[other]! += 1
      }
    }
    for (const other of touched) {
      const count = shared[other]!
      shared[other] = 0
      const pair = units[other]!
      const smaller = Math.min(unit.usable, pair.usable)
      if (count >= Math.min(2, smaller) && count >= smaller * MIN_COVERAGE - 1e-9) candidates.add(unit.owner, unit.position, pair.owner, pair.position)
    }
  })
  addPhraseCandidates(phrases, units, postings, candidates)
  return candidates.list()
}

/**
 * A phrase of fewer than three content words matches only by being contained word for word
 * ("went too far"): it is compared only with the units that hold it, found under its rarest word.
 */
function addPhraseCandidates(phrases: readonly Unit[], units: readonly Unit[], postings: Map<string, number[]>, candidates: Candidates): void {
  const phrasePostings = new Map<string, number[]>()
  phrases.forEach((phrase, id) => {
    for (const stem of phrase.stems) post(phrasePostings, stem, id)
  })
  const size = (stem: string) => (postings.get(stem)?.length ?? 0) + (phrasePostings.get(stem)?.length ?? 0)
  for (const phrase of phrases) {
    let rarest: string | null = null
    for (const stem of phrase.stems) if (rarest === null || size(stem) < size(rarest)) rarest = stem
    if (rarest === null) continue
    const words = phrase.matchable.words
    const check = (holder: Unit) => {
      const held = holder.matchable.words
      if (holder.owner !== phrase.owner && held.length > words.length && containsWords(held, words)) {
        candidates.add(phrase.owner, phrase.position, holder.owner, holder.position)
      }
    }
    for (const id of postings.get(rarest) ?? []) check(units[id]!)
    for (const id of phrasePostings.get(rarest) ?? []) check(phrases[id]!)
  }
}
