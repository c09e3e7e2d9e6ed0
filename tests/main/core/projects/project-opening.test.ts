import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { dispatch } from '../../../../src/main/core/dispatch'
import { gateUntilOpen, ProjectOpening } from '../../../../src/main/core/projects/project-opening'
import { Workbench } from '../../../../src/main/core/workbench'
import type { ApiHandlers, SourceList } from '../../../../src/shared/ipc/contract'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { emptyLibrary, emptyNotes } from '../../../../src/main/core/store/storage'
import { makeAnnotation, makeSource } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

const STORY = 'The minister denied the report on Tuesday.'
const project = { id: 'p1', name: 'Leak', dir: '/nowhere', createdAt: '2026-01-16T10:00:00.000Z' }
const sources = Array.from({ length: 5 }, (_, n) => makeSource({ id: `s${n}`, title: `Story ${n}`, relativePath: `${n}.txt` }))

/** Whether a promise has settled after the turns already queued have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(
    () => (done = true),
    () => (done = true)
  )
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

function handlersOf(workbench: Workbench): ApiHandlers {
  const notAHost = async (): Promise<never> => {
    throw new Error('not used here')
  }
  return gateUntilOpen(workbench, { ...createCoreHandlers(workbench), getAppInfo: notAHost, pickFolder: notAHost, exportNotes: notAHost, pickBundle: notAHost, openExternalUrl: notAHost })
}

describe('ProjectOpening', () => {
  it('answers the first page from the parts read, with the library’s whole size, and a later page once it is read', async () => {
    const opening = new ProjectOpening()
    const data = { ...emptyLibrary(), sources: sources.slice(0, 2) }
    opening.library({ data, total: 5 }, 'r:0')
    const first = await opening.early.listSources!({ limit: 2 })
    expect(first).toMatchObject({ total: 5, revision: 'r:0', unwatchedRootIds: [] })
    expect(first?.sources.map((source) => source.id)).toEqual(['s0', 's1'])
    const second = opening.early.listSources!({ offset: 2, limit: 2 })
    expect(await settled(second)).toBe(false)
    data.sources.push(...sources.slice(2))
    opening.library({ data, total: 5 }, 'r:0')
    expect((await second)?.sources.map((source) => source.id)).toEqual(['s2', 's3'])
  })

  it('leaves to the open project what only it can tell: changes since a revision, the whole list, sources not read yet', async () => {
    const opening = new ProjectOpening()
    opening.library({ data: { ...emptyLibrary(), sources: sources.slice(0, 2) }, total: 5 }, 'r:0')
    expect(await opening.early.listSources!({ since: 'r:0', limit: 10 })).toBeNull()
    expect(await opening.early.listSources!(undefined)).toBeNull()
    expect((await opening.early.listSources!({ ids: ['s1'] }))?.sources.map((source) => source.id)).toEqual(['s1'])
    const unread = opening.early.listSources!({ ids: ['s1', 's4'] })
    expect(await settled(unread)).toBe(false)
    opening.end()
    expect(await unread).toBeNull()
  })

  it('answers the project once the projects are read, the notes once they are, and an empty history', async () => {
    const opening = new ProjectOpening()
    const info = opening.early.getProject!(undefined)
    opening.project({ current: project, projects: [project], warnings: [] })
    expect(await info).toEqual({ current: project, projects: [project], warnings: [] })
    const annotations = opening.early.listAnnotations!(undefined)
    expect(await settled(annotations)).toBe(false)
    const highlight = makeAnnotation({ id: 'a1', sourceId: 's0', exact: 'the leak', contentHash: 'a'.repeat(64) })
    opening.notes({ ...emptyNotes(), annotations: [highlight] })
    expect(await annotations).toEqual([highlight])
    expect(await opening.early.historyState!(undefined)).toEqual({ undo: null, redo: null, undoStep: null })
  })
})

describe('gateUntilOpen', () => {
  const tempDir = useTempDirs()

  /** A project of 1,200 sources (three library parts) and one highlight, closed again. */
  async function savedProject(): Promise<string> {
    const dataDir = await tempDir()
    const workbench = new Workbench({ dataDir, seedsDir: null })
    await workbench.boot()
    const store = workbench.project.store
    const many = Array.from({ length: 1200 }, (_, n) => makeSource({ id: `src_${String(n).padStart(5, '0')}`, title: `Story ${n}`, relativePath: `${n}.txt` }))
    many[1] = { ...many[1]!, contentHash: sha256(STORY) }
    await store.writeText(sha256(STORY), STORY)
    store.library.data.sources.push(...many)
    store.markLibraryChanged({ sources: many.map((source) => source.id) })
    await store.saveLibrary()
    store.notes.data.annotations.push(makeAnnotation({ id: 'ann_1', sourceId: 'src_01100', exact: 'Story', contentHash: 'a'.repeat(64) }))
    await store.saveNotes({ annotations: ['ann_1'] })
    await workbench.shutdown()
    return dataDir
  }

  it('lists the first page and the notes while the project is still opening; the rest waits for the open and agrees with it', async () => {
    const dataDir = await savedProject()
    const workbench = new Workbench({ dataDir, seedsDir: null })
    const handlers = handlersOf(workbench)
    const booting = workbench.boot()
    let open = false
    void booting.then(() => (open = true))
    const search = dispatch(handlers, 'search', { query: 'story', limit: 5 })
    const [first, annotations] = await Promise.all([dispatch(handlers, 'listSources', { limit: 100 }), dispatch(handlers, 'listAnnotations', undefined)])
    expect(open).toBe(false)
    const page = (first as { ok: true; value: SourceList }).value
    expect(page.total).toBe(1200)
    expect(page.sources.map((source) => source.id).slice(0, 2)).toEqual(['src_00000', 'src_00001'])
    expect(annotations).toMatchObject({ ok: true, value: [{ id: 'ann_1' }] })
    // A source of the first page is read without waiting for the open; a search waits for it.
    const text = await dispatch(handlers, 'getSourceText', { sourceId: 'src_00001' })
    expect(text).toEqual({ ok: true, value: { sourceId: 'src_00001', contentHash: sha256(STORY), text: STORY } })
    expect(await settled(search)).toBe(false)
    await booting
    expect(await search).toMatchObject({ ok: true })
    // The revision of the early page is the open library's: nothing changed since.
    const since = await dispatch(handlers, 'listSources', { since: page.revision, limit: 100 })
    expect(since).toMatchObject({ ok: true, value: { total: 1200, sources: [], removedIds: [] } })
    expect((since as { value: SourceList }).value.reset).toBeUndefined()
    await workbench.shutdown()
  }, 30_000)

  it('lists nothing early from a library whose manifest was lost: its size is known only once every part is read', async () => {
    const dataDir = await savedProject()
    const projects = join(dataDir, 'projects')
    const [projectDir] = await readdir(projects)
    await rm(join(projects, projectDir!, 'library', 'manifest.json'))
    const workbench = new Workbench({ dataDir, seedsDir: null })
    const handlers = handlersOf(workbench)
    const booting = workbench.boot()
    const first = await dispatch(handlers, 'listSources', { limit: 100 })
    expect(first).toMatchObject({ ok: true, value: { total: 1200 } })
    await booting
    await workbench.shutdown()
  }, 30_000)

  it('lets an open started at boot finish before a shutdown releases the project', async () => {
    const dataDir = await savedProject()
    const workbench = new Workbench({ dataDir, seedsDir: null })
    let open = false
    void workbench.boot().then(() => (open = true))
    await workbench.shutdown()
    expect(open).toBe(true)
  }, 30_000)
})
