import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { LibraryPanel } from '../../../../src/renderer/src/features/library/LibraryPanel'
import { EMPTY_META, type Source } from '../../../../src/shared/domain/source'

function source(id: string, title: string, relativePath: string, words: number): Source {
  return {
    id,
    rootId: 'r1',
    relativePath,
    title,
    format: 'text',
    meta: { ...EMPTY_META },
    editedFields: [],
    pageStarts: null,
    words,
    size: 1,
    mtimeMs: 0,
    contentHash: 'a'.repeat(64),
    importedAt: '',
    missing: false
  }
}

describe('LibraryPanel', () => {
  afterEach(cleanup)

  it('shows every source with its folder and words, and filters by title ignoring typographic variants', () => {
    useWorkbench.setState({
      appInfo: { version: 't', mode: 'browser', canPickFolder: false },
      roots: [{ id: 'r1', path: '/data/seeds', name: 'seeds', importedAt: '' }],
      sources: [
        source('s1', 'Putin Signals Reset of South Korea\u2011Russia Relations', '001.txt', 604),
        source('s2', 'Putin has hope in restoring Russia’s ties', 'wires/002.txt', 548)
      ]
    })
    render(<LibraryPanel />)
    expect(screen.getByText('2 sources')).toBeTruthy()
    expect(screen.getByText('seeds/wires · 548 words')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Filter sources by title'), { target: { value: 'korea-russia' } })
    expect(screen.queryByText('Putin has hope in restoring Russia’s ties')).toBeNull()
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
