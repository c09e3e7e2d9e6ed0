// The browser-mode server under attack: what a web page, a DNS-rebinding name, another
// local process or a slow client could try is refused with a 4xx, never a 500 or a stack
// trace, never a file outside the renderer folder, never a connection held open for ever.
import { request, type IncomingHttpHeaders } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { Workbench } from '../../src/main/core/workbench'
import { createBrowserHandlers } from '../../src/server/browser-handlers'
import { isJsonContentType, resolveTimeouts, routeOf, startBrowserServer, type RunningServer, type ServerTimeouts } from '../../src/server/http-server'
import { contract } from '../../src/shared/ipc/contract'

const INDEX_HTML = '<!doctype html><title>Sourcebench</title>'
const APP_JS = 'console.log("renderer")'
/** Written next to the renderer folder: no response may ever contain these. */
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER'
const SIBLING_SECRET = 'SECRET-IN-A-SIBLING-FOLDER'
/** What a stack trace looks like in a body: "    at fn (file.ts:12:3)" or "node:internal". */
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal/

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

interface SendOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Sends the body in pieces with no Content-Length (chunked), as a streaming client would. */
  chunks?: Buffer[]
  /** False sends no Host header at all. */
  setHost?: boolean
}

/** Every answer of the suite is checked for what an attacker must never learn. */
function leakIn(body: string): string | null {
  if (STACK_TRACE.test(body)) return `a stack trace: ${body.slice(0, 300)}`
  if (body.includes(SECRET) || body.includes(SIBLING_SECRET)) return 'a file from outside the renderer folder'
  return null
}

/** One request on a fresh connection; by default with this server's Host and nothing else. */
function send(server: RunningServer, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const headers = options.setHost === false ? { ...options.headers } : { host: `127.0.0.1:${server.port}`, ...options.headers }
    let answered = false
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers, agent: false, setHost: options.setHost !== false },
      (res) => {
        answered = true
        const parts: Buffer[] = []
        res.on('data', (chunk: Buffer) => parts.push(chunk))
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf-8') }
          const leak = leakIn(reply.body)
          if (leak === null) resolvePromise(reply)
          else reject(new Error(`${options.method ?? 'GET'} ${path.slice(0, 80)} answered ${reply.status} with ${leak}`))
        })
      }
    )
    // A server may answer early (413) and stop reading; the client's write error then comes after the answer.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    if (options.chunks !== undefined) {
      for (const chunk of options.chunks) req.write(chunk)
      req.end()
    } else req.end(options.body)
  })
}

function api(server: RunningServer, channel: string, input?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, routeOf(channel), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sourcebench-token': server.token, ...headers },
    body: input === undefined ? '' : JSON.stringify(input)
  })
}

function postRaw(server: RunningServer, channel: string, body: string | Buffer, contentType: string | null = 'application/json'): Promise<Reply> {
  const headers: Record<string, string> = { 'x-sourcebench-token': server.token }
  if (contentType !== null) headers['content-type'] = contentType
  return send(server, routeOf(channel), { method: 'POST', headers, body })
}

function errorOf(reply: Reply): { code: string; message: string } {
  return (JSON.parse(reply.body) as { ok: false; error: { code: string; message: string } }).error
}

interface ClosedSocket {
  /** Everything the server wrote before it closed the connection. */
  received: string
}

/** Opens a raw TCP connection, lets `act` write to it, and resolves once the server closes it. */
function rawConnection(server: RunningServer, act: (socket: Socket) => void): { closed: Promise<ClosedSocket> } {
  const socket = connect(server.port, '127.0.0.1')
  const state = { received: '' }
  socket.setEncoding('utf-8')
  socket.on('data', (chunk: string) => (state.received += chunk))
  const closed = new Promise<ClosedSocket>((resolvePromise, reject) => {
    socket.once('error', (error: NodeJS.ErrnoException) => {
      // A reset while the client still writes is the server closing it too.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error)
    })
    socket.once('close', () => resolvePromise(state))
  })
  socket.once('connect', () => act(socket))
  return { closed }
}

/** The header block of a request to this server, without the final blank line. */
function requestHead(server: RunningServer, lines: string[]): string {
  return [...lines, `Host: 127.0.0.1:${server.port}`].join('\r\n')
}

describe('browser-mode server under attack', () => {
  let base: string
  let workbench: Workbench
  let server: RunningServer

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sourcebench-attack-'))
    const rendererDir = join(base, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
    await writeFile(join(rendererDir, 'assets', 'app.js'), APP_JS)
    await writeFile(join(base, 'secret.json'), JSON.stringify({ secret: SECRET }))
    await writeFile(join(base, 'secret.js'), `// ${SECRET}`)
    await mkdir(join(base, 'renderer-sibling'))
    await writeFile(join(base, 'renderer-sibling', 'leak.js'), `// ${SIBLING_SECRET}`)
    workbench = new Workbench({ dataDir: join(base, 'data'), seedsDir: resolve(__dirname, '../../seeds') })
    await workbench.boot()
    server = await startBrowserServer({
      handlers: { ...createCoreHandlers(workbench), ...createBrowserHandlers(workbench, 'test') },
      events: workbench.events,
      rendererDir,
      port: 0
    })
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await workbench?.shutdown()
    if (base !== undefined) await rm(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
  })

  describe('token', () => {
    it('refuses an API call when the token header is missing, wrong, empty, too long or a prefix', { timeout: 15_000 }, async () => {
      const route = routeOf(contract.listSources.channel)
      const variants: Array<Record<string, string>> = [
        {},
        { 'x-sourcebench-token': 'guess' },
        { 'x-sourcebench-token': '' },
        { 'x-sourcebench-token': server.token.slice(0, -1) },
        { 'x-sourcebench-token': `${server.token}0` },
        { 'x-sourcebench-token': server.token.repeat(200) },
        { 'x-sourcebench-token': server.token.toUpperCase() }
      ]
      for (const headers of variants) {
        const reply = await send(server, route, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } })
        expect(reply.status, JSON.stringify(headers).slice(0, 80)).toBe(401)
        expect(errorOf(reply).code).toBe('forbidden')
        expect(reply.body).not.toContain(server.token)
      }
    })

    it('refuses the token when it is sent in the query, a cookie or an Authorization header instead of its header', { timeout: 15_000 }, async () => {
      const route = routeOf(contract.listSources.channel)
      const json = { 'content-type': 'application/json' }
      expect((await send(server, `${route}?token=${server.token}`, { method: 'POST', headers: json })).status).toBe(401)
      expect((await send(server, route, { method: 'POST', headers: { ...json, cookie: `token=${server.token}` } })).status).toBe(401)
      expect((await send(server, route, { method: 'POST', headers: { ...json, authorization: `Bearer ${server.token}` } })).status).toBe(401)
    })

    it('refuses the event stream when its query token is missing, wrong, empty or too long, or only sent as a header', { timeout: 15_000 }, async () => {
      for (const query of ['', '?token=', '?token=guess', `?token=${server.token}${server.token}`, `?Token=${server.token}`]) {
        expect((await send(server, `/api/events${query}`)).status, query).toBe(401)
      }
      expect((await send(server, '/api/events', { headers: { 'x-sourcebench-token': server.token } })).status).toBe(401)
    })

    it('refuses to open the event stream when it is asked for with any method but GET', { timeout: 15_000 }, async () => {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const reply = await send(server, `/api/events?token=${server.token}`, { method })
        expect(reply.status, method).toBe(405)
        expect(reply.headers['allow']).toBe('GET')
      }
    })
  })

  describe('Host header', () => {
    it('refuses every Host except 127.0.0.1 and localhost on this port, on pages and API routes alike', { timeout: 20_000 }, async () => {
      const port = server.port
      const otherPort = port === 65535 ? port - 1 : port + 1
      const hosts = [
        `evil.example:${port}`,
        `127.0.0.1:${otherPort}`,
        `localhost:${otherPort}`,
        `localhost.evil.com:${port}`,
        'localhost.evil.com',
        `127.0.0.1.evil.com:${port}`,
        `rebind-127-0-0-1.attacker.example:${port}`,
        '127.0.0.1',
        'localhost',
        `[::1]:${port}`,
        `0.0.0.0:${port}`,
        `LOCALHOST:${port}`,
        `localhost.:${port}`,
        `127.0.0.1:${port}@evil.example`,
        `127.0.0.1:${port}.`
      ]
      for (const host of hosts) {
        const page = await send(server, '/', { headers: { host } })
        expect(page.status, host).toBe(403)
        expect(page.body).not.toContain(INDEX_HTML)
        const call = await api(server, contract.listSources.channel, undefined, { host })
        expect(call.status, host).toBe(403)
        expect(errorOf(call).message).toContain('refused Host')
      }
    })

    it('refuses a request with no Host at all', { timeout: 15_000 }, async () => {
      // HTTP/1.1 makes Host mandatory (Node answers 400); HTTP/1.0 lets it out, and the server refuses it.
      const http11 = await send(server, '/', { setHost: false })
      expect(http11.status).toBe(400)
      expect(http11.body).not.toContain(INDEX_HTML)
      const { closed } = rawConnection(server, (socket) => socket.write('GET / HTTP/1.0\r\n\r\n'))
      const http10 = await closed
      expect(http10.received).toMatch(/^HTTP\/1\.[01] 403 /)
      expect(http10.received).not.toContain(INDEX_HTML)
    })

    it('serves the app under both names of this port', { timeout: 15_000 }, async () => {
      expect((await send(server, '/', { headers: { host: `localhost:${server.port}` } })).body).toBe(INDEX_HTML)
      expect((await api(server, contract.listSources.channel, undefined, { host: `localhost:${server.port}` })).status).toBe(200)
    })
  })

  describe('Origin header', () => {
    it('refuses a call from any origin but the app’s own', { timeout: 20_000 }, async () => {
      const port = server.port
      const origins = [
        'null',
        'https://evil.example',
        `https://127.0.0.1:${port}`,
        `https://localhost:${port}`,
        `http://127.0.0.1:${port + 1}`,
        `http://localhost:${port + 1}`,
        `http://127.0.0.1:${port}.evil.example`,
        `http://127.0.0.1:${port}/`,
        `127.0.0.1:${port}`,
        `localhost:${port}`,
        `HTTP://127.0.0.1:${port}`,
        `file://`,
        ''
      ]
      for (const origin of origins) {
        const reply = await api(server, contract.listSources.channel, undefined, { origin })
        expect(reply.status, origin).toBe(403)
        expect(errorOf(reply).message).toContain('refused Origin')
      }
    })

    it('accepts the app’s own origin under both names', { timeout: 15_000 }, async () => {
      for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
        expect((await api(server, contract.listSources.channel, undefined, { origin })).status, origin).toBe(200)
      }
    })
  })

  describe('methods', () => {
    it('answers 405 with Allow: POST when an API route is called with another method', { timeout: 15_000 }, async () => {
      const route = routeOf(contract.listSources.channel)
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const reply = await send(server, route, { method, headers: { 'x-sourcebench-token': server.token } })
        expect(reply.status, method).toBe(405)
        expect(reply.headers['allow']).toBe('POST')
      }
    })

    it('answers a CORS preflight without the token with 401 and no Access-Control header', { timeout: 15_000 }, async () => {
      const reply = await send(server, routeOf(contract.createClaim.channel), {
        method: 'OPTIONS',
        headers: { origin: `http://127.0.0.1:${server.port}`, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-sourcebench-token' }
      })
      expect(reply.status).toBe(401)
      expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
    })

    it('answers 405 when a page is sent anything but GET or HEAD, and HEAD without a body', { timeout: 15_000 }, async () => {
      for (const method of ['POST', 'PUT', 'DELETE']) expect((await send(server, '/', { method })).status, method).toBe(405)
      const head = await send(server, '/', { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.body).toBe('')
    })
  })

  describe('content types', () => {
    it('refuses with 415 any body that is not declared as UTF-8 application/json', { timeout: 15_000 }, async () => {
      const types = [
        'application/jsonx',
        'application/json-patch+json',
        'application/jsonp',
        'application/json5',
        'text/plain',
        'text/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json, text/plain',
        'application/json; charset=iso-8859-1',
        'application/json; charset=utf-16',
        '',
        null
      ]
      for (const type of types) {
        const reply = await postRaw(server, contract.createClaim.channel, '{"text":"sent as another type"}', type)
        expect(reply.status, String(type)).toBe(415)
        expect(errorOf(reply).message).toContain('application/json')
      }
    })

    it('accepts application/json in any case, with a UTF-8 charset and spaces around its parts', { timeout: 15_000 }, async () => {
      for (const type of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'Application/Json;Charset=UTF-8', ' application/json ; charset="utf-8" ', 'application/json;']) {
        const reply = await postRaw(server, contract.listSources.channel, '', type)
        expect(reply.status, type).toBe(200)
      }
    })
  })

  describe('bodies', () => {
    it('answers 400 naming the problem when the body is not JSON or not UTF-8', { timeout: 15_000 }, async () => {
      for (const body of ['{"text": ', '{text: "x"}', "{'text': 'x'}", '{"text":"x"} trailing', 'undefined', 'NaN']) {
        const reply = await postRaw(server, contract.createClaim.channel, body)
        expect(reply.status, body).toBe(400)
        expect(errorOf(reply).message).toContain('not valid JSON')
      }
      const latin1 = await postRaw(server, contract.createClaim.channel, Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))
      expect(latin1.status).toBe(400)
      expect(errorOf(latin1).message).toContain('UTF-8')
    })

    it('answers 413 to a body over 1 MB, declared or streamed, and keeps serving', { timeout: 20_000 }, async () => {
      const big = Buffer.alloc(1024 * 1024 + 1, 0x20)
      const declared = await postRaw(server, contract.createClaim.channel, big)
      expect(declared.status).toBe(413)
      expect(errorOf(declared).message).toContain('larger than 1 MB')
      const chunks = Array.from({ length: 17 }, () => Buffer.alloc(64 * 1024, 0x20))
      const streamed = await send(server, routeOf(contract.createClaim.channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sourcebench-token': server.token },
        chunks
      })
      expect(streamed.status).toBe(413)
      expect((await api(server, contract.listSources.channel)).status).toBe(200)
    })

    it('answers 400, not a crash, to deeply nested JSON', { timeout: 20_000 }, async () => {
      const depth = 400_000
      const arrays = await postRaw(server, contract.createClaim.channel, `${'['.repeat(depth)}${']'.repeat(depth)}`)
      expect(arrays.status).toBe(400)
      const objects = await postRaw(server, contract.createClaim.channel, `{"text":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`)
      expect(objects.status).toBe(400)
      expect(errorOf(objects).message).toMatch(new RegExp(`^${contract.createClaim.channel}: text: `))
    })

    it('answers 400 with a message naming the field when the input has the wrong shape', { timeout: 15_000 }, async () => {
      const cases: Array<[string, unknown, string]> = [
        [contract.createClaim.channel, { text: 42 }, 'text'],
        [contract.createClaim.channel, ['text'], 'input'],
        [contract.createClaim.channel, 'text', 'input'],
        [contract.createAnnotation.channel, { sourceId: 'x', contentHash: 'nothex', start: -1, end: 4, color: 'purple' }, 'contentHash'],
        [contract.search.channel, { query: 5 }, 'query'],
        [contract.search.channel, { query: 'x', limit: 1e9 }, 'limit'],
        [contract.alignSources.channel, { sourceIds: ['only-one'] }, 'sourceIds'],
        [contract.openProject.channel, { projectId: '' }, 'projectId'],
        [contract.openProject.channel, { projectId: 'x'.repeat(201) }, 'projectId'],
        [contract.importFolder.channel, { path: 7 }, 'path'],
        [contract.importFolder.channel, { path: '' }, 'path'],
        [contract.listSources.channel, null, 'input'],
        [contract.listSources.channel, { extra: true }, 'input']
      ]
      for (const [channel, input, field] of cases) {
        const reply = await api(server, channel, input)
        expect(reply.status, `${channel} ${JSON.stringify(input)}`).toBe(400)
        const error = errorOf(reply)
        expect(error.code).toBe('invalid-input')
        expect(error.message).toMatch(new RegExp(`^${channel}: .*\\b${field}\\b`))
      }
    })

    it('answers 400 when a folder path to import holds a NUL character', { timeout: 15_000 }, async () => {
      for (const path of [`${base}\0/etc`, '\0', `${join(base, 'renderer')}\u0000`]) {
        const reply = await api(server, contract.importFolder.channel, { path })
        expect(reply.status).toBe(400)
        expect(errorOf(reply).message).toMatch(new RegExp(`^${contract.importFolder.channel}: path: .*NUL`))
      }
    })

    it('does not let a __proto__ key in the body reach the prototype of other objects', { timeout: 15_000 }, async () => {
      const reply = await postRaw(server, contract.createClaim.channel, '{"__proto__":{"polluted":"yes"},"text":"A claim with a proto key"}')
      expect(reply.status).toBe(200)
      expect((JSON.parse(reply.body) as { value: { text: string } }).value.text).toBe('A claim with a proto key')
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    })

    it('answers 404 to API routes that do not exist', { timeout: 15_000 }, async () => {
      for (const path of ['/api/', '/api/library', '/api/library/drop-everything', `${routeOf(contract.listSources.channel)}/`, '/api/library:list-sources', '/api/events/x']) {
        const reply = await send(server, path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sourcebench-token': server.token } })
        expect(reply.status, path).toBe(404)
      }
    })
  })

  describe('static paths', () => {
    it('never serves a file outside the renderer folder and never fails with a 500', { timeout: 30_000 }, async () => {
      const paths = [
        '/../secret.json',
        '/../../../../etc/passwd',
        '/%2e%2e/secret.json',
        '/%2e%2e%2fsecret.json',
        '/..%2fsecret.json',
        '/..%2f..%2f..%2fetc%2fpasswd',
        '/assets/..%2f..%2fsecret.json',
        '/%2e%2e/renderer-sibling/leak.js',
        '/..%2frenderer-sibling%2fleak.js',
        '/..%5csecret.json',
        '/%5c..%5csecret.json',
        '/..\\secret.json',
        '/assets\\..\\..\\secret.js',
        '/%c0%ae%c0%ae/secret.json',
        '/%00.js',
        '/index.html%00.js',
        '/../secret.js%00.html',
        '//etc/passwd',
        '///etc/passwd',
        '/%2F%2Fetc%2Fpasswd',
        `/${encodeURIComponent(join(base, 'secret.json'))}`,
        '/%',
        '/%zz',
        '/assets',
        '/assets/',
        `/${'a'.repeat(5_000)}.js`,
        `/${'a/'.repeat(3_000)}x.js`,
        `/${'..%2f'.repeat(1_000)}etc/passwd`
      ]
      for (const path of paths) {
        const reply = await send(server, path)
        expect(reply.status, path.slice(0, 80)).toBeLessThan(500)
        if (reply.status === 200) expect([INDEX_HTML, APP_JS], path.slice(0, 80)).toContain(reply.body)
        else expect(reply.status, path.slice(0, 80)).toBe(404)
      }
    })

    it('refuses a request line too long to parse with a 4xx, not a 500', { timeout: 15_000 }, async () => {
      // Node answers 431 and hangs up; the client may be reset while still writing, so read raw.
      const { closed } = rawConnection(server, (socket) => socket.write(`${requestHead(server, [`GET /${'a'.repeat(70_000)}.js HTTP/1.1`])}\r\n\r\n`))
      const { received } = await closed
      expect(received).toMatch(/^$|^HTTP\/1\.1 4\d\d /)
    })

    it('refuses a request whose target is a full URL or an asterisk instead of a path', { timeout: 15_000 }, async () => {
      for (const target of ['http://evil.example/', `http://127.0.0.1:${server.port}/`, '*']) {
        const { closed } = rawConnection(server, (socket) =>
          socket.write(`${requestHead(server, [`${target === '*' ? 'OPTIONS' : 'GET'} ${target} HTTP/1.1`, 'Connection: close'])}\r\n\r\n`)
        )
        const { received } = await closed
        expect(received, target).toMatch(/^HTTP\/1\.1 400 /)
        expect(received).not.toContain(INDEX_HTML)
      }
    })
  })
})

describe('browser-mode server timeouts', () => {
  // Far below Node's defaults (60 s for headers, 300 s for a request, checked every 30 s),
  // so a test fails on a server that does not set them; the test timeouts leave ample room.
  const timeouts: Partial<ServerTimeouts> = { headersMs: 500, requestMs: 1_000, keepAliveMs: 100, checkIntervalMs: 100 }
  let base: string
  let workbench: Workbench
  let server: RunningServer

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sourcebench-timeouts-'))
    await mkdir(join(base, 'renderer'))
    await writeFile(join(base, 'renderer', 'index.html'), INDEX_HTML)
    await mkdir(join(base, 'seeds'))
    workbench = new Workbench({ dataDir: join(base, 'data'), seedsDir: join(base, 'seeds') })
    await workbench.boot()
    server = await startBrowserServer({
      handlers: { ...createCoreHandlers(workbench), ...createBrowserHandlers(workbench, 'test') },
      events: workbench.events,
      rendererDir: join(base, 'renderer'),
      port: 0,
      timeouts
    })
  }, 60_000)

  afterAll(async () => {
    await server?.close()
    await workbench?.shutdown()
    if (base !== undefined) await rm(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
  })

  /** Writes `text` one character every `everyMs`, until the socket closes. */
  function trickle(socket: Socket, text: string, everyMs: number): void {
    let sent = 0
    const timer = setInterval(() => {
      if (socket.destroyed || socket.writableEnded) return clearInterval(timer)
      socket.write(text.charAt(sent % text.length))
      sent += 1
    }, everyMs)
    socket.once('close', () => clearInterval(timer))
  }

  it('closes a connection that opens and sends nothing', { timeout: 10_000 }, async () => {
    const { closed } = rawConnection(server, () => undefined)
    expect((await closed).received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes a connection that sends part of a request head and stops', { timeout: 10_000 }, async () => {
    const { closed } = rawConnection(server, (socket) => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Half`))
    expect((await closed).received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes a connection that sends its headers one byte at a time', { timeout: 10_000 }, async () => {
    const { closed } = rawConnection(server, (socket) => {
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `)
      trickle(socket, 'a', 50)
    })
    expect((await closed).received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes a connection that trickles the body of an API call', { timeout: 10_000 }, async () => {
    const { closed } = rawConnection(server, (socket) => {
      socket.write(
        `${requestHead(server, [
          `POST ${routeOf(contract.createClaim.channel)} HTTP/1.1`,
          'Content-Type: application/json',
          'Content-Length: 100000',
          `X-Sourcebench-Token: ${server.token}`
        ])}\r\n\r\n{"text":"`
      )
      trickle(socket, 'x', 50)
    })
    const { received } = await closed
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
    expect(received).not.toContain('"ok":true')
  })

  it('closes a kept-alive connection that stays idle after its answer', { timeout: 5_000 }, async () => {
    const { closed } = rawConnection(server, (socket) => socket.write(`${requestHead(server, ['GET / HTTP/1.1', 'Connection: keep-alive'])}\r\n\r\n`))
    const { received } = await closed
    expect(received).toMatch(/^HTTP\/1\.1 200 /)
    expect(received).toContain(INDEX_HTML)
  })

  it('answers a prompt client as usual', { timeout: 10_000 }, async () => {
    const reply = await api(server, contract.createClaim.channel, { text: 'Sent in one go' })
    expect(reply.status).toBe(200)
  })

  it('keeps the event stream open past every timeout and still delivers events on it', { timeout: 20_000 }, async () => {
    let received = ''
    let streamClosed = false
    const waiting: Array<{ text: string; done: () => void }> = []
    /** Resolves once the stream has carried `text`. */
    const streamed = (text: string): Promise<void> =>
      new Promise((done) => {
        if (received.includes(text)) done()
        else waiting.push({ text, done })
      })
    const stream = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, agent: false, headers: { host: `127.0.0.1:${server.port}` } })
    stream.on('response', (res) => {
      res.setEncoding('utf-8')
      res.on('data', (chunk: string) => {
        received += chunk
        for (const waiter of waiting.filter((candidate) => received.includes(candidate.text))) waiter.done()
      })
      res.on('close', () => (streamClosed = true))
    })
    stream.end()
    await streamed(': connected')
    // Connections opened after the stream are cut by each timeout; waiting for their close
    // proves the timeouts have run while the older stream was open.
    const idle = rawConnection(server, () => undefined)
    const keptAlive = rawConnection(server, (socket) => socket.write(`${requestHead(server, ['GET / HTTP/1.1'])}\r\n\r\n`))
    const slowBody = rawConnection(server, (socket) => {
      socket.write(`${requestHead(server, [`POST ${routeOf(contract.createClaim.channel)} HTTP/1.1`, 'Content-Type: application/json', 'Content-Length: 50', `X-Sourcebench-Token: ${server.token}`])}\r\n\r\n{`)
    })
    await Promise.all([idle.closed, keptAlive.closed, slowBody.closed])
    expect(streamClosed).toBe(false)
    const delivered = streamed('event: libraryChanged')
    workbench.events.emit('libraryChanged', null)
    await delivered
    expect(received).toContain('event: libraryChanged\ndata: null\n\n')
    expect(streamClosed).toBe(false)
    stream.destroy()
  })
})

describe('http-server settings', () => {
  it('fills in timeouts of 10 s for headers, 30 s for a request and 5 s idle, checked every second', () => {
    expect(resolveTimeouts()).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 })
    expect(resolveTimeouts({ headersMs: 200 })).toMatchObject({ headersMs: 200, checkIntervalMs: 40 })
    expect(resolveTimeouts({ headersMs: 60_000 }).requestMs).toBe(60_000)
  })

  it('refuses timeouts that are not positive whole milliseconds, or headers longer than the request', () => {
    expect(() => resolveTimeouts({ headersMs: 0 })).toThrow(/headersMs/)
    expect(() => resolveTimeouts({ keepAliveMs: -1 })).toThrow(/keepAliveMs/)
    expect(() => resolveTimeouts({ requestMs: Number.NaN })).toThrow(/requestMs/)
    expect(() => resolveTimeouts({ headersMs: 5_000, requestMs: 1_000 })).toThrow(/cannot exceed/)
  })

  it('recognises application/json only as that exact media type', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('application/json; charset=UTF-8')).toBe(true)
    expect(isJsonContentType('application/jsonx')).toBe(false)
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
})
