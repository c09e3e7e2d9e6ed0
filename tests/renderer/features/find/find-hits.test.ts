import { describe, expect, it } from 'vitest'
import { computeFindResults } from '../../../../src/renderer/src/features/find/find-hits'

const texts = {
  a: { sourceId: 'a', contentHash: 'a'.repeat(64), text: 'Lee Sok\u2011bae and Lee Sok-bae' },
  b: { sourceId: 'b', contentHash: 'b'.repeat(64), text: 'Envoy Lee Sok-bae; Lee Seok-pae; LEE SOK-BAE' }
}

describe('computeFindResults', () => {
  it('counts hits across panes in reading order and places the cursor in the right pane', () => {
    const panes = [
      { id: 'p1', sourceId: 'a' },
      { id: 'p2', sourceId: 'b' }
    ]
    const results = computeFindResults(panes, texts, 'lee sok-bae', 3)
    expect(results.total).toBe(4)
    expect(results.byPane['p1']).toHaveLength(2)
    expect(results.current).toEqual({ paneId: 'p2', index: 1 })
  })

  it('folds a cursor left beyond the end (a pane closed) back onto an existing hit', () => {
    const results = computeFindResults([{ id: 'p1', sourceId: 'a' }, { id: 'p2', sourceId: null }], texts, 'Lee Sok-bae', 3)
    expect(results.total).toBe(2)
    expect(results.position).toBe(1)
    expect(results.current).toEqual({ paneId: 'p1', index: 1 })
  })

  it('finds nothing for a blank query', () => {
    expect(computeFindResults([{ id: 'p1', sourceId: 'a' }], texts, '  ', 0)).toMatchObject({ total: 0, current: null })
  })
})
