import { describe, expect, it } from 'vitest'
import { SourceChangeLog } from '../../../../src/main/core/store/source-change-log'

describe('source-change-log', () => {
  it('tells a client the sources changed after its revision, each once, in the order of their last change', () => {
    const log = new SourceChangeLog()
    log.touched(['a', 'b'])
    const held = log.revision
    expect(log.since(held)).toEqual([])
    log.touched(['c'])
    log.touched(['a'])
    log.touched(['c'])
    expect(log.since(held)).toEqual(['a', 'c'])
    expect(log.since(log.revision)).toEqual([])
  })

  it('asks for a full reload after a bulk change, but not from a revision given after it', () => {
    const log = new SourceChangeLog()
    log.touched(['a'])
    const before = log.revision
    log.reset()
    const after = log.revision
    log.touched(['b'])
    expect(log.since(before)).toBeNull()
    expect(log.since(after)).toEqual(['b'])
  })

  it('asks for a full reload from a revision of another run or one it never gave', () => {
    const earlierRun = new SourceChangeLog()
    earlierRun.touched(['a'])
    const log = new SourceChangeLog()
    log.touched(['a', 'b'])
    expect(log.since(earlierRun.revision)).toBeNull()
    const [epoch] = log.revision.split(':')
    for (const made of [`${epoch}:99`, `${epoch}:-1`, `${epoch}:1.5`, `${epoch}:`, `${epoch}:1:2`, 'garbage', '']) expect(log.since(made), made).toBeNull()
  })

  it('forgets the oldest changes past its size, asking the clients that far behind to reload', () => {
    const log = new SourceChangeLog(3)
    const start = log.revision
    log.touched(['a', 'b'])
    const middle = log.revision
    log.touched(['c', 'd', 'e'])
    expect(log.since(start)).toBeNull()
    expect(log.since(middle)).toEqual(['c', 'd', 'e'])
  })

  it('keeps answering correctly when the same sources change over and over', () => {
    const log = new SourceChangeLog(10)
    const start = log.revision
    let held = start
    // s0…s3 in turn, 5,000 times: the last change of s2 is round 4,998 and of s3 round 4,999.
    for (let round = 0; round < 5_000; round++) {
      log.touched([`s${round % 4}`])
      if (round === 4_997) held = log.revision
    }
    expect(log.since(start)).toEqual(['s0', 's1', 's2', 's3'])
    expect(log.since(held)).toEqual(['s2', 's3'])
  })
})
