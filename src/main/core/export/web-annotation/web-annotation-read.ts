// Reads a file of annotations: our own export, any W3C annotation, page, collection or list
// of annotations, or Hypothesis's API JSON. A file that is not one of these is refused as a
// whole, naming it; inside a readable file each bad entry is reported by its index.
import { z } from 'zod'
import { UserError } from '../../../../shared/ipc/result'
import { checkEntry, firstIssue, type BadEntry, type IncomingAnnotation, type RawEntry } from './web-annotation-entry'
import { isHypothesisRow, readHypothesisRow } from './web-annotation-hypothesis'
import { isHighlightColor, REMOVED_SOURCE_IRI, SOURCEBENCH_NS, TERM, type LinkStance } from './web-annotation-vocabulary'

/** The most annotations one file may hold. */
export const MAX_FILE_ANNOTATIONS = 20_000

export interface IncomingClaim {
  text: string
  /** File ids of the highlights it links, with how each bears on it. */
  links: Array<{ target: string; stance: LinkStance }>
}

export interface AnnotationFile {
  format: 'web-annotation' | 'hypothesis'
  /** Written by Sourcebench: its offsets count the same text as ours do. */
  ours: boolean
  total: number
  annotations: IncomingAnnotation[]
  bad: BadEntry[]
  claims: IncomingClaim[]
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value])
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const hasType = (value: unknown, type: string): boolean => isObject(value) && asArray(value['type']).includes(type)

const SHAPES = 'an annotation, an annotation page or collection, a list of annotations, or a Hypothesis search result'

/** The annotations of a page and of the pages after it that the file holds. */
function pageItems(first: unknown, name: string): unknown[] {
  const items: unknown[] = []
  let page = first
  for (let pages = 0; page !== undefined && page !== null; pages++) {
    if (typeof page === 'string' || pages > MAX_FILE_ANNOTATIONS) {
      throw new UserError('invalid-input', `export: “${name}” holds only part of its annotation collection; the rest is at ${String(page).slice(0, 200)}`)
    }
    if (!isObject(page) || !Array.isArray(page['items'])) throw new UserError('invalid-input', `export: “${name}” has an annotation page without items`)
    items.push(...page['items'])
    page = page['next']
  }
  return items
}

function envelope(json: unknown, name: string): { format: AnnotationFile['format']; items: unknown[]; claims: unknown[] } {
  if (Array.isArray(json)) return { format: json.some(isHypothesisRow) ? 'hypothesis' : 'web-annotation', items: json, claims: [] }
  if (isObject(json) && Array.isArray(json['rows'])) return { format: 'hypothesis', items: json['rows'], claims: [] }
  if (isHypothesisRow(json)) return { format: 'hypothesis', items: [json], claims: [] }
  if (hasType(json, 'Annotation')) return { format: 'web-annotation', items: [json], claims: [] }
  if (hasType(json, 'AnnotationPage') && isObject(json)) return { format: 'web-annotation', items: pageItems(json, name), claims: [] }
  if (hasType(json, 'AnnotationCollection') && isObject(json)) {
    return { format: 'web-annotation', items: json['first'] === undefined ? [] : pageItems(json['first'], name), claims: asArray(json[TERM.claims]) }
  }
  throw new UserError('invalid-input', `export: “${name}” is not a Web Annotation or Hypothesis file (expected ${SHAPES})`)
}

const w3cAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  bodyValue: z.string().optional(),
  target: z.unknown().refine((target) => target !== undefined, 'it has no target')
})

/** A target's document and selectors; a bare IRI is a whole document. */
function readTarget(target: unknown): { source: string | null; selectors: unknown[]; fields: Json } {
  if (!isObject(target)) return { source: text(target), selectors: [], fields: {} }
  const source = target['source']
  return { source: text(source) ?? (isObject(source) ? text(source['id']) : null), selectors: asArray(target['selector']), fields: target }
}

function readW3cAnnotation(item: unknown): RawEntry | { problem: string; source?: string } {
  const parsed = w3cAnnotationSchema.safeParse(item)
  if (!parsed.success) return { problem: `not a Web Annotation: ${firstIssue(parsed.error)}` }
  const annotation = parsed.data
  const targets = asArray(annotation.target).map(readTarget)
  const target = targets.find((candidate) => candidate.selectors.some((selector) => hasType(selector, 'TextQuoteSelector'))) ?? targets[0]
  const motivations = asArray(annotation.motivation)
  const comments = annotation.bodyValue === undefined ? [] : [annotation.bodyValue]
  const tags: string[] = []
  for (const body of asArray(annotation['body'])) {
    // A body elsewhere on the web (an IRI) is not a comment this file carries.
    const value = isObject(body) ? text(body['value']) : null
    if (value === null || !isObject(body)) continue
    const purposes = asArray(body['purpose'])
    if (purposes.includes('tagging') || (purposes.length === 0 && motivations.includes('tagging'))) tags.push(value)
    else comments.push(value)
  }
  const fields = target?.fields ?? {}
  const source = target?.source ?? null
  const color = annotation[TERM.color]
  return {
    fileId: annotation.id ?? null,
    selectors: target?.selectors ?? [],
    document: {
      urls: source !== null && /^https?:\/\//i.test(source) ? [source] : [],
      fileUris: [source, text(fields[TERM.fileUri])].filter((uri): uri is string => uri !== null && uri.startsWith('file:')),
      relativePath: text(fields[TERM.relativePath]),
      folder: text(fields[TERM.folder]),
      titles: [text(fields[TERM.title]), text(fields['title'])].filter((title): title is string => title !== null && title.trim() !== ''),
      removed: source === REMOVED_SOURCE_IRI
    },
    comment: comments.join('\n\n'),
    tags,
    color: isHighlightColor(color) ? color : null,
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
    previousQuote: text(annotation[TERM.previousQuote])
  }
}

const linkSchema = z.looseObject({
  target: z.union([z.string(), z.looseObject({ id: z.string() })]),
  [TERM.stance]: z.enum(['supports', 'contradicts']).default('supports')
})
const claimCollectionSchema = z.looseObject({
  label: z.string().max(20_000, 'its text is longer than 20,000 characters'),
  first: z.looseObject({ items: z.array(linkSchema) }).optional()
})

function readClaims(claims: unknown[], bad: BadEntry[]): IncomingClaim[] {
  const read: IncomingClaim[] = []
  for (const [index, claim] of claims.entries()) {
    const parsed = claimCollectionSchema.safeParse(claim)
    if (!parsed.success) {
      bad.push({ index, quote: '', source: `claim ${index + 1}`, reason: `claim ${index + 1} could not be read: ${firstIssue(parsed.error)}` })
      continue
    }
    const links = (parsed.data.first?.items ?? []).map((link) => ({ target: typeof link.target === 'string' ? link.target : link.target.id, stance: link[TERM.stance] }))
    read.push({ text: parsed.data.label, links })
  }
  return read
}

/** Whether the file says it was written by Sourcebench (its context names our extension terms). */
function writtenByUs(json: unknown): boolean {
  return isObject(json) && asArray(json['@context']).some((context) => isObject(context) && context['sourcebench'] === SOURCEBENCH_NS)
}

export function readAnnotationFile(name: string, content: string): AnnotationFile {
  let json: unknown
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch (error: unknown) {
    throw new UserError('invalid-input', `export: “${name}” is not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const { format, items, claims } = envelope(json, name)
  if (items.length > MAX_FILE_ANNOTATIONS) {
    throw new UserError(
      'invalid-input',
      `export: “${name}” holds ${items.length.toLocaleString('en')} annotations; at most ${MAX_FILE_ANNOTATIONS.toLocaleString('en')} are imported from one file`
    )
  }
  const annotations: IncomingAnnotation[] = []
  const bad: BadEntry[] = []
  for (const [index, item] of items.entries()) {
    const raw = isHypothesisRow(item) ? readHypothesisRow(item) : readW3cAnnotation(item)
    const entry = 'problem' in raw ? { index, quote: '', source: raw.source ?? '', reason: raw.problem } : checkEntry(raw, index)
    if ('reason' in entry) bad.push(entry)
    else annotations.push(entry)
  }
  const claimProblems: BadEntry[] = []
  const incomingClaims = readClaims(claims, claimProblems)
  return { format, ours: writtenByUs(json), total: items.length, annotations, bad: [...bad, ...claimProblems], claims: incomingClaims }
}
