// The W3C Web Annotation (JSON-LD) export: every highlight as an Annotation with quote and
// position selectors, every claim as a collection of links to them, so Hypothesis-style tools
// can read the notes and another Sourcebench project can import them (mapping in
// web-annotation-vocabulary.ts).
import type { ExportClaim, ExportPassage, ExportSnapshot, ExportSource } from '../snapshot'
import { recordIri, REMOVED_SOURCE_IRI, TERM, WEB_ANNOTATION_CONTEXT, type LinkStance } from './web-annotation-vocabulary'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** The object without its empty fields: null, '', [] and {} are left out, not written. */
function present(fields: Record<string, Json | undefined>): JsonObject {
  const kept: JsonObject = {}
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    kept[key] = value
  }
  return kept
}

const isWebAddress = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url)

/** The document as the target names it: its web address when known, else the file where it was imported. */
function documentIri(source: ExportSource | null): string {
  if (source === null) return REMOVED_SOURCE_IRI
  if (isWebAddress(source.url)) return source.url
  return source.fileUri ?? recordIri('export', 'source', source.id)
}

function highlight(passage: ExportPassage): JsonObject {
  const source = passage.source
  const { prefix, suffix } = passage
  const comment = passage.comment.trim() === '' ? [] : [{ type: 'TextualBody', purpose: 'commenting', value: passage.comment, format: 'text/plain' }]
  const tags = passage.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }))
  const target = present({
    source: documentIri(source),
    selector: [
      present({ type: 'TextQuoteSelector', exact: passage.quote, prefix, suffix }),
      { type: 'TextPositionSelector', start: passage.start, end: passage.end }
    ],
    [TERM.title]: source?.title,
    [TERM.author]: source?.author,
    [TERM.outlet]: source?.outlet,
    [TERM.date]: source?.date,
    [TERM.language]: source?.language,
    [TERM.folder]: source?.folder,
    [TERM.relativePath]: source?.relativePath,
    // Both are known when `source` is the web address: the file still helps another project match it.
    [TERM.fileUri]: source !== null && isWebAddress(source.url) ? source.fileUri : undefined,
    [TERM.page]: passage.page,
    [TERM.missing]: source?.missing === true ? true : undefined
  })
  return present({
    id: recordIri('annotation', passage.annotationId),
    type: 'Annotation',
    motivation: comment.length > 0 ? 'commenting' : 'highlighting',
    created: passage.createdAt,
    modified: passage.updatedAt,
    body: [...comment, ...tags],
    target,
    [TERM.context]: passage.context === null ? undefined : present({
      [TERM.before]: `${passage.context.cutBefore ? '… ' : ''}${passage.context.before}`,
      [TERM.after]: `${passage.context.after}${passage.context.cutAfter ? ' …' : ''}`
    }),
    [TERM.color]: passage.color,
    [TERM.anchor]: passage.anchor,
    [TERM.previousQuote]: passage.previousQuote,
    [TERM.problem]: passage.problem
  })
}

function claimCollection(claim: ExportClaim): JsonObject {
  const id = recordIri('claim', claim.id)
  const links = claim.passages.map((passage) => {
    const stance: LinkStance = passage.contradicts ? 'contradicts' : 'supports'
    return { id: recordIri('link', claim.id, passage.annotationId), type: 'Annotation', motivation: 'linking', body: id, target: recordIri('annotation', passage.annotationId), [TERM.stance]: stance }
  })
  return present({
    id,
    type: 'AnnotationCollection',
    label: claim.text,
    [TERM.claimNumber]: claim.number,
    [TERM.supportStatus]: claim.status,
    [TERM.supportLabel]: claim.statusLabel,
    [TERM.backingSources]: claim.backingSources,
    [TERM.independentSources]: claim.independentSources,
    [TERM.countedAsOne]: claim.countedAsOne.map((pair) => `${pair.copy.title} repeats ${pair.original.title} (${Math.round(pair.share * 100)} % of its wording)`),
    total: links.length,
    first: { id: recordIri('page', 'claim', claim.id, '1'), type: 'AnnotationPage', startIndex: 0, items: links }
  })
}

/** Each highlight once, even when several claims link it: the claims' passages first, then the others. */
function highlights(snapshot: ExportSnapshot): ExportPassage[] {
  const seen = new Map<string, ExportPassage>()
  for (const passage of snapshot.claims.flatMap((claim) => claim.passages)) if (!seen.has(passage.annotationId)) seen.set(passage.annotationId, passage)
  for (const passage of snapshot.otherHighlights.flatMap((group) => group.passages)) if (!seen.has(passage.annotationId)) seen.set(passage.annotationId, passage)
  return [...seen.values()]
}

export function renderWebAnnotation(snapshot: ExportSnapshot): string {
  const exportedAt = snapshot.exportedAt.toISOString()
  const items = highlights(snapshot).map(highlight)
  const collection = present({
    '@context': [WEB_ANNOTATION_CONTEXT[0], { ...WEB_ANNOTATION_CONTEXT[1] }],
    id: recordIri('export', exportedAt),
    type: 'AnnotationCollection',
    label: snapshot.projectName,
    generator: { type: 'Software', name: 'Sourcebench' },
    generated: exportedAt,
    [TERM.offsets]: snapshot.offsetsNote,
    total: items.length,
    first: { id: recordIri('page', 'export', exportedAt, '1'), type: 'AnnotationPage', startIndex: 0, items },
    [TERM.claims]: snapshot.claims.map(claimCollection)
  })
  return `${JSON.stringify(collection, null, 2)}\n`
}
