// Serves the built renderer. Only files inside its folder, with a fixed set of types.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  // pdf.js in the renderer: its module worker, and the character maps and fonts it fetches.
  '.mjs': 'text/javascript; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf'
}

export interface StaticFile {
  body: Buffer
  type: string
}

/** The file a URL path names inside `rootDir`, or null for anything else (outside, unknown type, missing). */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  // A NUL ends a path for the OS; Node refuses it anyway, but refuse it before touching the disk.
  if (decoded.includes('\0')) return null
  const root = resolve(rootDir)
  const absolute = resolve(root, decoded === '/' ? 'index.html' : decoded.replace(/^[/\\]+/, ''))
  const inside = relative(root, absolute)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  const type = TYPES[extname(absolute).toLowerCase()]
  if (type === undefined) return null
  try {
    return { body: await readFile(absolute), type }
  } catch {
    return null
  }
}
