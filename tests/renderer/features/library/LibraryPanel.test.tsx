import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { LibraryPanel } from '../../../../src/renderer/src/features/library/LibraryPanel'
import { EMPTY_META, type ImportRoot, type Source } from '../../../../src/shared/domain/source'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeAnnotation, makeSource } from '../../../helpers/factories'

function source(id: string, title: string, relativePath: string, words: number): Source {
  return makeSource({ id, title, relativePath, words, rootId: 'r1' })
}

// jsdom lays nothing out; give elements a size so the virtualised list renders rows.
function withLayout(): void {
  const sizes = { offsetHeight: 60, offsetWidth: 280, clientHeight: 800, clientWidth: 280 }
  const originals = Object.keys(sizes).map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)] as const)
  beforeAll(() => {
    for (const [key, value] of Object.entries(sizes)) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value })
  })
  afterAll(() => {
    for (const [key, descriptor] of originals) if (descriptor !== undefined) Object.defineProperty(HTMLElement.prototype, key, descriptor)
  })
}

describe('LibraryPanel', () => {
  afterEach(cleanup)
  withLayout()

  it('shows every source with its folder and words, and filters by title ignoring typographic variants', () => {
    useWorkbench.setState({
      appInfo: { version: 't', mode: 'browser', canPickFolder: false },
      roots: [{ id: 'r1', path: '/data/seeds', name: 'seeds', importedAt: '', complete: true }],
      sources: [
        source('s1', 'Putin Signals Reset of South Korea\u2011Russia Relations', '001.txt', 604),
        source('s2', 'Putin has hope in restoring Russia’s ties', 'wires/002.txt', 548)
      ]
    })
    render(<LibraryPanel />)
    expect(screen.getByText('2 sources')).toBeTruthy()
    expect(screen.getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByText('seeds/wires · 548 words')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'korea-russia' } })
    expect(screen.queryByText('Putin has hope in restoring Russia’s ties')).toBeNull()
    expect(screen.getByText('1 of 2')).toBeTruthy()
    expect(screen.getByText('Putin Signals Reset of South Korea\u2011Russia Relations')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'nothing like this' } })
    expect(screen.getByText('No title matches the filter.')).toBeTruthy()
  })

  it('opens a source into a pane when clicked', () => {
    const openSource = vi.fn(async () => undefined)
    useWorkbench.setState({ sources: [source('s1', 'A headline long enough', 'a.txt', 10)], openSource })
    render(<LibraryPanel />)
    fireEvent.click(screen.getByText('A headline long enough'))
    expect(openSource).toHaveBeenCalledWith('s1')
  })
})

describe('LibraryPanel with a large library', () => {
  afterEach(() => {
    cleanup()
    window.localStorage.clear()
    useWorkbench.setState({ libraryLoad: null })
  })
  withLayout()

  it('says how much of the library has arrived while it loads, and offers no folder removal until it has', () => {
    const first = Array.from({ length: 2_000 }, (_, index) => source(`s${index}`, `Story ${index}`, `${index}.txt`, 100))
    useWorkbench.setState({ sources: first, libraryLoad: { loaded: 2_000, total: 100_000 }, importing: null, roots: [{ id: 'r1', path: '/data/reuters', name: 'reuters', importedAt: '', complete: true }] })
    render(<LibraryPanel />)
    expect(screen.getByText('Loading 2,000 of 100,000…')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Group by folder'))
    expect((screen.getByRole('button', { name: 'Remove “reuters” from the project…' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'story 1999' } })
    expect(screen.getByText('1 of 2,000 · Loading 2,000 of 100,000…')).toBeTruthy()
    act(() => useWorkbench.setState({ libraryLoad: null }))
    expect(screen.getByText('1 of 2,000')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Remove “reuters” from the project…' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('renders only the rows in view of 20,000 sources, and filters all of them', () => {
    const many = Array.from({ length: 20_000 }, (_, index) => source(`s${index}`, `Reuters story number ${index} about grain`, `grain/${index}.txt`, 100))
    useWorkbench.setState({ sources: many, roots: [{ id: 'r1', path: '/data/reuters', name: 'reuters', importedAt: '', complete: true }] })
    render(<LibraryPanel />)
    const rows = screen.getAllByRole('listitem').length
    expect(rows).toBeGreaterThan(5)
    expect(rows).toBeLessThan(60)
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'number 19999' } })
    expect(screen.getByText('Reuters story number 19999 about grain')).toBeTruthy()
    expect(screen.getByText('1 of 20,000')).toBeTruthy()
  })
})

/** An API whose calls answer with what the test says; every call is recorded. */
function fakeApi(answers: Partial<Record<keyof Api, (input: unknown) => unknown>>): { api: Api; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push([method, input])
      if (method.startsWith('on')) return () => undefined
      const answer = answers[method as keyof Api]
      if (method === 'pathForDroppedFile') return answer === undefined ? null : answer(input)
      return Promise.resolve({ ok: true, value: answer === undefined ? null : answer(input) })
    }
  })
  return { api, calls }
}

const ROOTS: ImportRoot[] = [
  { id: 'r1', path: '/data/seeds', name: 'seeds', importedAt: '', complete: true },
  { id: 'r2', path: '/data/archive', name: 'archive', importedAt: '', complete: true }
]

function library(): Source[] {
  return [
    makeSource({ id: 's1', title: 'TASS on the ambassador', relativePath: '004.txt', rootId: 'r1', meta: { ...EMPTY_META, date: '2026-02-13' }, tags: ['Korea'] }),
    makeSource({ id: 's2', title: 'Anadolu: Putin has hope', relativePath: 'wires/002.txt', rootId: 'r1', meta: { ...EMPTY_META, date: '2026-01-16' }, starred: true }),
    makeSource({ id: 's3', title: 'An undated clipping', relativePath: 'old.txt', rootId: 'r2', tags: ['korea', 'trade'] })
  ]
}

function titles(): string[] {
  return Array.from(screen.getByTestId('source-list').querySelectorAll('.source-title')).map((title) => title.textContent ?? '')
}

describe('LibraryPanel sort, marks and folders', () => {
  afterEach(() => {
    cleanup()
    window.localStorage.clear()
  })
  withLayout()

  it('stars a source from its row with the keyboard-reachable toggle', async () => {
    const { api, calls } = fakeApi({ tagSource: (input) => ({ ...library()[0]!, ...(input as { starred: boolean }) }) })
    useWorkbench.setState({ api, roots: ROOTS, sources: library() })
    render(<LibraryPanel />)
    const starOf = (title: string) => within(screen.getByText(title).closest('[role="listitem"]') as HTMLElement).getByRole('button', { name: 'Star' })
    expect(starOf('TASS on the ambassador').getAttribute('aria-pressed')).toBe('false')
    expect(starOf('Anadolu: Putin has hope').getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(starOf('TASS on the ambassador'))
    await waitFor(() => expect(starOf('TASS on the ambassador').getAttribute('aria-pressed')).toBe('true'))
    expect(calls).toContainEqual(['tagSource', { sourceId: 's1', starred: true }])
  })

  it('shows only the starred sources or one tag (with counts), together with the text filter', () => {
    useWorkbench.setState({ roots: ROOTS, sources: library() })
    render(<LibraryPanel />)
    const show = screen.getByLabelText('Show') as HTMLSelectElement
    expect(Array.from(show.options).map((option) => option.textContent)).toEqual(['All sources', '★ Starred (1)', 'Tag: Korea (2)', 'Tag: trade (1)'])
    fireEvent.change(show, { target: { value: 'starred' } })
    expect(titles()).toEqual(['Anadolu: Putin has hope'])
    expect(screen.getByText('1 of 3')).toBeTruthy()
    fireEvent.change(show, { target: { value: 'tag:Korea' } })
    expect(titles()).toEqual(['TASS on the ambassador', 'An undated clipping'])
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'clipping' } })
    expect(titles()).toEqual(['An undated clipping'])
  })

  it('sorts by date, undated last, and remembers the order across a reload', () => {
    useWorkbench.setState({ roots: ROOTS, sources: library() })
    const { unmount } = render(<LibraryPanel />)
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'date' } })
    expect(titles()).toEqual(['Anadolu: Putin has hope', 'TASS on the ambassador', 'An undated clipping'])
    fireEvent.click(screen.getByRole('button', { name: 'Descending' }))
    expect(titles()).toEqual(['TASS on the ambassador', 'Anadolu: Putin has hope', 'An undated clipping'])
    unmount()
    render(<LibraryPanel />)
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('date')
    expect(screen.getByRole('button', { name: 'Descending' }).getAttribute('aria-pressed')).toBe('true')
    expect(titles()).toEqual(['TASS on the ambassador', 'Anadolu: Putin has hope', 'An undated clipping'])
  })

  it('groups sources under collapsible headers per imported folder and subfolder', () => {
    useWorkbench.setState({ roots: ROOTS, sources: library() })
    render(<LibraryPanel />)
    fireEvent.click(screen.getByLabelText('Group by folder'))
    const headers = () => screen.getAllByRole('button', { expanded: true }).map((header) => header.getAttribute('aria-label'))
    expect(headers()).toEqual(['archive (1 source)', 'seeds (2 sources)', 'wires (1 source)'])
    expect(titles()).toEqual(['An undated clipping', 'Anadolu: Putin has hope', 'TASS on the ambassador'])
    fireEvent.click(screen.getByRole('button', { name: 'seeds (2 sources)', expanded: true }))
    expect(titles()).toEqual(['An undated clipping'])
    expect(screen.getByRole('button', { name: 'seeds (2 sources)', expanded: false })).toBeTruthy()
    expect(JSON.parse(window.localStorage.getItem('sourcebench.library-view') ?? '{}')).toMatchObject({ groupByFolder: true })
  })

  it('removes a folder from the project after an in-app confirmation that says what happens to its highlights', async () => {
    const remaining = library().filter((source) => source.rootId === 'r2')
    const { api, calls } = fakeApi({
      removeFolder: () => ({ removedSources: 2, keptHighlights: 1 }),
      getProject: () => ({ current: { id: 'p', name: 'P', dir: '/p', createdAt: '' }, projects: [], warnings: [] }),
      listSources: () => ({ roots: [ROOTS[1]], sources: remaining, unwatchedRootIds: [], total: remaining.length, revision: 'e:1' }),
      listAnnotations: () => [],
      listClaims: () => [],
      claimSupport: () => ({})
    })
    useWorkbench.setState({
      api,
      roots: ROOTS,
      sources: library(),
      annotations: [makeAnnotation({ id: 'a1', sourceId: 's2', exact: 'Putin', contentHash: 'a'.repeat(64) })],
      importing: null,
      notices: []
    })
    render(<LibraryPanel />)
    fireEvent.click(screen.getByLabelText('Group by folder'))
    fireEvent.click(screen.getByRole('button', { name: 'Remove “seeds” from the project…' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Remove “seeds” from the project?' })
    expect(dialog.textContent).toContain('Its 2 sources leave the library and the search')
    expect(dialog.textContent).toContain('The 1 highlight on these sources is kept, listed as “source removed from the project”')
    // Cancel is where the focus starts, and Escape cancels.
    expect(document.activeElement?.textContent).toBe('Cancel')
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(calls.some(([method]) => method === 'removeFolder')).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: 'Remove “seeds” from the project…' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove from project' }))
    await waitFor(() => expect(titles()).toEqual(['An undated clipping']))
    expect(calls).toContainEqual(['removeFolder', { rootId: 'r1' }])
    expect(useWorkbench.getState().notices.at(-1)).toMatchObject({ kind: 'success', text: expect.stringContaining('Removed “seeds” (2 sources) from the project.'), action: { label: 'Undo' } })
  })
})

describe('LibraryPanel folder drop', () => {
  afterEach(cleanup)
  withLayout()

  function dropOn(target: Element, items: Array<{ name: string; folder: boolean | null }>): void {
    const files = items.map((item) => new File(['x'], item.name))
    const transfer = {
      types: ['Files'],
      files,
      dropEffect: 'none',
      items: items.map((item, index) => ({
        kind: 'file',
        getAsFile: () => files[index],
        ...(item.folder === null ? {} : { webkitGetAsEntry: () => ({ isDirectory: item.folder }) })
      }))
    }
    fireEvent.dragOver(target, { dataTransfer: transfer })
    fireEvent.drop(target, { dataTransfer: transfer })
  }

  it('imports a folder dropped on the library in the desktop app, and explains a dropped file', async () => {
    const importFolder = vi.fn(async () => undefined)
    const { api } = fakeApi({ pathForDroppedFile: (file) => `/home/ann/${(file as File).name}` })
    useWorkbench.setState({ api, importFolder, roots: ROOTS, sources: library(), notices: [] })
    render(<LibraryPanel />)
    const target = screen.getByRole('complementary', { name: 'Library' })
    fireEvent.dragOver(target, { dataTransfer: { types: ['Files'], dropEffect: 'none' } })
    expect(screen.getByText('Drop a folder to import it')).toBeTruthy()
    dropOn(target, [
      { name: 'leak', folder: true },
      { name: 'memo.pdf', folder: false }
    ])
    await waitFor(() => expect(importFolder).toHaveBeenCalledWith('/home/ann/leak'))
    expect(importFolder).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Drop a folder to import it')).toBeNull()
    expect(useWorkbench.getState().notices.map((notice) => notice.text)).toContain('“memo.pdf” is a file: drop the folder that holds it to import its sources.')
  })

  it('says to type the path in browser mode, where a dropped folder has none', () => {
    const importFolder = vi.fn(async () => undefined)
    const { api } = fakeApi({})
    useWorkbench.setState({ api, importFolder, notices: [] })
    render(<LibraryPanel />)
    dropOn(screen.getByRole('complementary', { name: 'Library' }), [{ name: 'leak', folder: true }])
    expect(importFolder).not.toHaveBeenCalled()
    expect(useWorkbench.getState().notices.at(-1)?.text).toMatch(/type the folder’s path in “Folder to import” instead/)
  })
})
