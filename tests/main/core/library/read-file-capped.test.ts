import { execFileSync } from 'node:child_process'
import { symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFileCapped } from '../../../../src/main/core/library/read-file-capped'
import { useTempDirs } from '../../../helpers/temp-dir'

const onLinux = process.platform === 'linux'

describe.each([
  ['awaiting each call', false],
  ['with blocking calls (as on an extraction thread)', true]
])('readFileCapped %s', (_, blocking) => {
  const tempDir = useTempDirs()

  it('reads a file whole when it is under the limit, and refuses one over it', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'small.txt'), 'small')
    await writeFile(join(folder, 'big.txt'), 'x'.repeat(3000))
    expect((await readFileCapped(join(folder, 'small.txt'), 1024, { blocking })).toString()).toBe('small')
    await expect(readFileCapped(join(folder, 'big.txt'), 1024, { blocking })).rejects.toThrow('2.9 KB, over the 1 KB import limit')
  })

  it.skipIf(!onLinux)('stops at the limit when the file says it is empty but is not (/proc)', async () => {
    // /proc/self/pagemap reports 0 bytes and holds gigabytes: reading it whole took 16 GB.
    await expect(readFileCapped('/proc/self/pagemap', 1024 * 1024, { blocking })).rejects.toThrow('larger than the 1 MB import limit')
    expect((await readFileCapped('/proc/self/status', 1024 * 1024, { blocking })).toString()).toMatch(/^Name:/)
  })

  it.skipIf(!onLinux)('refuses devices and pipes without waiting for them', async () => {
    const folder = await tempDir()
    execFileSync('mkfifo', [join(folder, 'pipe.txt')])
    await expect(readFileCapped(join(folder, 'pipe.txt'), 1024, { blocking })).rejects.toThrow('not a regular file')
    await expect(readFileCapped('/dev/zero', 1024, { blocking })).rejects.toThrow('not a regular file')
  })

  it('refuses to follow a link when told the path is a regular file (swapped in since the walk)', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'secret.txt'), 'secret')
    await symlink(join(folder, 'secret.txt'), join(folder, 'story.txt'))
    await expect(readFileCapped(join(folder, 'story.txt'), 1024, { noFollow: true, blocking })).rejects.toMatchObject({ code: 'ELOOP' })
    expect((await readFileCapped(join(folder, 'story.txt'), 1024, { blocking })).toString()).toBe('secret')
  })
})
