import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../../../../src/main/core/library/extract/front-matter'

describe('front-matter', () => {
  it('lifts title, date, author, outlet and url out of the block and returns the text without it', () => {
    const text = [
      '---',
      'title: "Seoul: a reset?"',
      'date: 2026-02-13',
      'author: Georgy Zinoviev',
      'publisher: TASS',
      'url: https://tass.com/politics/1',
      'tags: [russia, korea]',
      '---',
      '',
      'SEOUL, February 13. Body.'
    ].join('\n')
    expect(splitFrontMatter(text)).toEqual({
      title: 'Seoul: a reset?',
      meta: { date: '2026-02-13', author: 'Georgy Zinoviev', outlet: 'TASS', url: 'https://tass.com/politics/1' },
      body: 'SEOUL, February 13. Body.'
    })
  })

  it('joins author lists and turns a written date into ISO', () => {
    const parsed = splitFrontMatter("---\nauthors:\n  - Ann Lee\n  - 'Bo Kim'\ndate: February 13, 2026\n---\nText")
    expect(parsed?.meta).toEqual({ author: 'Ann Lee, Bo Kim', date: '2026-02-13' })
  })

  it('treats a source that is a link as the url, not the outlet', () => {
    expect(splitFrontMatter('---\nsource: https://example.org/a\n---\nText')?.meta).toEqual({ url: 'https://example.org/a' })
  })

  it('leaves a text alone when its opening rule is not a front-matter block', () => {
    expect(splitFrontMatter('---\nThis is a paragraph after a rule.\n---\nMore')).toBeNull()
    expect(splitFrontMatter('Intro\n---\ntitle: x\n---')).toBeNull()
    expect(splitFrontMatter('---\ntitle: never closed\n')).toBeNull()
  })
})
