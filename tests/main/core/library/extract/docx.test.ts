import { describe, expect, it } from 'vitest'
import { extractDocx } from '../../../../../src/main/core/library/extract/docx'
import { makeDocx } from './make-docx'

const options = { maxInflatedBytes: 50 * 1024 * 1024 }

describe('docx', () => {
  it('keeps paragraphs separated by a blank line and reads title, author and date from the core properties', async () => {
    const docx = await makeDocx({ core: { title: 'Embassy briefing', creator: 'Ann Lee', created: '2026-02-13T09:00:00Z' } })
    expect(await extractDocx(docx, options)).toEqual({
      format: 'docx',
      text: 'First paragraph.\n\nSecond paragraph.',
      title: 'Embassy briefing',
      meta: { author: 'Ann Lee', date: '2026-02-13' },
      pageStarts: null,
      warnings: []
    })
  })

  it('falls back to the first heading for the title, and to none without a heading', async () => {
    const withHeading = await makeDocx({ core: null, paragraphs: [{ text: 'Notes from Seoul', heading: true }, { text: 'Body text.' }] })
    const document = await extractDocx(withHeading, options)
    expect(document.title).toBe('Notes from Seoul')
    expect(document.text).toBe('Notes from Seoul\n\nBody text.')
    expect((await extractDocx(await makeDocx({ core: { title: 'Untitled' } }), options)).title).toBeNull()
  })

  it('refuses a document with no text', async () => {
    await expect(extractDocx(await makeDocx({ paragraphs: [] }), options)).rejects.toThrow(/^the Word document has no text$/)
  })

  it('refuses a document whose body is not XML as damaged, with a short detail', async () => {
    const docx = await makeDocx({ parts: { 'word/document.xml': 'this is not xml <w:p' } })
    await expect(extractDocx(docx, options)).rejects.toThrow(/^damaged Word document \(.+\)$/)
  })

  it('refuses files that are not Word archives before handing them to mammoth', async () => {
    await expect(extractDocx(new Uint8Array(Buffer.from('Just some text saved as .docx')), options)).rejects.toThrow(
      /^not a Word document \(not a zip archive\)$/
    )
    await expect(extractDocx(await makeDocx({ withoutDocument: true }), options)).rejects.toThrow(/^not a Word document \(no word\/document\.xml\)$/)
  })
})

describe('extractDocx on hostile properties', () => {
  it('imports the text of a Word file whose core properties hold 400,000 unclosed title tags', async () => {
    const docx = await makeDocx({ parts: { 'docProps/core.xml': `<cp:coreProperties xmlns:cp="c" xmlns:dc="d">${'<dc:title>'.repeat(400_000)}</cp:coreProperties>` } })
    expect(docx.length).toBeLessThan(50_000)
    const document = await extractDocx(docx, { maxInflatedBytes: 50 * 1024 * 1024 })
    expect(document.title).toBeNull()
    expect(document.text).toBe('First paragraph.\n\nSecond paragraph.')
  }, 20_000)
})
