import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { SuggestedEvidence } from '../../../../src/renderer/src/features/claims/SuggestedEvidence'
import type { EvidenceSuggestion } from '../../../../src/shared/domain/suggestions'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

function passage(sourceId: string, start: number, text: string): EvidenceSuggestion {
  return { sourceId, contentHash: 'h'.repeat(64), start, end: start + text.length, text, ranges: [], score: 1 }
}

const first = passage('s1', 0, 'Putin said trade and business had truly positive results.')
const second = passage('s1', 200, 'He hopes to restore relations with Seoul.')
const other = passage('s2', 40, 'The Kremlin spoke of trade with South Korea.')

/** An API answering suggestEvidence with what the test says, recording every input. */
function fakeApi(answer: (input: { claimId: string; sourceId?: string }) => EvidenceSuggestion[]): { api: Api; inputs: unknown[] } {
  const inputs: unknown[] = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: { claimId: string; sourceId?: string }) => {
      inputs.push(input)
      return Promise.resolve({ ok: true, value: method === 'suggestEvidence' ? answer(input) : null })
    }
  })
  return { api, inputs }
}

function show(answer: (input: { claimId: string; sourceId?: string }) => EvidenceSuggestion[]): unknown[] {
  const { api, inputs } = fakeApi(answer)
  useWorkbench.setState({
    api,
    sources: [makeSource({ id: 's1', title: 'Anadolu', relativePath: '002.txt' }), makeSource({ id: 's2', title: 'TASS', relativePath: '004.txt' })],
    createAnnotation: vi.fn(),
    linkAnnotation: vi.fn()
  })
  render(<SuggestedEvidence claimId="c1" claimText="Putin praised trade" />)
  fireEvent.click(screen.getByRole('button', { name: 'Suggest evidence' }))
  return inputs
}

const texts = (): string[] => screen.getAllByTestId('suggestion').map((element) => element.querySelector('.snippet')?.textContent ?? '')

describe('SuggestedEvidence', () => {
  afterEach(cleanup)

  it('puts more passages of a source under its last one when the user asks for more from it', async () => {
    const inputs = show((input) => (input.sourceId === 's1' ? [first, second] : [first, other]))
    fireEvent.click(await screen.findByRole('button', { name: 'More from Anadolu' }))
    await waitFor(() => expect(texts()).toEqual([first.text, second.text, other.text]))
    expect(inputs).toEqual([{ claimId: 'c1' }, { claimId: 'c1', sourceId: 's1' }])
    expect(screen.queryByRole('button', { name: 'More from Anadolu' })).toBeNull()
    expect(screen.getByRole('button', { name: 'More from TASS' })).toBeTruthy()
  })

  it('says so when a source has no other passage sharing the claim’s words', async () => {
    show((input) => (input.sourceId === 's2' ? [other] : [first, other]))
    fireEvent.click(await screen.findByRole('button', { name: 'More from TASS' }))
    expect(await screen.findByText('No other passage of this source shares the claim’s words.')).toBeTruthy()
    expect(texts()).toEqual([first.text, other.text])
  })
})
