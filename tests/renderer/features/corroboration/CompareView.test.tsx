import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { CompareView } from '../../../../src/renderer/src/features/corroboration/CompareView'
import type { SourceAlignment } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

const SUMMARY = [
  'Putin said previously the countries achieved truly positive results in trade and business.',
  'The ambassador previously served in Moscow from 2019 to 2022 and knows the strained relations well.',
  'On Cuba, he stated that Moscow stands in solidarity with their determination to defend sovereignty.'
]
const JOONGANG = [
  'In the past, our countries achieved truly positive results in trade and business.',
  'Lee, who served in Moscow from 2019 to 2022, returns to strained relations he knows well.',
  'South Korea plans to run a pilot container ship through the Northern Sea Route this summer.'
]

function spans(sentences: string[], links: Array<number | null>) {
  let start = 0
  return sentences.map((sentence, index) => {
    const span = { start, end: start + sentence.length, link: links[index] ?? null }
    start += sentence.length + 1
    return span
  })
}

describe('CompareView', () => {
  afterEach(cleanup)

  it('marks as "only here" only what no other column has a counterpart for, though the alignment linked one pair only', async () => {
    // As the engine answers: only the shared quote is a sure pair; the reworded sentence about the ambassador is unlinked.
    const alignment: SourceAlignment = {
      sources: [
        { sourceId: 'summary', sentences: spans(SUMMARY, [0, null, null]) },
        { sourceId: 'joongang', sentences: spans(JOONGANG, [0, null, null]) }
      ],
      pairs: [{ a: [0, 0], b: [1, 0], score: 0.9 }],
      links: 1
    }
    const api = new Proxy({} as Api, {
      get: (_target, method: string) => () => Promise.resolve({ ok: true, value: method === 'alignSources' ? alignment : null })
    })
    useWorkbench.setState({
      api,
      sources: [makeSource({ id: 'summary', title: 'Summary', relativePath: '000.txt' }), makeSource({ id: 'joongang', title: 'JoongAng', relativePath: '003.txt' })],
      texts: {
        summary: { sourceId: 'summary', contentHash: 'a'.repeat(64), text: SUMMARY.join(' ') },
        joongang: { sourceId: 'joongang', contentHash: 'a'.repeat(64), text: JOONGANG.join(' ') }
      }
    })
    render(<CompareView sourceIds={['summary', 'joongang']} />)
    await waitFor(() => expect(screen.getAllByTestId('compare-counts')).toHaveLength(2), { timeout: 5000 })
    const marked = (column: number) =>
      [...screen.getByTestId(`compare-column-${column}`).querySelectorAll('.only-here')].map((element) => element.textContent)
    expect(marked(1)).toEqual([SUMMARY[2]])
    expect(marked(2)).toEqual([JOONGANG[2]])
    expect(screen.getAllByTestId('compare-counts').map((element) => element.textContent)).toEqual(['1 shared · 1 only here', '1 shared · 1 only here'])
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Dotted underline = only this source has it')
  }, 15_000)
})
