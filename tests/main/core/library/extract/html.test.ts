import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../src/main/core/library/extract/html'

const paragraphs = [
  'Russian President Vladimir Putin expressed hope on Thursday in restoring Moscow’s ties with South Korea, speaking at a ceremony for new ambassadors in the Kremlin.',
  'He said that much of the positive capital in Moscow’s interaction with Seoul had been squandered, but that both countries had achieved truly positive results in trade and business.',
  'A total of 32 newly appointed ambassadors attended the ceremony, including the envoys of France, Italy, Brazil, Egypt and Pakistan, according to the Kremlin’s official website.'
]

function page(options: { head?: string; htmlAttributes?: string; body?: string } = {}): string {
  return `<!doctype html><html ${options.htmlAttributes ?? 'lang="en"'}><head><meta charset="utf-8">${options.head ?? ''}</head><body>
    <nav><a href="/">Home</a> <a href="/world">World news</a></nav>
    ${options.body ?? `<article><h1>Putin hopes to restore ties</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article>`}
    <footer>© Example News</footer></body></html>`
}

const utf8 = (html: string): Uint8Array => new Uint8Array(Buffer.from(html))

describe('html', () => {
  it('keeps the article as paragraphs separated by blank lines, without navigation or footer', () => {
    const document = extractHtml(utf8(page({ head: '<title>Putin hopes to restore ties</title>' })))
    expect(document.text).toBe(paragraphs.join('\n\n'))
    expect(document.format).toBe('html')
  })

  it('reads title, byline, site name, published time, url and language from the page', () => {
    const head = `<title>Putin hopes to restore ties – Example News</title>
      <meta name="author" content="Burc Eruygur">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2026-01-16T10:00:00Z">
      <meta property="og:url" content="https://example.org/world/putin-korea">
      <link rel="canonical" href="https://example.org/other">`
    const document = extractHtml(utf8(page({ head })))
    expect(document.title).toBe('Putin hopes to restore ties')
    expect(document.meta).toEqual({
      author: 'Burc Eruygur',
      outlet: 'Example News',
      date: '2026-01-16T10:00:00Z',
      url: 'https://example.org/world/putin-korea',
      language: 'en'
    })
  })

  it('falls back to the canonical link for the url and ignores a relative one', () => {
    expect(extractHtml(utf8(page({ head: '<link rel="canonical" href="https://example.org/a">' }))).meta.url).toBe('https://example.org/a')
    expect(extractHtml(utf8(page({ head: '<link rel="canonical" href="/relative">' }))).meta.url).toBeUndefined()
  })

  it('keeps the writing direction of a right-to-left page', () => {
    const document = extractHtml(utf8(page({ htmlAttributes: 'lang="ar" dir="rtl"' })))
    expect(document.meta.direction).toBe('rtl')
    expect(document.meta.language).toBe('ar')
  })

  it('never runs the page’s scripts or event handlers, and leaves their code out of the text', () => {
    const body = `<article>${paragraphs.map((text) => `<p>${text}</p>`).join('')}
      <script>document.body.innerHTML = 'HACKED'; globalThis.sourcebenchPwned = true; throw new Error('script ran')</script>
      <img src="missing.png" onerror="globalThis.sourcebenchPwned = true; document.title = 'pwned'"></article>`
    const document = extractHtml(utf8(page({ head: '<title>Safe title</title>', body })))
    expect(document.text).toBe(paragraphs.join('\n\n'))
    expect(document.text).not.toContain('HACKED')
    expect(document.title).toBe('Safe title')
    expect((globalThis as { sourcebenchPwned?: boolean }).sourcebenchPwned).toBeUndefined()
  })

  it('decodes a page in the charset its <meta> declares, in either form', () => {
    const russian = '<p>Посол России в Сеуле Георгий Зиновьев заявил, что отношения остаются дружескими.</p>'
    const charset = iconv.encode(`<html><head><meta charset="windows-1251"><title>Посол</title></head><body>${russian}</body></html>`, 'windows-1251')
    expect(extractHtml(new Uint8Array(charset)).text).toBe('Посол России в Сеуле Георгий Зиновьев заявил, что отношения остаются дружескими.')
    const httpEquiv = iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>café – “quoted”</p></body></html>`,
      'windows-1252'
    )
    expect(extractHtml(new Uint8Array(httpEquiv)).text).toBe('café – “quoted”')
  })

  it('falls back to the body text when Readability finds no article', () => {
    const document = extractHtml(utf8('<html><head><title>Note</title></head><body><aside>Only a side note here.</aside></body></html>'))
    expect(document.text).toBe('Only a side note here.')
    expect(document.title).toBe('Note')
  })

  it('reads a side note a browser shows although linkedom puts it outside the body', () => {
    // An element between </head> and <body> makes linkedom give the page an empty body of its own.
    const document = extractHtml(utf8('<!doctype html><html><head><title>Note</title></head><div class="stamp"></div><body><aside>Only a side note here.</aside></body></html>'))
    expect(document.text).toBe('Only a side note here.')
  })

  it('joins two different pages saved in one file, and says so', () => {
    const other = `<!doctype html><html lang="en"><head><title>Ferry fares rise</title></head><body><article>
      <p>Islanders will pay a fifth more for the ferry to the mainland from June, the shipping company said on Wednesday.</p>
      <p>A return ticket for a car and driver will rise from 38 to 46, and foot passengers will pay 9 instead of 7.50.</p>
      <p>The island council called the rise unacceptable and will ask the regional government to help.</p></article></body></html>`
    const document = extractHtml(utf8(`${page({ head: '<title>Putin hopes to restore ties</title>' })}\n${other}`))
    expect(document.text).toBe(`${paragraphs.join('\n\n')}\n\nIslanders will pay a fifth more for the ferry to the mainland from June, the shipping company said on Wednesday.\n\nA return ticket for a car and driver will rise from 38 to 46, and foot passengers will pay 9 instead of 7.50.\n\nThe island council called the rise unacceptable and will ask the regional government to help.`)
    expect(document.title).toBe('Putin hopes to restore ties')
    expect(document.warnings).toEqual(['the file holds 2 different web pages, joined under the title of the longest'])
  })

  it('refuses a page with no text at all', () => {
    expect(() => extractHtml(utf8('<html><body><script>var a = 1</script><img src="x.png"></body></html>'))).toThrow('the web page has no readable text')
  })
})
