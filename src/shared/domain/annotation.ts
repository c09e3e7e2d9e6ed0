// Annotations follow the W3C Web Annotation model as Hypothesis uses it: one target
// with several selectors, so a highlight can be found again when its source changes.
import { z } from 'zod'
import { HIGHLIGHT_COLORS } from './colors'

export { HIGHLIGHT_COLORS, type HighlightColor } from './colors'
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS)

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string()
})
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive()
})
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>

export const annotationTargetSchema = z.object({
  sourceId: z.string().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  selectors: z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema])
})
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>

export const tagSchema = z.string().trim().min(1).max(60)

/**
 * Where the annotation stands after its source changed: still exact, relocated (moved, or
 * matched approximately — then `previousQuote` holds the wording it was made on), or
 * orphaned (its passage was not found; the target is kept as it was).
 */
export const anchorStatusSchema = z.object({
  state: z.enum(['exact', 'relocated', 'orphan']),
  previousQuote: z.string().nullable()
})
export type AnchorStatus = z.infer<typeof anchorStatusSchema>
export const EXACT_ANCHOR: AnchorStatus = { state: 'exact', previousQuote: null }

export const annotationSchema = z.object({
  id: z.string().min(1),
  target: annotationTargetSchema,
  anchor: anchorStatusSchema.default(EXACT_ANCHOR),
  color: highlightColorSchema,
  comment: z.string().max(20_000),
  tags: z.array(tagSchema).max(50),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Annotation = z.infer<typeof annotationSchema>

export function annotationQuote(annotation: Annotation): string {
  return annotation.target.selectors[0].exact
}

export function annotationPosition(annotation: Annotation): TextPositionSelector {
  return annotation.target.selectors[1]
}
