import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { LibraryPanel } from '../../../../src/renderer/src/features/library/LibraryPanel'
import type { Source } from '../../../../src/shared/domain/source'
import { makeSource } from '../../../helpers/factories'

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
  afterEach(cleanup)
  withLayout()

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
