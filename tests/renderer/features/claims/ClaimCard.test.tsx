import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ClaimCard } from '../../../../src/renderer/src/features/claims/ClaimCard'
import { MAX_AUTO_HEIGHT_PX } from '../../../../src/renderer/src/features/claims/useAutoHeight'
import { AUTOSAVE_DELAY_MS } from '../../../../src/renderer/src/lib/use-autosave'
import type { Annotation } from '../../../../src/shared/domain/annotation'
import { EMPTY_META } from '../../../../src/shared/domain/source'
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

describe('ClaimCard with a passage against it or a quote only one source carries', () => {
  afterEach(cleanup)

  function claimOf(annotationIds: string[], contradicting: string[] = []) {
    return { id: 'c2', text: 'The speech was the first Russian acknowledgment since 2022', annotationIds, contradicting, createdAt: '', updatedAt: '' }
  }

  it('says "1 source for · 1 against", counting distinct sources and leaving lost links out, and marks the contradicting link', () => {
    useWorkbench.setState({
      sources: [
        makeSource({ id: 'agg', title: 'Putin Signals Reset', relativePath: '001.txt', contentHash: current }),
        makeSource({ id: 'jad', title: 'JoongAng Daily', relativePath: '003.txt', contentHash: current }),
        makeSource({ id: 'tass', title: 'TASS', relativePath: '004.txt', contentHash: current })
      ],
      annotations: [
        linked('b1', 'agg', 'the first high-level Russian acknowledgment', current, null),
        linked('b2', 'agg', 'since the 2022 sanctions episode', current, null),
        linked('x1', 'jad', 'Putin said in December 2023', current, null),
        linked('x2', 'tass', 'in June 2024', current, null)
      ],
      support: {
        c2: { status: 'disputed', independentGroups: [['agg']], contradictingSources: ['jad'], sameOrigin: [], lostLinks: ['x2'] }
      }
    })
    render(<ClaimCard claim={claimOf(['b1', 'b2', 'x1', 'x2'], ['x1', 'x2'])} index={0} count={1} />)
    expect(screen.getByTestId('claim-support').textContent).toBe('1 source for · 1 against')
    expect(screen.getByTestId('claim-status').textContent).toBe('Disputed')
    const links = screen.getAllByTestId('claim-link')
    expect(links.map((link) => link.querySelector('[data-testid="contradicts-badge"]')?.textContent ?? '')).toEqual(['', '', 'Contradicts', 'Contradicts'])
    const toggles = screen.getAllByRole('button', { name: 'Contradicts the claim' })
    expect(toggles.map((toggle) => toggle.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'true'])
  })

  it('says "No evidence yet" and "1 source" in the singular', () => {
    useWorkbench.setState({
      sources: [makeSource({ id: 'agg', title: 'Aggregator', relativePath: '001.txt', contentHash: current })],
      annotations: [linked('b1', 'agg', 'goodwill has been squandered', current, null)],
      support: {}
    })
    render(<ClaimCard claim={claimOf([])} index={0} count={2} />)
    render(<ClaimCard claim={claimOf(['b1'])} index={1} count={2} />)
    expect(screen.getAllByTestId('claim-support').map((element) => element.textContent)).toEqual(['No evidence yet', '1 source'])
  })

  it('warns that the claim quotes words only one source carries, and opens the passage from the warning', () => {
    const showAnnotation = vi.fn(() => Promise.resolve())
    useWorkbench.setState({
      showAnnotation,
      sources: [
        makeSource({ id: 'agg', title: 'Putin Signals Reset', relativePath: '001.txt', contentHash: current, meta: { ...EMPTY_META, outlet: 'Aggregator' } }),
        makeSource({ id: 'tass', title: 'TASS', relativePath: '004.txt', contentHash: current })
      ],
      annotations: [linked('b1', 'agg', 'goodwill has been squandered', current, null), linked('b2', 'tass', 'truly good results', current, null)],
      support: {
        c2: {
          status: 'corroborated',
          independentGroups: [['agg'], ['tass']],
          contradictingSources: [],
          sameOrigin: [],
          lostLinks: [],
          singleSourceQuotes: [{ annotationId: 'b1', quote: 'goodwill has been squandered', groupId: 'g1' }]
        }
      }
    })
    render(<ClaimCard claim={claimOf(['b1', 'b2'])} index={0} count={1} />)
    const warning = screen.getByTestId('single-source-quotes')
    expect(warning.textContent).toBe('Quotes words only one source carries: “goodwill has been squandered” (Aggregator)')
    fireEvent.click(screen.getByRole('button', { name: '“goodwill has been squandered” (Aggregator)' }))
    expect(showAnnotation).toHaveBeenCalledWith('b1')
  })
})

describe('ClaimCard text box', () => {
  const LINE_PX = 20
  const CHARS_PER_LINE = 40
  beforeEach(() => {
    vi.useFakeTimers()
    // jsdom lays nothing out: the text box's content height follows its text, 40 characters a line.
    Object.defineProperty(HTMLTextAreaElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLTextAreaElement) {
        return Math.max(2, Math.ceil(this.value.length / CHARS_PER_LINE)) * LINE_PX
      }
    })
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    delete (HTMLTextAreaElement.prototype as { scrollHeight?: number }).scrollHeight
  })

  it('grows with its text up to a maximum, then scrolls, and still saves what is typed after a pause', () => {
    const updateClaim = vi.fn(() => Promise.resolve())
    useWorkbench.setState({ updateClaim, sources: [], annotations: [], support: {} })
    const text = 'Putin said relations with Seoul could be restored. '.repeat(4)
    render(<ClaimCard claim={{ id: 'c3', text, annotationIds: [], contradicting: [], createdAt: '', updatedAt: '' }} index={0} count={1} />)
    const box = screen.getByLabelText<HTMLTextAreaElement>('Claim 1')
    expect(box.style.height).toBe(`${Math.ceil(text.length / CHARS_PER_LINE) * LINE_PX}px`)
    expect(box.style.overflowY).toBe('hidden')

    const longer = `${text}${'And more words the reporter keeps typing. '.repeat(20)}`
    fireEvent.change(box, { target: { value: longer } })
    expect(box.style.height).toBe(`${MAX_AUTO_HEIGHT_PX}px`)
    expect(box.style.overflowY).toBe('auto')
    expect(updateClaim).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS))
    expect(updateClaim).toHaveBeenCalledWith('c3', longer)
  })
})
