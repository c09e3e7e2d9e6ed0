// The reporter's claims, in order, each linking to the annotations that back it.
import { randomUUID } from 'node:crypto'
import type { Annotation } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import { claimSourceIds, claimSupport, type ClaimSupport, type SingleSourceQuote } from '../../../shared/domain/support'
import { containment, shingles } from './independence'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'

/** About 4 bytes a shingle: 8 M of them is 32 MB, a 20,000-article library's worth. */
const SHINGLE_CACHE_BUDGET = 8_000_000

export class ClaimService {
  /** Shingle hashes by text hash, least recently used first: a changed text gets a new entry, an unchanged one is not re-read. */
  readonly #shingles = new Map<string, Uint32Array>()
  #cachedShingles = 0

  constructor(
    private readonly store: ProjectStore,
    private readonly now: () => Date
  ) {}

  list(): Claim[] {
    return this.store.notes.data.claims
  }

  #find(id: string): Claim {
    const claim = this.store.notes.data.claims.find((candidate) => candidate.id === id)
    if (claim === undefined) throw new UserError('not-found', `claims: no claim ${id}`)
    return claim
  }

  async create(text: string): Promise<Claim> {
    const stamp = this.now().toISOString()
    const claim: Claim = { id: randomUUID(), text, annotationIds: [], contradicting: [], createdAt: stamp, updatedAt: stamp }
    this.store.notes.data.claims.push(claim)
    await this.store.saveNotes({ claims: [claim.id] })
    return claim
  }

  async update(id: string, text: string): Promise<Claim> {
    const claim = this.#find(id)
    claim.text = text
    claim.updatedAt = this.now().toISOString()
    await this.store.saveNotes({ claims: [id] })
    return claim
  }

  async move(id: string, toIndex: number): Promise<Claim[]> {
    const claims = this.store.notes.data.claims
    const claim = this.#find(id)
    claims.splice(claims.indexOf(claim), 1)
    claims.splice(Math.min(toIndex, claims.length), 0, claim)
    // The order is the change: the notes are written whole (a short list).
    await this.store.saveNotes()
    return claims
  }

  async delete(id: string): Promise<null> {
    const notes = this.store.notes.data
    this.#find(id)
    notes.claims = notes.claims.filter((claim) => claim.id !== id)
    await this.store.saveNotes({ claims: [id] })
    return null
  }

  async link(claimId: string, annotationId: string): Promise<Claim> {
    const claim = this.#find(claimId)
    if (!this.store.notes.data.annotations.some((annotation) => annotation.id === annotationId)) {
      throw new UserError('not-found', `claims: no annotation ${annotationId} to link`)
    }
    if (!claim.annotationIds.includes(annotationId)) {
      claim.annotationIds.push(annotationId)
      claim.updatedAt = this.now().toISOString()
      await this.store.saveNotes({ claims: [claimId] })
    }
    return claim
  }

  /** Marks a linked passage as contradicting the claim, or as supporting it again. */
  async setStance(claimId: string, annotationId: string, contradicts: boolean): Promise<Claim> {
    const claim = this.#find(claimId)
    if (!claim.annotationIds.includes(annotationId)) throw new UserError('not-found', `claims: annotation ${annotationId} is not linked to this claim`)
    const others = claim.contradicting.filter((id) => id !== annotationId)
    claim.contradicting = contradicts ? [...others, annotationId] : others
    claim.updatedAt = this.now().toISOString()
    await this.store.saveNotes({ claims: [claimId] })
    return claim
  }

  async #shinglesOf(sourceId: string): Promise<Uint32Array> {
    const source = this.store.findSource(sourceId)
    if (source === undefined) return new Uint32Array()
    const cached = this.#shingles.get(source.contentHash)
    if (cached !== undefined) {
      this.#shingles.delete(source.contentHash)
      this.#shingles.set(source.contentHash, cached)
      return cached
    }
    const text = await this.store.readText(source.contentHash).catch(() => '')
    const set = shingles(text)
    this.#shingles.set(source.contentHash, set)
    this.#cachedShingles += set.length
    for (const [hash, old] of this.#shingles) {
      if (this.#cachedShingles <= SHINGLE_CACHE_BUDGET) break
      this.#shingles.delete(hash)
      this.#cachedShingles -= old.length
    }
    return set
  }

  /**
   * Each claim's support status, with the sources treated as one and why; and, given a way
   * to find them (the quote ledger's), the backing passages that quote words only their own
   * source carries.
   */
  async support(
    findSingleSourceQuotes: (annotations: Annotation[]) => Promise<SingleSourceQuote[]> = () => Promise.resolve([])
  ): Promise<Record<string, ClaimSupport>> {
    const { annotations, claims } = this.store.notes.data
    const annotationsById = new Map(annotations.map((annotation) => [annotation.id, annotation]))
    const linked = new Set(claims.flatMap((claim) => claimSourceIds(claim, annotationsById)))
    const sets = new Map<string, Uint32Array>()
    for (const sourceId of linked) sets.set(sourceId, await this.#shinglesOf(sourceId))
    const measure = (copy: string, original: string): number => containment(sets.get(copy) ?? new Uint32Array(), sets.get(original) ?? new Uint32Array())
    // A passage whose source left the library, or that was not found in the source's current text, backs nothing.
    const holdsPassage = (annotation: Annotation): boolean =>
      annotation.anchor.state !== 'orphan' && this.store.findSource(annotation.target.sourceId) !== undefined
    const backing = new Set(claims.flatMap((claim) => claim.annotationIds.filter((id) => !claim.contradicting.includes(id))))
    const singleSource = await findSingleSourceQuotes(annotations.filter((annotation) => backing.has(annotation.id) && holdsPassage(annotation)))
    return Object.fromEntries(claims.map((claim) => [claim.id, claimSupport(claim, annotationsById, measure, holdsPassage, singleSource)]))
  }

  async unlink(claimId: string, annotationId: string): Promise<Claim> {
    const claim = this.#find(claimId)
    if (claim.annotationIds.includes(annotationId)) {
      claim.annotationIds = claim.annotationIds.filter((linked) => linked !== annotationId)
      claim.contradicting = claim.contradicting.filter((linked) => linked !== annotationId)
      claim.updatedAt = this.now().toISOString()
      await this.store.saveNotes({ claims: [claimId] })
    }
    return claim
  }
}
