// One picture of the notes, taken once per export and rendered by every format: claims with
// their support, each cited passage with its context and anchor status, the highlights not
// linked to a claim, and the sources as cited (the user's edited details first).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Annotation, HighlightColor } from '../../../shared/domain/annotation'
import { calendarDate, citedDate, pageAt } from '../../../shared/domain/citation'
import { describeOcr } from '../../../shared/domain/ocr-caveat'
import type { Claim } from '../../../shared/domain/claim'
import type { ImportRoot, Source, SourceFormat } from '../../../shared/domain/source'
import { claimSupport, SUPPORT_LABELS, type ClaimSupport, type SupportStatus } from '../../../shared/domain/support'
import { passageContext, type PassageContext } from './passage-context'

/**
 * exact: found where it was made; moved: same words, elsewhere in a changed source;
 * reworded: matched approximately in a changed source (`previousQuote` holds the old words);
 * not-found: not in the source's current text, or the source left the project.
 */
export type ExportAnchorState = 'exact' | 'moved' | 'reworded' | 'not-found'

export const ANCHOR_LABELS: Record<ExportAnchorState, string> = {
  exact: 'Exact',
  moved: 'Moved',
  reworded: 'Reworded',
  'not-found': 'Not found'
}

export interface ExportSource {
  id: string
  title: string
  outlet: string | null
  author: string | null
  /** As stored: an ISO day, month or year when known, else as written. */
  date: string | null
  /** The calendar part of `date` (YYYY, YYYY-MM or YYYY-MM-DD), null when it is not a date. */
  calendarDate: string | null
  url: string | null
  format: SourceFormat
  language: string | null
  /** The imported folder's name, and the file's path inside it. */
  folder: string | null
  relativePath: string
  /** file:// URI of the file where it was imported (on the computer that exported), null when unknown. */
  fileUri: string | null
  tags: string[]
  /** The file is gone from its folder; its stored text is still read. */
  missing: boolean
  contentHash: string
  pages: number | null
  /** "text recognised by OCR, may contain errors (mean confidence 87 %)" for a scan or an image; null for text the file held. */
  ocr: string | null
}

export interface ExportPassage {
  annotationId: string
  /** Null when the source left the project (its folder was removed): the quote is all that is left. */
  source: ExportSource | null
  /** The words as the highlight holds them, verbatim. */
  quote: string
  /** The text just before and after the quote, as the highlight's TextQuoteSelector holds it. */
  prefix: string
  suffix: string
  /** The sentence or two around the quote in the current text; null when the quote is not found there. */
  context: PassageContext | null
  page: number | null
  start: number
  end: number
  anchor: ExportAnchorState
  /** The wording the highlight was made on, when it was re-anchored onto other words. */
  previousQuote: string | null
  /** Linked to the claim as contradicting it. */
  contradicts: boolean
  comment: string
  tags: string[]
  color: HighlightColor
  createdAt: string
  updatedAt: string
  /** Why the passage is not found, in words, when it is not. */
  problem: string | null
}

export interface CountedAsOne {
  copy: ExportSource
  original: ExportSource
  /** Share of the copy's 5-word sequences found in the original. */
  share: number
}

export interface ExportClaim {
  number: number
  id: string
  text: string
  status: SupportStatus
  statusLabel: string
  /** Distinct sources whose passages back the claim (passages not found do not count). */
  backingSources: number
  /** Groups of backing sources that count as one independent source each. */
  independentSources: number
  contradictingSources: ExportSource[]
  countedAsOne: CountedAsOne[]
  passages: ExportPassage[]
}

export interface ExportSnapshot {
  projectName: string
  exportedAt: Date
  claims: ExportClaim[]
  /** Highlights not linked to any claim, grouped by source in library order, each group by position. */
  otherHighlights: Array<{ source: ExportSource | null; sourceId: string; passages: ExportPassage[] }>
  /** Every source a claim cites, in order of first citation. */
  citedSources: ExportSource[]
  /** Every source in the project, in library order (for citations of all sources). */
  librarySources: ExportSource[]
  offsetsNote: string
}

export const OFFSETS_NOTE =
  'Character offsets count UTF-16 code units (as JavaScript and Hypothesis do) from the start of each source’s text as Sourcebench shows it, line breaks as one character, no byte-order mark.'

export interface SnapshotInput {
  projectName: string
  exportedAt: Date
  claims: readonly Claim[]
  annotations: readonly Annotation[]
  sources: readonly Source[]
  roots: readonly ImportRoot[]
  /** Support per claim id, as the claim cards show it; without it, support is counted from the links alone. */
  support?: Readonly<Record<string, ClaimSupport>>
  /** The stored text of a content hash. */
  readText: (contentHash: string) => Promise<string>
}

function exportSource(source: Source, roots: ReadonlyMap<string, ImportRoot>): ExportSource {
  const clean = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim())
  const date = clean(source.meta.date)
  const root = roots.get(source.rootId)
  return {
    id: source.id,
    title: source.title.trim(),
    outlet: clean(source.meta.outlet),
    author: clean(source.meta.author),
    date: date === null ? null : citedDate(date),
    calendarDate: date === null ? null : calendarDate(date),
    url: clean(source.meta.url),
    format: source.format,
    language: clean(source.meta.language),
    folder: root?.name ?? null,
    relativePath: source.relativePath,
    fileUri: root === undefined ? null : pathToFileURL(join(root.path, source.relativePath)).href,
    tags: [...source.tags],
    missing: source.missing,
    contentHash: source.contentHash,
    pages: source.pageStarts === null || source.pageStarts.length === 0 ? null : source.pageStarts.length,
    ocr: source.ocr === null ? null : describeOcr(source.ocr, false, source.pageStarts?.length)
  }
}

function anchorState(annotation: Annotation): ExportAnchorState {
  if (annotation.anchor.state === 'orphan') return 'not-found'
  if (annotation.anchor.state === 'relocated') return annotation.anchor.previousQuote === null ? 'moved' : 'reworded'
  return 'exact'
}

/** How many stored texts are read at once. */
const READ_AHEAD = 16

/** What reading the current text says of a highlight's words: their context, or that they are not there. */
type Placed = { context: PassageContext } | { problem: string } | null

/**
 * Reads each stored text once, a few at a time, and keeps only what the highlights on it
 * need (their contexts), never the texts: an export of a large library holds one batch of
 * texts at a time. A text that cannot be read gives no context (null).
 */
async function placeHighlights(annotations: readonly Annotation[], storedById: ReadonlyMap<string, Source>, readText: (contentHash: string) => Promise<string>): Promise<Map<string, Placed>> {
  const byText = new Map<string, Annotation[]>()
  for (const annotation of annotations) {
    const stored = storedById.get(annotation.target.sourceId)
    // Only highlights on the text as it is now are looked for in it.
    if (stored === undefined || annotation.anchor.state === 'orphan' || annotation.target.contentHash !== stored.contentHash) continue
    const onText = byText.get(stored.contentHash)
    if (onText === undefined) byText.set(stored.contentHash, [annotation])
    else onText.push(annotation)
  }
  const placed = new Map<string, Placed>()
  const hashes = [...byText.keys()]
  for (let index = 0; index < hashes.length; index += READ_AHEAD) {
    await Promise.all(
      hashes.slice(index, index + READ_AHEAD).map(async (hash) => {
        const text = await readText(hash).catch(() => null)
        for (const annotation of byText.get(hash) ?? []) {
          const [quote, position] = annotation.target.selectors
          if (text === null) placed.set(annotation.id, null)
          else if (text.slice(position.start, position.end) === quote.exact) placed.set(annotation.id, { context: passageContext(text, position.start, position.end) })
          else placed.set(annotation.id, { problem: 'The words are no longer at these offsets in the source’s text.' })
        }
      })
    )
  }
  return placed
}

export async function buildExportSnapshot(input: SnapshotInput): Promise<ExportSnapshot> {
  const roots = new Map(input.roots.map((root) => [root.id, root]))
  const librarySources = input.sources.map((source) => exportSource(source, roots))
  const sourcesById = new Map(librarySources.map((source) => [source.id, source]))
  const storedById = new Map(input.sources.map((source) => [source.id, source]))
  const annotationsById = new Map(input.annotations.map((annotation) => [annotation.id, annotation]))
  const placed = await placeHighlights(input.annotations, storedById, input.readText)

  const passage = (annotation: Annotation, contradicts: boolean): ExportPassage => {
    const [quote, position] = annotation.target.selectors
    const stored = storedById.get(annotation.target.sourceId)
    let anchor = anchorState(annotation)
    let problem: string | null = null
    let context: PassageContext | null = null
    if (stored === undefined) {
      anchor = 'not-found'
      problem = 'Its source was removed from the project.'
    } else if (anchor === 'not-found' || annotation.target.contentHash !== stored.contentHash) {
      anchor = 'not-found'
      problem = 'The source has changed since; this passage was not found in its current text.'
    } else {
      const found = placed.get(annotation.id) ?? null
      if (found !== null && 'context' in found) context = found.context
      else if (found !== null) {
        anchor = 'not-found'
        problem = found.problem
      }
    }
    return {
      annotationId: annotation.id,
      source: sourcesById.get(annotation.target.sourceId) ?? null,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      context,
      // The offsets count the text the highlight was made on: the page of a passage not found in the current text is unknown.
      page: stored === undefined || anchor === 'not-found' ? null : pageAt(stored.pageStarts, position.start),
      start: position.start,
      end: position.end,
      anchor,
      previousQuote: annotation.anchor.previousQuote,
      contradicts,
      comment: annotation.comment,
      tags: [...annotation.tags],
      color: annotation.color,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
      problem
    }
  }

  const linked = new Set<string>()
  const cited = new Map<string, ExportSource>()
  const claims: ExportClaim[] = []
  for (const [index, claim] of input.claims.entries()) {
    const passages: ExportPassage[] = []
    for (const annotationId of claim.annotationIds) {
      linked.add(annotationId)
      const annotation = annotationsById.get(annotationId)
      if (annotation === undefined) continue
      const found = passage(annotation, claim.contradicting.includes(annotationId))
      passages.push(found)
      if (found.source !== null && !cited.has(found.source.id)) cited.set(found.source.id, found.source)
    }
    const holds = new Set(passages.filter((found) => found.anchor !== 'not-found').map((found) => found.annotationId))
    const support =
      input.support?.[claim.id] ??
      claimSupport(claim, annotationsById, () => 0, (annotation) => holds.has(annotation.id))
    const named = (id: string): ExportSource | undefined => sourcesById.get(id)
    claims.push({
      number: index + 1,
      id: claim.id,
      text: claim.text,
      status: support.status,
      statusLabel: SUPPORT_LABELS[support.status],
      backingSources: support.independentGroups.reduce((sum, group) => sum + group.length, 0),
      independentSources: support.independentGroups.length,
      contradictingSources: support.contradictingSources.map(named).filter((found) => found !== undefined),
      countedAsOne: support.sameOrigin.flatMap((pair) => {
        const copy = named(pair.copy)
        const original = named(pair.original)
        return copy === undefined || original === undefined ? [] : [{ copy, original, share: pair.containment }]
      }),
      passages
    })
  }

  const order = new Map(input.sources.map((source, position) => [source.id, position]))
  const unlinked = input.annotations.filter((annotation) => !linked.has(annotation.id))
  const groups = new Map<string, Annotation[]>()
  for (const annotation of unlinked) {
    const group = groups.get(annotation.target.sourceId)
    if (group === undefined) groups.set(annotation.target.sourceId, [annotation])
    else group.push(annotation)
  }
  const otherHighlights: ExportSnapshot['otherHighlights'] = []
  const byLibraryOrder = [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
  for (const [sourceId, annotations] of byLibraryOrder) {
    const sorted = [...annotations].sort((a, b) => a.target.selectors[1].start - b.target.selectors[1].start || a.createdAt.localeCompare(b.createdAt))
    const passages: ExportPassage[] = []
    for (const annotation of sorted) passages.push(passage(annotation, false))
    otherHighlights.push({ source: sourcesById.get(sourceId) ?? null, sourceId, passages })
  }

  return {
    projectName: input.projectName,
    exportedAt: input.exportedAt,
    claims,
    otherHighlights,
    citedSources: [...cited.values()],
    librarySources,
    offsetsNote: OFFSETS_NOTE
  }
}

/** The counts the Export dialog shows, the same for every format. */
export function snapshotCounts(snapshot: ExportSnapshot): { claims: number; passages: number; otherHighlights: number; notFound: number } {
  const linked = snapshot.claims.flatMap((claim) => claim.passages)
  const other = snapshot.otherHighlights.flatMap((group) => group.passages)
  return {
    claims: snapshot.claims.length,
    passages: linked.length,
    otherHighlights: other.length,
    notFound: [...linked, ...other].filter((found) => found.anchor === 'not-found').length
  }
}
