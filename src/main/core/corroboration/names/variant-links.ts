// Finds pairs of person names that may be one person in different romanisations, without
// comparing every name with every other: names meet only in a block of names sharing the coarse
// consonants of their first and last words, or of all their words written together.
import { nameForm, type FormWord, type NameForm } from './latin-name-form'
import { showsRomanisation } from './romanisation-signs'
import { matchVariants } from './variant-match'
import { boundedEditDistance } from '../../../../shared/search/edit-distance'

export interface VariantLink {
  a: string
  b: string
  confidence: number
  reason: string
}

/** At or above: joined without asking. Below, down to the floor: proposed to the user. */
export const AUTO_JOIN = 0.75
export const PROPOSAL_FLOOR = 0.55
/**
 * Taken off the matcher's confidence when neither name shows a sign of romanisation: in English
 * names a vowel or a sound class apart are usually other people (Tom / Tim Brady, John Carr /
 * John Kerr), so only a near-identical pair is joined and the rest are at most proposed.
 */
const UNROMANISED_DOUBT = 0.15
/** A block this large is a common name shared by many people (Muhammad …, Kim …): its pairs are not compared. */
const MAX_BLOCK = 250
/** Pairs compared at most in one grouping (about a second): a library of ~8,000 person names needs ~30,000. */
const MAX_COMPARISONS = 150_000

function blockKeys(form: NameForm): string[] {
  const words = form.words
  const all = words.map((word) => word.coarse).join('')
  if (words.length < 2) return all.length >= 3 ? [`a:${all}`] : []
  const first = words[0]!.coarse
  const last = words[words.length - 1]!.coarse
  // The surname with the given name's first sound: given names vary most between romanisations
  // (Sergey / Serhiy, Hafiz / Hafidh, Igor / Ihor) but seldom in their first sound.
  const keys = [`w:${first}|${last}`, `a:${all}`, `l:${last}|${words[0]!.initial}`]
  // A name of three words or more and the same name with its last word (a nisba) left out.
  if (words.length >= 3) keys.push(`f:${first}|${words[1]!.coarse}|${words[2]!.coarse}`)
  // Ukrainian writes h for Russian g (Hordiyenko / Gordienko): the surname's consonants without either.
  const loose = (word: FormWord): string => word.coarse.length === 0 ? '' : word.skeleton.replace(/[gh]/g, '')
  keys.push(`h:${loose(words[words.length - 1]!)}|${loose(words[0]!).slice(0, 1)}`)
  // Korean given names are written joined, split or hyphenated: the surname and the given name's consonants.
  if (form.korean) keys.push(`k:${first}|${words.slice(1).map((word) => word.coarse).join('')}`)
  // A key of one consonant class says too little to block on.
  return keys.filter((key) => key.replace(/^\w:|\|/g, '').length >= 3)
}

/**
 * A cheap test before the full comparison: the names' consonant classes, all words together,
 * differ in at most 60 % of the longer, plus one (a left-out middle name stays within it).
 */
function roughlyAlike(a: NameForm, b: NameForm): boolean {
  const [x, y] = [a.words.map((word) => word.coarse).join(''), b.words.map((word) => word.coarse).join('')]
  const allowed = Math.floor(Math.max(x.length, y.length) * 0.6 + 1)
  return boundedEditDistance(x, y, allowed) <= allowed
}

type Links = { links: VariantLink[]; forms: Map<string, NameForm> }

/**
 * The last library's links, by the names they were found among: a reporter's decision regroups
 * the names but changes none of them, so answering a proposal does not compare them all again.
 */
let last: { signature: string; result: Links } | null = null

/** Links between `names` (variant key → a spelling of it) with a confidence at or above the proposal floor, and each name's form. */
export function variantLinks(names: ReadonlyMap<string, string>): Links {
  let signature = ''
  for (const [key, text] of names) signature += `${key}\u0000${text}\u0001`
  if (last?.signature !== signature) last = { signature, result: findLinks(names) }
  return last.result
}

function findLinks(names: ReadonlyMap<string, string>): Links {
  const forms = new Map<string, NameForm>()
  const romanised = new Set<string>()
  const blocks = new Map<string, string[]>()
  for (const [key, text] of names) {
    const form = nameForm(text)
    forms.set(key, form)
    if (showsRomanisation(text, form.korean)) romanised.add(key)
    for (const block of blockKeys(form)) {
      const members = blocks.get(block)
      if (members === undefined) blocks.set(block, [key])
      else members.push(key)
    }
  }
  const links: VariantLink[] = []
  const seen = new Set<string>()
  // Smallest blocks first, so that when a huge library runs out of the budget it is the
  // commonest (least telling) blocks that go unread.
  const ordered = [...blocks.values()].filter((members) => members.length >= 2 && members.length <= MAX_BLOCK).sort((x, y) => x.length - y.length)
  let budget = MAX_COMPARISONS
  for (const members of ordered) {
    if (budget <= 0) break
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = members[i]! < members[j]! ? [members[i]!, members[j]!] : [members[j]!, members[i]!]
        const pair = `${a}\u0000${b}`
        if (seen.has(pair)) continue
        seen.add(pair)
        budget--
        const [formA, formB] = [forms.get(a)!, forms.get(b)!]
        if (!roughlyAlike(formA, formB)) continue
        const match = matchVariants(formA, formB)
        if (match === null) continue
        const doubt = romanised.has(a) || romanised.has(b) ? 0 : UNROMANISED_DOUBT
        const confidence = Math.round((match.confidence - doubt) * 1000) / 1000
        if (confidence < PROPOSAL_FLOOR) continue
        links.push({ a, b, confidence, reason: doubt > 0 ? `${match.reason}; no sign of another script` : match.reason })
      }
    }
  }
  links.sort((x, y) => y.confidence - x.confidence || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1))
  return { links, forms }
}
