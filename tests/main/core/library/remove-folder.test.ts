import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { Workbench } from '../../../../src/main/core/workbench'
import { useTempDirs } from '../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../seeds')
const OWN_WORDS = `SEOUL, Jan 16 - South Korea's new envoy presented his papers in the Kremlin this week, where the Russian leader spoke warmly of past trade and said he wanted ties restored, officials in Seoul told reporters on Friday.\n`

describe('removing a folder from a project', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  async function setUp(options: { watchFolders?: boolean } = {}) {
    const dataDir = await tempDir()
    const workbench = new Workbench({ dataDir, seedsDir, now: () => new Date('2026-01-16T10:00:00Z'), ...options })
    open.push(workbench)
    await workbench.boot()
    const other = await tempDir()
    await writeFile(join(other, 'own-words.txt'), OWN_WORDS)
    await workbench.importFolder(other)
    const api = createCoreHandlers(workbench)
    const library = () => workbench.project.store.library.data
    const seedsRoot = library().roots.find((root) => root.path === seedsDir)!
    const highlight = async (sourceId: string, phrase: string) => {
      const { text, contentHash } = await api.getSourceText({ sourceId })
      const start = text.indexOf(phrase)
      return api.createAnnotation({ sourceId, contentHash, start, end: start + phrase.length, color: 'yellow', comment: '', tags: [] })
    }
    return { dataDir, other, workbench, api, library, seedsRoot, highlight }
  }

  it('takes its sources out of the library and the search, keeps their highlights as orphans no claim counts, and undo puts it all back', async () => {
    const { dataDir, api, library, seedsRoot, highlight } = await setUp()
    const seed = library().sources.find((source) => source.rootId === seedsRoot.id && source.relativePath.startsWith('002_'))!
    const own = library().sources.find((source) => source.relativePath === 'own-words.txt')!
    const onSeed = await highlight(seed.id, 'Putin')
    const onOwn = await highlight(own.id, 'wanted ties restored')
    const claim = await api.createClaim({ text: 'Putin wants ties restored' })
    await api.linkAnnotation({ claimId: claim.id, annotationId: onSeed.id })
    await api.linkAnnotation({ claimId: claim.id, annotationId: onOwn.id })
    expect((await api.claimSupport(undefined))[claim.id]?.status).toBe('corroborated')
    expect((await api.search({ query: 'Putin', limit: 30, offset: 0, nameVariants: false })).total).toBe(5)

    expect(await api.removeFolder({ rootId: seedsRoot.id })).toEqual({ removedSources: 5, keptHighlights: 1 })
    expect(library().roots.map((root) => root.id)).not.toContain(seedsRoot.id)
    expect(library().sources.map((source) => source.relativePath)).toEqual(['own-words.txt'])
    await expect(api.getSourceText({ sourceId: seed.id })).rejects.toThrow(/no source/)
    // The highlight stays, linked as before, but backs nothing while its source is gone.
    expect((await api.listAnnotations(undefined)).map((annotation) => annotation.id)).toEqual([onSeed.id, onOwn.id])
    expect((await api.listClaims(undefined))[0]?.annotationIds).toEqual([onSeed.id, onOwn.id])
    expect(await api.claimSupport(undefined)).toMatchObject({ [claim.id]: { status: 'single' } })
    expect((await api.search({ query: 'Putin', limit: 30, offset: 0, nameVariants: false })).total).toBe(0)
    expect(await api.historyState(undefined)).toMatchObject({ undo: 'Remove folder from project', redo: null })

    expect((await api.undo(undefined)).undone).toBe('Remove folder from project')
    expect(library().roots[0]?.id).toBe(seedsRoot.id)
    expect(library().sources).toHaveLength(6)
    expect(library().sources.slice(0, 5).every((source) => source.rootId === seedsRoot.id)).toBe(true)
    expect((await api.getSourceText({ sourceId: seed.id })).contentHash).toBe(seed.contentHash)
    expect((await api.search({ query: 'Putin', limit: 30, offset: 0, nameVariants: false })).total).toBe(5)
    expect((await api.claimSupport(undefined))[claim.id]?.status).toBe('corroborated')

    await api.redo(undefined)
    expect(library().sources).toHaveLength(1)
    expect((await api.search({ query: 'Putin', limit: 30, offset: 0, nameVariants: false })).total).toBe(0)

    // On disk too: a restart neither brings the folder back nor loses the highlight or its text.
    // (Last: a second workbench on the same folder collects the texts nothing refers to any more.)
    const reopened = new Workbench({ dataDir, seedsDir: null })
    open.push(reopened)
    await reopened.boot()
    expect(reopened.project.store.library.data.sources).toHaveLength(1)
    expect(reopened.project.store.notes.data.annotations).toHaveLength(2)
    expect((await reopened.project.search.search('Putin')).total).toBe(0)
    expect(await readdir(join(reopened.project.store.dir, 'texts'))).toContain(`${seed.contentHash}.txt`)

  }, 60_000)

  it('brings the highlights back when the same folder is imported again', async () => {
    const { workbench, api, library, seedsRoot, highlight } = await setUp()
    const seed = library().sources.find((source) => source.rootId === seedsRoot.id)!
    const marked = await highlight(seed.id, 'Putin')
    await api.removeFolder({ rootId: seedsRoot.id })
    await workbench.importFolder(seedsDir)
    expect(library().sources.find((source) => source.id === seed.id)?.contentHash).toBe(seed.contentHash)
    expect((await api.listAnnotations(undefined)).find((annotation) => annotation.id === marked.id)?.anchor.state).toBe('exact')
  }, 60_000)

  it('refuses a folder that is not in the project', async () => {
    const { api } = await setUp()
    await expect(api.removeFolder({ rootId: 'root_nothing' })).rejects.toThrow('library: no folder root_nothing in this project')
    expect(await api.historyState(undefined)).toMatchObject({ undo: null, redo: null })
  }, 60_000)

  it('stops watching the folder, and watches it again after undo', async () => {
    const { other, workbench, api, library } = await setUp({ watchFolders: true })
    const otherRoot = library().roots.find((root) => root.path !== seedsDir)!
    const watching = () => workbench.watchedFolders().filter((folder) => folder === otherRoot.path || folder.startsWith(`${otherRoot.path}/`))
    await expect.poll(() => watching().length, { timeout: 10_000 }).toBeGreaterThan(0)
    await api.removeFolder({ rootId: otherRoot.id })
    expect(watching()).toEqual([])
    await writeFile(join(other, 'late.txt'), 'Written after the folder left the project.\n')
    await new Promise((done) => setTimeout(done, 2000))
    await workbench.idle()
    expect(library().sources.some((source) => source.rootId === otherRoot.id)).toBe(false)
    expect(library().roots).toHaveLength(1)

    await api.undo(undefined)
    // Watched again: the file written meanwhile, and the next one, show up by themselves.
    await expect.poll(() => library().sources.filter((source) => source.rootId === otherRoot.id).length, { timeout: 10_000 }).toBe(2)
    await writeFile(join(other, 'later.txt'), 'Written after the folder came back.\n')
    await expect.poll(() => library().sources.filter((source) => source.rootId === otherRoot.id).length, { timeout: 10_000 }).toBe(3)
  }, 60_000)

  it('refuses to put a folder back over one imported inside it since, and keeps the step to try again', async () => {
    const { api, library, workbench } = await setUp()
    const folder = await tempDir()
    await mkdir(join(folder, 'sub'))
    await writeFile(join(folder, 'a.txt'), 'A note at the top.\n')
    await writeFile(join(folder, 'sub', 'b.txt'), 'A note in the subfolder.\n')
    await workbench.importFolder(folder)
    const root = library().roots.find((candidate) => candidate.name === basename(folder))!
    await api.removeFolder({ rootId: root.id })
    await workbench.importFolder(join(folder, 'sub'))
    await expect(api.undo(undefined)).rejects.toThrow(/cannot come back: .* was imported since and holds the same files/)
    expect(library().sources.filter((source) => source.relativePath === 'b.txt' || source.relativePath === 'sub/b.txt')).toHaveLength(1)
    expect(await api.historyState(undefined)).toMatchObject({ undo: 'Remove folder from project' })
  }, 60_000)
})
