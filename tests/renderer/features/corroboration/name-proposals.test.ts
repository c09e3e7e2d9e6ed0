import { describe, expect, it } from 'vitest'
import { confidenceWords, proposedPairs, sharedSources } from '../../../../src/renderer/src/features/corroboration/name-proposals'
import type { NameGroup } from '../../../../src/shared/domain/corroboration'

function group(id: string, sourceIds: string[], kind: NameGroup['kind'] = 'person'): NameGroup {
  const variant = { text: id, key: id, mentions: 1, sourceIds, sourceCount: sourceIds.length, spellings: [{ text: id, mentions: 1 }] }
  return { id, label: id, kind, confirmed: false, variants: [variant], sources: sourceIds.map((sourceId) => ({ sourceId, mentions: 1 })), sourceCount: sourceIds.length, mentions: 1 }
}

describe('name-proposals', () => {
  it('says how sure the matcher is in words, never as a bare number', () => {
    expect([0.9, 0.74, 0.68, 0.67, 0.6, 0.59, 0].map((confidence) => confidenceWords(confidence).word)).toEqual(['likely', 'likely', 'likely', 'possible', 'possible', 'weak', 'weak'])
    expect(confidenceWords(0.62).detail).toBe('possible match (62% sure)')
    expect(confidenceWords(Number.NaN).word).toBe('weak')
  })

  it('pairs each proposal with its two groups in the engine’s order, leaving out one whose group is missing', () => {
    const groups = [group('a', ['s1']), group('b', ['s1', 's2']), group('c', ['s3'])]
    const pairs = proposedPairs({
      groups,
      total: 3,
      sourcesScanned: 3,
      proposals: [
        { groupId: 'b', otherGroupId: 'c', confidence: 0.7, reason: 'r1', sharedSourceIds: [], sharedSourceCount: 0 },
        { groupId: 'a', otherGroupId: 'gone', confidence: 0.6, reason: 'r2', sharedSourceIds: [], sharedSourceCount: 0 },
        // The engine counts the shared sources: 40, of which the reply lists the first.
        { groupId: 'a', otherGroupId: 'b', confidence: 0.5, reason: 'r3', sharedSourceIds: ['s1'], sharedSourceCount: 40 }
      ]
    })
    expect(pairs.map((pair) => [pair.group.id, pair.other.id, pair.proposal.reason])).toEqual([
      ['b', 'c', 'r1'],
      ['a', 'b', 'r3']
    ])
    expect(sharedSources(pairs[1]!)).toEqual({ count: 40, sourceIds: ['s1'] })
    expect(sharedSources(pairs[0]!)).toEqual({ count: 0, sourceIds: [] })
  })
})
