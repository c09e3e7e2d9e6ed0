import { describe, expect, it } from 'vitest'
import { extractOdt } from '../../../../../src/main/core/library/extract/odt'
import { sniffFormat } from '../../../../../src/main/core/library/extract/sniff'
import { makeOdt } from './make-odt'

const options = { maxInflatedBytes: 50 * 1024 * 1024 }

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('test: expected a refusal')
}

describe('odt', () => {
  it('reads headings, paragraphs, spaces, tabs, line breaks, lists and tables in document order', async () => {
    const body = [
      '<text:h text:outline-level="1">Council budget</text:h>',
      '<text:p>The vote<text:s text:c="2"/>was 7<text:tab/>to 2.<text:line-break/>Adopted.</text:p>',
      '<text:list><text:list-item><text:p>Roads</text:p></text:list-item><text:list-item><text:p>Schools</text:p></text:list-item></text:list>',
      '<table:table><table:table-row><table:table-cell><text:p>Ward</text:p></table:table-cell><table:table-cell><text:p>Votes</text:p></table:table-cell></table:table-row></table:table>',
      '<text:p>Last line.</text:p>'
    ].join('')
    const document = extractOdt(await makeOdt({ body }), options)
    expect(document.format).toBe('odt')
    expect(document.text).toContain('Council budget')
    expect(document.text).toContain('The vote was 7 to 2.\nAdopted.')
    expect(document.text.indexOf('Roads')).toBeLessThan(document.text.indexOf('Schools'))
    expect(document.text).toMatch(/Ward\s+Votes/)
    expect(document.text.trimEnd().endsWith('Last line.')).toBe(true)
    expect(document.warnings).toEqual([])
  })

  it('takes title, author, date and language from meta.xml', async () => {
    const document = extractOdt(await makeOdt(), options)
    expect(document.title).toBe('Budget memo')
    expect(document.meta).toEqual({ author: 'Ann Lee', date: '2024-03-05', language: 'en-GB' })
  })

  it('keeps footnotes as [n] in the text with their bodies at the end, and says comments were left out', async () => {
    const body =
      '<text:p>The mayor denied it.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Interview, 4 March.</text:p></text:note-body></text:note>' +
      '<office:annotation><dc:creator>Ed</dc:creator><text:p>check this</text:p></office:annotation></text:p>'
    const document = extractOdt(await makeOdt({ body }), options)
    expect(document.text).toContain('The mayor denied it.[1]')
    expect(document.text).toMatch(/\[1\] Interview, 4 March\.\s*$/)
    expect(document.text).not.toContain('check this')
    expect(document.warnings).toEqual(['1 comment in the margin not imported'])
  })

  it('refuses encrypted, empty and non-text OpenDocument files with the reason', async () => {
    const encrypted = await makeOdt({ encrypted: true })
    expect(refusal(() => extractOdt(encrypted, options))).toBe('password-protected OpenDocument file')
    const empty = await makeOdt({ body: '<text:p> </text:p>' })
    expect(refusal(() => extractOdt(empty, options))).toBe('the OpenDocument file has no text')
    const sheet = await makeOdt({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', body: '<table:table/>' })
    expect(refusal(() => extractOdt(sheet, options))).toBe('not an OpenDocument text file (a spreadsheet, drawing or presentation)')
    expect(refusal(() => extractOdt(new Uint8Array(Buffer.from('not a zip at all')), options))).toMatch(/^(not an OpenDocument file|damaged OpenDocument file)/)
  })

  it('reads a file nested 20,000 levels deep without overflowing the stack, saying what was left out', async () => {
    // Three calls per level: deep enough to overflow the stack without the depth cap.
    const depth = 20_000
    const body = `<text:p>Top.</text:p>${'<text:section>'.repeat(depth)}<text:p>Bottom.</text:p>${'</text:section>'.repeat(depth)}`
    const document = extractOdt(await makeOdt({ body }), options)
    expect(document.text).toBe('Top.')
    expect(document.warnings).toEqual(['text left out: elements nested deeper than 200 levels'])
  })

  it('refuses a content.xml too large to parse safely, naming the limit', async () => {
    const big = await makeOdt({ body: `<text:p>${'word '.repeat(3_500_000)}</text:p>` })
    expect(refusal(() => extractOdt(big, options))).toBe('the OpenDocument text is too large to read (17 M characters of XML; the limit is 16 M)')
  })

  it('is recognised by its mimetype entry when the file has no extension', async () => {
    expect(sniffFormat(await makeOdt())).toEqual({ format: 'odt' })
    expect(sniffFormat(await makeOdt({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toEqual({ binary: 'an OpenDocument file other than text (spreadsheet or presentation)' })
  })
})
