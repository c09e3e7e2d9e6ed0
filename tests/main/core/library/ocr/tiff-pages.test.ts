import { describe, expect, it } from 'vitest'
import { tiffPageCount } from '../../../../../src/main/core/library/ocr/tiff-pages'

/** A TIFF skeleton with `pages` image directories of one entry each, chained; `loop` points the last back at the first. */
function tiff(pages: number, littleEndian: boolean, loop = false): Uint8Array {
  const bytes = Buffer.alloc(8 + pages * 18)
  bytes.write(littleEndian ? 'II' : 'MM', 0, 'latin1')
  const u16 = (value: number, at: number) => (littleEndian ? bytes.writeUInt16LE(value, at) : bytes.writeUInt16BE(value, at))
  const u32 = (value: number, at: number) => (littleEndian ? bytes.writeUInt32LE(value, at) : bytes.writeUInt32BE(value, at))
  u16(42, 2)
  u32(8, 4)
  for (let page = 0; page < pages; page += 1) {
    const at = 8 + page * 18
    u16(1, at)
    u16(256, at + 2) // ImageWidth
    const last = page === pages - 1
    u32(last ? (loop ? 8 : 0) : at + 18, at + 14)
  }
  return bytes
}

describe('tiff-pages', () => {
  it('counts the pages of a multi-page TIFF in either byte order', () => {
    expect(tiffPageCount(tiff(1, true))).toBe(1)
    expect(tiffPageCount(tiff(3, true))).toBe(3)
    expect(tiffPageCount(tiff(2, false))).toBe(2)
  })

  it('ends on a chain that loops or runs off the file, and refuses what is not a TIFF', () => {
    expect(tiffPageCount(tiff(2, true, true))).toBe(2)
    expect(tiffPageCount(tiff(2, true).slice(0, 30))).toBe(1)
    expect(tiffPageCount(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBeNull()
  })
})
