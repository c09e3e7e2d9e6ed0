// A claim is one statement in the reporter's notes; its links point at annotations,
// which are the evidence. Support is counted in distinct sources, not in links.
import { z } from 'zod'

export const claimSchema = z.object({
  id: z.string().min(1),
  text: z.string().max(20_000),
  annotationIds: z.array(z.string().min(1)),
  /** Linked annotations the reporter marked as contradicting the claim (the rest support it). */
  contradicting: z.array(z.string().min(1)).default([]),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Claim = z.infer<typeof claimSchema>

export interface ClaimLinkView {
  annotationId: string
  sourceId: string
  sourceTitle: string
  quote: string
}
