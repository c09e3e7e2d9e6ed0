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
}

/** Sources sharing at least this share of their 5-word sequences are copies or rewrites of one another. */
export const SAME_ORIGIN_CONTAINMENT = 0.5

export function claimSupport(
  claim: Claim,
  annotationsById: ReadonlyMap<string, Annotation>,
  containment: (copy: string, original: string) => number,
  /** Whether the annotation's passage is still there to back anything; by default every annotation counts. */
  holdsPassage: (annotation: Annotation) => boolean = () => true
): ClaimSupport {
  const contradicting = new Set(claim.contradicting)
  const supporting = new Set<string>()
  const against = new Set<string>()
  const lostLinks: string[] = []
  for (const annotationId of claim.annotationIds) {
    const annotation = annotationsById.get(annotationId)
    if (annotation === undefined || !holdsPassage(annotation)) {
      lostLinks.push(annotationId)
      continue
    }
    ;(contradicting.has(annotationId) ? against : supporting).add(annotation.target.sourceId)
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
  return { status, independentGroups, contradictingSources: [...against], sameOrigin, lostLinks }
}
