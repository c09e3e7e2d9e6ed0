// A typed array used as a buffer that grows: replaced, when it must grow, by one at least
// twice as long holding the same values, so filling it element by element stays cheap.

export function grown<T extends Uint8Array | Uint32Array | Int32Array>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array
  const bigger = make(Math.max(needed, array.length * 2))
  bigger.set(array)
  return bigger
}

export function grownInt32(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  return grown(array, needed, (size) => new Int32Array(size))
}
