import { afterEach, describe, expect, it } from 'vitest'
import { loadPanes, savePanes } from '../../../src/renderer/src/app/pane-layout'
import { useWorkbench } from '../../../src/renderer/src/app/workbench-store'

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
