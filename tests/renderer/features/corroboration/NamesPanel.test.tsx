import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { NamesPanel } from '../../../../src/renderer/src/features/corroboration/NamesPanel'
import type { NameGroups } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

const LONG_TITLE = 'Moscow signals desire for diplomatic reset with Seoul. But how far is it willing to go?'

function answering(names: NameGroups): Api {
  return new Proxy({} as Api, {
    get: (_target, method: string) => {
      if (method === 'onCorroborationProgress') return () => () => undefined
      return () => Promise.resolve({ ok: true, value: method === 'nameGroups' ? names : null })
    }
  })
}

describe('NamesPanel', () => {
  afterEach(cleanup)

  it('says "1 name", and lists a name’s sources as rows of title and count, the full title in a tooltip', async () => {
    const variant = { text: 'Lee Sok-bae', key: 'lee sok bae', mentions: 13, sourceIds: ['jad', 'tass'], sourceCount: 2, spellings: [{ text: 'Lee Sok-bae', mentions: 13 }] }
    const names: NameGroups = {
      groups: [
        {
          id: variant.key,
          label: 'Lee Sok-bae',
          kind: 'person',
          confirmed: false,
          variants: [variant],
          sources: [
            { sourceId: 'jad', mentions: 12 },
            { sourceId: 'tass', mentions: 1 }
          ],
          sourceCount: 2,
          mentions: 13
        }
      ],
      total: 1,
      sourcesScanned: 2,
      proposals: []
    }
    useWorkbench.setState({
      api: answering(names),
      sources: [makeSource({ id: 'jad', title: LONG_TITLE, relativePath: '003.txt' }), makeSource({ id: 'tass', title: 'TASS', relativePath: '004.txt' })]
    })
    render(<NamesPanel active />)
    await waitFor(() => expect(screen.getByTestId('names-summary').textContent).toBe('1 name in 2 sources'), { timeout: 5000 })
    expect(screen.getByTestId('name-variant').textContent).toContain('×13 in 2 sources')
    fireEvent.click(screen.getByRole('button', { name: '2 sources · 13 mentions' }))
    const rows = [...screen.getByTestId('name-sources').querySelectorAll('li')]
    expect(rows.map((row) => [row.querySelector('.name-source-title')?.textContent, row.querySelector('.name-source-count')?.textContent])).toEqual([
      [LONG_TITLE, '×12'],
      ['TASS', '×1']
    ])
    expect(rows[0]!.querySelector('.name-source-title')?.getAttribute('title')).toBe(LONG_TITLE)
    expect(rows[1]!.querySelector('.name-source-count')?.getAttribute('title')).toBe('1 mention')
  }, 15_000)
})
