import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { openNameIn } from '../../../../src/renderer/src/features/corroboration/NameSpelling'
import type { NameGroup } from '../../../../src/shared/domain/corroboration'
import type { Api } from '../../../../src/shared/ipc/contract'

const initial = useWorkbench.getState()

function group(rareIn: string[]): NameGroup {
  return {
    id: 'annaberg',
    label: 'Anna Berg',
    kind: 'person',
    confirmed: false,
    variants: [
      { text: 'Anna Berg', key: 'annaberg', mentions: 20, sourceIds: ['s0', 's1'], sourceCount: 20, spellings: [{ text: 'Anna Berg', mentions: 20 }] },
      { text: 'Ana Berg', key: 'anaberg', mentions: 2, sourceIds: rareIn, sourceCount: 2, spellings: [{ text: 'Ana Berg', mentions: 2 }] }
    ],
    sources: [
      { sourceId: 's0', mentions: 1 },
      { sourceId: 's1', mentions: 1 }
    ],
    sourceCount: 21,
    mentions: 22
  }
}

describe('NameSpelling', () => {
  afterEach(() => useWorkbench.setState({ api: initial.api, openSource: initial.openSource, setFindQuery: initial.setFindQuery }))

  it('marks the spelling a source past the card uses, asking for the whole group to know it', async () => {
    const asked: unknown[] = []
    const api = new Proxy({} as Api, {
      get: (_target, method: string) => (input: unknown) => {
        if (method === 'nameGroup') asked.push(input)
        return Promise.resolve({ ok: true, value: method === 'nameGroup' ? group(['s20', 's19']) : null })
      }
    })
    const openSource = vi.fn(() => Promise.resolve())
    const setFindQuery = vi.fn()
    useWorkbench.setState({ api, openSource, setFindQuery })
    // On the card the rare spelling lists its first source only.
    await openNameIn(group(['s20']), 's19')
    expect(asked).toEqual([{ groupId: 'annaberg' }])
    expect(openSource).toHaveBeenCalledWith('s19')
    expect(setFindQuery).toHaveBeenCalledWith('Ana Berg')
    // A source the card already places asks nothing more.
    await openNameIn(group(['s20']), 's1')
    expect(asked).toHaveLength(1)
    expect(setFindQuery).toHaveBeenLastCalledWith('Anna Berg')
  })
})
