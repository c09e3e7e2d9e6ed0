import { describe, expect, it } from 'vitest'
import { pickTitle, titleFromText } from '../../../../src/main/core/library/title'
import { seededRandom } from '../../../helpers/seeded-random'

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

  it('looks only as far as the first twelve lines that are not empty, and finds a headline after blank lines, crumbs and carriage returns', () => {
    const crumbs = Array.from({ length: 11 }, (_, k) => `Menu ${k}\r\n\n  \n`).join('')
    expect(titleFromText(`\n\n${crumbs}date 2026-02-13 Seoul talks resume in March\r\nBody.`, 'text')).toBe('Seoul talks resume in March')
    expect(titleFromText(`${crumbs}Menu 11\nSeoul talks resume in March\n`, 'text')).toBe('Menu 0')
    expect(titleFromText(' \n\t\n\r\n', 'text')).toBeNull()
    expect(titleFromText('', 'pdf')).toBeNull()
    expect(titleFromText('No newline at all, a single long line', 'text')).toBe('No newline at all, a single long line')
  })

  it('picks from random texts the title the whole-text rule gives (every line cleaned, the first twelve considered)', () => {
    const wholeText = (text: string): string | null => {
      const lines = text
        .split('\n')
        .map((line) => line.trim().replace(/^date\s+\d{4}-\d{2}-\d{2}\s*/i, ''))
        .filter((line) => line.length > 0)
        .slice(0, 12)
      const chosen = lines.find((line) => line.split(/\s+/).length >= 4) ?? lines[0]
      // Lines stay below the length at which a title is clipped: only its spaces are tidied.
      return chosen === undefined ? null : chosen.replace(/\s+/g, ' ').trim()
    }
    const random = seededRandom(7)
    const pieces = ['word ', 'Seoul ', 'x', '\n', '\n\n', '\r\n', ' ', '\t', 'date 2026-02-13 ', '\u00a0', '\u2028']
    for (let round = 0; round < 2000; round++) {
      let text = ''
      for (let k = Math.floor(random() * 24); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)]
      expect(titleFromText(text, 'text'), JSON.stringify(text)).toBe(wholeText(text))
    }
  })
})
