// A growable byte array with unsigned LEB128 varints: the encoding of every posting list,
// where small gaps between document ids and positions take one byte each.

/** Up to this many bytes, writeBytes copies byte by byte rather than through a subarray. */
const SHORT_COPY = 32

export class ByteBuffer {
  bytes: Uint8Array
  length = 0

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity)
  }

  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.reserve(5)
    let rest = value
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80
      rest = Math.floor(rest / 128)
    }
    this.bytes[this.length++] = rest
  }

  writeBytes(source: Uint8Array, from: number, to: number): void {
    this.reserve(to - from)
    if (to - from > SHORT_COPY) this.bytes.set(source.subarray(from, to), this.length)
    else {
      // A few bytes (one document's positions, usually) are copied faster than a view is made.
      const bytes = this.bytes
      let at = this.length
      for (let k = from; k < to; k++) bytes[at++] = source[k] as number
    }
    this.length += to - from
  }

  /** The written bytes in an array of exactly that length (a copy). */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }

  /** The written bytes: a view when little capacity is left unused, else a copy of exactly that length. */
  trimmed(): Uint8Array {
    return this.bytes.length - this.length <= this.length / 8 ? this.bytes.subarray(0, this.length) : this.toBytes()
  }

  /** Makes room for `extra` more bytes, so a caller may write them into `bytes` itself (then advance `length`). */
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return
    const grown = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2))
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }
}
