import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { NamesPanel } from '../../../../src/renderer/src/features/corroboration/NamesPanel'
import type { NameGroup, NameGroups, NameProposal } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

const PATIENCE = { timeout: 5000 }

/** A group of one name with the given spellings, each its own variant, named in these sources. */
function group(label: string, spellings: string[], sourceIds: string[]): NameGroup {
  const variants = spellings.map((text) => ({ text, key: text.toLowerCase(), mentions: 2, sourceIds, sourceCount: sourceIds.length, spellings: [{ text, mentions: 2 }] }))
  return {
    id: variants[0]!.key,
    label,
    kind: 'person',
    confirmed: false,
    variants,
    sources: sourceIds.map((sourceId) => ({ sourceId, mentions: spellings.length })),
    sourceCount: sourceIds.length,
    mentions: 2 * spellings.length
  }
}

function namesOf(groups: NameGroup[], proposals: NameProposal[]): NameGroups {
  return { groups, total: groups.length, sourcesScanned: 3, proposals }
}

const borisovna = group('Ekaterina Borisovna', ['Ekaterina Borisovna', 'Yekaterina Borisovna'], ['kyiv', 'tass'])
const borysovna = group('Ekateryna Borysovna', ['Ekateryna Borysovna'], ['ukrinform'])
const kim = group('Kim Jong-un', ['Kim Jong-un'], ['tass'])
const kimUn = group('Kim Jong Eun', ['Kim Jong Eun'], ['yonhap'])
const proposal = { groupId: borisovna.id, otherGroupId: borysovna.id, confidence: 0.8, reason: 'same consonants, vowels differ (i/y, o/y)', sharedSourceIds: [], sharedSourceCount: 0 }
const kimProposal = { groupId: kim.id, otherGroupId: kimUn.id, confidence: 0.62, reason: 'same syllables, one written eu', sharedSourceIds: [], sharedSourceCount: 0 }

/** Answers nameGroups with `first` and every decideNames with `after`, recording the decisions sent. */
function fakeApi(first: NameGroups, after: NameGroups = first) {
  const decisions: unknown[] = []
  const asked: unknown[] = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => {
      if (method === 'onCorroborationProgress') return () => () => undefined
      return (input: unknown) => {
        if (method === 'decideNames') decisions.push(input)
        if (method === 'nameGroups') asked.push(input)
        const value = method === 'nameGroups' ? first : method === 'decideNames' ? after : null
        return Promise.resolve({ ok: true, value })
      }
    }
  })
  return { api, decisions, asked }
}

async function showPanel(api: Api): Promise<void> {
  useWorkbench.setState({
    api,
    sources: [
      makeSource({ id: 'kyiv', title: 'Kyiv Independent', relativePath: 'a.txt' }),
      makeSource({ id: 'tass', title: 'TASS', relativePath: 'b.txt' }),
      makeSource({ id: 'ukrinform', title: 'Ukrinform', relativePath: 'c.txt' })
    ]
  })
  render(<NamesPanel active />)
  await waitFor(() => expect(screen.getByTestId('names-summary')).toBeTruthy(), PATIENCE)
}

describe('NameProposals', () => {
  beforeEach(() => useWorkbench.setState({ notices: [] }))
  afterEach(cleanup)

  it('lists each possible variant with both names, their spellings and sources, the reason, and its confidence in words', async () => {
    await showPanel(fakeApi(namesOf([borisovna, borysovna, kim, kimUn], [proposal, kimProposal])).api)
    expect(screen.getByRole('heading', { name: 'Possible variants (2)' })).toBeTruthy()
    const [first, second] = screen.getAllByTestId('name-proposal')
    expect(first!.textContent).toContain('same consonants, vowels differ (i/y, o/y)')
    expect(first!.querySelector('.flag')?.textContent).toBe('likely')
    expect(first!.querySelector('.flag')?.getAttribute('title')).toBe('likely match (80% sure)')
    expect(second!.querySelector('.flag')?.textContent).toBe('possible')
    const sides = within(first!).getAllByTestId('proposal-side')
    expect(sides.map((side) => side.querySelector('.name-label')?.textContent)).toEqual(['Ekaterina Borisovna', 'Ekateryna Borysovna'])
    expect([...sides[0]!.querySelectorAll('.variant-text')].map((spelling) => spelling.textContent)).toEqual(['Ekaterina Borisovna', 'Yekaterina Borisovna'])
    expect(within(sides[0]!).getByTestId('proposal-sources').textContent).toBe('×4 in 2 sources:Kyiv IndependentTASS')
    expect(within(sides[1]!).getByTestId('proposal-sources').textContent).toBe('×2 in 1 source:Ukrinform')
  })

  it('says in how many sources both names appear as the engine counted them, not from the few sources a card lists', async () => {
    const widelyShared = { ...proposal, sharedSourceIds: ['tass'], sharedSourceCount: 40 }
    await showPanel(fakeApi(namesOf([borisovna, borysovna], [widelyShared])).api)
    const shared = screen.getByTestId('name-proposal').querySelector('.proposal-shared')!
    expect(shared.textContent).toBe('Both named in 40 sources')
    expect(shared.getAttribute('title')).toBe('TASS\n+39 more')
  })

  it('merges both names’ every variant on "Same person", shows the list the reply brings, and offers Undo', async () => {
    const merged = { ...borisovna, confirmed: true, variants: [...borisovna.variants, ...borysovna.variants] }
    const { api, decisions } = fakeApi(namesOf([borisovna, borysovna, kim, kimUn], [proposal, kimProposal]), namesOf([merged, kim, kimUn], [kimProposal]))
    await showPanel(api)
    fireEvent.click(screen.getByRole('button', { name: 'Same person: Ekaterina Borisovna and Ekateryna Borysovna' }))
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Possible variants (1)' })).toBeTruthy(), PATIENCE)
    expect(decisions).toEqual([{ kind: 'merge', variants: ['ekaterina borisovna', 'yekaterina borisovna', 'ekateryna borysovna'] }])
    expect(screen.getAllByTestId('name-group').map((card) => card.getAttribute('data-group-id'))).toEqual([borisovna.id, kim.id, kimUn.id])
    // Focus moves on to the proposal that is next now, for a keyboard user working down the list,
    // in the same commit as the new list: checked at once, not waited for.
    expect(document.activeElement).toBe(screen.getByTestId('name-proposal'))
    await waitFor(() => expect(useWorkbench.getState().notices.map((notice) => [notice.text, notice.action?.label])).toContainEqual(['Merged: these spellings now count as one name.', 'Undo']), PATIENCE)
  })

  it('marks the two names as different people on "Different people", one key per group so neither group is split, and the section goes when none is left', async () => {
    const { api, decisions } = fakeApi(namesOf([borisovna, borysovna], [proposal]), namesOf([borisovna, borysovna], []))
    await showPanel(api)
    fireEvent.click(screen.getByRole('button', { name: /^Different people/ }))
    await waitFor(() => expect(screen.queryByTestId('name-proposals')).toBeNull(), PATIENCE)
    expect(decisions).toEqual([{ kind: 'distinct', variants: [borisovna.id, borysovna.id] }])
    expect(screen.getAllByTestId('name-group')).toHaveLength(2)
  })

  it('asks again for the filtered names after an answer given under a filter, instead of showing the unfiltered reply', async () => {
    const { api, decisions, asked } = fakeApi(namesOf([borisovna, borysovna], [proposal]), namesOf([kim], []))
    await showPanel(api)
    fireEvent.change(screen.getByLabelText('Filter names'), { target: { value: 'Bor' } })
    await waitFor(() => expect(asked).toContainEqual({ query: 'Bor', limit: 500 }), PATIENCE)
    const before = asked.length
    fireEvent.click(screen.getByRole('button', { name: /^Same person/ }))
    await waitFor(() => expect(asked).toHaveLength(before + 1), PATIENCE)
    expect(decisions).toHaveLength(1)
    expect(asked.at(-1)).toEqual({ query: 'Bor', limit: 500 })
    expect(screen.queryAllByTestId('name-group').map((card) => card.getAttribute('data-group-id'))).not.toContain(kim.id)
  })

  it('has no section when there is nothing to propose, or a proposal names a group the reply does not hold', async () => {
    const stray = { ...proposal, otherGroupId: 'not in this reply' }
    await showPanel(fakeApi(namesOf([borisovna, borysovna], [stray])).api)
    expect(screen.getAllByTestId('name-group')).toHaveLength(2)
    expect(screen.queryByTestId('name-proposals')).toBeNull()
    expect(screen.queryByText(/Possible variants/)).toBeNull()
  })

  it('goes back to the first three sources and "+N more" when the whole group cannot be fetched, and tries again on the next click', async () => {
    const ids = Array.from({ length: 40 }, (_, index) => `wire-${index}`)
    // A card of a name in 40 sources: its first twelve listed.
    const wide = { ...group('Ekaterina Borisovna', ['Ekaterina Borisovna'], ids.slice(0, 12)), sourceCount: 40 }
    const { api: answers } = fakeApi(namesOf([wide, borysovna], [proposal]))
    const fetches: unknown[] = []
    const api = new Proxy({} as Api, {
      get: (_target, method: string) => {
        if (method !== 'nameGroup') return (answers as unknown as Record<string, unknown>)[method]
        return (input: unknown) => {
          fetches.push(input)
          return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'corroboration: too many open files' } })
        }
      }
    })
    await showPanel(api)
    const side = within(screen.getByTestId('name-proposal')).getAllByTestId('proposal-side')[0]!
    fireEvent.click(within(side).getByRole('button', { name: '+37 more' }))
    await waitFor(() => expect(useWorkbench.getState().notices.map((notice) => notice.text)).toContain('Too many open files'), PATIENCE)
    await waitFor(() => expect(within(side).getByRole('button', { name: '+37 more' }).getAttribute('aria-expanded')).toBe('false'), PATIENCE)
    expect(side.querySelectorAll('.proposal-source')).toHaveLength(3)
    fireEvent.click(within(side).getByRole('button', { name: '+37 more' }))
    await waitFor(() => expect(fetches).toHaveLength(2), PATIENCE)
  })

  it('folds the section away and back from its heading', async () => {
    await showPanel(fakeApi(namesOf([borisovna, borysovna], [proposal])).api)
    const toggle = screen.getByRole('button', { name: 'Possible variants (1)' })
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    act(() => toggle.click())
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByTestId('name-proposal')).toBeNull()
    act(() => toggle.click())
    expect(screen.getAllByTestId('name-proposal')).toHaveLength(1)
  })
})
