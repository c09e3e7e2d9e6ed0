import { realpath, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { InProcessExtractor, WorkerPoolExtractor } from '../../../../src/main/core/library/extractor'
import { useTempDirs } from '../../../helpers/temp-dir'

const script = {
  path: resolve(__dirname, '../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../src/main/core/library/extract-worker.ts') }
}
const options = { maxInflatedBytes: 10 * 1024 * 1024 }

describe('WorkerPoolExtractor', () => {
  const tempDir = useTempDirs()
  const pools: WorkerPoolExtractor[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()))
  })

  it('extracts many files on two threads, passing each file its own reason when it fails', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 6; index++) await writeFile(join(folder, `ok-${index}.txt`), `Article ${index}.\n`)
    await writeFile(join(folder, 'bad.pdf'), 'this is not a PDF at all')
    const pool = new WorkerPoolExtractor(script, 2, options)
    pools.push(pool)
    const texts = await Promise.all(Array.from({ length: 6 }, (_, index) => pool.extract(join(folder, `ok-${index}.txt`), `ok-${index}.txt`).then(({ document }) => document.text)))
    expect(texts).toEqual(Array.from({ length: 6 }, (_, index) => `Article ${index}.\n`))
    await expect(pool.extract(join(folder, 'bad.pdf'), 'bad.pdf')).rejects.toThrow(/damaged PDF/)
    await expect(pool.extract(join(folder, 'gone.txt'), 'gone.txt')).rejects.toMatchObject({ code: 'ENOENT' })
  }, 30_000)

  it('gives up on a file that takes too long, and the next file gets a fresh thread', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'slow.txt'), 'Slow only because the timeout is tiny.\n')
    const pool = new WorkerPoolExtractor(script, 1, options, 1)
    pools.push(pool)
    await expect(pool.extract(join(folder, 'slow.txt'), 'slow.txt')).rejects.toThrow(/gave up after 0 s: the file takes too long to read/)
    await expect(pool.extract(join(folder, 'slow.txt'), 'slow.txt')).rejects.toThrow(/gave up/)
  }, 30_000)
})

describe('extractFile and the imported folder', () => {
  const tempDir = useTempDirs()

  it('refuses a file whose path now leads out of the imported folder (a link swapped in after the walk)', async () => {
    const folder = await realpath(await tempDir())
    const outside = await realpath(await tempDir())
    await writeFile(join(outside, 'secret.txt'), 'Not for import.\n')
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    await symlink(join(outside, 'secret.txt'), join(folder, 'swapped.txt'))
    const extractor = new InProcessExtractor(options)
    expect((await extractor.extract(join(folder, 'story.txt'), 'story.txt', folder)).document.text).toBe('A story.\n')
    await expect(extractor.extract(join(folder, 'swapped.txt'), 'swapped.txt', folder)).rejects.toThrow('the file now leads outside the imported folder: not read')
  })
})
