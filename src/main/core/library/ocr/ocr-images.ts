// The pictures the recogniser reads: a PDF page drawn by pdf.js at a resolution that suits
// OCR, or an image file as it is meant to be seen (turned upright as its EXIF says, scaled
// down when huge). Also what the original view shows for an image file: its bytes when a
// browser can show them, else a PNG.
//
// Image files are decoded only by Tesseract's own image library, which runs in
// WebAssembly: @napi-rs/canvas (Skia) crashes the whole process on a truncated PNG or
// JPEG, so it only ever draws pixels that pdf.js or that library produced.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas'
import { shortDetail, unreadable } from '../extract/unreadable'
import type { OcrEngine } from './ocr-engine'

export interface OcrImage {
  /** The bytes Tesseract reads: the file's own, or a greyscale PGM of a drawn page. */
  bytes: Uint8Array
  /** The size the words' boxes are measured against. */
  width: number
  height: number
  /** Dots per inch when known (a drawn page), else null: Tesseract estimates it. */
  dpi: number | null
}

/**
 * Scans are drawn at this resolution for OCR. Measured on the team's PDF corpus
 * (eval:ocr, prose pages) it reads as well as 300 dpi (CER 0.21 % vs 0.19 %, WER 0.9 % vs
 * 0.8 %) in three quarters of the time, and a 20-page scan imports in about 27 s instead
 * of 43 s on two cores: 10-point text is still some 28 pixels tall.
 */
export const OCR_DPI = 200
/** No side drawn longer than this: a poster-sized page would otherwise need hundreds of megabytes. */
export const MAX_OCR_SIDE = 4000

export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'tiff'

export interface ImageHeader {
  kind: ImageKind
  /** The stored size, before any EXIF turn. */
  width: number
  height: number
  /** EXIF orientation (1 = upright, 6 = turn a quarter clockwise to view, …). */
  orientation: number
  /** Where the orientation value is in the file, to neutralise it (JPEG and TIFF). */
  orientationAt: number | null
  littleEndian: boolean
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, index) => bytes[at + index] === byte)
}

/** What an image file holds, by its first bytes (an extension can lie). */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif'
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  return null
}

/** A TIFF directory's entries (IFD at `at`, offsets from `base`), as tag → [value, where the value is]. */
function tiffTags(view: DataView, base: number, little: boolean): Map<number, [number, number]> {
  const tags = new Map<number, [number, number]>()
  const directory = base + view.getUint32(base + 4, little)
  const entries = view.getUint16(directory, little)
  for (let index = 0; index < entries; index++) {
    const at = directory + 2 + index * 12
    const type = view.getUint16(at + 2, little)
    const value = type === 3 ? view.getUint16(at + 8, little) : view.getUint32(at + 8, little)
    tags.set(view.getUint16(at, little), [value, at + 8])
  }
  return tags
}

/** The size of a TIFF's first image, read from its first directory; null when the file does not say. */
export function tiffSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const tags = tiffTags(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes[0] === 0x49)
    const width = tags.get(256)?.[0] ?? 0
    const height = tags.get(257)?.[0] ?? 0
    return width > 0 && height > 0 ? { width, height } : null
  } catch {
    return null
  }
}

/** A JPEG's size (from its frame header) and EXIF orientation (from its APP1 segment). */
function jpegHeader(view: DataView): Omit<ImageHeader, 'kind'> | null {
  let at = 2
  let orientation = 1
  let orientationAt: number | null = null
  let littleEndian = false
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return null
    const marker = view.getUint8(at + 1)
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = view.getUint16(at + 2)
    // APP1 "Exif\0\0" holds a TIFF structure whose first directory may say how to turn the picture.
    if (marker === 0xe1 && view.getUint32(at + 4) === 0x45786966 && view.getUint16(at + 8) === 0) {
      const base = at + 10
      littleEndian = view.getUint16(base) === 0x4949
      const found = tiffTags(new DataView(view.buffer, view.byteOffset, Math.min(view.byteLength, at + 2 + length)), base, littleEndian).get(274)
      if (found !== undefined && found[0] >= 1 && found[0] <= 8) [orientation, orientationAt] = found
    }
    // Start of frame (not DHT C4, JPG C8 or DAC CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7), orientation, orientationAt, littleEndian }
    }
    at += 2 + length
  }
  return null
}

/** Where the picture's size is in each format's header. Null when the header is cut short or makes no sense. */
export function imageHeader(bytes: Uint8Array): ImageHeader | null {
  const kind = imageKind(bytes)
  if (kind === null) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const plain = (width: number, height: number): ImageHeader => ({ kind, width, height, orientation: 1, orientationAt: null, littleEndian: false })
  try {
    let header: ImageHeader | null = null
    switch (kind) {
      case 'png':
        header = plain(view.getUint32(16), view.getUint32(20))
        break
      case 'jpeg': {
        const found = jpegHeader(view)
        header = found === null ? null : { kind, ...found }
        break
      }
      case 'webp': {
        const chunk = String.fromCharCode(...bytes.subarray(12, 16))
        if (chunk === 'VP8 ') header = plain(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
        else if (chunk === 'VP8L') {
          const bits = view.getUint32(21, true)
          header = plain((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
        } else if (chunk === 'VP8X') header = plain((view.getUint32(24, true) & 0xffffff) + 1, (view.getUint32(27, true) & 0xffffff) + 1)
        break
      }
      case 'gif':
        header = plain(view.getUint16(6, true), view.getUint16(8, true))
        break
      case 'bmp': {
        const core = view.getUint32(14, true) === 12
        header = core ? plain(view.getUint16(18, true), view.getUint16(20, true)) : plain(Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)))
        break
      }
      case 'tiff': {
        const littleEndian = bytes[0] === 0x49
        const tags = tiffTags(view, 0, littleEndian)
        const [orientation, orientationAt] = tags.get(274) ?? [1, null]
        const upright = orientation >= 1 && orientation <= 8
        header = { kind, width: tags.get(256)?.[0] ?? 0, height: tags.get(257)?.[0] ?? 0, orientation: upright ? orientation : 1, orientationAt: upright ? orientationAt : null, littleEndian }
        break
      }
    }
    return header !== null && header.width > 0 && header.height > 0 ? header : null
  } catch {
    return null
  }
}

/** The file with its EXIF orientation set to upright, so Tesseract's reader never turns it (it would for some files only). */
function withoutOrientation(bytes: Uint8Array, header: ImageHeader): Uint8Array {
  if (header.orientationAt === null || header.orientation === 1) return bytes
  const copy = new Uint8Array(bytes)
  new DataView(copy.buffer).setUint16(header.orientationAt, 1, header.littleEndian)
  return copy
}

/** Greyscale with the usual luma weights; PGM is a short header and one byte per pixel. */
function toPgm(canvas: Canvas): Uint8Array {
  const { width, height } = canvas
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1')
  const pgm = new Uint8Array(header.length + width * height)
  pgm.set(header)
  for (let pixel = 0, out = header.length; pixel < width * height; pixel++, out++) {
    const at = pixel * 4
    pgm[out] = ((rgba[at] ?? 255) * 77 + (rgba[at + 1] ?? 255) * 150 + (rgba[at + 2] ?? 255) * 29) >> 8
  }
  return pgm
}

/** The subset of pdf.js's page object drawing needs (its own types assume a browser). */
export interface DrawablePage {
  getViewport(parameters: { scale: number }): { width: number; height: number }
  render(parameters: { canvas: unknown; viewport: unknown; background?: string }): { promise: Promise<void> }
}

/** A PDF page drawn at OCR_DPI (less for a page so large it would pass MAX_OCR_SIDE). */
export async function renderPdfPage(page: DrawablePage): Promise<OcrImage> {
  const natural = page.getViewport({ scale: 1 })
  const scale = Math.min(OCR_DPI / 72, MAX_OCR_SIDE / Math.max(1, natural.width, natural.height))
  const viewport = page.getViewport({ scale })
  const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)))
  await page.render({ canvas, viewport, background: 'rgb(255,255,255)' }).promise
  return { bytes: toPgm(canvas), width: canvas.width, height: canvas.height, dpi: scale * 72 }
}

/** Source (x, y) → upright (a·x + c·y + e, b·x + d·y + f) for each EXIF orientation of a w × h picture. */
function orientationMatrix(orientation: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, w, 0]
    case 3:
      return [-1, 0, 0, -1, w, h]
    case 4:
      return [1, 0, 0, -1, 0, h]
    case 5:
      return [0, 1, 1, 0, 0, 0]
    case 6:
      return [0, 1, -1, 0, h, 0]
    case 7:
      return [0, -1, -1, 0, h, w]
    case 8:
      return [0, -1, 1, 0, 0, w]
    default:
      return [1, 0, 0, 1, 0, 0]
  }
}

/**
 * The picture upright and at most `maxSide` long, drawn from a PNG that Tesseract's
 * library wrote (safe to hand to Skia) of the file as stored.
 */
async function uprightCanvas(png: Uint8Array, orientation: number, maxSide: number): Promise<Canvas> {
  const decoded = await loadImage(Buffer.from(png.buffer, png.byteOffset, png.byteLength))
  const fit = Math.min(1, maxSide / Math.max(decoded.width, decoded.height))
  const [width, height] = orientation >= 5 ? [decoded.height, decoded.width] : [decoded.width, decoded.height]
  const canvas = createCanvas(Math.max(1, Math.round(width * fit)), Math.max(1, Math.round(height * fit)))
  const context = canvas.getContext('2d')
  const [a, b, c, d, e, f] = orientationMatrix(orientation, decoded.width, decoded.height)
  context.setTransform(a * fit, b * fit, c * fit, d * fit, e * fit, f * fit)
  context.drawImage(decoded, 0, 0)
  return canvas
}

/** Why a file whose header cannot be read is refused. */
export function imageRefusal(bytes: Uint8Array): Error {
  return unreadable(imageKind(bytes) === null ? 'not an image this app can read (PNG, JPEG, WebP, GIF, BMP or TIFF)' : 'damaged image (its header is cut short)')
}

/**
 * An image file ready for the recogniser. Most go as they are; one that must be turned
 * upright or scaled down is first decoded by Tesseract's image library, then redrawn.
 */
export async function imageForOcr(bytes: Uint8Array, engine: Pick<OcrEngine, 'toPng'>): Promise<OcrImage> {
  const header = imageHeader(bytes)
  if (header === null) throw imageRefusal(bytes)
  const plain = withoutOrientation(bytes, header)
  const scale = Math.min(1, MAX_OCR_SIDE / Math.max(header.width, header.height))
  // GIF is redrawn too: its header gives the screen size, which may differ from the first frame's.
  if (header.orientation === 1 && scale === 1 && header.kind !== 'gif') return { bytes: plain, width: header.width, height: header.height, dpi: null }
  const png = await engine.toPng(plain, false).catch((error: unknown) => {
    throw unreadable(`damaged image (${shortDetail(error)})`)
  })
  const canvas = await uprightCanvas(png, header.orientation, MAX_OCR_SIDE)
  return { bytes: toPgm(canvas), width: canvas.width, height: canvas.height, dpi: null }
}

export type DisplayMime = 'image/png' | 'image/jpeg' | 'image/webp'

/**
 * The image as a browser can show it: PNG, JPEG and WebP as they are (the browser turns a
 * photo upright as OCR did); GIF, BMP and TIFF as a PNG decoded by Tesseract's library.
 */
export async function imageForDisplay(bytes: Uint8Array, fileName: string): Promise<{ mime: DisplayMime; bytes: Uint8Array }> {
  const kind = imageKind(bytes)
  if (kind === 'png') return { mime: 'image/png', bytes }
  if (kind === 'jpeg') return { mime: 'image/jpeg', bytes }
  if (kind === 'webp') return { mime: 'image/webp', bytes }
  const header = imageHeader(bytes)
  if (header === null) throw unreadable(`ocr: ${fileName} is not an image this app can show`)
  const { createOcrEngine } = await import('./ocr-engine')
  const engine = await createOcrEngine({ languages: ['eng'], langPath: null })
  try {
    const png = await engine.toPng(withoutOrientation(bytes, header), true).catch((error: unknown) => {
      throw unreadable(`ocr: ${fileName} could not be converted for display (${shortDetail(error)})`)
    })
    if (png.length === 0) throw unreadable(`ocr: ${fileName} could not be converted for display`)
    if (header.orientation === 1) return { mime: 'image/png', bytes: png }
    // Turned upright as OCR saw it, so the word boxes fall on the words.
    const canvas = await uprightCanvas(png, header.orientation, Number.POSITIVE_INFINITY)
    return { mime: 'image/png', bytes: new Uint8Array(await canvas.encode('png')) }
  } finally {
    await engine.terminate()
  }
}
