import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { NamesPanel } from '../../../../src/renderer/src/features/corroboration/NamesPanel'
import { QuoteLedger } from '../../../../src/renderer/src/features/corroboration/QuoteLedger'
import type { NameGroups, QuoteLedger as Ledger } from '../../../../src/shared/domain/corroboration'
import type { ProjectInfo } from '../../../../src/shared/domain/project'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

/** Every ledger and names request waits until the test answers it, in any order. */
function heldApi() {
  const pending: Array<{ method: string; answer: (value: unknown) => Promise<void> }> = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => {
      if (method === 'onCorroborationProgress') return () => () => undefined
      return () =>
        new Promise((resolve) => {
          pending.push({ method, answer: (value) => act(async () => resolve({ ok: true, value })) })
        })
    }
  })
  return { api, pending }
}

function project(id: string): ProjectInfo {
  const entry = { id, name: `Project ${id}`, dir: `/data/${id}`, createdAt: '' }
  return { current: entry, projects: [entry], warnings: [] }
}

function ledgerOf(sourceId: string, reference: string): Ledger {
  return {
    groups: [
      {
        id: reference,
        reference,
        sourceIds: [sourceId],
        sourceCount: 1,
        speakers: [],
        versions: [],
        versionCount: 0,
        flags: { singleSource: true, wordingDiffers: false, speakerDiffers: false },
        words: reference.split(' ').length
      }
    ],
    total: 1,
    quotations: 1,
    sourcesScanned: 1,
    unreadable: []
  }
}

function namesOf(sourceId: string, label: string): NameGroups {
  const variant = { text: label, key: label.toLowerCase(), mentions: 1, sourceIds: [sourceId], sourceCount: 1, spellings: [{ text: label, mentions: 1 }] }
  return {
    groups: [{ id: variant.key, label, kind: 'person', confirmed: false, variants: [variant], sources: [{ sourceId, mentions: 1 }], sourceCount: 1, mentions: 1 }],
    total: 1,
    sourcesScanned: 1,
    proposals: []
  }
}

const PATIENCE = { timeout: 5000 }

function openProject(id: string): void {
  act(() => useWorkbench.setState({ project: project(id), sources: [makeSource({ id: `source-${id}`, title: `Story of ${id}`, relativePath: `${id}.txt` })] }))
}

describe('switching project', () => {
  afterEach(cleanup)

  it('clears the quote ledger and its filter at once, waits for the new project’s quotes, and drops a late answer for the old one', async () => {
    const { api, pending } = heldApi()
    useWorkbench.setState({ api })
    openProject('A')
    render(<QuoteLedger active />)
    await waitFor(() => expect(pending).toHaveLength(1), PATIENCE)
    await pending[0]!.answer(ledgerOf('source-A', 'goodwill has been squandered'))
    expect(screen.getByTestId('quote-group').textContent).toContain('goodwill has been squandered')
    fireEvent.change(screen.getByLabelText('Filter quotes'), { target: { value: 'goodwill' } })
    await waitFor(() => expect(pending).toHaveLength(2), PATIENCE)

    openProject('B')
    expect(screen.queryAllByTestId('quote-group')).toHaveLength(0)
    expect(screen.queryByText(/Source no longer in the library/)).toBeNull()
    expect(screen.getByTestId('ledger-loading').textContent).toBe('Reading the quotations of every source…')
    expect(screen.getByLabelText<HTMLInputElement>('Filter quotes').value).toBe('')
    await pending[1]!.answer(ledgerOf('source-A', 'an answer that comes too late'))
    expect(screen.queryAllByTestId('quote-group')).toHaveLength(0)

    await waitFor(() => expect(pending).toHaveLength(3), PATIENCE)
    await pending[2]!.answer(ledgerOf('source-B', 'we hope to restore relations'))
    expect(screen.getByTestId('quote-group').textContent).toContain('we hope to restore relations')
  }, 15_000)

  it('clears the names, their filter and selection at once, and drops a late answer for the old project', async () => {
    const { api, pending } = heldApi()
    useWorkbench.setState({ api })
    openProject('A')
    render(<NamesPanel active />)
    await waitFor(() => expect(pending).toHaveLength(1), PATIENCE)
    await pending[0]!.answer(namesOf('source-A', 'Lee Sok-bae'))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Lee Sok-bae to merge' }))
    fireEvent.change(screen.getByLabelText('Filter names'), { target: { value: 'Lee' } })
    await waitFor(() => expect(pending).toHaveLength(2), PATIENCE)

    openProject('B')
    expect(screen.queryAllByTestId('name-group')).toHaveLength(0)
    expect(screen.getByTestId('names-loading').textContent).toBe('Finding the names in every source…')
    expect(screen.getByLabelText<HTMLInputElement>('Filter names').value).toBe('')
    await pending[1]!.answer(namesOf('source-A', 'Lee Seok-pae'))
    expect(screen.queryAllByTestId('name-group')).toHaveLength(0)

    await waitFor(() => expect(pending).toHaveLength(3), PATIENCE)
    await pending[2]!.answer(namesOf('source-B', 'Cho Hyun'))
    expect(screen.getByTestId('name-group').textContent).toContain('Cho Hyun')
    expect(screen.getByRole('checkbox', { name: 'Select Cho Hyun to merge' })).toHaveProperty('checked', false)
  }, 15_000)
})
