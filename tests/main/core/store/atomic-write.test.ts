import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../src/main/core/store/atomic-write'
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
