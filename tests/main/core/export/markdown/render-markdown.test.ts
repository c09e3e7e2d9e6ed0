import MarkdownIt from 'markdown-it'
import type { PluginSimple, Token } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../../../src/main/core/export/markdown/render-markdown'
import { makeExportClaim, makeExportPassage, makeExportSnapshot, makeExportSource } from '../../../../helpers/export-factories'
import { SEED_FILES, seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const footnotes = footnotePlugin as unknown as PluginSimple

function parse(markdown: string): { tokens: Token[]; html: string; env: { footnotes?: { list: Array<{ label?: string }> } } } {
  const md = new MarkdownIt({ html: true, linkify: false }).use(footnotes)
  const env: { footnotes?: { list: Array<{ label?: string }> } } = {}
  const tokens = md.parse(markdown, env)
  return { tokens, html: md.renderer.render(tokens, md.options, env), env }
}

const flat = (tokens: readonly Token[]): Token[] => tokens.flatMap((token) => [token, ...flat(token.children ?? [])])

describe('render-markdown', () => {
  const tempDir = useTempDirs()

  it('writes the sample project so every footnote resolves, with quotes, context, edited details and the other highlights', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const markdown = renderMarkdown(await fixture.snapshot())
    await fixture.workbench.shutdown()
    const { tokens, html, env } = parse(markdown)
    const all = flat(tokens)
    const refs = all.filter((token) => token.type === 'footnote_ref').map((token) => (token.meta as { label: string }).label)
    const definitions = (env.footnotes?.list ?? []).map((item) => item.label)
    expect(refs).toEqual(['1', '2', '3', '4'])
    expect(definitions).toEqual(refs)

    // One pair of marks around a quote that carries its own.
    expect(markdown).not.toMatch(/““|””/)
    expect(markdown).toContain('[^1]: “Previously, we adhered')
    // The details the user set by hand reach the citation, with a link the editor can open.
    expect(markdown).toContain('by Elena Teslova')
    expect(html).toContain('<a href="https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567">')
    // The quote stands in its sentence, marked.
    expect(html).toContain('Context: Speaking at a ceremony for the presentation of credentials by new ambassadors in the Kremlin, Putin said that “<strong>much of the positive capital</strong>” in Moscow’s interaction')
    expect(markdown).toContain('_Corroborated: 2 independent sources (2 sources back it)._')
    expect(markdown).toMatch(/_Disputed: 1 independent source \(1 source backs it\); contradicted by Putin has hope/)
    expect(markdown).toContain('[^3]: **Contradicts the claim:** “much of the positive capital”')
    expect(html).toMatch(/<h2>Other highlights<\/h2>\s*<h3>Moscow, January 16, 2026/)
    expect(markdown).toContain('Comment: Check his first posting')
    expect(markdown).toContain('Tags: envoy')
    expect(markdown).toContain(`\`${SEED_FILES.summary}\` in folder “seeds”`)
    expect(html).toMatch(/<h2>Sources cited<\/h2>/)
    expect(markdown.trimEnd().endsWith('no byte-order mark._')).toBe(true)
  }, 60_000)

  it('says where a passage went: reworded with its old words, not found with why, a PDF passage with its page', () => {
    const report = makeExportSource({ id: 'p', title: 'Annual report', format: 'pdf', outlet: 'Federal Register', date: '2024-03-01', pages: 3 })
    const snapshot = makeExportSnapshot({
      claims: [
        makeExportClaim({
          number: 1,
          text: 'Spending rose',
          status: 'single',
          statusLabel: 'Single source',
          backingSources: 1,
          independentSources: 1,
          passages: [
            makeExportPassage({ annotationId: 'a', source: report, quote: 'rose by 4 %', page: 2, start: 1200, anchor: 'reworded', previousQuote: 'rose by 3 %' }),
            makeExportPassage({ annotationId: 'b', source: null, quote: 'gone words', anchor: 'not-found', context: null, problem: 'Its source was removed from the project.' })
          ]
        }),
        makeExportClaim({ number: 2, text: 'Nobody backs this yet' })
      ],
      citedSources: [report]
    })
    const markdown = renderMarkdown(snapshot)
    expect(markdown).toContain('[^1]: “rose by 4 %” — *Annual report*, Federal Register, 2024-03-01, p. 2, `p.txt` in folder “folder”, characters 1200–1211. Anchor: reworded.')
    expect(markdown).toContain('Reworded in the source since it was highlighted; it read “rose by 3 %”.')
    expect(markdown).toContain('[^2]: “gone words” — source removed from the project, characters 10–20. Anchor: not found.')
    expect(markdown).toContain('Not found: Its source was removed from the project.')
    expect(markdown).toContain('_Unsupported: no evidence linked yet._')
    expect(markdown).toContain('Exported from Sourcebench on 2026-01-16 · 2 claims · 1 source cited · 0 other highlights')
  })

  it('makes only http and https addresses into links', () => {
    const sources = ['javascript:alert(1)', 'https://ok.example/a b', 'file:///etc/passwd', 'https://ok.example/path?q=1'].map((url, index) =>
      makeExportSource({ id: `s${index}`, title: `T${index}`, url })
    )
    const { html } = parse(renderMarkdown(makeExportSnapshot({ citedSources: sources })))
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(['https://ok.example/path?q=1'])
    expect(html).toContain('javascript:alert(1)')
  })
})
