// The HTML report parsed back with jsdom (the HTML parser browsers use): self-contained, no
// script and no remote load, every claim with its badge and passages in context, and hostile
// text from documents, the disk and the user coming back as text, never as markup.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { renderHtmlReport } from '../../../../../src/main/core/export/html/render-html'
import type { ExportSnapshot } from '../../../../../src/main/core/export/snapshot'
import { seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { makeExportClaim, makeExportPassage, makeExportSnapshot, makeExportSource } from '../../../../helpers/export-factories'
import { useTempDirs } from '../../../../helpers/temp-dir'

/** The slice of the DOM the checks read (the node project has no DOM lib, and jsdom ships no types). */
interface El {
  readonly tagName: string
  readonly textContent: string | null
  readonly attributes: ArrayLike<{ name: string; value: string }>
  readonly parentElement: El | null
  getAttribute(name: string): string | null
  querySelector(selectors: string): El | null
  querySelectorAll(selectors: string): ArrayLike<El>
  closest(selectors: string): El | null
}
interface Doc {
  readonly doctype: { name: string } | null
  readonly documentElement: El
  readonly title: string
  querySelector(selectors: string): El | null
  querySelectorAll(selectors: string): ArrayLike<El>
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Doc } } }

const parse = (html: string): Doc => new JSDOM(html).window.document
const all = (root: Doc | El, selectors: string): El[] => Array.from(root.querySelectorAll(selectors))
const text = (element: El | null): string => element?.textContent ?? ''
/** The parser reads CR LF and a lone CR as LF, as every browser does. */
const asParsed = (value: string): string => value.replace(/\r\n?/g, '\n')

/** Every element the report is made of: anything else came from the text. */
const REPORT_ELEMENTS = new Set(
  'html head meta title style body header main section article footer nav h1 h2 h3 p ul ol li span strong cite time code a blockquote mark table colgroup col thead tbody tr th td'.split(' ')
)

const dirs = useTempDirs()

describe('render-html', () => {
  it('renders the seeds project as a self-contained page with every claim, badge and passage in context', async () => {
    const fixture = await seedsProjectWithClaims(await dirs())
    const snapshot = await fixture.snapshot()
    await fixture.workbench.shutdown()
    const html = renderHtmlReport(snapshot)
    const doc = parse(html)

    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(doc.doctype?.name).toBe('html')
    expect(doc.documentElement.getAttribute('lang')).toBe('en')
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(doc.title).toBe('Notes: Sample project: Putin and South Korea')
    expect(text(doc.querySelector('h1'))).toBe('Notes: Sample project: Putin and South Korea')
    expect(text(doc.querySelector('.report-head .meta'))).toContain('2026-01-20')
    expect(text(doc.querySelector('.report-head .meta'))).toContain('2 claims · 4 cited passages · 1 other highlight · 3 sources cited')
    expect(all(doc, 'script, link, iframe, img, object, embed, base, form')).toHaveLength(0)

    const cards = all(doc, 'article.claim')
    expect(cards.map((card) => text(card.querySelector('h3')))).toEqual(['Claim 1', 'Claim 2'])
    expect(cards.map((card) => text(card.querySelector('.claim-text')))).toEqual(snapshot.claims.map((claim) => claim.text))
    expect(cards.map((card) => text(card.querySelector('.badge')).trim())).toEqual(['✓ Corroborated', '✕ Disputed'])
    expect(text(cards[0]?.querySelector('.support') ?? null)).toContain('Backed by 2 sources, counted as 2 independent.')
    expect(text(cards[1]?.querySelector('.support') ?? null)).toContain('Contradicted by 1 source: Putin has hope in restoring Russia’s ties with South Korea.')

    for (const [index, claim] of snapshot.claims.entries()) {
      const items = all(cards[index] as El, 'li.passage')
      expect(items).toHaveLength(claim.passages.length)
      for (const [position, passage] of claim.passages.entries()) {
        const item = items[position] as El
        const context = item.querySelector('blockquote.context')
        expect(text(context?.querySelector('mark') ?? null)).toBe(passage.quote)
        expect(text(context)).toBe(`${passage.context?.before ?? ''}${passage.quote}${passage.context?.after ?? ''}`)
        expect(text(item.querySelector('.cite cite'))).toBe(passage.source?.title)
        expect(text(item.querySelector('code.path'))).toBe(passage.source?.relativePath)
        expect(text(item.querySelector('.file'))).toContain('in folder “seeds”')
        expect(text(item.querySelector('.where'))).toContain(`characters ${passage.start}–${passage.end} · Exact — found where it was highlighted`)
        expect(item.querySelector('.stance') !== null).toBe(passage.contradicts)
      }
    }
    // Anadolu's quote brings its own quotation marks: shown once, never doubled.
    expect(html).not.toMatch(/““|””/)
    const anadolu = all(cards[0] as El, 'li.passage')[0] as El
    expect(text(anadolu.querySelector('.cite'))).toContain('Anadolu Agency · Elena Teslova · 2026-01-16 · aa.com.tr ↗')
    expect(anadolu.querySelector('a')?.getAttribute('href')).toBe('https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567')
    expect(anadolu.querySelector('a')?.getAttribute('rel')).toBe('noreferrer noopener')
    expect(text(anadolu.querySelector('.comment'))).toBe('Comment Anadolu prints the full quote')
    expect(all(anadolu, '.tag').map(text)).toEqual(['quote', 'putin'])
    expect(text(all(cards[1] as El, 'li.passage')[0] ?? null)).toContain('✕ Contradicts the claim')

    const other = doc.querySelector('section[aria-labelledby="other-highlights"]')
    expect(text(other?.querySelector('h2') ?? null)).toBe('Other highlights')
    const group = other?.querySelector('.source-group') ?? null
    expect(text(group?.querySelector('h3') ?? null)).toBe(snapshot.otherHighlights[0]?.source?.title)
    expect(text(group?.querySelector('mark') ?? null)).toBe('Lee Sok-bae previously served in Moscow from 2019 to 2022')
    expect(text(group?.querySelector('.comment') ?? null)).toBe('Comment Check his first posting')
    expect(all(group as El, '.tag').map(text)).toEqual(['envoy'])

    const rows = all(doc, 'table.sources tbody tr')
    expect(rows).toHaveLength(snapshot.citedSources.length)
    expect(rows.map((row) => text(row.querySelector('td.title')))).toEqual(snapshot.citedSources.map((source) => source.title))
    expect(all(rows[0] as El, 'td').map(text).slice(2, 6)).toEqual(['Anadolu Agency', 'Elena Teslova', '2026-01-16', 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567'])
    expect(text(doc.querySelector('footer'))).toContain(snapshot.offsetsNote)
    expect(text(doc.querySelector('body'))).not.toMatch(/\bnull\b|\bundefined\b|NaN/)
  }, 60_000)

  it('shows each support status as a word beside its colour, and why a claim has it', () => {
    const wire = makeExportSource({ id: 'wire', title: 'Wire story' })
    const copy = makeExportSource({ id: 'copy', title: 'Reprint' })
    const statuses = [
      ['corroborated', 'Corroborated'],
      ['single', 'Single source'],
      ['disputed', 'Disputed'],
      ['unsupported', 'Unsupported']
    ] as const
    const claims = statuses.map(([status, statusLabel], index) =>
      makeExportClaim({
        number: index + 1,
        text: `Claim about ${status}`,
        status,
        statusLabel,
        ...(status === 'single'
          ? { backingSources: 2, independentSources: 1, countedAsOne: [{ copy, original: wire, share: 0.724 }], passages: [makeExportPassage({ annotationId: 'a', quote: 'words', source: copy })] }
          : {})
      })
    )
    const doc = parse(renderHtmlReport(makeExportSnapshot({ claims })))
    const cards = all(doc, 'article.claim')
    expect(cards.map((card) => text(card.querySelector('.badge')).trim())).toEqual(['✓ Corroborated', '◑ Single source', '✕ Disputed', '○ Unsupported'])
    expect(cards.map((card) => card.querySelector('.badge')?.getAttribute('class'))).toEqual(statuses.map(([status]) => `badge badge-${status}`))
    expect(text(cards[1]?.querySelector('.support') ?? null)).toContain('Backed by 2 sources, counted as 1 independent.')
    expect(text(cards[1]?.querySelector('.support') ?? null)).toContain('Counted as one: Reprint repeats Wire story (72 % of its wording).')
    expect(text(cards[3]?.querySelector('.support') ?? null)).toBe('No evidence linked yet.')
    expect(all(doc, '.tally .badge').map((badge) => text(badge).trim())).toEqual(['✓ 1 corroborated', '◑ 1 single source', '✕ 1 disputed', '○ 1 unsupported'])
  })

  it('says where a passage stands when it moved, was reworded, is not found or lost its source', () => {
    const pdf = makeExportSource({ id: 'pdf', title: 'Annual report', format: 'pdf', pages: 40, missing: true })
    const passages = [
      makeExportPassage({ annotationId: 'm', quote: 'moved words', source: pdf, anchor: 'moved', page: 12 }),
      makeExportPassage({ annotationId: 'r', quote: 'new words', source: pdf, anchor: 'reworded', previousQuote: 'old words' }),
      makeExportPassage({ annotationId: 'n', quote: '“In the past, it worked.”', source: pdf, anchor: 'not-found', context: null, problem: 'The source has changed since.' }),
      makeExportPassage({ annotationId: 'g', quote: 'orphaned words', source: null, anchor: 'not-found', context: null, problem: 'Its source was removed from the project.' })
    ]
    const doc = parse(renderHtmlReport(makeExportSnapshot({ claims: [makeExportClaim({ number: 1, text: 'A claim', passages })], citedSources: [pdf] })))
    const items = all(doc, 'li.passage')
    expect(text(items[0]?.querySelector('.where') ?? null)).toBe('p. 12 · characters 10–21 · Moved — the same words, found elsewhere in the changed source')
    expect(text(items[1]?.querySelector('.anchor') ?? null)).toBe('Reworded — highlighted on the earlier wording “old words”')
    expect(items[2]?.querySelector('mark')).toBeNull()
    expect(text(items[2]?.querySelector('blockquote.alone') ?? null)).toBe('“In the past, it worked.”')
    expect(text(items[2]?.querySelector('.anchor') ?? null)).toBe('Not found — The source has changed since.')
    expect(text(items[2]?.querySelector('.file') ?? null)).toContain('(file no longer in the folder)')
    expect(text(items[3]?.querySelector('blockquote.alone') ?? null)).toBe('“orphaned words”')
    expect(text(items[3]?.querySelector('.cite') ?? null)).toBe('Source removed from the project: only the quote is left.')
    expect(text(doc.querySelector('.support'))).toContain('2 passages not found in their sources any more: not counted.')
  })

  it('links only http and https URLs, and shows any other URL as text', () => {
    const urls = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', '\tjava\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox(1)', 'not a url', 'https://example.org/a?b=1&c="2"']
    const sources = urls.map((url, index) => makeExportSource({ id: `s${index}`, title: `Source ${index}`, url }))
    const passages = sources.map((source, index) => makeExportPassage({ annotationId: `a${index}`, quote: 'words', source }))
    const doc = parse(renderHtmlReport(makeExportSnapshot({ claims: [makeExportClaim({ number: 1, text: 'A claim', passages })], citedSources: sources })))
    const hrefs = all(doc, '[href]').map((element) => element.getAttribute('href'))
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual(['https://example.org/a?b=1&c=%222%22', 'https://example.org/a?b=1&c=%222%22'])
    const rows = all(doc, 'table.sources tbody tr')
    expect(rows.map((row) => text(row.querySelector('td.url')))).toEqual(urls.map((url, index) => (index === urls.length - 1 ? 'https://example.org/a?b=1&c=%222%22' : asParsed(url))))
  })

  it('shows control characters and a file name’s bidi override visibly instead of obeying them', () => {
    const source = makeExportSource({ id: 's', title: 'nul\u0000 bell\u0007 del\u007f', relativePath: 'invoice\u202Efdp.exe', folder: 'in\u2066box' })
    const doc = parse(renderHtmlReport(makeExportSnapshot({ claims: [makeExportClaim({ number: 1, text: 'A claim', passages: [makeExportPassage({ annotationId: 'a', quote: 'q', source })] })], citedSources: [source] })))
    expect(text(doc.querySelector('.cite cite'))).toBe('nul\u2400 bell\u2407 del\u2421')
    expect(text(doc.querySelector('code.path'))).toBe('invoice<U+202E>fdp.exe')
    expect(text(doc.querySelector('.file'))).toContain('in folder “in<U+2066>box”')
  })

  it('keeps 45 hostile strings as text in every field, never as an element, attribute or link', () => {
    const fields = HOSTILE.map((evil, index) => {
      const source = makeExportSource({ id: `s${index}`, title: evil, outlet: evil, author: evil, date: evil, url: evil, folder: 'folder', relativePath: `file-${index}.txt`, language: evil })
      const passage = makeExportPassage({
        annotationId: `a${index}`,
        quote: evil,
        source,
        context: { before: evil, after: evil, cutBefore: false, cutAfter: false },
        comment: evil,
        tags: [evil, 'plain'],
        anchor: 'reworded',
        previousQuote: evil,
        contradicts: true
      })
      const claim = makeExportClaim({ number: index + 1, text: evil, status: 'disputed', statusLabel: 'Disputed', contradictingSources: [source], countedAsOne: [{ copy: source, original: source, share: 0.5 }], passages: [passage] })
      return { source, passage, claim }
    })
    const snapshot: ExportSnapshot = makeExportSnapshot({
      projectName: HOSTILE.join(' '),
      claims: fields.map((field) => field.claim),
      otherHighlights: fields.map((field) => ({ source: field.source, sourceId: field.source.id, passages: [{ ...field.passage, contradicts: false }] })),
      citedSources: fields.map((field) => field.source)
    })
    const doc = parse(renderHtmlReport(snapshot))

    const tags = new Set(all(doc, '*').map((element) => element.tagName.toLowerCase()))
    expect([...tags].filter((tag) => !REPORT_ELEMENTS.has(tag))).toEqual([])
    expect(all(doc, 'style')).toHaveLength(1)
    expect(all(doc, 'meta')).toHaveLength(5)
    const attributes = all(doc, '*').flatMap((element) => Array.from(element.attributes).map((attribute) => attribute.name))
    expect(attributes.filter((name) => name.startsWith('on') || name === 'src' || name === 'style' || name === 'autofocus')).toEqual([])
    expect(all(doc, '[href]').filter((element) => !element.getAttribute('href')?.startsWith('#'))).toEqual([])
    expect(all(doc, '[lang]').map((element) => element.getAttribute('lang'))).toEqual(['en'])
    expect(text(doc.querySelector('title'))).toBe(asParsed(`Notes: ${snapshot.projectName}`))
    expect(text(doc.querySelector('h1'))).toBe(asParsed(`Notes: ${snapshot.projectName}`))

    const cards = all(doc, 'article.claim')
    expect(cards).toHaveLength(HOSTILE.length)
    for (const [index, evil] of HOSTILE.entries()) {
      const card = cards[index] as El
      const expected = asParsed(evil)
      expect(text(card.querySelector('.claim-text'))).toBe(expected)
      expect(text(card.querySelector('mark'))).toBe(expected)
      expect(text(card.querySelector('blockquote.context'))).toBe(expected.repeat(3))
      expect(text(card.querySelector('.cite cite'))).toBe(expected)
      expect(text(card.querySelector('.cite .outlet'))).toBe(expected)
      expect(text(card.querySelector('.cite .author'))).toBe(expected)
      expect(text(card.querySelector('.cite time'))).toBe(expected)
      expect(text(card.querySelector('.cite .url-text'))).toBe(expected)
      expect(text(card.querySelector('.comment'))).toBe(`Comment ${expected.trim()}`)
      expect(all(card, '.tag').map(text)).toEqual([expected, 'plain'])
      expect(text(card.querySelector('.support'))).toContain(`Counted as one: ${expected} repeats ${expected} (50 % of its wording).`)
      expect(text(card.querySelector('.stance'))).toBe('✕ Contradicts the claim')
      expect(text(all(doc, 'table.sources tbody tr')[index]?.querySelector('td.title') ?? null)).toBe(expected)
    }
    expect(all(doc, '.source-group')).toHaveLength(HOSTILE.length)
  })
})

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</style><script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><svg onload=alert(1)>",
  '&amp; &lt;b&gt; &#60;script&#62; &#x3C;',
  '<script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<!-- unclosed comment',
  'closing comment -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="https://evil.example">click</a>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<style>@import url(https://evil.example/x.css)</style>',
  "' onmouseover='alert(1)",
  '" onfocus="alert(1)" autofocus="',
  '<b>bold</b> <i>italic</i>',
  '<textarea>',
  '<plaintext>',
  '<xmp><script>alert(1)</script></xmp>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg><foreignObject><script>alert(1)</script></foreignObject></svg>',
  '<object data="https://evil.example/x.swf"></object>',
  '<form action="https://evil.example"><button>Go</button></form>',
  '<video><source onerror=alert(1)></video>',
  '<div style="background:url(https://evil.example/x.png)">',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)} `backticks`',
  'evil\u202Etxt.exe',
  '\u2066isolated\u2069 and \u200Fرسالة\u200E',
  '=HYPERLINK("https://evil.example","x")',
  '@SUM(1+1) +1 -2',
  '\tstarts with a tab',
  'line\nbreak\r\nand a lone\rCR',
  '   padded   ',
  'Zoë Müller, 서울 특파원 😀',
  '</body></html><html><body>',
  '<!doctype html><html>',
  '<template><img src=x onerror=alert(1)></template>'
]
