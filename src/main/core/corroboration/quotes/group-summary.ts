// What the ledger says about one group of quotations: the reference wording (the one most
// sources carry), each version diffed against it, who is credited, and the flags.
import type { QuoteGroup, QuoteVersion } from '../../../../shared/domain/corroboration'
import { terms } from '../../../../shared/search/tokenize'
import { soundKey } from '../names/name-key'
import type { LedgerQuote } from './group-quotes'
import { diffWording } from './word-diff'

function speakerTerms(speaker: string): string[] {
  return terms(speaker)
}

/** One name written in full and in part ("Putin", "Vladimir Putin") or romanised two ways ("Lee Seok-pae", "Lee Sok-bae"). */
export function sameSpeaker(a: string, b: string): boolean {
  const termsA = speakerTerms(a)
  const termsB = new Set(speakerTerms(b))
  const [shorter, longer] = termsA.length <= termsB.size ? [termsA, termsB] : [[...termsB], new Set(termsA)]
  return shorter.every((term) => longer.has(term)) || soundKey(a) === soundKey(b)
}

/** Attributed speakers who are not one name written two ways are different people ("Lee Jae-myung", "Lee Sok-bae"). */
function speakersDiffer(speakers: readonly string[]): boolean {
  for (let i = 0; i < speakers.length; i++) {
    for (let j = i + 1; j < speakers.length; j++) if (!sameSpeaker(speakers[i]!, speakers[j]!)) return true
  }
  return false
}

function distinctSpeakers(members: readonly LedgerQuote[]): string[] {
  const seen = new Map<string, string>()
  for (const quote of members) {
    if (quote.speaker === null) continue
    const key = speakerTerms(quote.speaker).join(' ')
    if (key !== '' && !seen.has(key)) seen.set(key, quote.speaker)
  }
  return [...seen.values()]
}

/** The wording most sources carry; among equals the longer, then the first. */
function referenceOf(members: readonly LedgerQuote[]): LedgerQuote {
  const sourcesByKey = new Map<string, Set<string>>()
  for (const quote of members) {
    const sources = sourcesByKey.get(quote.key) ?? new Set<string>()
    sources.add(quote.sourceId)
    sourcesByKey.set(quote.key, sources)
  }
  let best = members[0]!
  for (const quote of members) {
    const count = sourcesByKey.get(quote.key)!.size
    const bestCount = sourcesByKey.get(best.key)!.size
    if (count > bestCount || (count === bestCount && quote.words.length > best.words.length)) best = quote
  }
  return best
}

/** Two 32-bit FNV-1a hashes with different seeds: 20,000 groups would collide on one. */
function groupId(key: string): string {
  let a = 0x811c9dc5
  let b = 0x01c9dc58
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x01000193)
  }
  return `q${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`
}

/** A group as the ledger shows it: reference wording, versions diffed against it, flags. */
export function buildGroup(members: LedgerQuote[]): QuoteGroup {
  const reference = referenceOf(members)
  const versions: QuoteVersion[] = members.map((quote) => {
    const diff = diffWording(quote, reference)
    return {
      sourceId: quote.sourceId,
      target: quote.target,
      parts: quote.parts,
      text: quote.text,
      speaker: quote.speaker,
      attribution: quote.attribution,
      diff: diff.parts,
      differs: diff.differs
    }
  })
  const sourceIds = [...new Set(members.map((quote) => quote.sourceId))]
  const speakers = distinctSpeakers(members)
  return {
    id: groupId(reference.key),
    reference: reference.text,
    sourceIds,
    sourceCount: sourceIds.length,
    speakers,
    versions,
    versionCount: versions.length,
    flags: {
      singleSource: sourceIds.length === 1,
      wordingDiffers: versions.some((version) => version.differs),
      speakerDiffers: speakersDiffer(speakers)
    },
    words: reference.words.length
  }
}
