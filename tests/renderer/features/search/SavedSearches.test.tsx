import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { SearchPanel } from '../../../../src/renderer/src/features/search/SearchPanel'
import type { SavedSearch } from '../../../../src/shared/domain/saved-search'
import type { Api, ApiInput } from '../../../../src/shared/ipc/contract'

/** An engine that keeps saved searches in memory, answers every search with nothing, and records the calls. */
function fakeEngine() {
  let saved: SavedSearch[] = []
  let next = 0
  const calls: Array<[string, unknown]> = []
  const answers: Record<string, (input: never) => unknown> = {
    listSavedSearches: () => saved,
    saveSearch: (input: ApiInput<'saveSearch'>) => {
      const search = { id: `saved-${++next}`, name: input.name, query: input.query, nameVariants: input.nameVariants ?? false, createdAt: '' }
      saved = [...saved, search]
      return search
    },
    deleteSavedSearch: (input: ApiInput<'deleteSavedSearch'>) => {
      saved = saved.filter((search) => search.id !== input.id)
      return null
    },
    search: () => ({ results: [], total: 0, rankMs: 0, tookMs: 1, warnings: [], problem: null })
  }
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push([method, input])
      if (method.startsWith('on')) return () => undefined
      return Promise.resolve({ ok: true, value: answers[method]?.(input as never) ?? null })
    }
  })
  return { api, calls }
}

const PATIENCE = { timeout: 5000 }

describe('SearchPanel saved searches', () => {
  afterEach(cleanup)

  it('saves the current query with its name-variant option under a name, runs it again with one click, and deletes it', async () => {
    const { api, calls } = fakeEngine()
    useWorkbench.setState({ api, project: { current: { id: 'p', name: 'P', dir: '/p', createdAt: '' }, projects: [], warnings: [] }, notices: [] })
    render(<SearchPanel />)
    const box = screen.getByLabelText('Search the library') as HTMLInputElement
    expect((screen.getByRole('button', { name: 'Save search' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(box, { target: { value: '"Lee Sok-bae"' } })
    fireEvent.click(screen.getByLabelText('Include spelling variants of confirmed names'))
    fireEvent.click(screen.getByRole('button', { name: 'Save search' }))
    const name = screen.getByLabelText('Name of the saved search') as HTMLInputElement
    expect(name.value).toBe('"Lee Sok-bae"')
    fireEvent.change(name, { target: { value: 'The ambassador' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const saved = await screen.findByRole('button', { name: 'The ambassador' }, PATIENCE)
    expect(calls).toContainEqual(['saveSearch', { name: 'The ambassador', query: '"Lee Sok-bae"', nameVariants: true }])
    expect(saved.getAttribute('aria-current')).toBe('true')

    fireEvent.change(box, { target: { value: 'something else' } })
    fireEvent.click(screen.getByLabelText('Include spelling variants of confirmed names'))
    expect(saved.getAttribute('aria-current')).toBeNull()
    fireEvent.click(saved)
    expect(box.value).toBe('"Lee Sok-bae"')
    expect((screen.getByLabelText('Include spelling variants of confirmed names') as HTMLInputElement).checked).toBe(true)
    await waitFor(() => expect(calls.filter(([method]) => method === 'search').at(-1)).toEqual(['search', { query: '"Lee Sok-bae"', limit: 30, offset: 0, nameVariants: true }]), PATIENCE)

    fireEvent.click(screen.getByRole('button', { name: 'Delete the saved search “The ambassador”' }))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'The ambassador' })).toBeNull(), PATIENCE)
    expect(useWorkbench.getState().notices.at(-1)).toMatchObject({ text: 'Deleted the saved search “The ambassador”.', action: { label: 'Undo' } })
  }, 15_000)

  it('lists the searches the project already has when it opens', async () => {
    const { api } = fakeEngine()
    await api.saveSearch({ name: 'Trade quote', query: '"positive results"', nameVariants: false })
    useWorkbench.setState({ api, project: { current: { id: 'q', name: 'Q', dir: '/q', createdAt: '' }, projects: [], warnings: [] } })
    render(<SearchPanel />)
    expect(await screen.findByRole('button', { name: 'Trade quote' }, PATIENCE)).toBeTruthy()
  }, 15_000)
})
