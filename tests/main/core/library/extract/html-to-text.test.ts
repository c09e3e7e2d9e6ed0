import { describe, expect, it } from 'vitest'
import { parseHtmlDocument } from '../../../../../src/main/core/library/extract/dom'
import { htmlToText } from '../../../../../src/main/core/library/extract/html-to-text'

function render(html: string): string {
  const body = parseHtmlDocument(html).body
  if (body === null) throw new Error('test: no body')
  return htmlToText(body)
}

describe('html-to-text', () => {
  it('separates block elements by one blank line and collapses whitespace inside them', () => {
    const html = '<div><h1>Title\n  here</h1><div><div><p>First   <b>bold</b>\n paragraph.</p></div></div><p>Second</p></div>'
    expect(render(html)).toBe('Title here\n\nFirst bold paragraph.\n\nSecond')
  })

  it('turns <br> into a line break and keeps words apart across inline tags', () => {
    expect(render('<p>Line one<br>Line two<br/><em>three</em> <a href="#">four</a>five</p>')).toBe('Line one\nLine two\nthree fourfive')
  })

  it('puts list items on their own lines with bullets or numbers', () => {
    expect(render('<p>Before</p><ul><li>Apple</li><li><p>Banana</p></li></ul><ol start="3"><li>Third</li><li>Fourth</li></ol>')).toBe(
      'Before\n\n• Apple\n• Banana\n\n3. Third\n4. Fourth'
    )
  })

  it('puts table rows on their own lines with cells separated by a tab', () => {
    expect(render('<table><tr><th>Name</th><th>Votes</th></tr><tr><td><p>Lee</p></td><td>1,024</td></tr></table>')).toBe('Name\tVotes\nLee\t1,024')
  })

  it('keeps preformatted text as written and leaves out scripts, styles and hidden elements', () => {
    const html = '<pre>a  b\n  c</pre><script>var x = "SCRIPT TEXT"</script><style>p{}</style><p hidden>HIDDEN</p><noscript>NOSCRIPT</noscript><p>shown</p>'
    expect(render(html)).toBe('a  b\n  c\n\nshown')
  })
})
