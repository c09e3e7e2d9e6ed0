// How Sourcebench notes map onto the W3C Web Annotation model, shared by the export and the
// import so the two cannot drift apart. The mapping, as written and as read back:
//
// - The file is one AnnotationCollection for the project (label = project name). Its first
//   AnnotationPage holds one Annotation per highlight: motivation "commenting" when it has a
//   comment (a TextualBody, purpose "commenting"), else "highlighting"; each tag is a
//   TextualBody with purpose "tagging". The target names the document (`source`: its URL when
//   known, else its file URI), a TextQuoteSelector and a TextPositionSelector, the details
//   (dc:title, dc:creator, dc:publisher, dc:date) and, as extension terms, the folder and path
//   so another project can match it. The sentences around the words are `sourcebench:context`.
// - Each claim is an AnnotationCollection of its own, listed under `sourcebench:claims`
//   (label = the claim's text, plus its number and support status). Its items are linking
//   annotations, one per linked passage: motivation "linking", body = the claim's id,
//   target = the highlight annotation's id, and `sourcebench:stance` "supports" or
//   "contradicts". A reader that ignores the extension still sees which passages a claim links.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../shared/domain/annotation'

/** The prefix of every extension term; a URN, so it claims no web address it does not own. */
export const SOURCEBENCH_NS = 'urn:sourcebench:'

export const WEB_ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { sourcebench: SOURCEBENCH_NS, dc: 'http://purl.org/dc/elements/1.1/' }
] as const

/** Extension terms, as the keys appear in the file. */
export const TERM = {
  claims: 'sourcebench:claims',
  claimNumber: 'sourcebench:claimNumber',
  supportStatus: 'sourcebench:supportStatus',
  supportLabel: 'sourcebench:supportLabel',
  countedAsOne: 'sourcebench:countedAsOne',
  stance: 'sourcebench:stance',
  color: 'sourcebench:color',
  anchor: 'sourcebench:anchor',
  previousQuote: 'sourcebench:previousQuote',
  problem: 'sourcebench:problem',
  folder: 'sourcebench:folder',
  relativePath: 'sourcebench:relativePath',
  fileUri: 'sourcebench:fileUri',
  page: 'sourcebench:page',
  missing: 'sourcebench:missing',
  context: 'sourcebench:context',
  before: 'sourcebench:before',
  after: 'sourcebench:after',
  backingSources: 'sourcebench:backingSources',
  independentSources: 'sourcebench:independentSources',
  offsets: 'sourcebench:offsets',
  title: 'dc:title',
  author: 'dc:creator',
  outlet: 'dc:publisher',
  date: 'dc:date',
  language: 'dc:language'
} as const

export type LinkStance = 'supports' | 'contradicts'

type IdKind = 'annotation' | 'claim' | 'link' | 'export' | 'page'

/** A stable IRI for a record of the project (ids may hold any character, so they are encoded). */
export function recordIri(kind: IdKind, ...parts: string[]): string {
  return `${SOURCEBENCH_NS}${kind}:${parts.map(encodeURIComponent).join(':')}`
}

/** The IRI of a highlight whose source left the project: nothing on another computer can match it. */
export const REMOVED_SOURCE_IRI = `${SOURCEBENCH_NS}removed-source`

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value)
}
