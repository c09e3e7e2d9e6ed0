import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { QuoteLedger } from '../../../../src/renderer/src/features/corroboration/QuoteLedger'
import type { QuoteLedger as Ledger } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

describe('QuoteLedger', () => {
  afterEach(cleanup)

  it('counts in the singular: "1 group · 1 quotation in 1 source", and "1 source" on the group', async () => {
    const ledger: Ledger = {
      groups: [
        {
          id: 'g1',
          reference: 'goodwill has been squandered',
          sourceIds: ['agg'],
          sourceCount: 1,
          speakers: [],
          versions: [],
          versionCount: 0,
          flags: { singleSource: true, wordingDiffers: false, speakerDiffers: false },
          words: 4
        }
      ],
      total: 1,
      quotations: 1,
      sourcesScanned: 1,
      unreadable: []
    }
    const api = new Proxy({} as Api, {
      get: (_target, method: string) => {
        if (method === 'onCorroborationProgress') return () => () => undefined
        return () => Promise.resolve({ ok: true, value: method === 'quoteLedger' ? ledger : null })
      }
    })
    useWorkbench.setState({ api, sources: [makeSource({ id: 'agg', title: 'Aggregator', relativePath: '001.txt' })] })
    render(<QuoteLedger active />)
    await waitFor(() => expect(screen.getByTestId('ledger-summary').textContent).toBe('1 group · 1 quotation in 1 source'), { timeout: 5000 })
    expect(screen.getByTestId('quote-group').querySelector('.quote-count')?.textContent).toBe('1 source')
  }, 15_000)
})
