import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderWatcher } from '../../../../src/main/core/library/folder-watcher'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('FolderWatcher', () => {
  const tempDir = useTempDirs()
  const watchers: FolderWatcher[] = []
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.close()))
  })

  it('never watches what a link leads to outside the folder (a link to / would watch the disk)', async () => {
    const folder = await realpath(await tempDir())
    const outside = await realpath(await tempDir())
    for (const name of ['a', 'b', 'c']) await mkdir(join(outside, name))
    await mkdir(join(folder, 'inside'))
    await writeFile(join(folder, 'inside', 'story.txt'), 'A story.\n')
    await symlink(outside, join(folder, 'elsewhere'))
    let ready: () => void = () => undefined
    const isReady = new Promise<void>((resolve) => (ready = resolve))
    const watcher = new FolderWatcher(() => ready(), new Set(['.txt']))
    watchers.push(watcher)
    await watcher.watchFolders([folder])
    await isReady
    const watched = watcher.watchedFolders()
    expect(watched).toContain(join(folder, 'inside'))
    expect(watched.filter((path) => path.startsWith(outside) || path.startsWith(join(folder, 'elsewhere')))).toEqual([])
  }, 20_000)
})
