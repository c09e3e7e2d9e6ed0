import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadPanes, savePanes } from '../../../src/renderer/src/app/pane-layout'
import { sourcesById } from '../../../src/renderer/src/app/sources-by-id'
import { useWorkbench } from '../../../src/renderer/src/app/workbench-store'
import { FIRST_PAGE, PAGE } from '../../../src/renderer/src/features/library/source-sync'
import type { Annotation } from '../../../src/shared/domain/annotation'
import type { Source } from '../../../src/shared/domain/source'
import type { Api, ApiInput, SourceList } from '../../../src/shared/ipc/contract'
import { makeAnnotation, makeSource } from '../../helpers/factories'

const text = (sourceId: string) => ({ sourceId, contentHash: sourceId.repeat(64).slice(0, 64), text: `Text of ${sourceId}` })

describe('workbench-store openSource', () => {
  afterEach(() => window.localStorage.clear())

  it('keeps a search result’s marks when the pane is refreshed, and drops them for another source', async () => {
    useWorkbench.setState({
      project: null,
      panes: [
        { id: 'p1', sourceId: 'a', query: '"positive results"' },
        { id: 'p2', sourceId: null }
      ],
      focusedPaneId: 'p1',
      texts: { a: text('a'), b: text('b') }
    })
    await useWorkbench.getState().openSource('a', 'p1')
    expect(useWorkbench.getState().panes[0]).toEqual({ id: 'p1', sourceId: 'a', query: '"positive results"' })
    await useWorkbench.getState().openSource('b', 'p1')
    expect(useWorkbench.getState().panes[0]).toEqual({ id: 'p1', sourceId: 'b' })
    await useWorkbench.getState().openSource('a', 'p2', 'putin')
    expect(useWorkbench.getState().panes[1]).toEqual({ id: 'p2', sourceId: 'a', query: 'putin' })
  })
})

describe('pane-layout', () => {
  it('remembers each pane’s source and search across a reload, forgetting sources that are gone', () => {
    savePanes(window.localStorage, 'project', [
      { id: 'p1', sourceId: 'a', query: 'putin' },
      { id: 'p2', sourceId: 'gone', query: 'x' }
    ])
    expect(loadPanes(window.localStorage, 'project', new Set(['a']))).toEqual([
      { id: 'p1', sourceId: 'a', query: 'putin' },
      { id: 'p2', sourceId: null }
    ])
  })
})

/**
 * The engine's side of list-sources as the contract describes it, over a plain list: the test
 * changes the list and says which ids it touched (null: a bulk change). Pages after the first
 * can be held back until the test lets them through.
 */
class FakeEngine {
  readonly roots = [{ id: 'r1', path: '/data/news', name: 'news', importedAt: '', complete: true }]
  readonly sources: Source[] = []
  readonly calls: Array<[string, unknown]> = []
  annotations: Annotation[] = []
  warnings: string[] = []
  /** Sources asked for by id are refused, as by an engine that failed. */
  failIds = false
  #counter = 0
  #floor = 0
  readonly #changedAt = new Map<string, number>()
  #held: Array<() => void> | null = null

  constructor(count: number) {
    for (let index = 0; index < count; index++) this.sources.push(story(index))
  }

  change(touch: (sources: Source[]) => void, ids: string[] | null): void {
    touch(this.sources)
    if (ids === null) this.#floor = ++this.#counter
    else for (const id of ids) this.#changedAt.set(id, ++this.#counter)
  }

  list(input: ApiInput<'listSources'>): SourceList {
    const base = { roots: this.roots, unwatchedRootIds: [], total: this.sources.length, revision: `e:${this.#counter}` }
    const byId = new Map(this.sources.map((source) => [source.id, source]))
    const found = (ids: string[]) => ({ sources: ids.flatMap((id) => byId.get(id) ?? []), removedIds: ids.filter((id) => !byId.has(id)) })
    if (input?.ids !== undefined) return { ...base, ...found(input.ids) }
    const page = this.sources.slice(input?.offset ?? 0, (input?.offset ?? 0) + (input?.limit ?? this.sources.length))
    if (input?.since === undefined) return { ...base, sources: page }
    const held = Number(input.since.slice(2))
    const changed = [...this.#changedAt].filter(([, at]) => at > held).map(([id]) => id)
    if (held < this.#floor || found(changed).sources.length > (input.limit ?? Infinity)) return { ...base, sources: page, reset: true }
    return { ...base, ...found(changed) }
  }

  #holdIds = false

  /** Pages asked for from now on wait until release(). */
  holdPages(): void {
    this.#held = []
  }

  /** As an engine still opening the library: pages and sources by id wait until release(). */
  holdOpening(): void {
    this.holdPages()
    this.#holdIds = true
  }

  release(): void {
    const held = this.#held ?? []
    this.#held = null
    this.#holdIds = false
    for (const resume of held) resume()
  }

  listCalls(): unknown[] {
    return this.calls.filter(([method]) => method === 'listSources').map(([, input]) => input)
  }

  api(): Api {
    const answers: Record<string, (input: unknown) => unknown> = {
      getProject: () => ({ current: { id: 'news', name: 'News', dir: '/p', createdAt: '' }, projects: [], warnings: [...this.warnings] }),
      listSources: (input) => this.list(input as ApiInput<'listSources'>),
      listAnnotations: () => this.annotations,
      listClaims: () => [],
      claimSupport: () => ({}),
      getSourceText: (input) => {
        const source = this.sources.find((candidate) => candidate.id === (input as { sourceId: string }).sourceId)
        return { sourceId: source?.id, contentHash: source?.contentHash, text: `Text of ${source?.title ?? ''}` }
      }
    }
    return new Proxy({} as Api, {
      get: (_target, method: string) => (input: unknown) => {
        this.calls.push([method, input])
        if (method.startsWith('on')) return () => undefined
        const refused = this.failIds && method === 'listSources' && (input as { ids?: string[] } | undefined)?.ids !== undefined
        const answer = async () => (refused ? { ok: false, error: { code: 'failed', message: 'store: the library could not be read' } } : { ok: true, value: answers[method]?.(input) ?? null })
        const asked = input as { offset?: number; ids?: string[] } | undefined
        const paged = method === 'listSources' && (typeof asked?.offset === 'number' || (this.#holdIds && asked?.ids !== undefined))
        if (paged && this.#held !== null) {
          const held = this.#held
          return new Promise<void>((resume) => held.push(resume)).then(answer)
        }
        return answer()
      }
    })
  }
}

function story(index: number, changes: Partial<Source> = {}): Source {
  return makeSource({ id: `s${index}`, title: `Story ${index}`, relativePath: `${index}.txt`, rootId: 'r1', contentHash: hashOf(`v1-${index}`), ...changes })
}

function hashOf(text: string): string {
  return Array.from({ length: 64 }, (_, at) => '0123456789abcdef'[(text.charCodeAt(at % text.length) + at) % 16]).join('')
}

describe('workbench-store refresh', () => {
  beforeEach(() => {
    window.localStorage.clear()
    useWorkbench.setState({ sources: [], texts: {}, panes: [], project: null, annotations: [], libraryLoad: null, notices: [] })
  })

  async function loadedFully(): Promise<void> {
    await vi.waitFor(() => expect(useWorkbench.getState().libraryLoad).toBeNull())
  }

  it('shows the first page of a large library at once and the rest as it arrives', async () => {
    const engine = new FakeEngine(FIRST_PAGE + 3_000)
    engine.holdPages()
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().sources).toHaveLength(FIRST_PAGE)
    expect(useWorkbench.getState().sources[0]?.title).toBe('Story 0')
    expect(useWorkbench.getState().libraryLoad).toEqual({ loaded: FIRST_PAGE, total: FIRST_PAGE + 3_000 })
    engine.release()
    await loadedFully()
    const { sources } = useWorkbench.getState()
    expect(sources.map((source) => source.id)).toEqual(engine.sources.map((source) => source.id))
    expect(engine.listCalls()).toEqual([{ limit: FIRST_PAGE }, { offset: FIRST_PAGE, limit: PAGE }, { since: expect.any(String), limit: PAGE }])
  })

  it('fetches the sources of highlights and remembered panes before the rest of the library', async () => {
    const engine = new FakeEngine(FIRST_PAGE + 3_000)
    engine.annotations = [makeAnnotation({ id: 'a1', sourceId: 's4500', exact: 'Story', contentHash: hashOf('v1-4500') })]
    window.localStorage.setItem('sourcebench.panes.news', JSON.stringify([{ id: 'p1', sourceId: 's4000' }, { id: 'p2', sourceId: 'gone' }]))
    engine.holdPages()
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    const shown = sourcesById(useWorkbench.getState().sources)
    expect(shown.get('s4500')?.title).toBe('Story 4500')
    expect(useWorkbench.getState().panes.map((pane) => pane.sourceId)).toEqual(['s4000', null])
    expect(useWorkbench.getState().texts.s4000?.text).toBe('Text of Story 4000')
    engine.release()
    await loadedFully()
    // In library order once every page is here, each source once.
    expect(useWorkbench.getState().sources.map((source) => source.id)).toEqual(engine.sources.map((source) => source.id))
  })

  it('shows the first page while the engine still opens the library, keeping the panes until their sources arrive', async () => {
    const engine = new FakeEngine(FIRST_PAGE + 3_000)
    window.localStorage.setItem('sourcebench.panes.news', JSON.stringify([{ id: 'p1', sourceId: 's4000' }, { id: 'p2', sourceId: 'gone' }]))
    engine.holdOpening()
    useWorkbench.setState({ api: engine.api() })
    const refreshed = useWorkbench.getState().refresh()
    await vi.waitFor(() => expect(useWorkbench.getState().sources).toHaveLength(FIRST_PAGE))
    expect(useWorkbench.getState().panes.map((pane) => pane.sourceId)).toEqual(['s4000', 'gone'])
    expect(useWorkbench.getState().sourcesArriving).toBe(true)
    engine.release()
    await refreshed
    expect(useWorkbench.getState().sourcesArriving).toBe(false)
    // The source that is gone empties its pane; the one that arrived is shown with its text.
    expect(useWorkbench.getState().panes.map((pane) => pane.sourceId)).toEqual(['s4000', null])
    expect(sourcesById(useWorkbench.getState().sources).get('s4000')?.title).toBe('Story 4000')
    expect(useWorkbench.getState().texts.s4000?.text).toBe('Text of Story 4000')
    await loadedFully()
  })

  it('keeps the panes as they are when their sources could not be asked for, and says why', async () => {
    const engine = new FakeEngine(FIRST_PAGE + 3_000)
    window.localStorage.setItem('sourcebench.panes.news', JSON.stringify([{ id: 'p1', sourceId: 's4000' }, { id: 'p2', sourceId: 'gone' }]))
    engine.failIds = true
    engine.holdPages()
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().panes.map((pane) => pane.sourceId)).toEqual(['s4000', 'gone'])
    expect(useWorkbench.getState().sourcesArriving).toBe(false)
    expect(useWorkbench.getState().notices.map((notice) => notice.text)).toEqual([expect.stringMatching(/library could not be read/)])
    engine.release()
    await loadedFully()
  })

  it('shows a project warning once: dismissed, it does not come back with the next refresh', async () => {
    const engine = new FakeEngine(5)
    engine.warnings = ['store: the library folders (meta.3.json) was damaged; it was set aside']
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    const shown = useWorkbench.getState().notices.filter((notice) => notice.text.includes('was damaged'))
    expect(shown).toHaveLength(1)
    useWorkbench.getState().dismissNotice(shown[0]!.id)
    engine.warnings.push('search: the saved search index could not be read (seg-4.sbs: checksum mismatch)')
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().notices.map((notice) => notice.text)).toEqual([expect.stringMatching(/checksum mismatch/)])
  })

  it('takes in only what changed on a refresh: an edited source replaced, a removed one gone, a new one added', async () => {
    const engine = new FakeEngine(50)
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    const before = useWorkbench.getState().sources
    engine.change((sources) => {
      sources[3] = story(3, { title: 'Story 3, corrected' })
      sources.splice(7, 1)
      sources.push(story(50))
    }, ['s3', 's7', 's50'])
    engine.calls.length = 0
    await useWorkbench.getState().refresh()
    expect(engine.listCalls()).toEqual([{ since: expect.any(String), limit: PAGE }])
    const after = useWorkbench.getState().sources
    expect(after).toHaveLength(50)
    expect(after[3]?.title).toBe('Story 3, corrected')
    expect(after.some((source) => source.id === 's7')).toBe(false)
    expect(after.at(-1)?.id).toBe('s50')
    // The sources that did not change are the same objects: nothing derived from them is worked out again.
    expect(sourcesById(after).get('s10')).toBe(before[10])
    // Nothing changed: the same list, so nothing re-renders.
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().sources).toBe(after)
  })

  it('drops a loaded text when its source’s text changed, and keeps the others', async () => {
    const engine = new FakeEngine(10)
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    await useWorkbench.getState().ensureText('s2')
    await useWorkbench.getState().ensureText('s5')
    engine.change((sources) => (sources[2] = story(2, { contentHash: hashOf('v2-2') })), ['s2'])
    await useWorkbench.getState().refresh()
    expect(Object.keys(useWorkbench.getState().texts)).toEqual(['s5'])
  })

  it('reloads the whole list, page by page, after a change the engine cannot tell source by source', async () => {
    const engine = new FakeEngine(PAGE + 2_500)
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    await loadedFully()
    engine.change((sources) => sources.splice(0, 100), null)
    engine.calls.length = 0
    await useWorkbench.getState().refresh()
    await loadedFully()
    expect(engine.listCalls()).toEqual([{ since: expect.any(String), limit: PAGE }, { offset: PAGE, limit: PAGE }, { since: expect.any(String), limit: PAGE }])
    expect(useWorkbench.getState().sources.map((source) => source.id)).toEqual(engine.sources.map((source) => source.id))
  })

  it('misses no source when one is removed while the pages are read', async () => {
    const engine = new FakeEngine(FIRST_PAGE + 3_000)
    engine.holdPages()
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    // Every later source moves forward by one: the next page starts one source too late.
    engine.change((sources) => sources.splice(0, 1), ['s0'])
    engine.release()
    await loadedFully()
    expect(useWorkbench.getState().sources.map((source) => source.id)).toEqual(engine.sources.map((source) => source.id))
  })

  it('keeps an edit answered by the engine in the list the next refresh patches', async () => {
    const engine = new FakeEngine(5)
    useWorkbench.setState({ api: engine.api() })
    await useWorkbench.getState().refresh()
    useWorkbench.getState().showSource(story(1, { title: 'Renamed' }))
    engine.change((sources) => (sources[4] = story(4, { title: 'Also renamed' })), ['s4'])
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().sources.map((source) => source.title)).toEqual(['Story 0', 'Renamed', 'Story 2', 'Story 3', 'Also renamed'])
    // The engine then reports the edit itself: the window already shows it, so the list is not replaced.
    const shown = useWorkbench.getState().sources
    engine.change((sources) => (sources[1] = story(1, { title: 'Renamed' })), ['s1'])
    await useWorkbench.getState().refresh()
    expect(useWorkbench.getState().sources).toBe(shown)
  })
})
