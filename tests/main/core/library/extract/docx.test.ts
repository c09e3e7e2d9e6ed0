import { describe, expect, it } from 'vitest'
import { DOCX_LIMITS, extractDocx } from '../../../../../src/main/core/library/extract/docx'
import { makeDocx, paragraphXml, partXml } from './make-docx'

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

  it('refuses files that are not Word archives, saying what they are', async () => {
    await expect(extractDocx(new Uint8Array(Buffer.from('Just some text saved as .docx')), options)).rejects.toThrow(
      /^not a Word document \(not a zip archive\)$/
    )
    await expect(extractDocx(await makeDocx({ withoutDocument: true }), options)).rejects.toThrow(/^not a Word document \(no word\/document\.xml\)$/)
  })
})

describe('docx structure', () => {
  it('reads every <w:body> of the main document, in order, without a warning', async () => {
    const docx = await makeDocx({ bodies: [paragraphXml('First body.'), paragraphXml('Second body.') + paragraphXml('Still the second.')] })
    const document = await extractDocx(docx, options)
    expect(document.text).toBe('First body.\n\nSecond body.\n\nStill the second.')
    expect(document.warnings).toEqual([])
  })

  it('marks footnote and endnote references [1], [2] and lists the notes at the end in that order', async () => {
    const footnotes = partXml('w:footnotes', `<w:footnote w:type="separator" w:id="0">${paragraphXml('')}</w:footnote><w:footnote w:id="1">${paragraphXml('Source: the ministry.')}</w:footnote>`)
    const endnotes = partXml('w:endnotes', `<w:endnote w:id="1">${paragraphXml('Interview, 3 May.')}</w:endnote>`)
    const body = paragraphXml('The minister resigned', { after: '<w:r><w:endnoteReference w:id="1"/></w:r>' }) + paragraphXml('Officials confirmed it', { after: '<w:r><w:footnoteReference w:id="1"/></w:r>' })
    const docx = await makeDocx({ bodies: [body], related: [{ type: 'footnotes', xml: footnotes }, { type: 'endnotes', xml: endnotes }] })
    expect((await extractDocx(docx, options)).text).toBe('The minister resigned[1]\n\nOfficials confirmed it[2]\n\n1. Interview, 3 May.\n2. Source: the ministry.')
  })

  it('writes list items on their own lines, numbered lists counted and nested lists under their item', async () => {
    const level = (ilvl: number, format: string): string => `<w:lvl w:ilvl="${ilvl}"><w:numFmt w:val="${format}"/></w:lvl>`
    const numbering = partXml('w:numbering', `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal')}${level(1, 'bullet')}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`)
    const item = (text: string, ilvl: number): string => paragraphXml(text, { properties: `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="7"/></w:numPr>` })
    const body = paragraphXml('Demands:') + item('Resignation', 0) + item('now', 1) + item('in writing', 1) + item('An inquiry', 0) + paragraphXml('End.')
    const docx = await makeDocx({ bodies: [body], related: [{ type: 'numbering', xml: numbering }] })
    expect((await extractDocx(docx, options)).text).toBe('Demands:\n\n1. Resignation\n• now\n• in writing\n2. An inquiry\n\nEnd.')
  })

  it('puts each table row on its own line with its cells tab-separated', async () => {
    const cell = (text: string): string => `<w:tc><w:tcPr/>${paragraphXml(text)}</w:tc>`
    const table = `<w:tbl><w:tblPr/><w:tr>${cell('Name')}${cell('Role')}</w:tr><w:tr>${cell('Ann Lee')}${cell('Minister')}</w:tr></w:tbl>`
    const docx = await makeDocx({ bodies: [paragraphXml('Cabinet:') + table] })
    expect((await extractDocx(docx, options)).text).toBe('Cabinet:\n\nName\tRole\nAnn Lee\tMinister')
  })

  it('reads a text box once, after the paragraph that holds it, though Word stores a fallback copy', async () => {
    const box = `<w:txbxContent>${paragraphXml('Boxed quote.')}</w:txbxContent>`
    const shape = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    const docx = await makeDocx({ bodies: [paragraphXml('Main text.', { after: shape }) + paragraphXml('More text.')] })
    expect((await extractDocx(docx, options)).text).toBe('Main text.\n\nBoxed quote.\n\nMore text.')
  })

  it('keeps inserted text, leaves deleted text and field codes out, and counts the deletions', async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">Budget: </w:t></w:r><w:del w:id="1" w:author="Ed"><w:r><w:delText>4 million</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="Ed"><w:r><w:t>6 million</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> (p. 3)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    const document = await extractDocx(await makeDocx({ bodies: [body] }), options)
    expect(document.text).toBe('Budget: 6 million (p. 3)')
    expect(document.warnings).toEqual(['text left out: 1 tracked deletion'])
  })

  it('reads a document whose namespace prefixes are not the usual ones', async () => {
    const xml = '<?xml version="1.0"?><ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:r><ns0:t>Generated by a script.</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>'
    expect((await extractDocx(await makeDocx({ parts: { 'word/document.xml': xml } }), options)).text).toBe('Generated by a script.')
  })
})

describe('docx warnings', () => {
  it('says how many comments, headers and footers with words, and equations the text leaves out', async () => {
    const body =
      paragraphXml('Draft.', { after: '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r>' }) +
      '<w:p><m:oMathPara><m:oMath><m:r><m:t>E=mc2</m:t></m:r></m:oMath></m:oMathPara></w:p>'
    const header = partXml('w:hdr', paragraphXml('Confidential – Ministry of Finance'))
    const pageNumberFooter = partXml('w:ftr', paragraphXml('3'))
    const docx = await makeDocx({ bodies: [body], related: [{ type: 'header', xml: header }, { type: 'footer', xml: pageNumberFooter }] })
    const document = await extractDocx(docx, options)
    expect(document.text).toBe('Draft.')
    expect(document.warnings).toEqual(['text left out: 2 comments, 1 equation, 1 header or footer'])
  })

  it('cuts a document past the reading limit, keeps the text read so far and says what was left out', async () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, index) => ({ text: `Paragraph ${index}.` }))
    const document = await extractDocx(await makeDocx({ paragraphs }), options, { ...DOCX_LIMITS, readingLimit: 20_000 })
    expect(document.text.startsWith('Paragraph 0.\n\nParagraph 1.')).toBe(true)
    expect(document.text).not.toContain('Paragraph 1999.')
    expect(document.warnings).toEqual(['text left out: the end of word/document.xml, past the reading limit of 20,000 characters'])
  })

  it('keeps the text before the point where the main document is damaged, and says so', async () => {
    const xml = partXml('w:document', `<w:body>${paragraphXml('Readable part.')}<w:p><w:r><w:t>cut</w:r></w:p></w:body>`)
    const document = await extractDocx(await makeDocx({ parts: { 'word/document.xml': xml } }), options)
    expect(document.text).toBe('Readable part.\n\ncut')
    expect(document.warnings).toEqual(['text left out: word/document.xml is damaged from some point on (</w:r> does not close <w:t>)'])
  })

  it('says so when a footnotes part is damaged, and still lists the reference', async () => {
    const body = paragraphXml('Claim', { after: '<w:r><w:footnoteReference w:id="1"/></w:r>' })
    const docx = await makeDocx({ bodies: [body], related: [{ type: 'footnotes', xml: '<w:footnotes xmlns:w="x"><w:footnote w:id="1">' }] })
    const document = await extractDocx(docx, options)
    expect(document.text).toBe('Claim[1]')
    expect(document.warnings).toEqual(['text left out: word/footnotes0.xml is damaged from some point on (the part ends before </w:footnote>)'])
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
