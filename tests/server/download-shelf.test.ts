import { access, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TempFile } from '../../src/main/core/export/bundle/temp-file'
import { DownloadShelf, KEEP_MS } from '../../src/server/download-shelf'

const made: TempFile[] = []
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(made.splice(0).map((file) => file.remove()))
})

async function bundle(): Promise<TempFile> {
  const { file } = await TempFile.write('project.sourcebench', (path) => writeFile(path, 'PK a bundle'))
  made.push(file)
  return file
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false
  )

const shelve = (shelf: DownloadShelf, data: TempFile | string): string => shelf.put({ fileName: 'project.sourcebench', mime: 'application/zip', data }).split('/').pop() ?? ''

describe('download-shelf', () => {
  it('removes a bundle nobody downloaded once it expires, without waiting for another export', async () => {
    vi.useFakeTimers()
    const shelf = new DownloadShelf()
    const file = await bundle()
    const id = shelve(shelf, file)
    vi.advanceTimersByTime(KEEP_MS - 1)
    expect(await exists(file.path)).toBe(true)
    vi.advanceTimersByTime(1)
    await vi.waitFor(async () => expect(await exists(dirname(file.path))).toBe(false))
    expect(shelf.take(id)).toBeUndefined()
  })

  it('hands a bundle over once to the download, which then owns its file', async () => {
    const shelf = new DownloadShelf()
    const file = await bundle()
    const id = shelve(shelf, file)
    expect(shelf.take(id)?.data).toBe(file)
    expect(shelf.take(id)).toBeUndefined()
    await shelf.clear()
    expect(await exists(file.path)).toBe(true)
  })

  it('removes the oldest bundle when a ninth export pushes it out, and every bundle left when cleared', async () => {
    const shelf = new DownloadShelf()
    const files = await Promise.all(Array.from({ length: 9 }, () => bundle()))
    const ids = files.map((file) => shelve(shelf, file))
    await vi.waitFor(async () => expect(await exists(files[0]?.path ?? '')).toBe(false))
    expect(shelf.take(ids[0] ?? '')).toBeUndefined()
    expect(await exists(files[1]?.path ?? '')).toBe(true)

    shelve(shelf, '# Notes')
    await shelf.clear()
    for (const file of files) expect(await exists(file.path)).toBe(false)
    expect(shelf.take(ids[8] ?? '')).toBeUndefined()
  })
})
