// What corroboration shows the reporter: quotations grouped across sources with their
// wording diffed, person and organisation names grouped by spelling variant, and two or
// more sources aligned sentence by sentence. Offsets are in each source's stored text.
import { z } from 'zod'
import type { AnnotationTarget } from './annotation'

export interface TextSpan {
  start: number
  /** Exclusive. */
  end: number
}

/**
 * One run of a word-level diff of a quote version against its group's reference: added =
 * only this version has it, removed = only the reference has it, extra = the version goes
 * on beyond the passage the reference covers (a longer quotation, not a change of words).
 */
export interface WordDiffPart {
  kind: 'same' | 'added' | 'removed' | 'extra'
  text: string
}

export interface QuoteVersion {
  sourceId: string
  /** Where the quotation is, as an annotation targets a passage: the text it was found in, quote and position selectors. */
  target: AnnotationTarget
  /** The quoted words, quote marks excluded; more than one when attribution interrupts. */
  parts: TextSpan[]
  /** The parts' text joined by a space, as written. */
  text: string
  /** Who the source says spoke, when it says so ("Vladimir Putin"); null if unattributed. */
  speaker: string | null
  /** The attributing words as written ("Putin said", "he stated", "according to Yonhap"). */
  attribution: string | null
  /** This version against the reference; removed = only the reference has it. */
  diff: WordDiffPart[]
  /** The words differ from the reference (case, punctuation, quote marks and brackets aside). */
  differs: boolean
}

export interface QuoteGroupFlags {
  /** No other source carries these words. */
  singleSource: boolean
  wordingDiffers: boolean
  speakerDiffers: boolean
}

/**
 * What a card lists before the reporter asks for more: a quotation reprinted by 2,000 sources,
 * or a name in 40,000, is sent as its counts and these first few (the ledger and the Names tab
 * list hundreds of groups at once). The whole group comes from `quoteGroup` / `nameGroup`.
 */
export const CARD_SOURCES = 12
/** Versions on a quote card: the six a card shows collapsed, with room for the differing ones. */
export const CARD_VERSIONS = 8

export interface QuoteGroup {
  /** Stable while the group's reference wording stays the same. */
  id: string
  /** The wording most sources carry (the longest among equals). */
  reference: string
  /** On a card, the first CARD_SOURCES only (those of its versions first): see sourceCount. */
  sourceIds: string[]
  /** Every source that carries it. */
  sourceCount: number
  speakers: string[]
  /** On a card, at most CARD_VERSIONS: the reference's own version, then those that differ from it, then the rest. */
  versions: QuoteVersion[]
  versionCount: number
  flags: QuoteGroupFlags
  /** Words in the reference; quotes of one or two words are usually scare quotes. */
  words: number
}

export type QuoteLedgerFilter = 'all' | 'single-source' | 'differs'

export interface QuoteLedger {
  /** As cards: bounded lists, whole counts. */
  groups: QuoteGroup[]
  /** Groups matching the request before the limit was applied. */
  total: number
  /** Quotations found in the whole library. */
  quotations: number
  sourcesScanned: number
  /** Sources whose text could not be read (deleted or damaged), named for the UI. */
  unreadable: { sourceId: string; reason: string }[]
}

export type NameKind = 'person' | 'organization'

export interface NameVariant {
  /** As written, e.g. "Lee Sok‑bae" (the most frequent spelling of this variant). */
  text: string
  /** The folded form decisions refer to: case, hyphens, spaces and possessives aside. */
  key: string
  mentions: number
  /** On a card, at most CARD_SOURCES (those the card lists first): see sourceCount. */
  sourceIds: string[]
  sourceCount: number
  /** Every way it is written, most used first ("Lee Jae Myung", "Lee Jae-myung"; a U+2011 hyphen counts as its own). */
  spellings: { text: string; mentions: number }[]
}

export interface NameGroup {
  /** The key of the group's first variant in key order: stable across rebuilds. */
  id: string
  label: string
  kind: NameKind
  /** Merged by the user or confirmed: search may include the other variants. */
  confirmed: boolean
  /** Every variant, also on a card (their keys are what decisions name); only each one's sourceIds are cut there. */
  variants: NameVariant[]
  /** Mentions per source, most first; on a card the first CARD_SOURCES only. */
  sources: { sourceId: string; mentions: number }[]
  /** Every source that names it. */
  sourceCount: number
  mentions: number
}

/**
 * A user's choice about name groups, replayed over the automatic grouping in order.
 * variants are variant keys. merge: keep these together; split: these leave their group
 * as a group of their own; confirm: the group holding these is confirmed; distinct: the
 * groups holding these are different people, never proposed as variants of each other.
 */
export type NameDecision = z.infer<typeof nameDecisionSchema>

/**
 * Two groups that may name the same person in different romanisations ("Ekaterina Borisovna" /
 * "Ekateryna Borysovna"), when the matcher is not sure enough to join them itself: shown for
 * the user to merge, or to mark as different people.
 */
export interface NameProposal {
  groupId: string
  otherGroupId: string
  /** 0–1; at or above the automatic threshold groups are joined without asking, so proposals sit below it. */
  confidence: number
  /** Why they may be one name, in words: "same consonants, vowels differ (e/i)". */
  reason: string
  /** Sources that name both (where a reporter best tells whether they are one), at most CARD_SOURCES of them... */
  sharedSourceIds: string[]
  /** ...and how many there are in all. */
  sharedSourceCount: number
}

export interface NameGroups {
  /** As cards: bounded lists, whole counts. */
  groups: NameGroup[]
  total: number
  sourcesScanned: number
  /** Possible variants among the returned groups, most confident first. */
  proposals: NameProposal[]
}

/** One sentence of one source in an aligned comparison. */
export interface AlignedSentence extends TextSpan {
  /** Sentences with the same or near-same content across the compared sources share a link id; null = only this source has it. */
  link: number | null
}

export interface AlignedSource {
  sourceId: string
  sentences: AlignedSentence[]
}

export interface SourceAlignment {
  sources: AlignedSource[]
  /** Pairwise matches: source index and sentence index on each side, with a similarity in (0, 1]. */
  pairs: { a: [number, number]; b: [number, number]; score: number }[]
  links: number
}

export const nameDecisionSchema = z.object({
  kind: z.enum(['merge', 'split', 'confirm', 'distinct']),
  variants: z.array(z.string().min(1).max(300)).min(1).max(200),
  at: z.string()
})
