import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ClaimCard } from '../../../../src/renderer/src/features/claims/ClaimCard'
import type { Annotation } from '../../../../src/shared/domain/annotation'
import { makeAnnotation, makeSource } from '../../../helpers/factories'

const current = 'c'.repeat(64)

function linked(id: string, sourceId: string, exact: string, contentHash: string, previousQuote: string | null): Annotation {
  return makeAnnotation({ id, sourceId, exact, contentHash, anchor: { state: previousQuote === null ? 'exact' : 'relocated', previousQuote } })
}

describe('ClaimCard', () => {
  afterEach(cleanup)

  it('counts distinct sources and says which links changed or were lost', () => {
    useWorkbench.setState({
      sources: [
        makeSource({ id: 's1', title: 'JoongAng', relativePath: '003.txt', contentHash: current }),
        makeSource({ id: 's2', title: 'TASS', relativePath: '004.txt', contentHash: current })
      ],
      annotations: [
        linked('a1', 's1', 'truly good results', current, 'truly positive results'),
        linked('a2', 's2', 'truly good results', 'o'.repeat(64), null),
        linked('a3', 's1', 'trade and business', current, null)
      ]
    })
    const claim = { id: 'c1', text: 'Putin praised past trade results', annotationIds: ['a1', 'a2', 'a3'], contradicting: [], createdAt: '', updatedAt: '' }
    useWorkbench.setState({
      support: { c1: { status: 'single', independentGroups: [['s1', 's2']], contradictingSources: [], sameOrigin: [{ copy: 's2', original: 's1', containment: 0.72 }], lostLinks: [] } }
    })
    render(<ClaimCard claim={claim} index={0} count={1} />)
    expect(screen.getByTestId('claim-support').textContent).toBe('2 sources')
    const status = screen.getByTestId('claim-status')
    expect(status.textContent).toBe('Single source (1 independent)')
    expect(status.getAttribute('title')).toBe('“TASS” counted with “JoongAng”: 72 % of its wording is the same')
    expect(screen.getByTestId('same-origin').textContent).toBe('Counted as one source: “TASS” counted with “JoongAng”: 72 % of its wording is the same.')
    expect(screen.getAllByTestId('link-anchor').map((element) => element.textContent)).toEqual([
      'Wording changed; was “truly positive results”',
      'Not found in the source’s current text'
    ])
    expect(screen.getAllByTestId('claim-link')).toHaveLength(3)
  })
})
