import { describe, expect, it } from 'vitest'
import { pageText, type TextPiece } from '../../../../../src/main/core/library/extract/pdf-page-text'

function run(str: string, x: number, width: number, options: { y?: number; hasEOL?: boolean } = {}): TextPiece {
  return { str, transform: [18, 0, 0, 18, x, options.y ?? 700], width, hasEOL: options.hasEOL ?? false }
}

describe('pdf-page-text', () => {
  it('joins runs as laid out and breaks lines where pdf.js marks end-of-line', () => {
    expect(pageText([run('Hello', 72, 30), run(' ', 102, 4), run('world', 106, 30, { hasEOL: true }), run('Next line', 72, 50, { y: 684 })])).toBe(
      'Hello world\nNext line'
    )
  })

  it('prints "fake bold" text once, even when the copies are split differently', () => {
    const items = [
      run('股票代码', 225.36, 72.23),
      run('股票代码', 225.12, 72.23),
      run('股票代码：', 225.12, 90.59),
      run('：', 297.48, 17.99),
      run('：300218', 297.48, 72.71),
      run('300218', 315.6, 54.35),
      run('300218', 315.84, 54.35)
    ]
    expect(pageText(items)).toBe('股票代码：300218')
  })

  it('keeps a word repeated at a different place on the line', () => {
    expect(pageText([run('Yes', 72, 20), run(' ', 92, 4), run('Yes', 96, 20)])).toBe('Yes Yes')
  })

  it('joins a column of single CJK glyphs into one line and starts the next column on a new line', () => {
    const column = (text: string, x: number): TextPiece[] => [...text].map((glyph, index) => run(glyph, x, 18, { y: 700 - index * 18, hasEOL: true }))
    expect(pageText([...column('記者会見', 500), ...column('首相', 470)])).toBe('記者会見\n首相')
  })

  it('joins the pieces of a vertical font column that pdf.js split', () => {
    const piece = (str: string, y: number): TextPiece => ({ str, dir: 'ttb', transform: [18, 0, 0, 18, 500, y], width: 18, height: str.length * 18, hasEOL: true })
    expect(pageText([piece('東京で', 700), piece('記者', 646), piece('会見', 610)])).toBe('東京で記者会見')
  })

  it('leaves numbers stacked in a table column, and two stacked characters, on their own lines', () => {
    const cells = ['1', '2', '3', '4'].map((digit, index) => run(digit, 72, 10, { y: 700 - index * 18, hasEOL: true }))
    expect(pageText(cells)).toBe('1\n2\n3\n4')
    expect(pageText([run('是', 72, 18, { hasEOL: true }), run('否', 72, 18, { y: 682, hasEOL: true })])).toBe('是\n否')
  })

  it('leaves horizontal lines that start at the same place as they are', () => {
    const lines = ['第一章', '第二章', '第三章'].map((line, index) => run(line, 72, 54, { y: 700 - index * 18, hasEOL: true }))
    expect(pageText(lines)).toBe('第一章\n第二章\n第三章')
  })

  it('drops control characters a broken font encoding produces', () => {
    expect(pageText([run('Bro\u0000ken\u0007', 72, 40)])).toBe('Broken')
  })
})
