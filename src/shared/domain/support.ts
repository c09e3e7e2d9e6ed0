// How well a claim is backed: which sources its links come from, which of them are
// really one source (a copy or rewrite of another), and whether any link contradicts it.
import type { Annotation } from './annotation'
import type { Claim } from './claim'

export function claimSourceIds(claim: Claim, annotationsById: ReadonlyMap<string, Annotation>): string[] {
  const ids = new Set<string>()
  for (const annotationId of claim.annotationIds) {
    const annotation = annotationsById.get(annotationId)
    if (annotation !== undefined) ids.add(annotation.target.sourceId)
  }
  return [...ids]
}

export type SupportStatus = 'unsupported' | 'single' | 'corroborated' | 'disputed'

export const SUPPORT_LABELS: Record<SupportStatus, string> = {
  unsupported: 'Unsupported',
  single: 'Single source',
  corroborated: 'Corroborated',
  disputed: 'Disputed'
}

/**
 * Distinct sources of a claim's links that back it and that contradict it, as the claim
 * card counts them: a link that lost its passage counts for neither side.
 */
export function stanceCounts(
  claim: Claim,
  annotationsById: ReadonlyMap<string, Annotation>,
  lostLinks: readonly string[]
): { backing: number; against: number } {
  const lost = new Set(lostLinks)
  const contradicting = new Set(claim.contradicting)
  const backing = new Set<string>()
  const against = new Set<string>()
  for (const annotationId of claim.annotationIds) {
    const annotation = annotationsById.get(annotationId)
    if (annotation === undefined || lost.has(annotationId)) continue
    ;(contradicting.has(annotationId) ? against : backing).add(annotation.target.sourceId)
  }
  return { backing: backing.size, against: against.size }
}

/**
 * A linked passage that is, contains or lies within a quotation the quote ledger finds in
 * its own source only: words no other source carries, which a fact-checker must check.
 */
export interface SingleSourceQuote {
  annotationId: string
  /** The quoted words as that source writes them. */
  quote: string
  /** The quote ledger group that flags them. */
  groupId: string
}

/** Two sources treated as one, and why: the share of `copy`'s wording found in `original`. */
export interface SameOrigin {
  copy: string
  original: string
  containment: number
}

export interface ClaimSupport {
  status: SupportStatus
  /** Groups of supporting sources; each group counts as one independent source. */
  independentGroups: string[][]
  contradictingSources: string[]
  sameOrigin: SameOrigin[]
  /** Linked annotations that lost their passage (its source is gone, or it was not found in the current text): never counted. */
  lostLinks: string[]
  /** Backing links that quote words only their own source carries; absent when this was not checked. */
  singleSourceQuotes?: SingleSourceQuote[]
}

/** Sources sharing at least this share of their 5-word sequences are copies or rewrites of one another. */
export const SAME_ORIGIN_CONTAINMENT = 0.5

export function claimSupport(
  claim: Claim,
  annotationsById: ReadonlyMap<string, Annotation>,
  containment: (copy: string, original: string) => number,
  /** Whether the annotation's passage is still there to back anything; by default every annotation counts. */
  holdsPassage: (annotation: Annotation) => boolean = () => true,
  /** Linked passages quoting words only their source carries (any claim's); those backing this claim are kept. */
  singleSource: readonly SingleSourceQuote[] = []
): ClaimSupport {
  const contradicting = new Set(claim.contradicting)
  const supporting = new Set<string>()
  const against = new Set<string>()
  const lostLinks: string[] = []
  const backingLinks = new Set<string>()
  for (const annotationId of claim.annotationIds) {
    const annotation = annotationsById.get(annotationId)
    if (annotation === undefined || !holdsPassage(annotation)) {
      lostLinks.push(annotationId)
      continue
    }
    ;(contradicting.has(annotationId) ? against : supporting).add(annotation.target.sourceId)
    if (!contradicting.has(annotationId)) backingLinks.add(annotationId)
  }
  // Union-find over the supporting sources: a pair that shares most of its wording is one source.
  const ids = [...supporting]
  const parent = new Map(ids.map((id) => [id, id]))
  const root = (id: string): string => {
    let current = id
    while (parent.get(current) !== current) current = parent.get(current) ?? current
    return current
  }
  const sameOrigin: SameOrigin[] = []
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? ''
      const b = ids[j] ?? ''
      const ab = containment(a, b)
      const ba = containment(b, a)
      if (Math.max(ab, ba) < SAME_ORIGIN_CONTAINMENT) continue
      sameOrigin.push(ab >= ba ? { copy: a, original: b, containment: ab } : { copy: b, original: a, containment: ba })
      parent.set(root(a), root(b))
    }
  }
  const groups = new Map<string, string[]>()
  for (const id of ids) groups.set(root(id), [...(groups.get(root(id)) ?? []), id])
  const independentGroups = [...groups.values()]
  const status: SupportStatus =
    against.size > 0 ? 'disputed' : independentGroups.length === 0 ? 'unsupported' : independentGroups.length === 1 ? 'single' : 'corroborated'
  const singleSourceQuotes = singleSource.filter((found) => backingLinks.has(found.annotationId))
  return { status, independentGroups, contradictingSources: [...against], sameOrigin, lostLinks, singleSourceQuotes }
}
