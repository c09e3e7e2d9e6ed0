// What every ProjectStorage must do, run against each one (the folder of lowdb segments,
// the in-memory reference, and any server-backed store added later): commits are whole,
// survive a reopen, and later ones win; notes edits replay in order.
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../../../src/shared/domain/claim'
import type { ProjectStorage } from '../../../../src/main/core/store/storage'
import { makeAnnotation, makeSource } from '../../../helpers/factories'

/** A storage to test, and a way to open another on the same data (a restart). */
export interface StorageUnderTest {
  storage: ProjectStorage
  reopen: () => Promise<ProjectStorage>
}

const root = { id: 'root', path: '/news', name: 'news', importedAt: '2026-01-01T00:00:00.000Z', complete: true }

function claim(id: string, text: string, annotationIds: string[] = []): Claim {
  return { id, text, annotationIds, contradicting: [], createdAt: '', updatedAt: '' }
}

function sources(count: number, prefix = 's') {
  return Array.from({ length: count }, (_, index) => makeSource({ id: `${prefix}${index}`, title: `Story ${index}`, relativePath: `${prefix}${index}.txt` }))
}

const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => a.id.localeCompare(b.id))

export function describeStorageConformance(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`ProjectStorage conformance: ${name}`, () => {
    it('gives back an empty library and empty notes before anything was stored', async () => {
      const { storage } = await make()
      expect(await storage.loadLibrary()).toEqual({ version: 1, roots: [], sources: [], failedFiles: {} })
      expect(await storage.loadNotes()).toEqual({ version: 1, annotations: [], claims: [], nameDecisions: [], savedSearches: [] })
    })

    it('keeps committed sources, folders and failed files across a reopen, and a later commit of a source wins', async () => {
      const { storage, reopen } = await make()
      const library = sources(2500)
      const lookup = (id: string) => library.find((source) => source.id === id)
      const failedFiles = { bad: { extractor: 3, rootId: 'root', size: 4, mtimeMs: 1, fileHash: null, reason: 'not a PDF' } }
      await storage.commitLibrary({ put: library, removed: [], meta: { roots: [root], failedFiles }, source: lookup })
      const edited = { ...library[1234]!, title: 'Corrected title', tags: ['leak'] }
      library[1234] = edited
      await storage.commitLibrary({ put: [edited], removed: ['s7', 's2000'], source: lookup })
      const again = await (await reopen()).loadLibrary()
      expect(again.roots).toEqual([root])
      expect(again.failedFiles).toEqual(failedFiles)
      expect(again.sources).toHaveLength(2498)
      expect(again.sources.find((source) => source.id === 's1234')).toEqual(edited)
      expect(again.sources.some((source) => source.id === 's7' || source.id === 's2000')).toBe(false)
      expect(byId(again.sources)).toEqual(byId(library.filter((source) => source.id !== 's7' && source.id !== 's2000')))
    })

    it('brings back a removed source when it is committed again, and keeps the meta when a commit does not carry it', async () => {
      const { storage, reopen } = await make()
      const library = sources(3)
      const lookup = (id: string) => library.find((source) => source.id === id)
      await storage.commitLibrary({ put: library, removed: [], meta: { roots: [root], failedFiles: {} }, source: lookup })
      await storage.commitLibrary({ put: [], removed: ['s1'], source: lookup })
      await storage.commitLibrary({ put: [library[1]!], removed: [], source: lookup })
      const again = await (await reopen()).loadLibrary()
      expect(byId(again.sources)).toEqual(byId(library))
      expect(again.roots).toEqual([root])
    })

    it('replays notes edits in order: added, edited, removed, and the small lists replaced whole', async () => {
      const { storage, reopen } = await make()
      await storage.loadNotes()
      const first = makeAnnotation({ id: 'a1', sourceId: 's1', exact: 'talks', contentHash: 'b'.repeat(64) })
      const second = makeAnnotation({ id: 'a2', sourceId: 's1', exact: 'trade', contentHash: 'b'.repeat(64) })
      await storage.appendNotes({ annotations: { put: [first, second], removed: [] }, claims: { put: [claim('c1', 'Talks went on')], removed: [] } })
      await storage.appendNotes({ annotations: { put: [{ ...first, comment: 'check the date' }], removed: ['a2'] } })
      await storage.appendNotes({ claims: { put: [claim('c1', 'Talks went on for hours', ['a1'])], removed: [] }, savedSearches: [] })
      const search = { id: 'q1', name: 'Seoul', query: 'Seoul', nameVariants: false, createdAt: '' }
      await storage.appendNotes({ savedSearches: [search] })
      const notes = await (await reopen()).loadNotes()
      expect(notes.annotations).toEqual([{ ...first, comment: 'check the date' }])
      expect(notes.claims).toEqual([claim('c1', 'Talks went on for hours', ['a1'])])
      expect(notes.savedSearches).toEqual([search])
    })

    it('keeps every one of many edits sent at once, and a whole replacement after them', async () => {
      const { storage, reopen } = await make()
      await storage.loadNotes()
      const made = Array.from({ length: 60 }, (_, index) => makeAnnotation({ id: `a${index}`, sourceId: 's1', exact: `word ${index}`, contentHash: 'c'.repeat(64) }))
      await Promise.all(made.map((annotation) => storage.appendNotes({ annotations: { put: [annotation], removed: [] } })))
      expect(byId((await (await reopen()).loadNotes()).annotations)).toEqual(byId(made))
      await storage.replaceNotes({ version: 1, annotations: made.slice(0, 5), claims: [claim('c9', 'Only this')], nameDecisions: [], savedSearches: [] })
      await storage.appendNotes({ annotations: { put: [], removed: ['a0'] } })
      const notes = await (await reopen()).loadNotes()
      expect(notes.annotations.map((annotation) => annotation.id)).toEqual(['a1', 'a2', 'a3', 'a4'])
      expect(notes.claims.map((record) => record.id)).toEqual(['c9'])
    })

    it('does not change what it stored when the caller changes its objects after a commit returned', async () => {
      const { storage, reopen } = await make()
      const library = sources(2)
      await storage.commitLibrary({ put: library, removed: [], meta: { roots: [root], failedFiles: {} }, source: (id) => library.find((source) => source.id === id) })
      await storage.loadNotes()
      const annotation = makeAnnotation({ id: 'a1', sourceId: 's1', exact: 'talks', contentHash: 'b'.repeat(64) })
      await storage.appendNotes({ annotations: { put: [annotation], removed: [] } })
      library[0]!.title = 'changed in memory only'
      annotation.comment = 'changed in memory only'
      const reopened = await reopen()
      expect((await reopened.loadLibrary()).sources.find((source) => source.id === 's0')?.title).toBe('Story 0')
      expect((await reopened.loadNotes()).annotations[0]?.comment).toBe('')
    })
  })
}
