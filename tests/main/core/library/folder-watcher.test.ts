import { mkdir, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderWatcher } from '../../../../src/main/core/library/folder-watcher'
import { useTempDirs } from '../../../helpers/temp-dir'

/** A watcher on one folder, and each batch of paths it reported, in order. */
function recorder() {
  const batches: string[][] = []
  let wake: () => void = () => undefined
  const watcher = new FolderWatcher({ onChange: (_root, paths) => (batches.push([...paths].sort()), wake()) }, new Set(['.txt', '']))
  /** Resolves once `count` batches have arrived. */
  const batchesArrived = async (count: number): Promise<string[][]> => {
    while (batches.length < count) await new Promise<void>((resolve) => (wake = resolve))
    return batches
  }
  return { watcher, batches, batchesArrived }
}

describe('FolderWatcher', () => {
  const tempDir = useTempDirs()
  const watchers: FolderWatcher[] = []
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.close()))
  })

  async function watching(folder: string) {
    const recording = recorder()
    watchers.push(recording.watcher)
    await recording.watcher.watchFolders([folder])
    return recording
  }

  it('never watches what a link leads to outside the folder (a link to / would watch the disk)', async () => {
    const folder = await realpath(await tempDir())
    const outside = await realpath(await tempDir())
    for (const name of ['a', 'b', 'c']) await mkdir(join(outside, name))
    await mkdir(join(folder, 'inside'))
    await writeFile(join(folder, 'inside', 'story.txt'), 'A story.\n')
    await symlink(outside, join(folder, 'elsewhere'))
    const { watcher } = await watching(folder)
    const watched = watcher.watchedFolders()
    expect(watched.sort()).toEqual([folder, join(folder, 'inside')])
  })

  it('reports the path of a file added, changed and removed, and nothing else', async () => {
    const folder = await realpath(await tempDir())
    await writeFile(join(folder, 'neighbour.txt'), 'Left alone.\n')
    const { batchesArrived } = await watching(folder)
    const story = join(folder, 'story.txt')
    await writeFile(story, 'A story.\n')
    expect((await batchesArrived(1))[0]).toEqual([story])
    await writeFile(story, 'A story, edited.\n')
    expect((await batchesArrived(2))[1]).toEqual([story])
    await rm(story)
    expect((await batchesArrived(3))[2]).toEqual([story])
  })

  it('ignores hidden files and files of types it does not read', async () => {
    const folder = await realpath(await tempDir())
    const { batches, batchesArrived } = await watching(folder)
    await writeFile(join(folder, '.story.txt.swp'), 'editor scratch\n')
    await writeFile(join(folder, 'budget.xlsx'), 'not read\n')
    await writeFile(join(folder, 'last.txt'), 'Read.\n')
    await batchesArrived(1)
    expect(batches).toEqual([[join(folder, 'last.txt')]])
  })

  it('reports a burst of changes to 50 files as one batch', async () => {
    const folder = await realpath(await tempDir())
    const staging = await tempDir()
    const names = Array.from({ length: 50 }, (_, index) => `f${String(index).padStart(2, '0')}.txt`)
    await Promise.all(names.map((name) => writeFile(join(staging, name), `Article ${name}.\n`)))
    const { batches, batchesArrived } = await watching(folder)
    // Moved in, as a sync client or an unzip finishing does: all land within a few milliseconds.
    await Promise.all(names.map((name) => rename(join(staging, name), join(folder, name))))
    await batchesArrived(1)
    expect(batches).toHaveLength(1)
    expect(batches[0]).toEqual(names.map((name) => join(folder, name)))
  })

  it('watches a folder created inside, and reports a folder removed with what it held', async () => {
    const folder = await realpath(await tempDir())
    const { watcher, batchesArrived } = await watching(folder)
    const box = join(folder, 'box')
    await mkdir(box)
    expect((await batchesArrived(1))[0]).toEqual([box])
    expect(watcher.watchedFolders()).toContain(box)
    await writeFile(join(box, 'inside.txt'), 'In the new folder.\n')
    expect((await batchesArrived(2))[1]).toEqual([join(box, 'inside.txt')])
    await rm(box, { recursive: true })
    const removed = (await batchesArrived(3))[2]
    expect(removed).toContain(box)
    expect(watcher.watchedFolders()).toEqual([folder])
  })
})
