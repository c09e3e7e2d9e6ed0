import { describe, expect, it } from 'vitest'
import { SourceReplica } from '../../../../src/renderer/src/features/library/source-replica'
import type { Source } from '../../../../src/shared/domain/source'
import type { SourceList } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

const story = (index: number, title = `Story ${index}`): Source => makeSource({ id: `s${index}`, title, relativePath: `${index}.txt` })
const reply = (sources: Source[], total: number, removedIds?: string[]): SourceList => ({
  roots: [],
  unwatchedRootIds: [],
  sources,
  total,
  revision: 'e:1',
  ...(removedIds === undefined ? {} : { removedIds })
})
const ids = (replica: SourceReplica): string[] => replica.view().map((source) => source.id)

describe('source-replica', () => {
  it('shows a source fetched ahead of its page at the end, then in its place in the order', () => {
    const replica = new SourceReplica()
    replica.restart(reply([story(0), story(1)], 5))
    replica.patch(reply([story(4)], 5), true)
    expect(ids(replica)).toEqual(['s0', 's1', 's4'])
    replica.addPage(reply([story(2), story(3), story(4, 'Story 4, newer')], 5))
    expect(ids(replica)).toEqual(['s0', 's1', 's2', 's3', 's4'])
    expect(replica.find('s4')?.title).toBe('Story 4, newer')
    expect(replica.size).toBe(5)
  })

  it('keeps the order of the others when sources are removed, and hands out the same array until something changes', () => {
    const replica = new SourceReplica()
    replica.restart(reply(Array.from({ length: 3_000 }, (_, index) => story(index)), 3_000))
    const first = replica.view()
    expect(replica.view()).toBe(first)
    replica.patch(reply([], 3_000, []), false)
    expect(replica.view()).toBe(first)
    // Past half the list removed, the holes are closed up; positions stay right for what follows.
    replica.patch(reply([], 1_000, Array.from({ length: 2_000 }, (_, index) => `s${index}`)), false)
    replica.patch(reply([story(2_500, 'Edited'), story(3_000)], 1_001), false)
    const view = replica.view()
    expect(view).toHaveLength(1_001)
    expect(view[0]?.id).toBe('s2000')
    expect(view[500]?.title).toBe('Edited')
    expect(view.at(-1)?.id).toBe('s3000')
  })
})
