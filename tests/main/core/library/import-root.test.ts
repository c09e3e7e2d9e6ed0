import { mkdir, realpath, symlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { absoluteFolder, refusalOf, resolveImportFolder } from '../../../../src/main/core/library/import-root'
import { useTempDirs } from '../../../helpers/temp-dir'

const posix = process.platform !== 'win32'

describe('import-root', () => {
  const tempDir = useTempDirs()

  it('counts "~" and relative paths from home, never from the working folder', () => {
    expect(absoluteFolder('~', '/home/ann')).toBe('/home/ann')
    expect(absoluteFolder('~/Documents/korea', '/home/ann')).toBe('/home/ann/Documents/korea')
    expect(absoluteFolder('Documents', '/home/ann')).toBe('/home/ann/Documents')
    expect(absoluteFolder('.', '/home/ann')).toBe('/home/ann')
    expect(absoluteFolder('/srv/stories/', '/home/ann')).toBe('/srv/stories')
  })

  it.skipIf(!posix)('refuses the disk root, system folders and shared roots with a reason, and allows folders inside shared roots', () => {
    const policy = { home: '/home/ann' }
    expect(refusalOf('/', policy)).toMatch(/is the root of the disk/)
    for (const folder of ['/proc', '/proc/self', '/sys/kernel', '/dev', '/etc', '/usr/share/doc', '/boot']) expect(refusalOf(folder, policy)).toMatch(/is a system folder/)
    for (const folder of ['/home', '/Users', '/Volumes', '/tmp', '/var']) expect(refusalOf(folder, policy)).toMatch(/every user's or every disk's files/)
    for (const folder of ['/home/ann/Documents', '/tmp/stories', '/Volumes/USB/leak', '/srv/stories', '/run/media/ann/USB/leak']) expect(refusalOf(folder, policy)).toBeNull()
    expect(refusalOf('/run/user/1000', policy)).toMatch(/is a system folder/)
    expect(refusalOf('/run/media', policy)).toMatch(/every user's or every disk's files/)
  })

  it('refuses the folder where the app keeps its projects, but not a folder holding it', async () => {
    const dataDir = join(await tempDir(), 'data')
    await mkdir(join(dataDir, 'projects'), { recursive: true })
    await expect(resolveImportFolder(join(dataDir, 'projects'), { home: homedir(), dataDir })).rejects.toThrow(/where Sourcebench keeps its own project data/)
    // The home folder holds ~/.config/Sourcebench: it may be imported, the walk leaves the data out.
    expect(await resolveImportFolder(join(dataDir, '..'), { home: homedir(), dataDir })).toBe(await realpath(join(dataDir, '..')))
  })

  it.skipIf(!posix)('judges a link by where it leads: a link to the root of the disk is the root', async () => {
    const folder = await tempDir()
    await symlink('/', join(folder, 'root-link'))
    await expect(resolveImportFolder(join(folder, 'root-link'), { home: homedir() })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/root of the disk/) })
  })

  it('says which folder it looked for when there is none', async () => {
    const home = await tempDir()
    await expect(resolveImportFolder('no-such-folder', { home })).rejects.toThrow(`library: no folder at ${join(home, 'no-such-folder')}`)
  })
})
