import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { NameGroupCard } from '../../../../src/renderer/src/features/corroboration/NameGroupCard'
import { CARD_SOURCES, type NameGroup } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

const PATIENCE = { timeout: 5000 }
const CARRIERS = 40
const sourceIds = Array.from({ length: CARRIERS }, (_, index) => `s${index}`)

const whole: NameGroup = {
  id: 'annaberg',
  label: 'Anna Berg',
  kind: 'person',
  confirmed: false,
  variants: [{ text: 'Anna Berg', key: 'annaberg', mentions: CARRIERS, sourceIds, sourceCount: CARRIERS, spellings: [{ text: 'Anna Berg', mentions: CARRIERS }] }],
  sources: sourceIds.map((sourceId) => ({ sourceId, mentions: 1 })),
  sourceCount: CARRIERS,
  mentions: CARRIERS
}
/** As the engine sends it in a page of names. */
const card: NameGroup = {
  ...whole,
  sources: whole.sources.slice(0, CARD_SOURCES),
  variants: whole.variants.map((variant) => ({ ...variant, sourceIds: variant.sourceIds.slice(0, CARD_SOURCES) }))
}

function fakeApi() {
  const asked: unknown[] = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      if (method === 'nameGroup') asked.push(input)
      return Promise.resolve({ ok: true, value: method === 'nameGroup' ? whole : null })
    }
  })
  return { api, asked }
}

describe('NameGroupCard', () => {
  beforeEach(() => useWorkbench.setState({ notices: [] }))
  afterEach(cleanup)

  it('counts all 40 sources of a name, and lists every one once opened, fetching the whole group once', async () => {
    const { api, asked } = fakeApi()
    useWorkbench.setState({ api })
    const sources = new Map(sourceIds.map((id) => [id, makeSource({ id, title: `Wire ${id}`, relativePath: `${id}.txt` })]))
    render(<NameGroupCard group={card} sources={sources} selected={false} onSelect={() => undefined} decide={() => Promise.resolve(true)} />)
    expect(screen.getByTestId('name-variant').textContent).toContain('×40 in 40 sources')
    fireEvent.click(screen.getByRole('button', { name: '40 sources · 40 mentions' }))
    // The card's own twelve at once, then all of them.
    expect(screen.getByTestId('name-sources').querySelectorAll('.name-source-title').length).toBeGreaterThanOrEqual(CARD_SOURCES)
    await waitFor(() => expect(screen.getByTestId('name-sources').querySelectorAll('.name-source-title')).toHaveLength(CARRIERS), PATIENCE)
    expect(screen.queryByTestId('name-sources-more')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '40 sources · 40 mentions' }))
    fireEvent.click(screen.getByRole('button', { name: '40 sources · 40 mentions' }))
    expect(screen.getByTestId('name-sources').querySelectorAll('.name-source-title')).toHaveLength(CARRIERS)
    expect(asked).toEqual([{ groupId: 'annaberg' }])
  })

  it('fetches the whole group again when a new answer replaces the card while its sources are open', async () => {
    const { api, asked } = fakeApi()
    useWorkbench.setState({ api })
    const sources = new Map(sourceIds.map((id) => [id, makeSource({ id, title: `Wire ${id}`, relativePath: `${id}.txt` })]))
    const props = { sources, selected: false, onSelect: () => undefined, decide: () => Promise.resolve(true) }
    const view = render(<NameGroupCard group={card} {...props} />)
    fireEvent.click(screen.getByRole('button', { name: '40 sources · 40 mentions' }))
    await waitFor(() => expect(screen.getByTestId('name-sources').querySelectorAll('.name-source-title')).toHaveLength(CARRIERS), PATIENCE)
    view.rerender(<NameGroupCard group={{ ...card }} {...props} />)
    await waitFor(() => expect(asked).toHaveLength(2), PATIENCE)
    await waitFor(() => expect(screen.getByTestId('name-sources').querySelectorAll('.name-source-title')).toHaveLength(CARRIERS), PATIENCE)
  })
})
