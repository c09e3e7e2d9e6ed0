import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { SearchPanel } from '../../../../src/renderer/src/features/search/SearchPanel'
import { INDEXING_REFRESH_MS } from '../../../../src/renderer/src/features/search/useSearchPages'
import type { SearchResponse } from '../../../../src/shared/domain/search-results'
import type { Api, ApiInput } from '../../../../src/shared/ipc/contract'
import type { Result } from '../../../../src/shared/ipc/result'
import { makeSource } from '../../../helpers/factories'

type SearchInput = ApiInput<'search'>

/** A library of `count` sources ranked s000, s001, … for any query (3 for one with "rare"); `hold` keeps pages after the first back until released. */
function fakeSearch(count: number) {
  const calls: SearchInput[] = []
  const held: Array<() => void> = []
  let holding = false
  const search = (input: SearchInput = { query: '' }): Promise<Result<SearchResponse>> => {
    calls.push(input)
    const offset = input.offset ?? 0
    const limit = input.limit ?? 30
    const total = input.query.includes('rare') ? 3 : count
    const results = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => ({
      sourceId: `s${String(offset + k).padStart(3, '0')}`,
      score: total - offset - k,
      hits: 1,
      snippets: []
    }))
    const answer: Result<SearchResponse> = { ok: true, value: { results, total, rankMs: 1, tookMs: 2, warnings: [], problem: null } }
    if (!holding || offset === 0) return Promise.resolve(answer)
    return new Promise((resolve) => held.push(() => resolve(answer)))
  }
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (method === 'search' ? search : () => Promise.resolve({ ok: true, value: null }))
  })
  return {
    api,
    calls,
    hold: () => (holding = true),
    release: async () => {
      holding = false
      await act(async () => held.splice(0).forEach((resolve) => resolve()))
    }
  }
}

/** Generous waits: the panel waits for a typing pause, and the suite must pass on a busy machine. */
const PATIENCE = { timeout: 5000 }
const TEST_TIMEOUT = 15_000

function titles(): string[] {
  return Array.from(screen.getByTestId('search-results').querySelectorAll('.source-title')).map((title) => title.textContent ?? '')
}

function typeQuery(value: string): void {
  fireEvent.change(screen.getByLabelText('Search the library'), { target: { value } })
}

describe('SearchPanel', () => {
  beforeEach(() => {
    const sources = Array.from({ length: 80 }, (_, i) => {
      const id = `s${String(i).padStart(3, '0')}`
      return makeSource({ id, title: `Story ${id}`, relativePath: `${id}.txt` })
    })
    useWorkbench.setState({ sources })
  })
  afterEach(cleanup)

  it('says search is still indexing the library, asks again until it is done, and keeps the list where the user has it', async () => {
    const progress = [{ done: 4096, total: 10_000 }, { done: 8192, total: 10_000 }]
    const calls: SearchInput[] = []
    // Each answer finds ten more sources, as more of the import is indexed.
    const search = (input: SearchInput = { query: '' }): Promise<Result<SearchResponse>> => {
      calls.push(input)
      const total = 10 * calls.length
      const results = Array.from({ length: total }, (_, k) => ({ sourceId: `s${String(k).padStart(3, '0')}`, score: total - k, hits: 1, snippets: [] }))
      const indexing = progress[calls.length - 1]
      return Promise.resolve({ ok: true, value: { results, total, rankMs: 1, tookMs: 2, warnings: [], problem: null, ...(indexing === undefined ? {} : { indexing }) } })
    }
    const api = new Proxy({} as Api, { get: (_target, method: string) => (method === 'search' ? search : () => Promise.resolve({ ok: true, value: null })) })
    useWorkbench.setState({ api })
    render(<SearchPanel />)
    typeQuery('trade')
    await waitFor(() => expect(screen.getByTestId('search-indexing').textContent).toMatch(/Search is still indexing this library: 4,096 of 10,000 sources done/), PATIENCE)
    expect(titles()).toHaveLength(10)
    const list = screen.getByTestId('search-results')
    list.scrollTop = 200
    await waitFor(() => expect(screen.getByTestId('search-indexing').textContent).toMatch(/8,192 of 10,000/), PATIENCE)
    expect(titles()).toHaveLength(20)
    expect(list.scrollTop).toBe(200)
    await waitFor(() => expect(screen.queryByTestId('search-indexing')).toBeNull(), PATIENCE)
    expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–30 of 30')
    expect(calls).toHaveLength(3)
    expect(calls.every((call) => call.query === 'trade' && call.offset === 0)).toBe(true)
  }, TEST_TIMEOUT)

  it('never drops a page the user asked for to ask the first one again while indexing', async () => {
    const fake = fakeSearch(75)
    // Every answer says search is still indexing.
    const api = new Proxy(fake.api, {
      get: (target, method: string) =>
        method === 'search'
          ? async (input: SearchInput) => {
              const answer = await (target.search as (input: SearchInput) => Promise<Result<SearchResponse>>)(input)
              return answer.ok ? { ok: true, value: { ...answer.value, indexing: { done: 10, total: 100 } } } : answer
            }
          : (target as unknown as Record<string, unknown>)[method]
    })
    useWorkbench.setState({ api })
    render(<SearchPanel />)
    typeQuery('trade')
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–30 of 75'), PATIENCE)
    fake.hold()
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }))
    // Longer than the pause between asks: none is made while the page is on its way.
    await act(() => new Promise((resolve) => setTimeout(resolve, INDEXING_REFRESH_MS + 500)))
    await fake.release()
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–60 of 75'), PATIENCE)
    expect(fake.calls.map((call) => call.offset)).toEqual([0, 30])
  }, TEST_TIMEOUT)

  it('shows the first 30 of all the matches and appends the next page on "Show more", keeping what was shown', async () => {
    const fake = fakeSearch(75)
    useWorkbench.setState({ api: fake.api })
    render(<SearchPanel />)
    typeQuery('trade')
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–30 of 75'), PATIENCE)
    expect(fake.calls).toEqual([{ query: 'trade', limit: 30, offset: 0, nameVariants: false }])
    expect(titles()).toHaveLength(30)
    const firstItem = screen.getByTestId('search-results').querySelector('li')
    const list = screen.getByTestId('search-results')
    list.scrollTop = 400

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–60 of 75'), PATIENCE)
    expect(fake.calls.at(-1)).toEqual({ query: 'trade', limit: 30, offset: 30, nameVariants: false })
    expect(titles()).toEqual(Array.from({ length: 60 }, (_, i) => `Story s${String(i).padStart(3, '0')}`))
    // The first page is the same elements, still where the user had scrolled.
    expect(screen.getByTestId('search-results').querySelector('li')).toBe(firstItem)
    expect(list.scrollTop).toBe(400)

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–75 of 75'), PATIENCE)
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull()
    expect(titles().at(-1)).toBe('Story s074')
  }, TEST_TIMEOUT)

  it('can be used from the keyboard, and takes the focus to the first result it added', async () => {
    const fake = fakeSearch(75)
    useWorkbench.setState({ api: fake.api })
    render(<SearchPanel />)
    typeQuery('trade')
    const more = await screen.findByRole('button', { name: 'Show more' }, PATIENCE)
    expect(more.tagName).toBe('BUTTON')
    expect(more.tabIndex).toBe(0)
    more.focus()
    expect(document.activeElement).toBe(more)
    fireEvent.click(more)
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Story s030'), PATIENCE)
  }, TEST_TIMEOUT)

  it('asks for each page once, however often "Show more" is pressed while it loads', async () => {
    const fake = fakeSearch(75)
    useWorkbench.setState({ api: fake.api })
    render(<SearchPanel />)
    typeQuery('trade')
    const more = await screen.findByRole('button', { name: 'Show more' }, PATIENCE)
    fake.hold()
    fireEvent.click(more)
    fireEvent.click(screen.getByRole('button', { name: 'Loading…' }))
    expect(fake.calls.filter((call) => call.offset === 30)).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Loading…' }).getAttribute('aria-disabled')).toBe('true')
    await fake.release()
    await waitFor(() => expect(titles()).toHaveLength(60), PATIENCE)
  }, TEST_TIMEOUT)

  it('starts again from the first page, at the top, when the query changes', async () => {
    const fake = fakeSearch(75)
    useWorkbench.setState({ api: fake.api })
    render(<SearchPanel />)
    typeQuery('trade')
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }, PATIENCE))
    await waitFor(() => expect(titles()).toHaveLength(60), PATIENCE)
    const list = screen.getByTestId('search-results')
    list.scrollTop = 900

    typeQuery('rare words')
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–3 of 3'), PATIENCE)
    expect(fake.calls.at(-1)).toEqual({ query: 'rare words', limit: 30, offset: 0, nameVariants: false })
    expect(titles()).toEqual(['Story s000', 'Story s001', 'Story s002'])
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull()
    expect(list.scrollTop).toBe(0)
  }, TEST_TIMEOUT)

  it('drops a page that arrives after the query changed', async () => {
    const fake = fakeSearch(75)
    useWorkbench.setState({ api: fake.api })
    render(<SearchPanel />)
    typeQuery('trade')
    const more = await screen.findByRole('button', { name: 'Show more' }, PATIENCE)
    fake.hold()
    fireEvent.click(more)
    typeQuery('rare words')
    await waitFor(() => expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–3 of 3'), PATIENCE)
    await fake.release()
    expect(titles()).toEqual(['Story s000', 'Story s001', 'Story s002'])
    expect(screen.getByTestId('search-paging').textContent).toBe('Showing 1–3 of 3')
  }, TEST_TIMEOUT)
})
