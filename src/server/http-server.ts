// Browser mode: the same API as the Electron IPC bridge, over HTTP on 127.0.0.1 only.
// Every API request must carry the per-launch token; Host and Origin must name this
// server, so neither another web page nor a DNS-rebinding attack can drive it.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contract, type ApiHandlers, type ApiMethod, type EventName } from '../shared/ipc/contract'
import { err, type Result } from '../shared/ipc/result'
import { dispatch } from '../main/core/dispatch'
import type { EngineEvents } from '../main/core/events'
import { readStaticFile } from './static-files'

export const TOKEN_HEADER = 'x-sourcebench-token'
const MAX_BODY_BYTES = 1024 * 1024
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/** One route per channel: `library:import-folder` is served at POST /api/library/import-folder. */
export function routeOf(channel: string): string {
  return `/api/${channel.replace(':', '/')}`
}

const methodByRoute = new Map<string, ApiMethod>(
  (Object.keys(contract) as ApiMethod[]).map((method) => [routeOf(contract[method].channel), method])
)

export interface BrowserServerOptions {
  handlers: ApiHandlers
  events: EngineEvents
  rendererDir: string
  port: number
  token?: string
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  response.end(JSON.stringify(body))
}

function statusOf(result: Result<unknown>): number {
  if (result.ok) return 200
  return { 'invalid-input': 400, 'not-found': 404, forbidden: 403, unavailable: 503, failed: 500 }[result.error.code]
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body is larger than 1 MB')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf-8')
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  let allowedHosts = new Set<string>()

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events') {
      if (!sameSecret(url.searchParams.get('token'), token)) return sendJson(response, 401, err('forbidden', 'server: missing or wrong token'))
      return streamEvents(request, response)
    }
    if (!sameSecret(request.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendJson(response, 401, err('forbidden', 'server: missing or wrong token; open the URL that `npm run serve` printed'))
    }
    const method = methodByRoute.get(url.pathname)
    if (method === undefined) return sendJson(response, 404, err('not-found', `server: no API route ${url.pathname}`))
    if (request.method !== 'POST') return sendJson(response, 405, err('invalid-input', `server: ${url.pathname} takes POST`))
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, err('invalid-input', 'server: send the input as application/json'))
    }
    let input: unknown
    try {
      const body = await readBody(request)
      input = body.trim() === '' ? undefined : (JSON.parse(body) as unknown)
    } catch (error: unknown) {
      const detail = error instanceof Error ? error.message : String(error)
      return sendJson(response, 400, err('invalid-input', `server: the body is not valid JSON (${detail})`))
    }
    const result = await dispatch(options.handlers, method, input)
    sendJson(response, statusOf(result), result)
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS })
    response.write(': connected\n\n')
    const names: EventName[] = ['importProgress', 'libraryChanged', 'corroborationProgress']
    const unsubscribers = names.map((name) =>
      options.events.on(name, (payload) => response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`))
    )
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000)
    request.on('close', () => {
      clearInterval(keepAlive)
      for (const unsubscribe of unsubscribers) unsubscribe()
    })
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? ''
    if (!allowedHosts.has(host)) return sendJson(response, 403, err('forbidden', `server: refused Host "${host}"`))
    const origin = request.headers.origin
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendJson(response, 403, err('forbidden', `server: refused Origin "${origin}"`))
    }
    const url = new URL(request.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, err('invalid-input', 'server: static files take GET'))
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (file === null) return sendJson(response, 404, err('not-found', `server: no file ${url.pathname}`))
    response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, err('failed', `server: ${error instanceof Error ? error.message : String(error)}`))
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
