// How many pages a TIFF holds (a fax or a scanner's output often holds several): its chain
// of image directories, counted without decoding anything. Bounded, so a looping chain in a
// hostile file ends.
const MAX_PAGES = 10_000

/** The number of pages of a TIFF, or null when the bytes are not a TIFF whose directories can be walked. */
export function tiffPageCount(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null
  const little = bytes[0] === 0x49 && bytes[1] === 0x49
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d
  if (!little && !big) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint16(2, little) !== 42) return null
  const seen = new Set<number>()
  let offset = view.getUint32(4, little)
  let pages = 0
  while (offset !== 0 && pages < MAX_PAGES) {
    if (seen.has(offset) || offset + 2 > bytes.length) break
    seen.add(offset)
    const entries = view.getUint16(offset, little)
    const next = offset + 2 + entries * 12
    if (next + 4 > bytes.length) break
    pages += 1
    offset = view.getUint32(next, little)
  }
  return pages === 0 ? null : pages
}
