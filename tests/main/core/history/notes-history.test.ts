import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { COALESCE_MS, NotesHistory } from '../../../../src/main/core/history/notes-history'
import { Workbench } from '../../../../src/main/core/workbench'
import type { HistoryState } from '../../../../src/shared/domain/history'
import { useTempDirs } from '../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../seeds')

describe('NotesHistory', () => {
  const tempDir = useTempDirs()

  async function setUp() {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir, now: () => new Date('2026-01-16T10:00:00Z') })
    await workbench.boot()
    const api = createCoreHandlers(workbench)
    const states: HistoryState[] = []
    workbench.events.on('historyChanged', (state) => states.push(state))
    const sources = workbench.project.store.library.data.sources
    const highlight = async (index: number, phrase: string) => {
      const source = sources[index]!
      const text = (await workbench.project.library.sourceText(source.id)).text
      const start = text.indexOf(phrase)
      return api.createAnnotation({ sourceId: source.id, contentHash: source.contentHash, start, end: start + phrase.length, color: 'yellow', comment: '', tags: [] })
    }
    return { workbench, api, states, highlight }
  }

  it('undoes deleting a highlight with its claim links, stance included, and redoes it', async () => {
    const { workbench, api, states, highlight } = await setUp()
    const first = await highlight(0, 'Putin')
    const second = await highlight(1, 'Putin')
    const claimA = await api.createClaim({ text: 'Putin spoke' })
    const claimB = await api.createClaim({ text: 'Putin disagreed' })
    await api.linkAnnotation({ claimId: claimA.id, annotationId: first.id })
    await api.linkAnnotation({ claimId: claimA.id, annotationId: second.id })
    await api.linkAnnotation({ claimId: claimB.id, annotationId: first.id })
    await api.setLinkStance({ claimId: claimB.id, annotationId: first.id, contradicts: true })
    const notes = () => workbench.project.store.notes.data
    const before = structuredClone({ annotations: notes().annotations, claims: notes().claims })

    expect(await api.deleteAnnotation({ id: first.id })).toEqual({ unlinkedFromClaims: 2 })
    expect(states.at(-1)).toMatchObject({ undo: 'Delete highlight', redo: null })
    expect(await api.undo(undefined)).toMatchObject({ undone: 'Delete highlight', undo: 'Mark as contradicting', redo: 'Delete highlight' })
    expect({ annotations: notes().annotations, claims: notes().claims }).toEqual(before)
    expect(await api.redo(undefined)).toMatchObject({ redone: 'Delete highlight' })
    expect(notes().annotations.map((annotation) => annotation.id)).toEqual([second.id])
    expect(notes().claims.find((claim) => claim.id === claimB.id)).toMatchObject({ annotationIds: [], contradicting: [] })
    // Undone work is on disk, not only in memory.
    await api.undo(undefined)
    const reopened = new Workbench({ dataDir: dirname(dirname(workbench.project.store.dir)), seedsDir: null })
    await reopened.boot()
    expect(reopened.project.store.notes.data.annotations.map((annotation) => annotation.id)).toEqual([first.id, second.id])
  }, 30_000)

  it('undoes claims step by step: typing in one claim is one step, then move, delete and create', async () => {
    const { workbench, api } = await setUp()
    const claims = () => workbench.project.store.notes.data.claims.map((claim) => claim.text)
    const one = await api.createClaim({ text: '' })
    for (const text of ['P', 'Pu', 'Putin', 'Putin spoke']) await api.updateClaim({ id: one.id, text })
    const two = await api.createClaim({ text: 'Second' })
    await api.moveClaim({ id: two.id, toIndex: 0 })
    await api.deleteClaim({ id: one.id })
    expect(claims()).toEqual(['Second'])
    expect((await api.undo(undefined)).undone).toBe('Delete claim')
    expect(claims()).toEqual(['Second', 'Putin spoke'])
    expect((await api.undo(undefined)).undone).toBe('Move claim')
    expect(claims()).toEqual(['Putin spoke', 'Second'])
    expect((await api.undo(undefined)).undone).toBe('New claim')
    expect((await api.undo(undefined)).undone).toBe('Edit claim')
    expect(claims()).toEqual([''])
    expect((await api.undo(undefined)).undone).toBe('New claim')
    expect(claims()).toEqual([])
    await expect(api.undo(undefined)).rejects.toThrow('history: nothing to undo')
    // A new change after undoing drops what could have been redone.
    expect((await api.redo(undefined)).redone).toBe('New claim')
    await api.createClaim({ text: 'Fresh' })
    expect(await api.historyState(undefined)).toMatchObject({ undo: 'New claim', redo: null })
  }, 30_000)

  it('undoes a name merge and a correction of a source’s details', async () => {
    const { workbench, api } = await setUp()
    const names = await api.nameGroups({ query: 'Lee', limit: 50 })
    const variants = names.groups.slice(0, 2).flatMap((group) => group.variants.slice(0, 1).map((variant) => variant.key))
    expect(variants).toHaveLength(2)
    const groupsBefore = (await api.nameGroups({ query: '', limit: 2000 })).total
    await api.decideNames({ kind: 'merge', variants })
    expect((await api.nameGroups({ query: '', limit: 2000 })).total).toBe(groupsBefore - 1)
    expect((await api.undo(undefined)).undone).toBe('Merge names')
    expect((await api.nameGroups({ query: '', limit: 2000 })).total).toBe(groupsBefore)
    expect(workbench.project.store.notes.data.nameDecisions).toEqual([])

    const source = workbench.project.store.library.data.sources[2]!
    const original = structuredClone({ title: source.title, meta: source.meta, editedFields: source.editedFields })
    await api.updateSource({ sourceId: source.id, title: 'Corrected', outlet: 'Korea JoongAng Daily' })
    expect((await api.undo(undefined)).undone).toBe('Edit source details')
    expect({ title: source.title, meta: source.meta, editedFields: source.editedFields }).toEqual(original)
  }, 30_000)

  it('undoes tagging and starring a source, and a saved search', async () => {
    const { workbench, api } = await setUp()
    const source = workbench.project.store.library.data.sources[1]!
    await api.tagSource({ sourceId: source.id, tags: ['Korea', 'reset'] })
    await api.tagSource({ sourceId: source.id, starred: true })
    expect(source).toMatchObject({ tags: ['Korea', 'reset'], starred: true })
    expect((await api.undo(undefined)).undone).toBe('Star source')
    expect(source).toMatchObject({ tags: ['Korea', 'reset'], starred: false })
    expect((await api.undo(undefined)).undone).toBe('Tag source')
    expect(source).toMatchObject({ tags: [], starred: false })
    await api.redo(undefined)
    await api.redo(undefined)
    expect(source).toMatchObject({ tags: ['Korea', 'reset'], starred: true })
    // Undone on disk, not only in memory.
    await api.undo(undefined)
    const reopened = new Workbench({ dataDir: dirname(dirname(workbench.project.store.dir)), seedsDir: null })
    await reopened.boot()
    expect(reopened.project.store.findSource(source.id)).toMatchObject({ tags: ['Korea', 'reset'], starred: false })

    const saved = await api.saveSearch({ name: 'Trade quote', query: '"positive results"', nameVariants: false })
    await api.deleteSavedSearch({ id: saved.id })
    expect(await api.listSavedSearches(undefined)).toEqual([])
    expect((await api.undo(undefined)).undone).toBe('Delete saved search')
    expect(await api.listSavedSearches(undefined)).toEqual([saved])
    expect((await api.undo(undefined)).undone).toBe('Save search')
    expect(await api.listSavedSearches(undefined)).toEqual([])
  }, 30_000)

  it('undoes a tag without taking back what a later re-import changed in the source', async () => {
    const { workbench, api } = await setUp()
    const source = workbench.project.store.library.data.sources[1]!
    await api.tagSource({ sourceId: source.id, tags: ['embassy'] })
    // As a re-import would: the file's new title and author arrive after the tag.
    source.title = 'A title the file has now'
    source.meta.author = 'A new byline'
    expect((await api.undo(undefined)).undone).toBe('Tag source')
    expect(source.tags).toEqual([])
    expect(source.title).toBe('A title the file has now')
    expect(source.meta.author).toBe('A new byline')
  }, 30_000)

  it('gives each step an id, so a notice can tell its own step from a later one with the same label', async () => {
    const { api } = await setUp()
    const first = await api.createClaim({ text: 'First' })
    const afterFirst = (await api.historyState(undefined)).undoStep
    await api.createClaim({ text: 'Second' })
    const afterSecond = (await api.historyState(undefined)).undoStep
    expect(afterFirst).not.toBeNull()
    expect(afterSecond).not.toBe(afterFirst)
    await api.deleteClaim({ id: first.id })
    expect((await api.historyState(undefined)).undoStep).not.toBe(afterSecond)
  }, 30_000)


  it('saves highlights asked for at once, each its own undo step, and refuses the ones on a changed text or a gone source', async () => {
    const { workbench, api, highlight } = await setUp()
    const sources = workbench.project.store.library.data.sources
    const asked = [
      ...Array.from({ length: 12 }, (_, index) => highlight(index % sources.length, 'the')),
      api.createAnnotation({ sourceId: sources[0]!.id, contentHash: 'f'.repeat(64), start: 0, end: 5, color: 'yellow', comment: '', tags: [] }),
      api.createAnnotation({ sourceId: 'no-such-source', contentHash: sources[0]!.contentHash, start: 0, end: 5, color: 'yellow', comment: '', tags: [] })
    ]
    const settled = await Promise.allSettled(asked)
    expect(settled.slice(0, 12).every((result) => result.status === 'fulfilled')).toBe(true)
    expect(settled[12]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/select the passage again/) } })
    expect(settled[13]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/no source no-such-source/) } })
    const saved = workbench.project.annotations.list()
    expect(saved).toHaveLength(12)
    expect(saved.every((annotation) => annotation.target.selectors[0].exact.toLowerCase() === 'the')).toBe(true)
    for (let step = 0; step < 12; step++) await api.undo(undefined)
    expect(workbench.project.annotations.list()).toHaveLength(0)
  }, 30_000)
  it('keeps one history per project for the session', async () => {
    const { workbench, api } = await setUp()
    await api.createClaim({ text: 'In the sample project' })
    const sample = workbench.projectInfo().current.id
    await api.createProject({ name: 'Other' })
    expect(await api.historyState(undefined)).toMatchObject({ undo: null, redo: null })
    await api.openProject({ projectId: sample })
    expect(await api.historyState(undefined)).toMatchObject({ undo: 'New claim', redo: null })
  }, 30_000)

  it('reads the text of a highlight being made or re-attached while the change waits its turn', async () => {
    const { workbench, api, highlight } = await setUp()
    const made = await highlight(0, 'Putin')
    const source = workbench.project.store.library.data.sources[0]!
    let release = (): void => undefined
    let holding = (): void => undefined
    const held = new Promise<void>((done) => (holding = done))
    // A change ahead in the queue, held until the reads have been seen.
    const ahead = workbench.project.history.record('Hold', {}, () =>
      new Promise<void>((done) => {
        release = done
        holding()
      })
    )
    await held
    const reads: string[] = []
    const readText = workbench.project.store.readText.bind(workbench.project.store)
    workbench.project.store.readText = (hash: string) => {
      reads.push(hash)
      return readText(hash)
    }
    const start = made.target.selectors[1].start
    const both = Promise.all([
      api.createAnnotation({ sourceId: source.id, contentHash: source.contentHash, start, end: start + 5, color: 'green', comment: '', tags: [] }),
      api.reattachAnnotation({ id: made.id, sourceId: source.id, contentHash: source.contentHash, start, end: start + 5 })
    ])
    expect(reads).toEqual([source.contentHash, source.contentHash])
    release()
    await ahead
    const [created, reattached] = await both
    expect(created.target.selectors[0].exact).toBe('Putin')
    expect(reattached.target.selectors[0].exact).toBe('Putin')
  })
})

describe('NotesHistory coalescing', () => {
  const tempDir = useTempDirs()

  it('merges edits with the same key only while they come quickly', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null })
    await workbench.boot()
    const store = workbench.project.store
    const history = new NotesHistory(store)
    const claim = await workbench.project.claims.create('')
    const edit = (text: string, now: number) => history.record('Edit claim', { claims: [claim.id] }, () => workbench.project.claims.update(claim.id, text), { key: 'c', now })
    await edit('a', 1000)
    await edit('ab', 2000)
    await edit('abc', 2000 + COALESCE_MS + 1)
    await history.undo()
    expect(store.notes.data.claims[0]?.text).toBe('ab')
    await history.undo()
    expect(store.notes.data.claims[0]?.text).toBe('')
  })
})
