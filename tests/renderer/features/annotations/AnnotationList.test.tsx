import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { AnnotationList } from '../../../../src/renderer/src/features/annotations/AnnotationList'
import type { Annotation, AnchorStatus } from '../../../../src/shared/domain/annotation'
import { makeAnnotation, makeSource } from '../../../helpers/factories'

const current = 'c'.repeat(64)
const old = 'o'.repeat(64)

function annotation(id: string, exact: string, contentHash: string, anchor: AnchorStatus): Annotation {
  return makeAnnotation({ id, sourceId: 's1', exact, contentHash, anchor })
}

describe('AnnotationList anchor states', () => {
  afterEach(cleanup)

  it('shows moved, reworded and orphaned highlights for what they are, and lists only the orphans on request', () => {
    useWorkbench.setState({
      sources: [makeSource({ id: 's1', title: 'JoongAng', relativePath: '003.txt', contentHash: current })],
      claims: [],
      reattachingId: null,
      annotations: [
        annotation('a1', 'achieved truly good results', current, { state: 'relocated', previousQuote: 'achieved truly positive results' }),
        annotation('a2', 'Georgy Zinoviev', old, { state: 'orphan', previousQuote: null }),
        annotation('a3', 'humanitarian exchanges', current, { state: 'relocated', previousQuote: null })
      ]
    })
    render(<AnnotationList />)
    expect(screen.getByTestId('previous-quote').textContent).toBe('was: “achieved truly positive results”')
    expect(screen.getAllByTestId('anchor-state').map((element) => element.textContent?.trim())).toEqual([
      'wording changed in the source',
      'not found in the current text',
      'moved after the source changed'
    ])
    fireEvent.click(screen.getByLabelText(/Only the 1 not found/))
    expect(screen.getAllByTestId('annotation-card')).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: 'Re-attach…' }))
    expect(useWorkbench.getState().reattachingId).toBe('a2')
  })
})

describe('AnnotationList and removed folders', () => {
  afterEach(cleanup)

  it('keeps a highlight whose source left the project, and says so instead of calling its passage missing', () => {
    useWorkbench.setState({
      sources: [],
      claims: [],
      reattachingId: null,
      sourcesArriving: false,
      annotations: [makeAnnotation({ id: 'gone', sourceId: 'removed', exact: 'positive capital', contentHash: current })]
    })
    render(<AnnotationList />)
    expect(screen.getByRole('heading', { name: 'Source removed from the project' })).toBeTruthy()
    expect(screen.getByTestId('anchor-state').textContent?.trim()).toBe('source removed from the project')
    expect(screen.getByTestId('annotation-card').textContent).toContain('“positive capital”')
    expect(screen.getByLabelText(/Only the 1 not found in their source’s current text or whose source was removed/)).toBeTruthy()
  })

  it('does not call a highlight’s source removed while the sources of highlights are still arriving', () => {
    useWorkbench.setState({
      sources: [],
      claims: [],
      reattachingId: null,
      sourcesArriving: true,
      annotations: [makeAnnotation({ id: 'later', sourceId: 's900000', exact: 'positive capital', contentHash: current })]
    })
    render(<AnnotationList />)
    expect(screen.getByRole('heading', { name: 'Opening the library…' })).toBeTruthy()
    expect(screen.queryByTestId('anchor-state')).toBeNull()
    expect(screen.queryByLabelText(/Only the/)).toBeNull()
    expect(screen.getByTestId('annotation-card').textContent).toContain('“positive capital”')
  })
})
