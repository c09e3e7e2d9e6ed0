import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/domain/annotation'
import type { Claim } from '../../../src/shared/domain/claim'
import { claimSupport, stanceCounts } from '../../../src/shared/domain/support'
import { makeAnnotation } from '../../helpers/factories'

const hash = 'a'.repeat(64)

function claim(annotationIds: string[], contradicting: string[] = []): Claim {
  return { id: 'c1', text: 'Putin called the speech a first since 2022', annotationIds, contradicting, createdAt: '', updatedAt: '' }
}

function byId(...annotations: Annotation[]): Map<string, Annotation> {
  return new Map(annotations.map((annotation) => [annotation.id, annotation]))
}

const aggregator = makeAnnotation({ id: 'a1', sourceId: 'aggregator', exact: 'the first high-level Russian acknowledgment', contentHash: hash })
const aggregatorAgain = makeAnnotation({ id: 'a2', sourceId: 'aggregator', exact: 'since the 2022 sanctions episode', contentHash: hash })
const joongang = makeAnnotation({ id: 'a3', sourceId: 'joongang', exact: 'Putin said in December 2023', contentHash: hash })
const tass = makeAnnotation({ id: 'a4', sourceId: 'tass', exact: 'in June 2024', contentHash: hash })

describe('stanceCounts', () => {
  it('counts distinct sources for and against a claim, one source linked twice counting once', () => {
    const links = byId(aggregator, aggregatorAgain, joongang)
    expect(stanceCounts(claim(['a1', 'a2', 'a3'], ['a3']), links, [])).toEqual({ backing: 1, against: 1 })
  })

  it('leaves out links that lost their passage, on either side', () => {
    const links = byId(aggregator, joongang, tass)
    expect(stanceCounts(claim(['a1', 'a3', 'a4'], ['a3', 'a4']), links, ['a4'])).toEqual({ backing: 1, against: 1 })
    expect(stanceCounts(claim(['a1', 'a3'], ['a3']), links, ['a1', 'a3'])).toEqual({ backing: 0, against: 0 })
  })
})

describe('claimSupport', () => {
  const noCopies = (): number => 0

  it('keeps the single-source quotes of the passages backing this claim only', () => {
    const links = byId(aggregator, joongang, tass)
    const found = [
      { annotationId: 'a1', quote: 'goodwill has been squandered', groupId: 'g1' },
      { annotationId: 'a3', quote: 'a quote JoongAng alone carries', groupId: 'g2' },
      { annotationId: 'other', quote: 'a quote of another claim', groupId: 'g3' }
    ]
    const support = claimSupport(claim(['a1', 'a3', 'a4'], ['a3']), links, noCopies, () => true, found)
    expect(support.singleSourceQuotes).toEqual([found[0]])
  })

  it('drops the single-source quote of a link that lost its passage', () => {
    const support = claimSupport(claim(['a1']), byId(aggregator), noCopies, () => false, [{ annotationId: 'a1', quote: 'goodwill has been squandered', groupId: 'g1' }])
    expect(support).toMatchObject({ status: 'unsupported', lostLinks: ['a1'], singleSourceQuotes: [] })
  })
})
