import { afterAll, describe, expect, it } from 'vitest'
import { extractPdf } from '../../../../../src/main/core/library/extract/pdf'
import { closeOcrEngines } from '../../../../../src/main/core/library/ocr/ocr-engine'
import { makePdf } from './make-pdf'

describe('pdf', () => {
  afterAll(() => closeOcrEngines())

  it('joins each page’s lines, separates pages by a blank line and records where each page starts', async () => {
    const pdf = makePdf({ pages: [['Hello', 'World (of PDFs)'], ['Second page']] })
    const document = await extractPdf(pdf)
    expect(document.text).toBe('Hello\nWorld (of PDFs)\n\nSecond page')
    expect(document.pageStarts).toEqual([0, 'Hello\nWorld (of PDFs)\n\n'.length])
    expect(document.text.slice(document.pageStarts?.[1])).toBe('Second page')
    expect(document.format).toBe('pdf')
  })

  it('takes title, author and creation date from the Info dictionary', async () => {
    const pdf = makePdf({ pages: [['Body']], info: { Title: 'Quarterly report', Author: 'Jane Doe', CreationDate: 'D:20240315120000Z' } })
    const document = await extractPdf(pdf)
    expect(document.title).toBe('Quarterly report')
    expect(document.meta).toEqual({ author: 'Jane Doe', date: '2024-03-15' })
  })

  it('leaves the title to the importer when the Info title is a producer placeholder', async () => {
    const pdf = makePdf({ pages: [['Body']], info: { Title: 'Microsoft Word - report.doc', Author: 'User' } })
    const document = await extractPdf(pdf)
    expect(document.title).toBeNull()
    expect(document.meta).toEqual({})
  })

  it('gives an empty page the offset where the text stood when it began', async () => {
    const document = await extractPdf(makePdf({ pages: [['One'], [], ['Three']] }))
    expect(document.text).toBe('One\n\nThree')
    expect(document.pageStarts).toEqual([0, 3, 5])
  })

  it('reads Japanese text shown through a predefined CMap, with no embedded font', async () => {
    const document = await extractPdf(makePdf({ pages: [['東京で記者会見']], font: 'japanese' }))
    expect(document.text).toBe('東京で記者会見')
  })

  it('writes vertical Japanese set one character at a time as one line per column, punctuation included', async () => {
    const columns = { glyphs: true as const, offsets: { '、': [0.4, 0.3] as [number, number], '。': [0.4, 0.3] as [number, number] } }
    const document = await extractPdf(makePdf({ pages: [['東京で、記者会見。', '首相が辞任を表明']], font: 'japanese', columns }))
    expect(document.text).toBe('東京で、記者会見。\n首相が辞任を表明')
  })

  it('keeps the columns of a vertical font one line each', async () => {
    const document = await extractPdf(makePdf({ pages: [['東京で記者会見', '首相が辞任を表明']], font: 'japanese-vertical' }))
    expect(document.text).toBe('東京で記者会見\n首相が辞任を表明')
  })

  it('refuses an encrypted PDF as password-protected', async () => {
    await expect(extractPdf(makePdf({ pages: [['Secret']], encrypted: true }))).rejects.toThrow(/^password-protected PDF$/)
  })

  it('refuses garbage and truncated files as damaged PDFs with a short detail', async () => {
    await expect(extractPdf(new Uint8Array(Buffer.from('this is not a PDF, just words')))).rejects.toThrow(
      /^damaged PDF \(invalid PDF structure\)$/
    )
    const whole = makePdf({ pages: [['Hello'], ['World']] })
    await expect(extractPdf(whole.slice(0, whole.length / 2))).rejects.toThrow(/^damaged PDF \(.+\)$/)
  })

  it('reads a PDF whose pages hold no text by OCR, and imports one where OCR finds nothing as a picture named after its file', async () => {
    const document = await extractPdf(makePdf({ pages: [[], []] }), undefined, { fileName: 'figures/chart.pdf' })
    expect(document).toMatchObject({ format: 'pdf', text: 'No text was recognised in this scan.', title: 'chart', pageStarts: [0, 36] })
    expect(document.ocr?.summary).toEqual({ confidence: 0, lowConfidencePages: [], languages: ['eng'], recognised: false, pages: 2 })
    expect(document.ocr?.layout.pages.map((page) => [page.width, page.height, page.words.length])).toEqual([
      [1700, 2200, 0],
      [1700, 2200, 0]
    ])
  }, 60_000)

  it('leaves the caller’s bytes (plain or Buffer) intact and reads several PDFs at once', async () => {
    const pdfs = [makePdf({ pages: [['Alpha']] }), Buffer.from(makePdf({ pages: [['Beta']] })), makePdf({ pages: [['Gamma']] })]
    const copies = pdfs.map((pdf) => Buffer.from(pdf))
    const documents = await Promise.all(pdfs.map((pdf) => extractPdf(pdf)))
    expect(documents.map((document) => document.text)).toEqual(['Alpha', 'Beta', 'Gamma'])
    pdfs.forEach((pdf, index) => expect(Buffer.from(pdf).equals(copies[index] ?? Buffer.alloc(0))).toBe(true))
  })
})
