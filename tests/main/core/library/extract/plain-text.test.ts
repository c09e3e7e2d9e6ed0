import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { extractPlainText, firstMarkdownHeading } from '../../../../../src/main/core/library/extract/plain-text'

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text))

describe('plain-text', () => {
  it('keeps a text file as written (LF line breaks) with no title, and prefills the dateline outlet', () => {
    const document = extractPlainText(utf8('MOSCOW, Jan 15 (Reuters) - Talks resumed.\r\n\r\nSecond paragraph.\r\n'), 'text')
    expect(document).toEqual({
      format: 'text',
      text: 'MOSCOW, Jan 15 (Reuters) - Talks resumed.\n\nSecond paragraph.\n',
      title: null,
      meta: { outlet: 'Reuters' },
      pageStarts: null,
      warnings: []
    })
  })

  it('decodes a Windows-1251 text file', () => {
    expect(extractPlainText(new Uint8Array(iconv.encode('Посол России в Сеуле', 'windows-1251')), 'text').text).toBe('Посол России в Сеуле')
  })

  it('takes title and meta from Markdown front matter and removes the block from the text', () => {
    const markdown = '---\ntitle: Friendly attitude\ndate: 2026-02-13\noutlet: TASS\n---\n\n# A heading\n\nSEOUL, February 13. /TASS/. Body.\n'
    const document = extractPlainText(utf8(markdown), 'markdown')
    expect(document.title).toBe('Friendly attitude')
    expect(document.meta).toEqual({ outlet: 'TASS', date: '2026-02-13' })
    expect(document.text).toBe('# A heading\n\nSEOUL, February 13. /TASS/. Body.\n')
  })

  it('lets front matter win over the dateline and the dateline fill what front matter leaves out', () => {
    const document = extractPlainText(utf8('---\nauthor: Ann Lee\noutlet: Korea Times\n---\nMOSCOW, Jan 15 (Reuters) - Body.'), 'markdown')
    expect(document.meta).toEqual({ author: 'Ann Lee', outlet: 'Korea Times' })
  })

  it('takes the first # heading as the title when there is no front-matter title', () => {
    expect(extractPlainText(utf8('Intro line\n\n# The **real** title\n\nBody'), 'markdown').title).toBe('The real title')
    expect(extractPlainText(utf8('## Only a subheading\n\nBody'), 'markdown').title).toBeNull()
  })

  it('refuses a Markdown file that holds only front matter', () => {
    expect(() => extractPlainText(utf8('---\ntitle: x\n---\n\n'), 'markdown')).toThrow('the file holds only front matter, no text')
  })
})

describe('plain-text firstMarkdownHeading', () => {
  it('ignores # lines inside code fences and strips links and code marks', () => {
    expect(firstMarkdownHeading('```sh\n# not a heading\n```\n# See [the report](https://x.org) in `docs` #')).toBe('See the report in docs')
  })
})
