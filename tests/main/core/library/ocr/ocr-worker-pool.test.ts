import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isImportStopped, WorkerPoolExtractor } from '../../../../../src/main/core/library/extractor'

const options = { maxInflatedBytes: 10 * 1024 * 1024 }
const progressWorker = (pages: number) => ({ path: resolve(__dirname, 'progress-worker.mjs'), workerData: { pages } })

describe('WorkerPoolExtractor with long OCR', () => {
  const pools: WorkerPoolExtractor[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()))
  })

  it('passes each page of progress on, and a file that keeps reporting is not given up on at the timeout', async () => {
    // 40 pages at 50 ms is 2 s, twice the 1 s a file may go without news.
    const pool = new WorkerPoolExtractor(progressWorker(40), 1, options, 1000)
    pools.push(pool)
    const details: string[] = []
    const extraction = await pool.extract('/scan.pdf', 'scan.pdf', undefined, { onProgress: ({ detail }) => details.push(detail) })
    expect(extraction.document.text).toBe('Read at last.')
    expect(details[0]).toBe('OCR page 1 of 40')
    expect(details.at(-1)).toBe('OCR page 40 of 40')
  }, 30_000)

  it('ends the file being read when the import is stopped, drops the waiting ones, and goes on with a fresh thread', async () => {
    const pool = new WorkerPoolExtractor(progressWorker(3), 1, options)
    pools.push(pool)
    const controller = new AbortController()
    const running = pool.extract('/long.pdf', 'long.pdf', undefined, { signal: controller.signal, onProgress: () => controller.abort() })
    const waiting = pool.extract('/next.pdf', 'next.pdf', undefined, { signal: controller.signal })
    const outcomes = await Promise.allSettled([running, waiting])
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && isImportStopped(outcome.reason))).toEqual([true, true])
    await expect(pool.extract('/after.pdf', 'after.pdf', undefined, { signal: controller.signal })).rejects.toThrow('the import was stopped')
    expect((await pool.extract('/after.pdf', 'after.pdf')).document.text).toBe('Read at last.')
  }, 30_000)
})
