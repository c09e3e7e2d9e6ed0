import { createCanvas, loadImage } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine, type OcrEngine } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { imageForDisplay, imageForOcr, imageHeader, imageKind, tiffSize } from '../../../../../src/main/core/library/ocr/ocr-images'
import { makeTextImage, makeTextTiff, TEXT_FONT } from '../../../../helpers/scanned-pdf'

/** A 24-bit BMP, bottom-up rows padded to 4 bytes, as Windows Paint writes it. */
function bmp(width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4
  const file = Buffer.alloc(54 + row * height, 0xff)
  file.write('BM', 0, 'latin1')
  file.writeUInt32LE(file.length, 2)
  file.writeUInt32LE(54, 10)
  file.writeUInt32LE(40, 14)
  file.writeInt32LE(width, 18)
  file.writeInt32LE(height, 22)
  file.writeUInt16LE(1, 26)
  file.writeUInt16LE(24, 28)
  file.writeUInt32LE(row * height, 34)
  return new Uint8Array(file)
}

/** A JPEG stored sideways with an EXIF orientation saying how to turn it upright, in either byte order. */
function sidewaysJpeg(lines: string[], orientation: 6 | 8, littleEndian: boolean): Uint8Array {
  const upright = createCanvas(900, 200)
  const context = upright.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, 900, 200)
  context.fillStyle = '#000'
  context.font = `40px "${TEXT_FONT}"`
  lines.forEach((line, index) => context.fillText(line, 30, 70 + index * 60))
  const stored = createCanvas(200, 900)
  const turn = stored.getContext('2d')
  // Stored turned the other way, so that applying the orientation brings it back upright.
  if (orientation === 6) turn.setTransform(0, -1, 1, 0, 0, 900)
  else turn.setTransform(0, 1, -1, 0, 200, 0)
  turn.drawImage(upright, 0, 0)
  const jpeg = stored.toBuffer('image/jpeg', 95)
  const tiff = Buffer.alloc(26)
  tiff.write(littleEndian ? 'II' : 'MM', 0, 'latin1')
  const u16 = (value: number, at: number) => (littleEndian ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at))
  const u32 = (value: number, at: number) => (littleEndian ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at))
  u16(42, 2)
  u32(8, 4)
  u16(1, 8)
  u16(0x0112, 10)
  u16(3, 12)
  u32(1, 14)
  u16(orientation, 18)
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]))
}

async function size(bytes: Uint8Array): Promise<[number, number]> {
  const image = await loadImage(Buffer.from(bytes))
  return [image.width, image.height]
}

describe('ocr-images', () => {
  it('tells image files apart by their first bytes', async () => {
    const canvas = createCanvas(8, 8)
    expect(imageKind(canvas.toBuffer('image/png'))).toBe('png')
    expect(imageKind(canvas.toBuffer('image/jpeg'))).toBe('jpeg')
    expect(imageKind(canvas.toBuffer('image/webp'))).toBe('webp')
    expect(imageKind(await canvas.encode('gif'))).toBe('gif')
    expect(imageKind(bmp(4, 4))).toBe('bmp')
    expect(imageKind(makeTextTiff(['x']))).toBe('tiff')
    expect(imageKind(new TextEncoder().encode('%PDF-1.4'))).toBeNull()
  })

  it('reads the size of a TIFF from its first directory', () => {
    const tiff = makeTextTiff(['A fax from the ministry'])
    expect(tiffSize(tiff)).toEqual({ width: expect.any(Number), height: expect.any(Number) })
    expect(tiffSize(tiff.slice(0, 12))).toBeNull()
  })

  it('passes PNG, JPEG and WebP through for display and converts BMP, GIF and TIFF to PNG of the same size', async () => {
    const png = makeTextImage(['Shown as it is'])
    expect(await imageForDisplay(png, 'note.png')).toEqual({ mime: 'image/png', bytes: png })
    const jpeg = new Uint8Array(createCanvas(30, 20).toBuffer('image/jpeg'))
    expect((await imageForDisplay(jpeg, 'photo.jpg')).mime).toBe('image/jpeg')
    const converted = await imageForDisplay(bmp(37, 21), 'paint.bmp')
    expect(converted.mime).toBe('image/png')
    expect(await size(converted.bytes)).toEqual([37, 21])
    const gif = await imageForDisplay(new Uint8Array(await createCanvas(12, 9).encode('gif')), 'anim.gif')
    expect(gif.mime).toBe('image/png')
    expect(await size(gif.bytes)).toEqual([12, 9])
    const tiff = makeTextTiff(['A fax from the ministry'])
    const shown = await imageForDisplay(tiff, 'fax.tif')
    expect(shown.mime).toBe('image/png')
    const expected = tiffSize(tiff)
    expect(await size(shown.bytes)).toEqual([expected?.width, expected?.height])
    await expect(imageForDisplay(new TextEncoder().encode('not an image'), 'fake.png')).rejects.toThrow('ocr: fake.png is not an image this app can show')
  }, 60_000)

  describe('imageForOcr', () => {
    let engine: OcrEngine
    beforeAll(async () => {
      engine = await createOcrEngine({ languages: ['eng'], langPath: null })
    }, 60_000)
    afterAll(() => engine.terminate())

    it('refuses a cut-short or damaged image with a reason, never crashing the process', async () => {
      const png = makeTextImage(['x'])
      await expect(imageForOcr(png.slice(0, 20), engine)).rejects.toThrow('damaged image (its header is cut short)')
      // A photo cut short in its body: its header reads, Tesseract's library refuses the rest.
      const sideways = sidewaysJpeg(['Officials in Seoul declined.'], 6, true)
      const cut = sideways.slice(0, sideways.length >> 1)
      expect(imageHeader(cut)).toMatchObject({ width: 200, height: 900, orientation: 6 })
      await expect(imageForOcr(cut, engine)).rejects.toThrow(/^damaged image \(/)
    }, 60_000)

    it('scales a very large image down for OCR', async () => {
      const large = createCanvas(6000, 1500)
      const image = await imageForOcr(new Uint8Array(large.toBuffer('image/png')), engine)
      expect([image.width, image.height]).toEqual([4000, 1000])
    }, 60_000)

    it('turns a photo upright as its EXIF says, whatever the byte order, so the text reads', async () => {
      for (const littleEndian of [true, false]) {
        for (const orientation of [6, 8] as const) {
          const jpeg = sidewaysJpeg(['Officials in Seoul declined.'], orientation, littleEndian)
          expect(imageHeader(jpeg)).toMatchObject({ width: 200, height: 900, orientation })
          const image = await imageForOcr(jpeg, engine)
          expect([image.width, image.height]).toEqual([900, 200])
          const words = (await engine.recognise(image.bytes, image.dpi)).flat(2).map((word) => word.text)
          expect(words.join(' ')).toContain('Seoul declined')
        }
      }
    }, 60_000)
  })
})
