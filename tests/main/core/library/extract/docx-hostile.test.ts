import { describe, expect, it } from 'vitest'
import { DOCX_LIMITS, extractDocx } from '../../../../../src/main/core/library/extract/docx'
import { breakEntry, makeDocx, paragraphXml, partXml } from './make-docx'

const options = { maxInflatedBytes: 50 * 1024 * 1024 }
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

async function read(spec: Parameters<typeof makeDocx>[0], limits = DOCX_LIMITS): Promise<{ text: string; warnings: string[] }> {
  const { text, warnings } = await extractDocx(await makeDocx(spec), options, limits)
  return { text, warnings }
}

function numberedItem(text: string, numId: string, ilvl = '0'): string {
  return paragraphXml(text, { properties: `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` })
}

describe('docx on hostile namespaces', () => {
  it('reads text inside 4,000 nested elements that each declare a prefix, and restores a prefix redeclared inside them', async () => {
    const depth = 4_000
    const open = Array.from({ length: depth }, (_, index) => `<x xmlns:p${index}="urn:p${index}">`).join('')
    const inner = `<v:shape xmlns:v="urn:not-vml"><q:p xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><q:r><q:t>Deep.</q:t></q:r></q:p></v:shape>`
    const after = '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="v"><w:t>VML again.</w:t></mc:Choice></mc:AlternateContent></w:r></w:p>'
    const body = paragraphXml('Before.') + `<w:p><w:r>${open}${inner}${'</x>'.repeat(depth)}</w:r></w:p>` + after
    const document = await read({ bodies: [body] })
    expect(document.text).toBe('Before.\n\nDeep.\n\nVML again.')
    expect(document.warnings).toEqual([])
  })
})

describe('docx on hostile lists', () => {
  it('finds the list level of a styled paragraph among 5,000 numberings', async () => {
    const abstracts = Array.from({ length: 5_000 }, (_, index) => `<w:abstractNum w:abstractNumId="${index}"><w:lvl w:ilvl="0"/></w:abstractNum>`).join('')
    const styled = '<w:abstractNum w:abstractNumId="x"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:pStyle w:val="Point"/></w:lvl></w:abstractNum>'
    const numbering = partXml('w:numbering', abstracts + styled)
    const body = paragraphXml('Plain.', { properties: '<w:pStyle w:val="Body"/>' }).repeat(3) + paragraphXml('A point.', { properties: '<w:pStyle w:val="Point"/>' })
    expect((await read({ bodies: [body], related: [{ type: 'numbering', xml: numbering }] })).text).toBe('Plain.\n\nPlain.\n\nPlain.\n\n• A point.')
  })

  it('follows a chain of 20,000 numbering style links without overflowing the stack, and reads a looping one as plain text', async () => {
    const length = 20_000
    let abstracts = ''
    let styles = ''
    for (let index = 0; index < length; index += 1) {
      const last = index === length - 1
      abstracts += `<w:abstractNum w:abstractNumId="${index}">${last ? '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>' : `<w:numStyleLink w:val="S${index}"/>`}</w:abstractNum>`
      abstracts += `<w:num w:numId="${index}"><w:abstractNumId w:val="${index}"/></w:num>`
      styles += `<w:style w:type="numbering" w:styleId="S${index}"><w:pPr><w:numPr><w:numId w:val="${index + 1}"/></w:numPr></w:pPr></w:style>`
    }
    abstracts += '<w:abstractNum w:abstractNumId="loop"><w:numStyleLink w:val="Loop"/></w:abstractNum><w:num w:numId="loop"><w:abstractNumId w:val="loop"/></w:num>'
    styles += '<w:style w:type="numbering" w:styleId="Loop"><w:pPr><w:numPr><w:numId w:val="loop"/></w:numPr></w:pPr></w:style>'
    const body = numberedItem('First.', '0') + numberedItem('Middle.', '10000') + numberedItem('Looping.', 'loop')
    const document = await read({
      bodies: [body],
      related: [{ type: 'numbering', xml: partXml('w:numbering', abstracts) }],
      parts: { 'word/styles.xml': `<w:styles ${W}>${styles}</w:styles>` }
    })
    expect(document.text).toBe('• First.\n• Middle.\n\nLooping.')
  })

  it('reads a list level with a negative index as the first level', async () => {
    const numbering = partXml('w:numbering', '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="-1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    const document = await read({ bodies: [paragraphXml('Intro.') + numberedItem('Item', '1', '-1')], related: [{ type: 'numbering', xml: numbering }] })
    expect(document.text).toBe('Intro.\n\n1. Item')
  })
})

describe('docx on hostile notes', () => {
  it('writes a footnote referenced three times once, the later numbers pointing back to it', async () => {
    const footnotes = partXml('w:footnotes', `<w:footnote w:id="1">${paragraphXml('A long source note.')}</w:footnote>`)
    const reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    const body = paragraphXml('Claim', { after: reference }) + paragraphXml('Again', { after: reference + reference })
    const document = await read({ bodies: [body], related: [{ type: 'footnotes', xml: footnotes }] })
    expect(document.text).toBe('Claim[1]\n\nAgain[2][3]\n\n1. A long source note.\n2. see note 1\n3. see note 1')
  })
})

describe('docx on oversized blocks', () => {
  const limits = { ...DOCX_LIMITS, blockLimit: 1_000 }

  it('cuts a paragraph longer than the block limit, says so, and reads the next paragraph whole', async () => {
    const document = await read({ paragraphs: [{ text: 'x'.repeat(5_000) }, { text: 'Next paragraph.' }] }, limits)
    expect(document.text).toBe(`${'x'.repeat(1_000 - 16)}\n\nNext paragraph.`)
    expect(document.warnings).toEqual(['text left out: the end of 1 paragraph longer than 1,000 characters'])
  })

  it('cuts a table of many small cells at the block limit, keeping its first rows', async () => {
    const cell = (text: string): string => `<w:tc>${paragraphXml(text)}</w:tc>`
    const rows = Array.from({ length: 200 }, (_, index) => `<w:tr>${cell(`r${index}`)}${cell('v')}</w:tr>`).join('')
    const document = await read({ bodies: [`<w:tbl>${rows}</w:tbl>${paragraphXml('After the table.')}`] }, limits)
    expect(document.text.startsWith('r0\tv\nr1\tv\n')).toBe(true)
    expect(document.text).not.toContain('r199')
    expect(document.text.endsWith('\n\nAfter the table.')).toBe(true)
    expect(document.warnings).toEqual(['text left out: the end of 1 table longer than 1,000 characters'])
  })

  it('passes over elements nested past 4,096 levels, keeping the text around them, and says so', async () => {
    const depth = 5_000
    const body = paragraphXml('Before.') + `${'<u>'.repeat(depth)}${paragraphXml('Buried.')}${'</u>'.repeat(depth)}` + paragraphXml('After.')
    const document = await read({ bodies: [body] })
    expect(document.text).toBe('Before.\n\nAfter.')
    expect(document.warnings).toEqual(['text left out: 1 element nested deeper than 4,096 levels in word/document.xml'])
  })

  it('reads elements with 10,000 distinct names and the text after them', async () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `<n${index}/>`).join('')
    expect((await read({ bodies: [paragraphXml('Before.') + names + paragraphXml('After.')] })).text).toBe('Before.\n\nAfter.')
  })
})

describe('docx on tracked changes', () => {
  it('joins a paragraph of 200,000 runs whose mark is deleted to the next one without overflowing the stack', async () => {
    const runs = '<w:r><w:t xml:space="preserve">w </w:t></w:r>'.repeat(200_000)
    const body = `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>${runs}</w:p>${paragraphXml('End.')}`
    const document = await read({ bodies: [body] })
    expect(document.text).toBe(`${'w '.repeat(200_000)}End.`)
  })

  it('leaves out a table row deleted with track changes on, and counts it as a tracked deletion', async () => {
    const row = (text: string, deleted = false): string =>
      `<w:tr>${deleted ? '<w:trPr><w:del w:id="2" w:author="a"/></w:trPr>' : ''}<w:tc>${paragraphXml(text)}</w:tc></w:tr>`
    const document = await read({ bodies: [`<w:tbl>${row('Kept row')}${row('Deleted row', true)}</w:tbl>`] })
    expect(document.text).toBe('Kept row')
    expect(document.warnings).toEqual(['text left out: 1 tracked deletion'])
  })

  it('keeps the text of a last paragraph whose mark is deleted, in the body and in a table cell', async () => {
    const deletedMark = (text: string): string => `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
    const cell = (inner: string): string => `<w:tc>${inner}</w:tc>`
    const table = `<w:tbl><w:tr>${cell(deletedMark('Cell A'))}${cell(paragraphXml('B'))}</w:tr></w:tbl>`
    const document = await read({ bodies: [paragraphXml('First.') + table + deletedMark('Last words.')] })
    expect(document.text).toBe('First.\n\nCell A\tB\n\nLast words.')
  })
})

describe('docx with broken parts', () => {
  it('imports the body when a header cannot be inflated, counting the header as left out', async () => {
    const header = partXml('w:hdr', paragraphXml('Confidential draft header '.repeat(20)))
    const docx = breakEntry(await makeDocx({ paragraphs: [{ text: 'Body text survives.' }], related: [{ type: 'header', xml: header }] }), 'word/header0.xml')
    const document = await extractDocx(docx, options)
    expect(document.text).toBe('Body text survives.')
    expect(document.warnings).toEqual(['text left out: 1 header or footer'])
  })

  it('imports the body when the footnotes or styles cannot be inflated, and says which part is damaged', async () => {
    const footnotes = partXml('w:footnotes', `<w:footnote w:id="1">${paragraphXml('Source note. '.repeat(40))}</w:footnote>`)
    const body = paragraphXml('Claim', { after: '<w:r><w:footnoteReference w:id="1"/></w:r>' })
    let docx = await makeDocx({ bodies: [body], related: [{ type: 'footnotes', xml: footnotes }], parts: { 'word/styles.xml': partXml('w:styles', '<w:style/>'.repeat(200)) } })
    docx = breakEntry(breakEntry(docx, 'word/footnotes0.xml'), 'word/styles.xml')
    const document = await extractDocx(docx, options)
    expect(document.text).toBe('Claim[1]')
    expect(document.warnings).toEqual([
      'text left out: word/footnotes0.xml is damaged from some point on (broken entry word/footnotes0.xml)',
      'headings and lists may read as plain paragraphs: word/styles.xml is damaged (broken entry word/styles.xml)'
    ])
  })
})

describe('docx breaks and declarations', () => {
  it('starts a new line at a page or column break inside a paragraph instead of joining the words', async () => {
    const body = '<w:p><w:r><w:t>End of chapter.</w:t><w:br w:type="page"/><w:t>Chapter two</w:t><w:br w:type="column"/><w:t>begins.</w:t></w:r></w:p>'
    expect((await read({ bodies: [body] })).text).toBe('End of chapter.\nChapter two\nbegins.')
  })

  it('refuses a main document with a DTD of its own, saying a DTD is not supported', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document ${W}><w:body>${paragraphXml('Text &a;')}</w:body></w:document>`
    await expect(extractDocx(await makeDocx({ parts: { 'word/document.xml': xml } }), options)).rejects.toThrow(/^damaged Word document \(DTD not supported\)$/)
  })
})
