// Importing a file of annotations (a Sourcebench Web Annotation export, any W3C annotations,
// or Hypothesis's API JSON) into the open project: each lands on the words it quotes in the
// matching source, found again with the usual anchoring; what cannot be placed is reported.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { Annotation, AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../../../../shared/domain/annotation'
import type { Claim } from '../../../../shared/domain/claim'
import { ANNOTATION_FILE_CHARS, type AnnotationImportReport } from '../../../../shared/domain/export'
import type { Source } from '../../../../shared/domain/source'
import { UserError } from '../../../../shared/ipc/result'
import { anchorSelectors, describeRange, type Anchor } from '../../../../shared/text/anchor'
import { readFileCapped } from '../../library/read-file-capped'
import type { OpenProject } from '../../workbench'
import { documentLabel, type IncomingAnnotation } from './web-annotation-entry'
import { SourceMatcher } from './web-annotation-match'
import { readAnnotationFile, type IncomingClaim } from './web-annotation-read'

export type AnnotationFileInput = { path: string } | { fileName: string; content: string }

const tooLarge = (name: string): UserError => new UserError('invalid-input', `export: “${name}” is larger than Sourcebench reads (20 MB)`)

async function readInput(input: AnnotationFileInput): Promise<{ name: string; content: string }> {
  if ('content' in input) {
    if (input.content.length > ANNOTATION_FILE_CHARS) throw tooLarge(input.fileName)
    return { name: input.fileName, content: input.content }
  }
  const name = basename(input.path)
  // Capped while reading and never waiting on a pipe, as for imported files.
  const bytes = await readFileCapped(input.path, ANNOTATION_FILE_CHARS * 4).catch((error: unknown) => {
    if (error instanceof Error && error.message.includes('import limit')) throw tooLarge(name)
    const code = error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : 'unreadable'
    throw new UserError(code === 'ENOENT' ? 'not-found' : 'invalid-input', `export: cannot read “${name}” (${code})`)
  })
  const content = bytes.toString('utf-8')
  if (content.length > ANNOTATION_FILE_CHARS) throw tooLarge(name)
  return { name, content }
}

/** Where an annotation lands: the source, its text (and that text's hash) and the range of the words. */
interface Placement {
  source: Source
  contentHash: string
  text: string
  start: number
  end: number
  exact: boolean
}

/** A position no text matches, for an annotation that gives none: the quote alone finds the words. */
const NO_POSITION: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: 0 }

/**
 * The usual anchoring, with one shortcut first: words found verbatim at one place only are
 * placed there without folding the whole text, which a file of thousands of annotations on
 * one long source would otherwise do once per annotation.
 */
function anchorQuote(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Anchor {
  if (text.slice(position.start, position.end) === quote.exact) return { state: 'exact', start: position.start, end: position.end }
  const first = text.indexOf(quote.exact)
  if (first >= 0 && text.indexOf(quote.exact, first + 1) < 0) return { state: 'relocated', start: first, end: first + quote.exact.length }
  return anchorSelectors(text, quote, position)
}

const sameClaimText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()

export async function importAnnotationFile(project: OpenProject, input: AnnotationFileInput, now: () => Date): Promise<AnnotationImportReport> {
  const { name, content } = await readInput(input)
  const file = readAnnotationFile(name, content)
  const { store } = project
  const notes = store.notes.data
  const matcher = new SourceMatcher(store.library.data.sources, store.library.data.roots)
  const report: AnnotationImportReport = {
    format: file.format,
    total: file.total,
    imported: 0,
    alreadyPresent: 0,
    reanchored: 0,
    claimsCreated: 0,
    links: 0,
    unmatched: [...file.bad]
  }

  const texts = new Map<string, Promise<string | null>>()
  const readText = (hash: string): Promise<string | null> => {
    let text = texts.get(hash)
    if (text === undefined) texts.set(hash, (text = store.readText(hash).catch(() => null)))
    return text
  }

  /** The best place among the candidate sources: words at the same offsets first, then the first place found. */
  const place = async (entry: IncomingAnnotation, candidates: Source[]): Promise<Placement | string> => {
    let best: Placement | null = null
    let unreadable: Source | null = null
    for (const source of candidates) {
      // The hash the text was read by: an import running meanwhile may change the source's.
      const contentHash = source.contentHash
      const text = await readText(contentHash)
      if (text === null) {
        unreadable ??= source
        continue
      }
      const anchor = anchorQuote(text, entry.quote, entry.position ?? NO_POSITION)
      if (anchor.state === 'orphan' || text.slice(anchor.start, anchor.end).trim() === '') continue
      best ??= { source, contentHash, text, start: anchor.start, end: anchor.end, exact: anchor.state === 'exact' }
      if (anchor.state === 'exact') return { source, contentHash, text, start: anchor.start, end: anchor.end, exact: true }
    }
    if (best !== null) return best
    const first = candidates[0]
    if (candidates.length === 1 && unreadable !== null) return `the text of “${unreadable.title}” could not be read`
    return candidates.length === 1 && first !== undefined ? `text not found in “${first.title}”` : `text not found in any of the ${candidates.length} matching sources`
  }

  // Highlights already here, by where they sit in their source's current text.
  const at = (sourceId: string, start: number, end: number): string => `${sourceId}:${start}:${end}`
  const present = new Map<string, string>()
  for (const annotation of notes.annotations) {
    const position = annotation.target.selectors[1]
    if (store.findSource(annotation.target.sourceId)?.contentHash === annotation.target.contentHash) present.set(at(annotation.target.sourceId, position.start, position.end), annotation.id)
  }

  const stamp = now().toISOString()
  /** The project's annotation for each annotation id in the file, for the claims' links. */
  const byFileId = new Map<string, string>()
  const created: Annotation[] = []
  for (const entry of file.annotations) {
    const unmatched = (reason: string): void => void report.unmatched.push({ index: entry.index, quote: entry.quote.exact.slice(0, 200), source: documentLabel(entry.document), reason })
    const match = matcher.match(entry.document)
    if ('reason' in match) {
      unmatched(match.reason)
      continue
    }
    const placed = await place(entry, match.candidates)
    if (typeof placed === 'string') {
      unmatched(placed)
      continue
    }
    const key = at(placed.source.id, placed.start, placed.end)
    const existing = present.get(key)
    if (existing !== undefined) {
      report.alreadyPresent++
      if (entry.fileId !== null) byFileId.set(entry.fileId, existing)
      continue
    }
    const selectors = describeRange(placed.text, placed.start, placed.end)
    const sameWords = selectors[0].exact === entry.quote.exact
    // Offsets from another tool count another text (the page as a browser shows it): there only the words tell.
    const inPlace = sameWords && (placed.exact || !file.ours)
    const anchor: AnchorStatus = {
      state: inPlace && entry.previousQuote === null ? 'exact' : 'relocated',
      previousQuote: sameWords ? entry.previousQuote : (entry.previousQuote ?? entry.quote.exact)
    }
    const annotation: Annotation = {
      id: randomUUID(),
      target: { sourceId: placed.source.id, contentHash: placed.contentHash, selectors },
      anchor,
      color: entry.color ?? 'yellow',
      comment: entry.comment,
      tags: entry.tags,
      createdAt: entry.created ?? stamp,
      updatedAt: entry.modified ?? entry.created ?? stamp
    }
    created.push(annotation)
    present.set(key, annotation.id)
    if (entry.fileId !== null) byFileId.set(entry.fileId, annotation.id)
    report.imported++
    if (!inPlace) report.reanchored++
  }
  report.unmatched.sort((a, b) => a.index - b.index)

  const claimsBefore = structuredClone(notes.claims)
  const annotationsBefore = notes.annotations
  notes.annotations = [...notes.annotations, ...created]
  const changedClaims = linkClaims(notes.claims, file.claims, byFileId, stamp, report)
  if (created.length === 0 && !changedClaims) return report
  // A source a running import just added may exist only in memory: save it first, as a new highlight does.
  try {
    await store.saveLibrary()
    await store.notes.write()
  } catch (error: unknown) {
    notes.annotations = annotationsBefore
    notes.claims = claimsBefore
    throw error
  }
  // A source re-imported while the texts were read: its new highlights are anchored again on its new text.
  const stale = created.filter((annotation) => store.findSource(annotation.target.sourceId)?.contentHash !== annotation.target.contentHash)
  if (stale.length > 0) await project.annotations.reanchor([...new Set(stale.map((annotation) => annotation.target.sourceId))])
  return report
}

/**
 * Makes the file's claims (one with the same text as a claim here is reused) and links each
 * to the highlights it linked; a link already here keeps the stance the user gave it.
 */
function linkClaims(claims: Claim[], incoming: IncomingClaim[], byFileId: ReadonlyMap<string, string>, stamp: string, report: AnnotationImportReport): boolean {
  let changed = false
  for (const wanted of incoming) {
    let claim = claims.find((candidate) => sameClaimText(candidate.text, wanted.text))
    if (claim === undefined) {
      claim = { id: randomUUID(), text: wanted.text, annotationIds: [], contradicting: [], createdAt: stamp, updatedAt: stamp }
      claims.push(claim)
      report.claimsCreated++
      changed = true
    }
    for (const link of wanted.links) {
      const annotationId = byFileId.get(link.target)
      if (annotationId === undefined || claim.annotationIds.includes(annotationId)) continue
      claim.annotationIds.push(annotationId)
      if (link.stance === 'contradicts') claim.contradicting.push(annotationId)
      claim.updatedAt = stamp
      report.links++
      changed = true
    }
  }
  return changed
}
