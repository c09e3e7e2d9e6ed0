import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractDocument, SUPPORTED_EXTENSIONS } from '../../../../../src/main/core/library/extract/index'
import { UserError } from '../../../../../src/shared/ipc/result'
import { makeDocx } from './make-docx'
import { makePdf } from './make-pdf'

const options = { maxInflatedBytes: 50 * 1024 * 1024 }
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text))

async function reasonFor(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught
  )
  if (!(error instanceof UserError)) throw new Error(`test: expected a UserError, got ${String(error)}`)
  return { code: error.code, message: error.message }
}

describe('extract (index)', () => {
  it('lists every importable extension in lower case with its format', () => {
    expect(Object.fromEntries(SUPPORTED_EXTENSIONS)).toEqual({
      '.txt': 'text',
      '.text': 'text',
      '.md': 'markdown',
      '.markdown': 'markdown',
      '.html': 'html',
      '.htm': 'html',
      '.pdf': 'pdf',
      '.docx': 'docx',
      '.eml': 'email',
      '.rtf': 'rtf',
      '.odt': 'odt',
      '.png': 'image',
      '.jpg': 'image',
      '.jpeg': 'image',
      '.webp': 'image',
      '.tif': 'image',
      '.tiff': 'image',
      '.bmp': 'image',
      '.gif': 'image'
    })
  })

  it('picks the extractor by extension, whatever its case', async () => {
    const page = '<html><head><title>Page</title></head><body><p>Web text.</p></body></html>'
    expect((await extractDocument(utf8('# Heading\n\nBody'), 'notes/A.MD', options)).format).toBe('markdown')
    expect((await extractDocument(utf8(page), 'saved/page.HTM', options)).text).toBe('Web text.')
    expect((await extractDocument(makePdf({ pages: [['Paged text']] }), 'REPORT.PDF', options)).text).toBe('Paged text')
    expect((await extractDocument(await makeDocx(), 'memo.docx', options)).text).toBe('First paragraph.\n\nSecond paragraph.')
  })

  it('refuses unsupported and empty files with a UserError whose message is only the reason', async () => {
    expect(await reasonFor(extractDocument(utf8('x'), 'sheet.xlsx', options))).toEqual({ code: 'invalid-input', message: 'unsupported file type (.xlsx)' })
    expect(await reasonFor(extractDocument(utf8('x'), 'photo.jpeg', options))).toEqual({
      code: 'invalid-input',
      message: 'not an image this app can read (PNG, JPEG, WebP, GIF, BMP or TIFF)'
    })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(await reasonFor(extractDocument(png, 'IMG_0001', options))).toEqual({ code: 'invalid-input', message: 'binary content, not text: a PNG image without a file extension' })
    for (const name of ['a.txt', 'a.html', 'a.pdf', 'a.docx', 'README']) {
      expect(await reasonFor(extractDocument(new Uint8Array(), name, options))).toEqual({ code: 'invalid-input', message: 'the file is empty' })
    }
  })

  it('reads a file named without a type by what its bytes hold', async () => {
    const page = '<!doctype html><html><head><title>Page</title></head><body><p>Web text.</p></body></html>'
    expect(await extractDocument(utf8('Notes from the hearing.\n'), 'README', options)).toMatchObject({ format: 'text', text: 'Notes from the hearing.\n' })
    expect(await extractDocument(utf8(page), 'saved-page', options)).toMatchObject({ format: 'html', text: 'Web text.' })
    expect(await extractDocument(makePdf({ pages: [['Paged text']] }), 'scan.0003', options)).toMatchObject({ format: 'pdf', text: 'Paged text' })
    expect(await extractDocument(await makeDocx(), 'memo', options)).toMatchObject({ format: 'docx' })
    const post = 'From: ann@example.org (Ann Lee)\nSubject: Budget vote\nNewsgroups: talk.politics.misc\n\nThe vote is on Friday.\n'
    expect(await extractDocument(utf8(post), '178451', options)).toMatchObject({ format: 'email', title: 'Budget vote', meta: { author: 'Ann Lee' } })
  })

  it('imports the real TASS seed with outlet TASS and date 2026-02-13, its text unchanged', async () => {
    const bytes = readFileSync(join(__dirname, '../../../../../seeds/004_939526269576f732.txt'))
    const document = await extractDocument(new Uint8Array(bytes), '004_939526269576f732.txt', options)
    expect(document.meta).toEqual({ outlet: 'TASS', date: '2026-02-13' })
    expect(document.text).toBe(bytes.toString('utf8').replace(/\r\n?/g, '\n'))
    expect(document.title).toBeNull()
  })
})
