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

  it('drops control characters a broken font encoding produces', () => {
    expect(pageText([run('Bro\u0000ken\u0007', 72, 40)])).toBe('Broken')
  })
})
