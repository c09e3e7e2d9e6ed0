import { request } from 'node:http'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { Workbench } from '../../src/main/core/workbench'
import { createBrowserHandlers } from '../../src/server/browser-handlers'
import { DownloadShelf } from '../../src/server/download-shelf'
import { routeOf, startBrowserServer, type RunningServer } from '../../src/server/http-server'
import { contract } from '../../src/shared/ipc/contract'
import { useTempDirs } from '../helpers/temp-dir'

interface Reply {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

function send(server: RunningServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf-8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body, headers: res.headers }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function api(server: RunningServer, channel: string, input?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, routeOf(channel), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sourcebench-token': server.token, ...headers },
    body: input === undefined ? '' : JSON.stringify(input)
  })
}

describe('browser-mode server', () => {
  const tempDir = useTempDirs()
  let running: RunningServer | null = null
  let workbench: Workbench | null = null
  afterEach(async () => {
    await running?.close()
    await workbench?.shutdown()
    running = null
    workbench = null
  })

  async function start(): Promise<RunningServer> {
    const rendererDir = await tempDir()
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Sourcebench</title>')
    await mkdir(join(rendererDir, 'assets'))
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    workbench = new Workbench({ dataDir: await tempDir(), seedsDir: resolve(__dirname, '../../seeds') })
    await workbench.boot()
    const downloads = new DownloadShelf()
    running = await startBrowserServer({
      handlers: { ...createCoreHandlers(workbench), ...createBrowserHandlers(workbench, 'test', downloads) },
      events: workbench.events,
      rendererDir,
      port: 0,
      downloads
    })
    return running
  }

  it('answers a valid API call with the library, over the route named after its channel', async () => {
    const server = await start()
    const reply = await api(server, contract.listSources.channel)
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body) as { ok: boolean; value: { sources: unknown[] } }
    expect(result.ok).toBe(true)
    expect(result.value.sources).toHaveLength(5)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
  })

  it('refuses API calls without the right token', async () => {
    const server = await start()
    expect((await api(server, contract.listSources.channel, undefined, { 'x-sourcebench-token': 'guess' })).status).toBe(401)
    const noToken = await send(server, routeOf(contract.listSources.channel), { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(noToken.status).toBe(401)
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await send(server, '/api/events?token=guess')).status).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another web page)', async () => {
    const server = await start()
    expect((await send(server, '/', { headers: { host: `evil.example:${server.port}` } })).status).toBe(403)
    const fromPage = await api(server, contract.listSources.channel, undefined, { origin: 'https://evil.example' })
    expect(fromPage.status).toBe(403)
    expect(fromPage.body).toContain('refused Origin')
    expect((await api(server, contract.listSources.channel, undefined, { origin: `http://localhost:${server.port}` })).status).toBe(200)
  })

  it('rejects invalid input with a message naming the field, and bad JSON or unknown routes clearly', async () => {
    const server = await start()
    const badField = await api(server, contract.createAnnotation.channel, { sourceId: 'x', start: -1, end: 4, color: 'purple' })
    expect(badField.status).toBe(400)
    const error = (JSON.parse(badField.body) as { error: { message: string } }).error.message
    expect(error).toMatch(/^annotations:create: /)
    expect(error).toContain('start')
    expect(error).toContain('color')
    const badJson = await send(server, routeOf(contract.createClaim.channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sourcebench-token': server.token },
      body: '{"text": '
    })
    expect(badJson.status).toBe(400)
    expect(badJson.body).toContain('not valid JSON')
    expect((await api(server, 'library:drop-everything')).status).toBe(404)
    const missing = await api(server, contract.getSourceText.channel, { sourceId: 'src_nope' })
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('library: no source src_nope')
  })

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const server = await start()
    const index = await send(server, '/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Sourcebench</title>')
    expect((await send(server, '/assets/app.js')).status).toBe(200)
    expect((await send(server, '/../../../etc/passwd')).status).toBe(404)
    expect((await send(server, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
  })

  it('answers 400 with the reason when a source’s date cannot be read, and saves a readable one as ISO', async () => {
    const server = await start()
    const { library } = workbench!.project
    const source = workbench!.project.store.library.data.sources[0]!
    const before = source.meta.date
    const refused = await api(server, contract.updateSource.channel, { sourceId: source.id, date: 'next Tuesday-ish' })
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'library: Date: “next Tuesday-ish” is not a date; type it like 2026-01-16 or 16 January 2026' }
    })
    expect(library.find(source.id).meta.date).toBe(before)
    const saved = await api(server, contract.updateSource.channel, { sourceId: source.id, date: '16 January 2026' })
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { meta: { date: '2026-01-16' } } })
  }, 20_000)

  it('exports notes as a one-shot download in browser mode, for text and binary formats', async () => {
    const server = await start()
    const reply = await api(server, contract.exportNotes.channel, { format: 'markdown' })
    const result = JSON.parse(reply.body) as { value: { kind: string; fileName: string; url: string; bytes: number } }
    expect(result.value).toMatchObject({ kind: 'download', fileName: expect.stringMatching(/^sample-project-.*-notes-\d{4}-\d{2}-\d{2}\.md$/) as string })
    const download = await send(server, result.value.url, { method: 'GET' })
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${result.value.fileName}"; filename*=UTF-8''${result.value.fileName}`)
    expect(download.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(download.body).toContain('# Notes: Sample project')
    expect(Buffer.byteLength(download.body)).toBe(result.value.bytes)
    // Once only: the id is the capability.
    expect((await send(server, result.value.url, { method: 'GET' })).status).toBe(404)
    expect((await send(server, '/api/download/not-a-real-id-of-the-right-shape!', { method: 'GET' })).status).toBe(404)

    const docx = JSON.parse((await api(server, contract.exportNotes.channel, { format: 'docx' })).body) as { value: { fileName: string; url: string } }
    expect(docx.value.fileName).toMatch(/\.docx$/)
    const file = await send(server, docx.value.url, { method: 'GET' })
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(file.body.startsWith('PK')).toBe(true)

    // A bundle waits as a temporary file, streamed to the browser and removed once sent.
    const systemTemp = await tempDir()
    const savedTmpdir = process.env.TMPDIR
    process.env.TMPDIR = systemTemp
    const waiting = async (): Promise<string[]> => (await readdir(systemTemp)).filter((name) => name.startsWith('sourcebench-export-'))
    try {
      const bundle = JSON.parse((await api(server, contract.exportNotes.channel, { format: 'bundle' })).body) as { value: { fileName: string; url: string; bytes: number } }
      expect(await waiting()).toHaveLength(1)
      const zip = await new Promise<{ length: string | undefined; bytes: Buffer }>((resolvePromise, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: bundle.value.url, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolvePromise({ length: res.headers['content-length'], bytes: Buffer.concat(chunks) }))
        })
        req.on('error', reject)
        req.end()
      })
      expect(zip.length).toBe(String(bundle.value.bytes))
      expect(zip.bytes.byteLength).toBe(bundle.value.bytes)
      expect(Object.keys((await JSZip.loadAsync(zip.bytes)).files)).toEqual(expect.arrayContaining(['sourcebench-bundle.json', 'library.json', 'notes.json']))
      await vi.waitFor(async () => expect(await waiting()).toEqual([]))
      expect((await send(server, bundle.value.url, { method: 'GET' })).status).toBe(404)

      // One never fetched is removed when the server closes.
      await api(server, contract.exportNotes.channel, { format: 'bundle' })
      expect(await waiting()).toHaveLength(1)
      await server.close()
      expect(await waiting()).toEqual([])
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = savedTmpdir
    }
  }, 30_000)

  it('refuses an export request for a format that does not exist', async () => {
    const server = await start()
    const reply = await api(server, contract.exportNotes.channel, { format: 'pdf' })
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('format')
  })
})

describe('docs/api.md', () => {
  it('documents a route for every channel of the contract', async () => {
    const doc = await readFile(resolve(__dirname, '../../docs/api.md'), 'utf-8')
    const undocumented = Object.values(contract)
      .map((entry) => routeOf(entry.channel))
      .filter((route) => !doc.includes(`POST ${route}\``))
    expect(undocumented).toEqual([])
  })
})
