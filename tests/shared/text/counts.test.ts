import { describe, expect, it } from 'vitest'
import { formatBytes, plural } from '../../../src/shared/text/counts'

describe('counts', () => {
  it('writes one and many, with English grouping', () => {
    expect(plural(1, 'claim')).toBe('1 claim')
    expect(plural(0, 'claim')).toBe('0 claims')
    expect(plural(20_841, 'source')).toBe('20,841 sources')
    expect(plural(2, 'entry', 'entries')).toBe('2 entries')
  })

  it('writes sizes in the largest unit that keeps a number people read', () => {
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(12 * 1024)).toBe('12 KB')
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB')
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GB')
  })
})
