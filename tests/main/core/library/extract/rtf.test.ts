import { describe, expect, it } from 'vitest'
import { extractRtf } from '../../../../../src/main/core/library/extract/rtf'

const rtf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))

const LETTER = String.raw`{\rtf1\ansi\ansicpg1252\deff0
{\fonttbl{\f0\froman Times New Roman;}{\f1\fnil\fcharset204 Arial Cyr;}}
{\colortbl;\red0\green0\blue0;}
{\info{\title Statement of the ministry}{\author Anna Petrova}{\creatim\yr2024\mo2\dy13\hr9\min5}}
{\*\generator Riched20 10.0;}
\pard\f0 The caf\'e9 closed on \u8220?Friday\u8221?.\par
{\pict\pngblip 89504e470d0a1a0a0000000d49484452}
\par
{\f1\'cc\'ee\'f1\'EA\'E2\'E0} said\tab no.\line Next line.\par
}`

describe('rtf', () => {
  it('reads the text with code pages, unicode escapes, paragraphs and line breaks, leaving out fonts, pictures and the info group', () => {
    const document = extractRtf(rtf(LETTER))
    expect(document.format).toBe('rtf')
    expect(document.text).toBe('The café closed on “Friday”.\n\nМосква said\tno.\nNext line.')
    expect(document.warnings).toEqual([])
  })

  it('takes title, author and creation day from the info group', () => {
    const document = extractRtf(rtf(LETTER))
    expect(document.title).toBe('Statement of the ministry')
    expect(document.meta).toEqual({ author: 'Anna Petrova', date: '2024-02-13' })
  })

  it('reads past 1,000,000 nested groups without holding a state for each, saying what was left out', () => {
    const depth = 1_000_000
    const document = extractRtf(rtf(`{\\rtf1\\ansi Top.\\par ${'{'.repeat(depth)}deep${'}'.repeat(depth)}After.}`))
    expect(document.text).toBe('Top.\n\nAfter.')
    expect(document.warnings).toEqual(['text left out: groups nested deeper than 1,000 levels'])
  })

  it('refuses an RTF file without text, and a damaged one, with the reason', () => {
    expect(() => extractRtf(rtf(String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\par}`))).toThrow('the RTF document has no text')
    expect(() => extractRtf(rtf('plain words, no rtf header'))).toThrow('not an RTF document (it does not start with {\\rtf)')
  })
})
