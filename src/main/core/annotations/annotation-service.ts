// Creating, editing and deleting annotations, and anchoring them again when a source's
// text changes. Every change is written before it is acknowledged to the caller.
import { randomUUID } from 'node:crypto'
import { EXACT_ANCHOR, type Annotation, type HighlightColor } from '../../../shared/domain/annotation'
import type { Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { anchorSelectors, describeRange } from '../../../shared/text/anchor'
import type { ProjectStore } from '../store/project-store'

export interface NewAnnotation {
  sourceId: string
  /** The hash of the text the user selected in, so a selection made on an older text is refused, not misplaced. */
  contentHash: string
  start: number
  end: number
  color: HighlightColor
  comment: string
  tags: string[]
}

export interface AnnotationChanges {
  id: string
  color?: HighlightColor | undefined
  comment?: string | undefined
  tags?: string[] | undefined
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))]
}

export class AnnotationService {
  constructor(
    private readonly store: ProjectStore,
    private readonly now: () => Date
  ) {}

  list(): Annotation[] {
    return this.store.notes.data.annotations
  }

  find(id: string): Annotation {
    const annotation = this.store.notes.data.annotations.find((candidate) => candidate.id === id)
    if (annotation === undefined) throw new UserError('not-found', `annotations: no annotation ${id}`)
    return annotation
  }

  /**
   * Starts reading the text a new highlight is made in, while the change waits its turn behind
   * others (a text never changes under its hash): the turn itself then does no file reading.
   */
  readAhead(input: Pick<NewAnnotation, 'contentHash'>): Promise<string> {
    const text = this.store.readText(input.contentHash)
    // Whoever awaits it sees the error; one that is never awaited (the change was refused first) is not an unhandled one.
    text.catch(() => undefined)
    return text
  }

  /** The source and text a selection was made in, refusing a stale text or a range outside it. */
  async #selectedText(input: Pick<NewAnnotation, 'sourceId' | 'contentHash' | 'start' | 'end'>, readAhead?: Promise<string>): Promise<{ source: Source; text: string }> {
    const source = this.store.findSource(input.sourceId)
    if (source === undefined) throw new UserError('not-found', `annotations: no source ${input.sourceId}`)
    const contentHash = source.contentHash
    if (contentHash !== input.contentHash) {
      throw new UserError('invalid-input', `annotations: "${source.title}" changed since the text was selected; select the passage again`)
    }
    const text = await (readAhead ?? this.store.readText(contentHash))
    if (input.end <= input.start || input.end > text.length) {
      throw new UserError(
        'invalid-input',
        `annotations: the range ${input.start}–${input.end} is not inside "${source.title}" (${text.length} characters)`
      )
    }
    if (text.slice(input.start, input.end).trim().length === 0) {
      throw new UserError('invalid-input', 'annotations: the selection holds only whitespace')
    }
    return { source, text }
  }

  /** readAhead: the text of input.contentHash, being read since the request came in (see readAhead). */
  async create(input: NewAnnotation, readAhead?: Promise<string>): Promise<Annotation> {
    const { source, text } = await this.#selectedText(input, readAhead)
    const contentHash = source.contentHash
    const stamp = this.now().toISOString()
    const annotation: Annotation = {
      id: randomUUID(),
      target: {
        sourceId: source.id,
        contentHash,
        selectors: describeRange(text, input.start, input.end)
      },
      anchor: { ...EXACT_ANCHOR },
      color: input.color,
      comment: input.comment,
      tags: uniqueTags(input.tags),
      createdAt: stamp,
      updatedAt: stamp
    }
    // A source a running import just added may exist only in memory: save it first, so
    // a crash can never keep the highlight and lose what it highlights.
    await this.store.saveLibrary()
    this.store.notes.data.annotations.push(annotation)
    await this.store.saveNotes({ annotations: [annotation.id] })
    return annotation
  }

  /** Attaches an annotation (typically an orphan) to a newly selected passage, keeping its comment, tags and claim links; readAhead as for create. */
  async reattach(id: string, input: Omit<NewAnnotation, 'color' | 'comment' | 'tags'>, readAhead?: Promise<string>): Promise<Annotation> {
    const annotation = this.find(id)
    const { source, text } = await this.#selectedText(input, readAhead)
    const oldQuote = annotation.target.selectors[0].exact
    annotation.target = { sourceId: source.id, contentHash: source.contentHash, selectors: describeRange(text, input.start, input.end) }
    const newQuote = annotation.target.selectors[0].exact
    annotation.anchor = { state: 'exact', previousQuote: newQuote === oldQuote ? null : oldQuote }
    annotation.updatedAt = this.now().toISOString()
    await this.store.saveLibrary()
    await this.store.saveNotes({ annotations: [annotation.id] })
    return annotation
  }

  async update(changes: AnnotationChanges): Promise<Annotation> {
    const annotation = this.find(changes.id)
    if (changes.color !== undefined) annotation.color = changes.color
    if (changes.comment !== undefined) annotation.comment = changes.comment
    if (changes.tags !== undefined) annotation.tags = uniqueTags(changes.tags)
    annotation.updatedAt = this.now().toISOString()
    await this.store.saveNotes({ annotations: [annotation.id] })
    return annotation
  }

  /** Deletes the annotation and its links from claims; says how many claims lost a link. */
  async delete(id: string): Promise<{ unlinkedFromClaims: number }> {
    const notes = this.store.notes.data
    this.find(id)
    notes.annotations = notes.annotations.filter((annotation) => annotation.id !== id)
    const unlinked: string[] = []
    for (const claim of notes.claims) {
      if (claim.annotationIds.includes(id)) {
        claim.annotationIds = claim.annotationIds.filter((linked) => linked !== id)
        claim.contradicting = claim.contradicting.filter((linked) => linked !== id)
        unlinked.push(claim.id)
      }
    }
    await this.store.saveNotes({ annotations: [id], claims: unlinked })
    return { unlinkedFromClaims: unlinked.length }
  }

  /**
   * Re-anchors the annotations of sources whose text changed. A placed annotation gets
   * fresh selectors on the new text; one that cannot be placed keeps its old target
   * (its hash then differs from the source's, which marks it as an orphan).
   */
  /** Re-anchors every annotation whose source text is not the one it was made on. */
  reanchorStale(): Promise<{ relocated: number; orphaned: number }> {
    // By the annotations, each source found by id (the id map is built once, and only if there are highlights).
    const stale = this.store.notes.data.annotations.filter((annotation) => {
      const source = this.store.findSource(annotation.target.sourceId)
      return source !== undefined && source.contentHash !== annotation.target.contentHash
    })
    return this.reanchor([...new Set(stale.map((annotation) => annotation.target.sourceId))])
  }

  async reanchor(sourceIds: readonly string[]): Promise<{ relocated: number; orphaned: number }> {
    const counts = { relocated: 0, orphaned: 0 }
    const changed: string[] = []
    // By id: a re-import of one changed file must not walk the whole library.
    const highlighted = new Set(this.store.notes.data.annotations.map((annotation) => annotation.target.sourceId))
    for (const sourceId of new Set(sourceIds)) {
      const source = this.store.findSource(sourceId)
      if (source === undefined || !highlighted.has(sourceId)) continue
      const text = await this.store.readText(source.contentHash).catch(() => null)
      if (text === null) continue // a damaged text is reported when the source is opened
      for (const annotation of this.store.notes.data.annotations) {
        if (annotation.target.sourceId !== source.id || annotation.target.contentHash === source.contentHash) continue
        const [quote, position] = annotation.target.selectors
        const anchor = anchorSelectors(text, quote, position)
        if (anchor.state === 'orphan') {
          annotation.anchor = { state: 'orphan', previousQuote: annotation.anchor.previousQuote }
          changed.push(annotation.id)
          counts.orphaned++
          continue
        }
        const newQuote = text.slice(anchor.start, anchor.end)
        const moved = anchor.start !== position.start || newQuote !== quote.exact
        annotation.anchor = {
          state: moved || annotation.anchor.state === 'relocated' ? 'relocated' : 'exact',
          // The wording it was first made on, kept across later edits.
          previousQuote: newQuote === quote.exact ? annotation.anchor.previousQuote : (annotation.anchor.previousQuote ?? quote.exact)
        }
        annotation.target = {
          sourceId: source.id,
          contentHash: source.contentHash,
          selectors: describeRange(text, anchor.start, anchor.end)
        }
        changed.push(annotation.id)
        counts.relocated++
      }
    }
    if (changed.length > 0) await this.store.saveNotes({ annotations: changed })
    return counts
  }
}
