import { describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { querySourceList } from '../../../../src/main/core/store/source-list-query'
import type { Source } from '../../../../src/shared/domain/source'
import { makeSource } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('source-list-query', () => {
  const tempDir = useTempDirs()

  async function libraryOf(count: number): Promise<{ dir: string; store: ProjectStore }> {
    const dir = await tempDir()
    const store = await ProjectStore.open(dir)
    store.library.data.roots.push({ id: 'r1', path: '/data/news', name: 'news', importedAt: '', complete: true })
    for (let index = 0; index < count; index++) store.library.data.sources.push(makeSource({ id: `s${index}`, title: `Story ${index}`, relativePath: `${index}.txt`, rootId: 'r1' }))
    store.markLibraryChanged()
    await store.saveLibrary()
    return { dir, store }
  }

  const ids = (sources: readonly Source[]): string[] => sources.map((source) => source.id)

  it('lists the whole library when asked without input, as scripts do', async () => {
    const { store } = await libraryOf(5)
    const listed = querySourceList(store, undefined, ['r1'])
    expect(ids(listed.sources)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    expect(listed).toMatchObject({ roots: [{ id: 'r1' }], unwatchedRootIds: ['r1'], total: 5, revision: store.sourceChanges.revision })
  })

  it('gives every source exactly once, in library order, page after page', async () => {
    const { store } = await libraryOf(25)
    const seen: string[] = []
    for (let offset = 0; ; offset += 7) {
      const page = querySourceList(store, { offset, limit: 7 }, [])
      expect(page.total).toBe(25)
      if (page.sources.length === 0) break
      seen.push(...ids(page.sources))
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `s${index}`))
  })

  it('sends only the sources changed since the revision held, and the ids of those removed', async () => {
    const { store } = await libraryOf(10)
    const held = querySourceList(store, { limit: 4 }, []).revision
    const sources = store.library.data.sources
    sources[3] = { ...sources[3]!, title: 'Edited title' }
    sources.splice(7, 1)
    sources.push(makeSource({ id: 'new', title: 'Just imported', relativePath: 'new.txt', rootId: 'r1' }))
    store.sourcesRemoved()
    store.markLibraryChanged({ sources: ['s3', 's7', 'new'] })
    const changes = querySourceList(store, { since: held, limit: 100 }, [])
    expect(changes.reset).toBeUndefined()
    expect(changes.sources.map((source) => [source.id, source.title])).toEqual([
      ['s3', 'Edited title'],
      ['new', 'Just imported']
    ])
    expect(changes.removedIds).toEqual(['s7'])
    expect(changes.total).toBe(10)
    // Nothing changed since: an empty answer, not the library.
    expect(querySourceList(store, { since: changes.revision }, [])).toMatchObject({ sources: [], removedIds: [] })
  })

  it('answers reset and the first page after a change it cannot tell source by source, or one larger than the page', async () => {
    const { store } = await libraryOf(10)
    const held = querySourceList(store, { limit: 3 }, []).revision
    store.markLibraryChanged()
    const afterBulk = querySourceList(store, { since: held, limit: 3 }, [])
    expect(afterBulk).toMatchObject({ reset: true, total: 10 })
    expect(ids(afterBulk.sources)).toEqual(['s0', 's1', 's2'])
    store.markLibraryChanged({ sources: ['s1', 's2', 's5', 's6'] })
    const tooMany = querySourceList(store, { since: afterBulk.revision, limit: 3 }, [])
    expect(tooMany.reset).toBe(true)
    expect(ids(tooMany.sources)).toEqual(['s0', 's1', 's2'])
    expect(ids(querySourceList(store, { since: afterBulk.revision, limit: 4 }, []).sources)).toEqual(['s1', 's2', 's5', 's6'])
  })

  it('answers reset to a revision from before the project was opened again', async () => {
    const { dir, store } = await libraryOf(6)
    const held = querySourceList(store, { limit: 2 }, []).revision
    const reopened = await ProjectStore.open(dir)
    const answer = querySourceList(reopened, { since: held, limit: 2 }, [])
    expect(answer).toMatchObject({ reset: true, total: 6 })
    expect(ids(answer.sources)).toEqual(['s0', 's1'])
    expect(answer.revision).not.toBe(held)
  })

  it('sends the sources asked for by id, and says which are gone', async () => {
    const { store } = await libraryOf(6)
    const answer = querySourceList(store, { ids: ['s4', 'gone', 's1'] }, [])
    expect(ids(answer.sources)).toEqual(['s4', 's1'])
    expect(answer.removedIds).toEqual(['gone'])
  })
})
