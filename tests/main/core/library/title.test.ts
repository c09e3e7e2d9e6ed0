import { describe, expect, it } from 'vitest'
import { pickTitle } from '../../../../src/main/core/library/title'

describe('pickTitle', () => {
  it('skips short navigation crumbs and takes the first headline-like line', () => {
    const text = 'Top Headlines\n\nFeeds\n\nPutin Signals Reset of South Korea\u2011Russia Relations\n\nBody text.'
    expect(pickTitle(text, 'text', 'a.txt')).toBe('Putin Signals Reset of South Korea\u2011Russia Relations')
  })

  it('takes the first Markdown heading, after any front matter, without its markup', () => {
    const text = '---\ntitle: x\n---\nIntro line that is long enough\n\n## The *real* title\n'
    expect(pickTitle(text, 'markdown', 'a.md')).toBe('The real title')
  })

  it('leaves a leading "date YYYY-MM-DD" stamp out of the title', () => {
    expect(pickTitle(' date 2026-02-13 SEOUL, February 13. /TASS/. The peoples of Russia and Korea\n', 'text', 'a.txt')).toBe(
      'SEOUL, February 13. /TASS/. The peoples of Russia and Korea'
    )
  })

  it('falls back to the first line when no line is long, and clips very long lines at a word', () => {
    expect(pickTitle('Short\nline', 'text', 'a.txt')).toBe('Short')
    const long = `${'word '.repeat(60)}end`
    const title = pickTitle(long, 'text', 'a.txt')
    expect(title.length).toBeLessThanOrEqual(141)
    expect(title.endsWith('word…')).toBe(true)
  })
})
