// Serves the built renderer. Only files inside its folder, with a fixed set of types.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon'
}

export interface StaticFile {
  body: Buffer
  type: string
}

export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const absolute = normalize(join(rootDir, relativePath))
  if (!absolute.startsWith(normalize(rootDir) + sep)) return null
  const type = TYPES[extname(absolute).toLowerCase()]
  if (type === undefined) return null
  try {
    return { body: await readFile(absolute), type }
  } catch {
    return null
  }
}
