import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workerRunner, type WorkerJobRequest } from '../../../../../src/main/core/corroboration/findings/run-findings-job'
import { useTempDirs } from '../../../../helpers/temp-dir'

// Stand-ins for the built findings worker: one answers at once, one outgrows any heap.
const ANSWERS = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', () => parentPort.postMessage({ ok: true, result: { analysed: 3, quotes: null, names: null } }))
`
const GROWS = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', () => { const held = []; for (;;) held.push(new Array(100000).fill({ text: 'quote' })) })
`

const request: WorkerJobRequest = { findingsDir: '/nowhere', textsDir: '/nowhere', sources: [], decisions: [], quotes: null, names: null }

describe('workerRunner', () => {
  const tempDir = useTempDirs()

  async function script(code: string): Promise<{ path: string }> {
    const path = join(await tempDir(), 'worker.cjs')
    await writeFile(path, code)
    return { path }
  }

  it('answers with what the worker found', async () => {
    const runner = workerRunner(await script(ANSWERS), async () => '')
    await expect(runner.run(request, () => undefined)).resolves.toMatchObject({ analysed: 3 })
    await runner.close()
  }, 30_000)

  it('ends a pass that outgrows its memory with a message saying so, and the next pass starts a new worker', async () => {
    const runner = workerRunner(await script(GROWS), async () => '', 32)
    await expect(runner.run(request, () => undefined)).rejects.toThrow(/corroboration: the library is too large to group its quotes and names in the memory set aside for it .*library, search and notes are not affected/)
    await expect(runner.run(request, () => undefined)).rejects.toThrow(/too large/)
    await runner.close()
  }, 60_000)
})
