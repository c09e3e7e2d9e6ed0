import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic, writeNewFile } from '../../../../src/main/core/store/atomic-write'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('writeFileAtomic', () => {
  const tempDir = useTempDirs()

  it('applies overlapping writes to one file in call order and leaves no temporary file', async () => {
    const dir = await tempDir()
    const path = join(dir, 'notes.json')
    await Promise.all(Array.from({ length: 20 }, (_, index) => writeFileAtomic(path, `{"version":${index}}`)))
    expect(await readFile(path, 'utf-8')).toBe('{"version":19}')
    expect(await readdir(dir)).toEqual(['notes.json'])
  })

  it('rejects a write that cannot happen, and the next write to the same path still goes through', async () => {
    const dir = await tempDir()
    await expect(writeFileAtomic(join(dir, 'no-such-folder', 'x.json'), '{}')).rejects.toThrow(/ENOENT/)
    const path = join(dir, 'x.json')
    const failing = writeFileAtomic(join(dir, 'missing', 'y.json'), 'a')
    await writeFileAtomic(path, 'kept')
    await expect(failing).rejects.toThrow()
    expect(await readFile(path, 'utf-8')).toBe('kept')
  })
})

describe('writeNewFile', () => {
  const tempDir = useTempDirs()

  it('writes the whole content over a longer file a crashed attempt left under the same name', async () => {
    const dir = await tempDir()
    const path = join(dir, 'sources-3.7.json')
    await writeNewFile(path, Buffer.from('{"torn": "left by a write the process never finished"'))
    await writeNewFile(path, Buffer.from('[]'))
    expect(await readFile(path, 'utf-8')).toBe('[]')
    expect(await readdir(dir)).toEqual(['sources-3.7.json'])
  })

  it('rejects a write that cannot happen and leaves no file behind', async () => {
    const dir = await tempDir()
    await expect(writeNewFile(join(dir, 'no-such-folder', 'x.json'), Buffer.from('{}'))).rejects.toThrow(/ENOENT/)
    expect(await readdir(dir)).toEqual([])
    // Opened, then the write fails: the file it had started is removed.
    await expect(writeNewFile(join(dir, 'y.json'), 42 as unknown as Uint8Array)).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })
})
