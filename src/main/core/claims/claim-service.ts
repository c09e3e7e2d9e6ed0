// The reporter's claims, in order, each linking to the annotations that back it.
import { randomUUID } from 'node:crypto'
import type { Claim } from '../../../shared/domain/claim'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'

export class ClaimService {
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
    const claim: Claim = { id: randomUUID(), text, annotationIds: [], createdAt: stamp, updatedAt: stamp }
    this.store.notes.data.claims.push(claim)
    await this.store.notes.write()
    return claim
  }

  async update(id: string, text: string): Promise<Claim> {
    const claim = this.#find(id)
    claim.text = text
    claim.updatedAt = this.now().toISOString()
    await this.store.notes.write()
    return claim
  }

  async move(id: string, toIndex: number): Promise<Claim[]> {
    const claims = this.store.notes.data.claims
    const claim = this.#find(id)
    claims.splice(claims.indexOf(claim), 1)
    claims.splice(Math.min(toIndex, claims.length), 0, claim)
    await this.store.notes.write()
    return claims
  }

  async delete(id: string): Promise<null> {
    const notes = this.store.notes.data
    this.#find(id)
    notes.claims = notes.claims.filter((claim) => claim.id !== id)
    await this.store.notes.write()
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
      await this.store.notes.write()
    }
    return claim
  }

  async unlink(claimId: string, annotationId: string): Promise<Claim> {
    const claim = this.#find(claimId)
    if (claim.annotationIds.includes(annotationId)) {
      claim.annotationIds = claim.annotationIds.filter((linked) => linked !== annotationId)
      claim.updatedAt = this.now().toISOString()
      await this.store.notes.write()
    }
    return claim
  }
}
