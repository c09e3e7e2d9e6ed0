import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ReaderPane } from '../../../../src/renderer/src/features/reader/ReaderPane'
import { makeSource } from '../../../helpers/factories'

const source = makeSource({ id: 's1', title: 'Band Aid 20 single storms to No 1', relativePath: 'a.txt' })

function showPane(sourceId: string | null, asked: string[]): void {
  useWorkbench.setState({ sources: [source], texts: {}, textsAsked: new Set(asked), annotations: [], roots: [], panes: [{ id: 'p1', sourceId }], focusedPaneId: 'p1' })
  render(<ReaderPane pane={{ id: 'p1', sourceId }} position={1} hits={[]} currentHit={0} />)
}

describe('ReaderPane while a large library opens', () => {
  afterEach(cleanup)

  it('says the text is loading while it is asked for', () => {
    showPane('s1', ['s1'])
    expect(screen.getByText('Loading the text…')).toBeTruthy()
    expect(screen.getByText(source.title)).toBeTruthy()
  })

  it('says a remembered pane’s source is being opened before the source has arrived, and asks for a source when it has none', () => {
    showPane('s900000', [])
    expect(screen.getByText('Opening this source…')).toBeTruthy()
    cleanup()
    showPane(null, [])
    expect(screen.getByText(/Choose a source in the library/)).toBeTruthy()
  })
})
