import { describe, expect, it } from 'vitest'
import { decodeXmlEntities, XmlScanner } from '../../../../../src/main/core/library/extract/docx-xml'

/** The text the scanner reports for `xml` fed in these pieces. */
function textOf(pieces: string[]): string {
  let text = ''
  const scanner = new XmlScanner({ open: () => undefined, close: () => undefined, text: (value) => void (text += value) })
  for (const piece of pieces) scanner.write(piece)
  scanner.end()
  return text
}

describe('docx-xml', () => {
  it('decodes a character reference cut at any point between two chunks, zero-padded ones included', () => {
    const xml = '<r>abc&#x0000000041;&amp;&#233;def</r>'
    for (let cut = 1; cut < xml.length; cut++) expect(textOf([xml.slice(0, cut), xml.slice(cut)])).toBe('abcA&édef')
  })

  it('reads NUL and lone surrogates as U+FFFD, never as half a character', () => {
    expect(decodeXmlEntities('a&#xD800;b&#0;c&#x1F600;')).toBe('a\uFFFDb\uFFFDc😀')
  })
})
