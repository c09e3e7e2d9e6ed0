import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { Workbench } from '../../src/main/core/workbench'
import { createBrowserHandlers } from '../../src/server/browser-handlers'
import { routeOf, startBrowserServer, type RunningServer } from '../../src/server/http-server'
import { contract } from '../../src/shared/ipc/contract'
import { useTempDirs } from '../helpers/temp-dir'

function post(server: RunningServer, channel: string, input: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: routeOf(channel),
        method: 'POST',
        headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-sourcebench-token': server.token }
      },
      (res) => {
        let body = ''
        res.setEncoding('utf-8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', reject)
    req.end(JSON.stringify(input))
  })
}

describe('browser-mode server: a source’s date', () => {
  const tempDir = useTempDirs()
  let running: { server: RunningServer; workbench: Workbench } | null = null
  afterEach(async () => {
    await running?.server.close()
    await running?.workbench.shutdown()
    running = null
  })

  async function start(): Promise<{ server: RunningServer; workbench: Workbench }> {
    const rendererDir = await tempDir()
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Sourcebench</title>')
    await mkdir(join(rendererDir, 'assets'))
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: resolve(__dirname, '../../seeds') })
    await workbench.boot()
    const server = await startBrowserServer({
      handlers: { ...createCoreHandlers(workbench), ...createBrowserHandlers(workbench, 'test') },
      events: workbench.events,
      rendererDir,
      port: 0
    })
    running = { server, workbench }
    return running
  }

  it('answers 400 with the reason when the date cannot be read, and saves a readable one as ISO', async () => {
    const { server, workbench } = await start()
    const source = workbench.project.store.library.data.sources[0]!
    const before = source.meta.date
    const refused = await post(server, contract.updateSource.channel, { sourceId: source.id, date: 'next Tuesday-ish' })
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'library: Date: “next Tuesday-ish” is not a date; type it like 2026-01-16 or 16 January 2026' }
    })
    expect(workbench.project.library.find(source.id).meta.date).toBe(before)
    const saved = await post(server, contract.updateSource.channel, { sourceId: source.id, date: '16 January 2026' })
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { meta: { date: '2026-01-16' } } })
  }, 20_000)
})
