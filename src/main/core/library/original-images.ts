// The images a saved web page's article may show in the original view: files the browser
// saved beside the page ("page_files/…") inside the imported folder, and images the page
// already held as data: URLs, each inlined as a data: URL of a raster type its bytes prove.
// Anything else (a web address, file:, a path leaving the folder) is dropped, so the view
// never makes a request.
import { realpath } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import type { ImageResolver } from './extract/html-article'
import { readFileCapped } from './read-file-capped'

export interface ImageLimits {
  /** An image larger than this is dropped. */
  perImage: number
  /** Once the inlined images reach this many bytes, the rest are dropped. */
  total: number
  /** At most this many distinct images are inlined. */
  count: number
}

export const IMAGE_LIMITS: ImageLimits = { perImage: 5 * 1024 * 1024, total: 20 * 1024 * 1024, count: 300 }

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp'

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0))

/** The raster image type the bytes are, or null (SVG is left out: it is a document, not a picture). */
export function imageMimeOf(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('ftypavif'), 4) || startsWith(bytes, ascii('ftypavis'), 4)) return 'image/avif'
  if (startsWith(bytes, ascii('BM')) && bytes.length > 26) return 'image/bmp'
  return null
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

/** The bytes of a data: URL, or null when it is not one. */
function dataUrlBytes(src: string): Buffer | null {
  const match = /^data:([^,]*),([\s\S]*)$/i.exec(src)
  if (match === null) return null
  const header = match[1] ?? ''
  const body = match[2] ?? ''
  if (/;base64$/i.test(header)) return Buffer.from(body.replace(/\s+/g, ''), 'base64')
  try {
    return Buffer.from(decodeURIComponent(body), 'latin1')
  } catch {
    return null
  }
}

/** A relative address as a path relative to the page's folder, or null for anything that names a scheme or the site's root. */
function relativePath(src: string): string | null {
  // "https:", "file:", "javascript:", a Windows drive ("C:") all start like a scheme; "//host" and "/x" point at a site.
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\')) return null
  const path = src.replace(/[?#][\s\S]*$/, '')
  try {
    const decoded = decodeURIComponent(path)
    return decoded === '' || decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}

/**
 * Resolves the images of the page at `pageFile` (its real path), reading only regular files
 * whose real path is inside `realRoot`, within `limits`.
 */
export function localImageResolver(pageFile: string, realRoot: string, limits: ImageLimits = IMAGE_LIMITS): ImageResolver {
  const seen = new Map<string, string | null>()
  let total = 0
  let count = 0
  const inline = (bytes: Uint8Array): string | null => {
    const mime = imageMimeOf(bytes)
    if (mime === null || bytes.length > limits.perImage || total + bytes.length > limits.total || count >= limits.count) return null
    total += bytes.length
    count += 1
    return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`
  }
  const read = async (src: string): Promise<string | null> => {
    if (/^data:/i.test(src)) {
      const bytes = dataUrlBytes(src)
      return bytes === null ? null : inline(bytes)
    }
    const relative = relativePath(src)
    if (relative === null) return null
    const wanted = resolve(dirname(pageFile), relative)
    if (!isInside(wanted, realRoot)) return null
    // The real place is checked too: a link inside the folder may lead out of it.
    const real = await realpath(wanted).catch(() => null)
    if (real === null || !isInside(real, realRoot)) return null
    const bytes = await readFileCapped(real, limits.perImage, { noFollow: true }).catch(() => null)
    return bytes === null ? null : inline(bytes)
  }
  return async (src) => {
    const known = seen.get(src)
    if (known !== undefined) return known
    const inlined = await read(src)
    seen.set(src, inlined)
    return inlined
  }
}
