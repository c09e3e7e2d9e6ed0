// Makes "scans" for OCR tests: text drawn on a white page image, as a PNG or wrapped in a
// minimal hand-written PDF with one JPEG image per page and no text layer, the way a
// scanner's PDF is built. Free of test-runner imports so the e2e suite can use it too.
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas'

export interface ScanOptions {
  /** Resolution the page is "scanned" at (default 200 dots per inch). */
  dpi?: number
  /** A CSS font family; Chinese needs one with CJK glyphs (default: a serif font with Latin letters, see TEXT_FONT). */
  font?: string
  /** Text size in points (default 14). */
  pointSize?: number
}

const PAGE_POINTS = { width: 612, height: 792 } // US letter

/**
 * A serif family with Latin letters, named: the canvas takes the generic `serif` to be the
 * first family it finds, which is OpenSymbol (letters drawn as empty boxes) once LibreOffice
 * is installed, as .ci/run does for the Word-format tests.
 */
export const TEXT_FONT = ['DejaVu Serif', 'Liberation Serif', 'Noto Serif', 'FreeSerif'].find((family) => GlobalFonts.has(family)) ?? 'serif'

function drawPage(lines: readonly string[], widthPx: number, heightPx: number, scale: number, options: ScanOptions): Canvas {
  const canvas = createCanvas(widthPx, heightPx)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, widthPx, heightPx)
  context.fillStyle = '#111111'
  const size = (options.pointSize ?? 14) * scale
  context.font = `${Math.round(size)}px ${options.font ?? `"${TEXT_FONT}"`}`
  context.textBaseline = 'alphabetic'
  const margin = 72 * scale
  lines.forEach((line, index) => context.fillText(line, margin, margin + size + index * size * 1.6))
  return canvas
}

/** The lines on a white background sized to fit them. */
function textCanvas(lines: readonly string[], options: ScanOptions): Canvas {
  const scale = (options.dpi ?? 200) / 72
  const size = (options.pointSize ?? 14) * scale
  const width = Math.max(200, Math.round(72 * scale + Math.max(0, ...lines.map((line) => line.length)) * size * 0.6 + 72 * scale))
  const height = Math.max(120, Math.round(2 * 72 * scale + lines.length * size * 1.6))
  return drawPage(lines, width, height, scale, options)
}

/** A PNG of the lines (a photo of a note, a screenshot). */
export function makeTextImage(lines: readonly string[], options: ScanOptions = {}): Uint8Array {
  return new Uint8Array(textCanvas(lines, options).toBuffer('image/png'))
}

/** The lines as an uncompressed 8-bit greyscale TIFF (one strip), the simplest TIFF a fax or scanner writes. */
export function makeTextTiff(lines: readonly string[], options: ScanOptions = {}): Uint8Array {
  const canvas = textCanvas(lines, options)
  const { width, height } = canvas
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data
  const tags: Array<[tag: number, type: 3 | 4, value: number]> = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 8],
    [259, 3, 1], // no compression
    [262, 3, 1], // black is zero
    [273, 4, 0], // strip offset, set below
    [277, 3, 1],
    [278, 4, height],
    [279, 4, width * height]
  ]
  const directorySize = 2 + tags.length * 12 + 4
  const dataOffset = 8 + directorySize
  const tiff = Buffer.alloc(dataOffset + width * height)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(tags.length, 8)
  tags.forEach(([tag, type, value], index) => {
    const at = 10 + index * 12
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(1, at + 4)
    if (type === 3) tiff.writeUInt16LE(value, at + 8)
    else tiff.writeUInt32LE(tag === 273 ? dataOffset : value, at + 8)
  })
  for (let pixel = 0; pixel < width * height; pixel++) tiff[dataOffset + pixel] = rgba[pixel * 4] ?? 255
  return new Uint8Array(tiff)
}

/** A blank white image: OCR finds nothing in it. */
export function makeBlankImage(width = 600, height = 400): Uint8Array {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  return new Uint8Array(canvas.toBuffer('image/png'))
}

function pageJpeg(lines: readonly string[], options: ScanOptions): { jpeg: Buffer; width: number; height: number } {
  const scale = (options.dpi ?? 200) / 72
  const width = Math.round(PAGE_POINTS.width * scale)
  const height = Math.round(PAGE_POINTS.height * scale)
  return { jpeg: drawPage(lines, width, height, scale, options).toBuffer('image/jpeg', 90), width, height }
}

/** A page of a test PDF: a scan (one JPEG), maybe with a line of real text stamped over it, or a typed page (text only). */
export type TestPdfPage = { scan: readonly string[]; stamp?: string } | { typed: readonly string[] }

/**
 * A PDF of letter pages, each one JPEG image (/DCTDecode) filling the page and nothing
 * else: no fonts, no text layer. `pages` holds each page's lines; an empty page is white.
 */
export async function makeScannedPdf(pages: readonly (readonly string[])[], options: ScanOptions = {}): Promise<Uint8Array> {
  return makeMixedPdf(
    pages.map((lines) => ({ scan: lines })),
    options
  )
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`
}

/** Lines of real Helvetica text (a text layer) from `top` points below the page's top edge. */
function textOperators(lines: readonly string[], top: number, size: number): string {
  return lines.map((line, index) => `BT /F1 ${size} Tf 72 ${PAGE_POINTS.height - top - index * size * 1.5} Td ${pdfString(line)} Tj ET`).join(' ')
}

/**
 * A PDF mixing scanned pages (as makeScannedPdf makes them; `stamp` adds a line of real
 * Helvetica text across the top, as PACER stamps a filing's scans) and typed pages (text
 * only, no picture), in the given order.
 */
export async function makeMixedPdf(pages: readonly TestPdfPage[], options: ScanOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const push = (chunk: Buffer | string): void => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    chunks.push(buffer)
    length += buffer.length
  }
  const object = (number: number, ...body: Array<Buffer | string>): void => {
    offsets[number] = length
    push(`${number} 0 obj\n`)
    for (const part of body) push(part)
    push('\nendobj\n')
  }
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  // Objects: 1 catalog, 2 page tree, then per page: page, contents, image; last the font.
  const pageObject = (index: number): number => 3 + index * 3
  const font = pageObject(pages.length)
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, index) => `${pageObject(index)} 0 R`).join(' ')}] >>`)
  for (const [index, page] of pages.entries()) {
    const number = pageObject(index)
    const fonts = `/Font << /F1 ${font} 0 R >>`
    let content: string
    let image: Array<Buffer | string>
    if ('typed' in page) {
      content = textOperators(page.typed, 72, 12)
      image = ['<< >>'] // unused: keeps three objects a page
      object(number, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_POINTS.width} ${PAGE_POINTS.height}] /Resources << ${fonts} >> /Contents ${number + 1} 0 R >>`)
    } else {
      const { jpeg, width, height } = pageJpeg(page.scan, options)
      content = `q ${PAGE_POINTS.width} 0 0 ${PAGE_POINTS.height} 0 0 cm /Im0 Do Q` + (page.stamp === undefined ? '' : ` ${textOperators([page.stamp], 30, 9)}`)
      image = [
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        jpeg,
        '\nendstream'
      ]
      object(
        number,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_POINTS.width} ${PAGE_POINTS.height}] ` +
          `/Resources << /XObject << /Im0 ${number + 2} 0 R >> ${page.stamp === undefined ? '' : fonts} >> /Contents ${number + 1} 0 R >>`
      )
    }
    object(number + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
    object(number + 2, ...image)
  }
  object(font, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const count = font + 1
  const xref = length
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let number = 1; number < count; number++) push(`${String(offsets[number]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(chunks))
}
