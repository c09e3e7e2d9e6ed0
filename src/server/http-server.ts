// Browser mode: the same API as the Electron IPC bridge, over HTTP on 127.0.0.1 only.
// Every API request must carry the per-launch token; Host and Origin must name this
// server, so neither another web page nor a DNS-rebinding attack can drive it.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import { contract, type ApiHandlers, type ApiMethod, type EventName } from '../shared/ipc/contract'
import { err, type Result } from '../shared/ipc/result'
import { TempFile } from '../main/core/export/bundle/temp-file'
import { dispatch } from '../main/core/dispatch'
import type { EngineEvents } from '../main/core/events'
import { attachmentHeader, DOWNLOAD_ROUTE, type DownloadShelf } from './download-shelf'
import { readStaticFile } from './static-files'

export const TOKEN_HEADER = 'x-sourcebench-token'
const MAX_BODY_BYTES = 1024 * 1024
/** Methods that take a file's content: an annotation file of up to 20 M characters, JSON-escaped. */
const LARGE_BODY_BYTES: Partial<Record<ApiMethod, number>> = { importAnnotations: 64 * 1024 * 1024 }
const EVENTS_ROUTE = '/api/events'
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/**
 * How long a client may take, so half-open or trickling connections cannot pile up.
 * The event stream is a response, not a request: none of these cut it off.
 */
export interface ServerTimeouts {
  /** From the first byte of a request to the end of its headers. */
  headersMs: number
  /** From the first byte of a request to the end of its body. */
  requestMs: number
  /** How long a connection may sit idle between two requests. */
  keepAliveMs: number
  /** How often Node looks for requests past `headersMs` or `requestMs` (fixed when the server is created). */
  checkIntervalMs: number
}

/** Generous for a browser on the same computer, short enough that stuck sockets do not pile up. */
export const DEFAULT_TIMEOUTS: Readonly<Omit<ServerTimeouts, 'checkIntervalMs'>> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 }

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
  timeouts?: Partial<ServerTimeouts>
  /** Exports waiting to be downloaded (browser mode's exportNotes puts them there). */
  downloads?: DownloadShelf
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

/** The timeouts to use: defaults filled in, checked often enough that a limit is not overshot by much. */
export function resolveTimeouts(given: Partial<ServerTimeouts> = {}): ServerTimeouts {
  const headersMs = given.headersMs ?? DEFAULT_TIMEOUTS.headersMs
  const requestMs = given.requestMs ?? Math.max(DEFAULT_TIMEOUTS.requestMs, headersMs)
  const keepAliveMs = given.keepAliveMs ?? DEFAULT_TIMEOUTS.keepAliveMs
  const checkIntervalMs = given.checkIntervalMs ?? Math.min(1_000, Math.max(10, Math.floor(headersMs / 5)))
  const timeouts = { headersMs, requestMs, keepAliveMs, checkIntervalMs }
  for (const [name, value] of Object.entries(timeouts)) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`server: timeout ${name} must be a whole number of milliseconds above 0, not ${value}`)
  }
  if (headersMs > requestMs) throw new Error(`server: headersMs (${headersMs}) cannot exceed requestMs (${requestMs})`)
  return timeouts
}

/** `application/json`, any case, with optional parameters; a charset, if given, must be UTF-8. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const [mediaType = '', ...parameters] = header.split(';')
  if (mediaType.trim().toLowerCase() !== 'application/json') return false
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().toLowerCase())
    return name !== 'charset' || ['utf-8', 'utf8', '"utf-8"', '"utf8"'].includes(value)
  })
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>, headers: OutgoingHttpHeaders = {}): void {
  if (response.destroyed || response.headersSent) return
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS, ...headers })
  response.end(JSON.stringify(body))
}

function statusOf(result: Result<unknown>): number {
  if (result.ok) return 200
  return { 'invalid-input': 400, 'not-found': 404, forbidden: 403, unavailable: 503, failed: 500 }[result.error.code]
}

/**
 * The body, or null once it passes the limit. The rest of an oversized body is left for
 * Node to discard after the answer, so the client still reads the 413 (bounded by `requestMs`).
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      request.off('data', onData)
      request.off('end', onEnd)
      resolve(null)
    }
    const onEnd = (): void => resolve(Buffer.concat(chunks))
    request.on('data', onData)
    request.once('end', onEnd)
    request.once('error', reject)
    request.once('close', () => reject(new Error('server: the client went away before sending the whole body')))
  })
}

function parseJsonBody(body: Buffer): { input: unknown } | { error: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    return { input: text.trim() === '' ? undefined : (JSON.parse(text) as unknown) }
  } catch (error: unknown) {
    const detail = error instanceof SyntaxError ? error.message : 'it is not UTF-8'
    return { error: `server: the body is not valid JSON (${detail})` }
  }
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const timeouts = resolveTimeouts(options.timeouts)
  let allowedHosts = new Set<string>()
  let allowedOrigins = new Set<string>()

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === EVENTS_ROUTE) {
      if (!sameSecret(url.searchParams.get('token'), token)) return sendJson(response, 401, err('forbidden', 'server: missing or wrong token'))
      if (request.method !== 'GET') return sendJson(response, 405, err('invalid-input', `server: ${EVENTS_ROUTE} takes GET`), { Allow: 'GET' })
      return streamEvents(request, response)
    }
    if (url.pathname.startsWith(DOWNLOAD_ROUTE)) return sendDownload(request, response, url.pathname.slice(DOWNLOAD_ROUTE.length))
    if (!sameSecret(request.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendJson(response, 401, err('forbidden', 'server: missing or wrong token; open the URL that `npm run serve` printed'))
    }
    const method = methodByRoute.get(url.pathname)
    if (method === undefined) return sendJson(response, 404, err('not-found', `server: no API route ${url.pathname}`))
    if (request.method !== 'POST') return sendJson(response, 405, err('invalid-input', `server: ${url.pathname} takes POST`), { Allow: 'POST' })
    if (!isJsonContentType(request.headers['content-type'])) {
      return sendJson(response, 415, err('invalid-input', 'server: send the input as application/json (UTF-8)'))
    }
    const limit = LARGE_BODY_BYTES[method] ?? MAX_BODY_BYTES
    const tooLarge = err('invalid-input', `server: the request body is larger than ${limit / 1024 / 1024} MB`)
    if (Number(request.headers['content-length'] ?? 0) > limit) return sendJson(response, 413, tooLarge)
    let body: Buffer | null
    try {
      body = await readBody(request, limit)
    } catch {
      return // The client hung up (or the request timed out); nobody is left to answer.
    }
    if (body === null) return sendJson(response, 413, tooLarge)
    const parsed = parseJsonBody(body)
    if ('error' in parsed) return sendJson(response, 400, err('invalid-input', parsed.error))
    const result = await dispatch(options.handlers, method, parsed.input)
    sendJson(response, statusOf(result), result)
  }

  /** The id is a one-shot secret as long as the token: an `<a download>` link cannot send the token header. */
  async function sendDownload(request: IncomingMessage, response: ServerResponse, id: string): Promise<void> {
    if (request.method !== 'GET') return sendJson(response, 405, err('invalid-input', 'server: downloads take GET'), { Allow: 'GET' })
    const file = /^[A-Za-z0-9_-]{32}$/.test(id) ? options.downloads?.take(id) : undefined
    const gone = err('not-found', 'server: no such download (each export can be downloaded once, within 10 minutes)')
    if (file === undefined) return sendJson(response, 404, gone)
    const start = (length: number): ServerResponse =>
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime,
        'Content-Length': length,
        'Content-Disposition': attachmentHeader(file.fileName),
        'Cache-Control': 'no-store',
        // An HTML report opened from here must not run as this origin.
        'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
      })
    const { data } = file
    if (!(data instanceof TempFile)) {
      const body = typeof data === 'string' ? Buffer.from(data, 'utf-8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      start(body.byteLength)
      return void response.end(body)
    }
    // A bundle streams from its temporary file, which is removed once sent or abandoned.
    try {
      start((await stat(data.path)).size)
      await pipeline(createReadStream(data.path), response)
    } catch {
      if (response.headersSent) response.destroy()
      else sendJson(response, 404, gone)
    } finally {
      await data.remove()
    }
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS })
    response.write(': connected\n\n')
    const names: EventName[] = ['importProgress', 'libraryChanged', 'corroborationProgress', 'historyChanged']
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
    if (!allowedHosts.has(host)) return sendJson(response, 403, err('forbidden', `server: refused Host "${host.slice(0, 200)}"`))
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return sendJson(response, 403, err('forbidden', `server: refused Origin "${origin.slice(0, 200)}"`))
    }
    // Only a path is accepted as the target: `GET http://elsewhere/ HTTP/1.1` or `OPTIONS *` is not ours to serve.
    const target = request.url ?? ''
    if (!target.startsWith('/')) return sendJson(response, 400, err('invalid-input', 'server: the request target must be a path'))
    const url = new URL(`http://${host}${target}`)
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, err('invalid-input', 'server: static files take GET'), { Allow: 'GET, HEAD' })
    }
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (file === null) return sendJson(response, 404, err('not-found', `server: no file ${url.pathname.slice(0, 200)}`))
    response.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  const server = createServer({ connectionsCheckingInterval: timeouts.checkIntervalMs }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug, not bad input: say so without a stack trace, and log the details here.
      console.error('server: unexpected error', error)
      if (!response.headersSent) sendJson(response, 500, err('failed', 'server: internal error'))
      else response.destroy()
    })
  })
  server.headersTimeout = timeouts.headersMs
  server.requestTimeout = timeouts.requestMs
  server.keepAliveTimeout = timeouts.keepAliveMs
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([...allowedHosts].map((allowed) => `http://${allowed}`))
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      await Promise.all([
        options.downloads?.clear(),
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        })
      ])
    }
  }
}
