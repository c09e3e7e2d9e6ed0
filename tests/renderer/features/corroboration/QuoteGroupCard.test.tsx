import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { QuoteGroupCard } from '../../../../src/renderer/src/features/corroboration/QuoteGroupCard'
import { CARD_SOURCES, CARD_VERSIONS, type QuoteGroup, type QuoteVersion } from '../../../../src/shared/domain/corroboration'
import type { Source } from '../../../../src/shared/domain/source'
import type { Api } from '../../../../src/shared/ipc/contract'
import type { Result } from '../../../../src/shared/ipc/result'
import { makeQuoteVersion, makeSource } from '../../../helpers/factories'

const PATIENCE = { timeout: 5000 }
const REFERENCE = 'The harvest will be late this year'
const CARRIERS = 40

function version(index: number): QuoteVersion {
  return makeQuoteVersion(`s${index}`, index % 15 === 1 ? 'The harvest will be very late this year' : REFERENCE, REFERENCE)
}

const versions = Array.from({ length: CARRIERS }, (_, index) => version(index))
const whole: QuoteGroup = {
  id: 'qharvest',
  reference: REFERENCE,
  sourceIds: versions.map((entry) => entry.sourceId),
  sourceCount: CARRIERS,
  speakers: [],
  versions,
  versionCount: CARRIERS,
  flags: { singleSource: false, wordingDiffers: true, speakerDiffers: false },
  words: 7
}
/** As the engine sends it in a page of the ledger. */
const card: QuoteGroup = { ...whole, versions: versions.slice(0, CARD_VERSIONS), sourceIds: whole.sourceIds.slice(0, CARD_SOURCES) }

/** A card whose versions come from two sources only (each quoted the words several times). */
const twoSourceCard: QuoteGroup = { ...card, versions: [versions[0]!, versions[1]!, { ...versions[0]!, parts: [{ start: 40, end: 74 }] }] }

/** Answers quoteGroup with `answer`, recording what was asked. */
function fakeApi(answer: Result<QuoteGroup>) {
  const asked: unknown[] = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      if (method === 'quoteGroup') asked.push(input)
      return Promise.resolve(method === 'quoteGroup' ? answer : { ok: true, value: null })
    }
  })
  return { api, asked }
}

function sources(): Map<string, Source> {
  return new Map(versions.slice(0, 20).map((entry) => [entry.sourceId, makeSource({ id: entry.sourceId, title: `Wire ${entry.sourceId}`, relativePath: `${entry.sourceId}.txt` })]))
}

describe('QuoteGroupCard', () => {
  beforeEach(() => useWorkbench.setState({ notices: [], compare: null }))
  afterEach(cleanup)

  it('counts every source of a card, and shows all 40 versions once the whole group has come', async () => {
    const { api, asked } = fakeApi({ ok: true, value: whole })
    useWorkbench.setState({ api })
    render(<QuoteGroupCard group={card} sources={sources()} />)
    expect(screen.getByTestId('quote-group').querySelector('.quote-count')?.textContent).toBe('40 sources')
    expect(screen.getByTestId('quote-group').querySelector('.quote-count')?.getAttribute('title')).toMatch(/\n\+28 more$/)
    expect(screen.getAllByTestId('quote-version')).toHaveLength(6)
    fireEvent.click(screen.getByRole('button', { name: 'Show all 40 versions' }))
    await waitFor(() => expect(screen.getAllByTestId('quote-version')).toHaveLength(CARRIERS), PATIENCE)
    expect(asked).toEqual([{ groupId: 'qharvest' }])
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull()
  })

  it('compares four sources of the card’s own versions without fetching the whole group', async () => {
    const { api, asked } = fakeApi({ ok: true, value: whole })
    useWorkbench.setState({ api })
    render(<QuoteGroupCard group={card} sources={sources()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }))
    await waitFor(() => expect(useWorkbench.getState().compare).toEqual(['s0', 's1', 's2', 's3']), PATIENCE)
    expect(asked).toEqual([])
  })

  it('compares sources taken from the whole group when the card’s versions name fewer than the four panes', async () => {
    const { api, asked } = fakeApi({ ok: true, value: whole })
    useWorkbench.setState({ api })
    render(<QuoteGroupCard group={twoSourceCard} sources={sources()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }))
    await waitFor(() => expect(useWorkbench.getState().compare).toEqual(['s0', 's1', 's2', 's3']), PATIENCE)
    expect(asked).toEqual([{ groupId: 'qharvest' }])
  })

  it('does not compare the old group when its answer arrives after the ledger sent a new card', async () => {
    let answer: (result: Result<QuoteGroup>) => void = () => undefined
    const late = new Promise<Result<QuoteGroup>>((resolve) => (answer = resolve))
    const api = new Proxy({} as Api, {
      get: (_target, method: string) => () => (method === 'quoteGroup' ? late : Promise.resolve({ ok: true, value: null }))
    })
    useWorkbench.setState({ api })
    const { rerender } = render(<QuoteGroupCard group={twoSourceCard} sources={sources()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }))
    // The ledger was asked for again meanwhile: a new card of the group.
    rerender(<QuoteGroupCard group={{ ...twoSourceCard }} sources={sources()} />)
    await act(async () => {
      answer({ ok: true, value: whole })
      await late
    })
    expect(useWorkbench.getState().compare).toBeNull()
  })

  it('says why when the group is gone since the ledger was sent, and keeps showing the card', async () => {
    const { api } = fakeApi({ ok: false, error: { code: 'not-found', message: 'corroboration: no quote group qharvest; the ledger may have changed, reload it' } })
    useWorkbench.setState({ api })
    render(<QuoteGroupCard group={card} sources={sources()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Show all 40 versions' }))
    await waitFor(() => expect(useWorkbench.getState().notices.map((notice) => notice.text)).toEqual(['No quote group qharvest; the ledger may have changed, reload it']), PATIENCE)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show all 40 versions' })).toBeTruthy(), PATIENCE)
    expect(screen.getAllByTestId('quote-version')).toHaveLength(6)
  })
})
