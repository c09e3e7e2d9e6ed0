// The 4-byte-aligned sections the index's binary files are made of (the current segment
// files and the old single-file index), read back in order as views into the file's bytes.

export function aligned(length: number): number {
  return (length + 3) & ~3
}

/** Reads the sections after `start` one by one; a section running past the end is damage. */
export function sectionReader(
  bytes: Uint8Array,
  start: number,
  damaged: (why: string) => Error
): { u32: (count: number) => Uint32Array; raw: (count: number) => Uint8Array; end: () => void } {
  let offset = start
  return {
    /** After the last section: the file must end there. */
    end: () => {
      if (offset !== bytes.length) throw damaged('unexpected trailing data')
    },
    u32: (count) => {
      if (offset + count * 4 > bytes.length) throw damaged('sections overrun the file')
      const section = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count)
      offset += count * 4
      return section
    },
    raw: (count) => {
      if (offset + count > bytes.length) throw damaged('sections overrun the file')
      const section = bytes.subarray(offset, offset + count)
      offset += aligned(count)
      return section
    }
  }
}

/** Checks an offsets section: never going back, from 0 to the end of the data it indexes. */
export function assertOffsets(starts: Uint32Array, arenaLength: number, name: string, damaged: (why: string) => Error): void {
  let previous = 0
  for (const start of starts) {
    if (start < previous) throw damaged(`${name} offsets go backwards`)
    previous = start
  }
  if (starts[0] !== 0 || previous !== arenaLength) throw damaged(`${name} offsets do not span the data`)
}
