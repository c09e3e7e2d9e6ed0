// How many distinct sources back a claim: the count the notes panel and the export show.
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
