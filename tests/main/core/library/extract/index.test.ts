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
      '.docx': 'docx'
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
    expect(await reasonFor(extractDocument(utf8('x'), 'photo.jpeg', options))).toEqual({ code: 'invalid-input', message: 'unsupported file type (.jpeg)' })
    expect(await reasonFor(extractDocument(utf8('x'), 'README', options))).toEqual({ code: 'invalid-input', message: 'unsupported file type (no extension)' })
    for (const name of ['a.txt', 'a.html', 'a.pdf', 'a.docx']) {
      expect(await reasonFor(extractDocument(new Uint8Array(), name, options))).toEqual({ code: 'invalid-input', message: 'the file is empty' })
    }
  })

  it('imports the real TASS seed with outlet TASS and date 2026-02-13, its text unchanged', async () => {
    const bytes = readFileSync(join(__dirname, '../../../../../seeds/004_939526269576f732.txt'))
    const document = await extractDocument(new Uint8Array(bytes), '004_939526269576f732.txt', options)
    expect(document.meta).toEqual({ outlet: 'TASS', date: '2026-02-13' })
    expect(document.text).toBe(bytes.toString('utf8').replace(/\r\n?/g, '\n'))
    expect(document.title).toBeNull()
  })
})
