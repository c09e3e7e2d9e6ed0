// Hypothesis's API JSON (one annotation as GET /api/annotations/:id returns it, or a row of
// GET /api/search): the comment is `text`, the document is `uri` and `document.title`, the
// words are in `target[].selector`. Replies and page notes carry no selector.
import { z } from 'zod'
import { firstIssue, type RawEntry } from './web-annotation-entry'

const hypothesisRowSchema = z.looseObject({
  id: z.string().optional(),
  uri: z.string().optional(),
  text: z.string().default(''),
  tags: z.array(z.string()).default([]),
  created: z.string().optional(),
  updated: z.string().optional(),
  document: z
    .looseObject({
      title: z.array(z.string()).optional(),
      link: z.array(z.looseObject({ href: z.string() })).optional()
    })
    .optional(),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(z.unknown()).optional() })),
  references: z.array(z.string()).optional()
})

/** Looks like a Hypothesis annotation rather than a W3C one: no `type`, and a `uri` or a list of targets. */
export function isHypothesisRow(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'type' in value) return false
  return 'uri' in value || ('target' in value && Array.isArray(value.target))
}

const isWebAddress = (value: string): boolean => /^https?:\/\//i.test(value)

export function readHypothesisRow(row: unknown): RawEntry | { problem: string; source?: string } {
  const parsed = hypothesisRowSchema.safeParse(row)
  if (!parsed.success) return { problem: `not a Hypothesis annotation: ${firstIssue(parsed.error)}` }
  const { data } = parsed
  const marksWords = data.target.some((candidate) => (candidate.selector ?? []).length > 0)
  if (!marksWords && (data.references ?? []).length > 0) return { problem: 'it is a reply to another annotation, not a highlight', source: data.uri ?? '' }
  // The first target that says which words it marks; a reply or page note has none.
  const target = data.target.find((candidate) => (candidate.selector ?? []).length > 0) ?? data.target[0]
  const addresses = [data.uri, target?.source, ...(data.document?.link ?? []).map((link) => link.href)].filter((value) => value !== undefined)
  const unique = [...new Set(addresses)]
  return {
    fileId: data.id ?? null,
    selectors: target?.selector ?? [],
    document: {
      urls: unique.filter(isWebAddress),
      fileUris: unique.filter((address) => address.startsWith('file:')),
      relativePath: null,
      folder: null,
      titles: (data.document?.title ?? []).filter((title) => title.trim() !== ''),
      removed: false
    },
    comment: data.text,
    tags: data.tags,
    color: null,
    created: data.created ?? null,
    modified: data.updated ?? null,
    previousQuote: null
  }
}
