// Markdown injection: hostile file names, folder names, tags, comments, claims and quotes are
// rendered with markdown-it (raw HTML on, footnotes on) and must come back as their own text.
import MarkdownIt from 'markdown-it'
import type { PluginSimple, Token } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderMarkdown } from '../../../../../src/main/core/export/markdown/render-markdown'
import type { ExportPassage, ExportSnapshot, ExportSource } from '../../../../../src/main/core/export/snapshot'
import { makeExportClaim, makeExportPassage, makeExportSnapshot, makeExportSource } from '../../../../helpers/export-factories'
import { seededRandom } from '../../../../helpers/seeded-random'

const HOSTILE = [
  'a` <img src=x onerror=alert(1)> `.txt',
  'report\n## Claim 99',
  'notes\n[^9]: forged',
  '</p><script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '<https://evil>',
  '![i](x)',
  '***',
  '    code',
  '1. list',
  '- item',
  '| a | b |\n| - | - |\n| c | d |',
  '[^1]',
  '[^9]: forged',
  'ends with a backslash \\\nand goes on',
  '&#x3C;img&#x3E; and &amp; and &lt;',
  '~~~\nfenced\n~~~',
  '```\nfenced\n```',
  'heading\n---',
  'heading\n===',
  '==highlight== %%comment%% $x^2$ $$y$$',
  '> [!note] callout\n>> nested',
  '\t\tindented by tabs',
  'two trailing spaces  \nmake a break',
  '+ plus\n* star\n2) paren',
  '<!-- comment --> <div>block</div>',
  '*em* **strong** _u_ __uu__ ~~strike~~',
  '[ref]: https://evil "title"\n[ref]',
  'a\n\n\nthree newlines\n',
  '\nleading newline',
  'ends with !',
  '#hashtag ## not closing ##',
  'nul\u0000 del\u007f nel\u0085 ls\u2028 ps\u2029 rlo\u202etxt.exe',
  '`',
  '`` `x` ``',
  '` tick at the start',
  ' padded on both sides ',
  '   ',
  '\n',
  '\n\n',
  '\u3000ideographic and no-break\u00a0',
  'crlf\r\nand cr\rvt\u000bff\u000c',
  'trailing tab\t',
  '%%\n$$\nmath\n$$',
  'ends with ^'
]

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * The export's documented way of showing text: control characters as control pictures (C0, DEL) or
 * <U+XXXX>; in names from disk also bidi controls, and a path of only spaces as ␠.
 */
function shown(text: string, { keep = '', bidi = false, isPath = false }: { keep?: string; bidi?: boolean; isPath?: boolean } = {}): string {
  if (isPath && /^ +$/.test(text)) return '\u2420'.repeat(text.length)
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const isBidi = [0x61c, 0x200e, 0x200f].includes(code) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
    if (keep.includes(char)) out += char
    else if (code < 0x20) out += String.fromCodePoint(0x2400 + code)
    else if (code === 0x7f) out += '\u2421'
    else if ((code >= 0x80 && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (bidi && isBidi)) out += `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`
    else out += char
  }
  return out
}

const shownName = (name: string): string => shown(name, { bidi: true })
const shownPath = (path: string): string => shown(path, { bidi: true, isPath: true })
/** Inline fields: whitespace runs collapsed to one space, then control characters made visible. */
const shownInline = (text: string): string => shown(collapse(text))
/** Quotes keep their line breaks and tabs. */
const shownQuote = (text: string): string => shown(text, { keep: '\n\t' })

const footnoteMeta = z.object({ id: z.number(), label: z.string().optional() })
const footnoteEnv = z.object({ footnotes: z.object({ list: z.array(z.object({ label: z.string().optional() })) }).optional() })

// @types/markdown-it-footnote 3 is typed against markdown-it's CommonJS declarations, this file
// imports the ES module ones: the same plugin function, so only the declared type is bridged.
const footnotes = footnotePlugin as unknown as PluginSimple

function render(markdown: string): { tokens: Token[]; html: string; definitions: string[] } {
  const md = new MarkdownIt({ html: true }).use(footnotes)
  const env: Record<string, unknown> = {}
  const tokens = md.parse(markdown, env)
  const html = md.renderer.render(tokens, md.options, env)
  const definitions = (footnoteEnv.parse(env).footnotes?.list ?? []).map((item) => item.label ?? '(inline)')
  return { tokens, html, definitions }
}

function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...allTokens(token.children ?? [])])
}

/** Text content of an inline run: text and code spans, with line breaks as newlines. */
function textOf(children: readonly Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n'
      return ''
    })
    .join('')
}

interface Block {
  /** Containers from the outside in: `footnote 3`, `quote`. */
  within: string
  tag: string
  text: string
  children: Token[]
}

function blocksOf(tokens: readonly Token[]): Block[] {
  const stack: string[] = []
  const blocks: Block[] = []
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'footnote_open') stack.push(`footnote ${footnoteMeta.parse(token.meta).id + 1}`)
    else if (token.type === 'blockquote_open') stack.push('quote')
    else if (token.type === 'footnote_close' || token.type === 'blockquote_close') stack.pop()
    else if (token.type === 'inline') {
      const children = token.children ?? []
      blocks.push({ within: stack.join(' > '), tag: tokens[index - 1]?.tag ?? '', text: textOf(children), children })
    }
  }
  return blocks
}

function count(tokens: readonly Token[], type: string): number {
  return tokens.filter((token) => token.type === type).length
}


/** The footnote's first line as the export writes it, in rendered text. */
function expectedFirstLine(passage: ExportPassage): string {
  const source = passage.source
  const prefix = passage.contradicts ? 'Contradicts the claim: ' : ''
  // A quote already in its own marks keeps them; otherwise “…”.
  const inner = shownInline(passage.quote)
  const quote = /^[“"«„‘‹‚「『]/u.test(passage.quote.trim()) && /[”"»“’›‘」』]$/u.test(passage.quote.trim().replace(/[.,;:!?…]+$/u, '')) && passage.quote.trim().length > 1 ? inner : `“${inner}”`
  if (source === null) return `${prefix}${quote} — source removed from the project, characters ${passage.start}–${passage.end}. Anchor: not found.`
  const title = shownInline(source.title) || '(untitled)'
  const cited = [source.outlet, source.author === null ? null : `by ${source.author}`, source.date, source.url].filter((part): part is string => part !== null).map(shownInline).filter((part) => part !== '')
  const citation = cited.length === 0 ? '' : `, ${cited.join(', ')}`
  const folder = source.folder === null ? '' : ` in folder “${shownName(source.folder)}”`
  return `${prefix}${quote} — ${title}${citation}, ${shownPath(source.relativePath)}${folder}, characters ${passage.start}–${passage.end}. Anchor: ${passage.anchor === 'not-found' ? 'not found' : passage.anchor}.`
}

/** Asserts the rendered export holds only the app's own elements and every field's exact text. */
function expectLiteralExport(snapshot: ExportSnapshot): void {
  const markdown = renderMarkdown(snapshot)
  const { tokens, html, definitions } = render(markdown)
  const flat = allTokens(tokens)
  const links = snapshot.claims.flatMap((claim) => claim.passages)
  const numbers = links.map((_link, index) => String(index + 1))

  expect(count(flat, 'html_block') + count(flat, 'html_inline')).toBe(0)
  const headings = blocksOf(tokens).filter((block) => /^h\d$/.test(block.tag))
  expect(headings.map((block) => `${block.tag} ${block.text}`)).toEqual([
    `h1 Notes: ${shownInline(snapshot.projectName)}`.trimEnd(),
    ...snapshot.claims.map((claim) => `h2 Claim ${claim.number}`),
    ...(snapshot.otherHighlights.length > 0 ? ['h2 Other highlights'] : []),
    ...snapshot.otherHighlights.map((group) => `h3 ${group.source === null ? 'Source removed from the project' : shownInline(group.source.title) || '(untitled)'}`),
    ...(snapshot.citedSources.length > 0 ? ['h2 Sources cited'] : [])
  ])

  // No link but footnotes and the sources' own http(s) addresses.
  expect(count(flat, 'image')).toBe(0)
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '')
  const urls = hrefs.filter((href) => !/^#fn(ref)?\d+$/.test(href))
  const ownUrls = new Set([...snapshot.citedSources, ...links.flatMap((link) => (link.source === null ? [] : [link.source]))].map((source) => source.url))
  for (const url of urls) expect(ownUrls.has(url) && /^https?:\/\//.test(url)).toBe(true)
  expect(html).not.toMatch(/href="[^"]*javascript:/i)
  expect(flat.filter((token) => token.type === 'footnote_ref').map((token) => footnoteMeta.parse(token.meta).label)).toEqual(numbers)
  expect(definitions).toEqual(numbers)

  expect(count(flat, 'hr')).toBe(1)
  expect(count(flat, 'code_block') + count(flat, 'fence') + count(flat, 'table_open')).toBe(0)
  expect(count(flat, 'bullet_list_open') + count(flat, 'ordered_list_open')).toBe(0)
  expect(count(flat, 's_open')).toBe(0)
  const others = snapshot.otherHighlights.flatMap((group) => group.passages)
  expect(count(flat, 'blockquote_open')).toBe(links.length + others.length)
  if (links.length > 0) expect(html).toContain('<hr class="footnotes-sep">')

  const blocks = blocksOf(tokens)
  for (const claim of snapshot.claims) {
    const heading = blocks.findIndex((block) => block.tag === 'h2' && block.text === `Claim ${claim.number}`)
    expect(blocks[heading + 1]?.text).toBe(shownInline(claim.text) || '(empty claim)')
  }
  for (const [index, passage] of links.entries()) {
    const own = blocks.filter((block) => block.within.split(' > ')[0] === `footnote ${index + 1}`)
    const first = own[0]
    expect(first?.text).toBe(expectedFirstLine(passage))
    const children = first?.children ?? []
    if (passage.source !== null) {
      const emphasised = children.findIndex((child) => child.type === 'em_open')
      expect(textOf(children.slice(emphasised, children.findIndex((child) => child.type === 'em_close')))).toBe(shownInline(passage.source.title) || '(untitled)')
      expect(children.filter((child) => child.type === 'code_inline').map((child) => child.content)).toEqual([shownPath(passage.source.relativePath)])
    }
    const quoted = own.filter((block) => block.within.endsWith('quote')).map((block) => block.text)
    expect(quoted.join('\n\n')).toBe(shownQuote(passage.quote))
    const rest = own.filter((block) => block.within === `footnote ${index + 1}`).slice(1).map((block) => block.text)
    const context = passage.context
    const contextLine = context === null || (context.before === '' && context.after === '') ? [] : [`Context: ${shown(collapse(`${context.before}\u0001${context.after}`)).replace('\u2401', shownInline(passage.quote))}`]
    expect(rest[0]?.startsWith('Context: ') ?? false).toBe(contextLine.length > 0)
    expect(rest.slice(contextLine.length).filter((line) => line.startsWith('Comment: ') || line.startsWith('Tags: '))).toEqual([
      ...(passage.comment.trim() === '' ? [] : [`Comment: ${shownInline(passage.comment)}`]),
      ...(passage.tags.length === 0 ? [] : [`Tags: ${passage.tags.map(shownInline).join(', ')}`])
    ])
  }
}

function hostileSnapshot(): ExportSnapshot {
  const sources: ExportSource[] = HOSTILE.map((text, index) =>
    makeExportSource({
      id: `s${index}`,
      title: text,
      folder: text,
      relativePath: index % 2 === 0 ? text : `folder ${text}/${text}.txt`,
      outlet: index % 3 === 0 ? text : null,
      author: index % 4 === 0 ? text : null,
      date: index % 5 === 0 ? text : null,
      url: index % 2 === 0 ? `https://example.org/${index}` : text
    })
  )
  const passages = HOSTILE.map((text, index) =>
    makeExportPassage({
      annotationId: `a${index}`,
      source: sources[index] ?? null,
      quote: text.trim() === '' ? `quote ${index}` : text,
      context: { before: text, after: text, cutBefore: index % 2 === 0, cutAfter: false },
      comment: text,
      tags: [text, `tag ${index}`],
      contradicts: index === 1
    })
  )
  const gone = makeExportPassage({ annotationId: 'gone', quote: 'a quote whose source left', anchor: 'not-found', problem: 'Its source was removed from the project.', context: null })
  const claims = HOSTILE.map((text, index) =>
    makeExportClaim({
      number: index + 1,
      text,
      passages: [passages[index]!, ...(index === 0 ? [gone] : [])],
      ...(index === 1
        ? { status: 'disputed' as const, statusLabel: 'Disputed', backingSources: 2, independentSources: 1, countedAsOne: [{ copy: sources[2]!, original: sources[1]!, share: 0.9 }] }
        : {})
    })
  )
  return makeExportSnapshot({
    projectName: 'Korea\n# Forged <b>project</b> [^1]',
    claims,
    otherHighlights: [
      { source: sources[3] ?? null, sourceId: 's3', passages: [makeExportPassage({ annotationId: 'o1', quote: HOSTILE[5] ?? 'x', comment: HOSTILE[6] ?? '', tags: [HOSTILE[7] ?? 'x'] })] },
      { source: null, sourceId: 'removed', passages: [makeExportPassage({ annotationId: 'o2', quote: HOSTILE[8] ?? 'x', context: null, anchor: 'not-found' })] }
    ],
    citedSources: sources
  })
}

/** The Markdown-special characters, `^` (inline footnotes), a few control and Unicode spaces, and letters. */
const ALPHABET = [...'#>*_-=+~`[]()<>!&|\\:$%0123456789. \n\t^\r\u0000\u0085\u2028\u00a0\u3000\u202eabcxyzQ']

function randomMarkdownish(random: () => number): string {
  const length = 1 + Math.floor(random() * 30)
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a').join('')
}

function singleFieldSnapshot(text: string): ExportSnapshot {
  const source = makeExportSource({ id: 's', title: text, relativePath: text, folder: text, outlet: text })
  const quote = text.trim() === '' ? 'q' : text
  return makeExportSnapshot({
    projectName: text,
    claims: [
      makeExportClaim({
        number: 1,
        text,
        passages: [
          makeExportPassage({ annotationId: 'a', source, quote, start: 5, comment: text, tags: collapse(text) === '' ? [] : [text, 'x'], context: { before: text, after: text, cutBefore: false, cutAfter: true } }),
          makeExportPassage({ annotationId: 'b', source, quote: `${quote}\n${quote}`, start: 50, contradicts: true })
        ]
      })
    ],
    citedSources: [source]
  })
}

describe('render-markdown (hostile text)', () => {
  it('renders hostile names, folders, tags, comments, claims and quotes as exactly their text', () => {
    expectLiteralExport(hostileSnapshot())
  })

  it('shows control characters in a file name visibly instead of starting a new line', () => {
    const snapshot = hostileSnapshot()
    const markdown = renderMarkdown(snapshot)
    expect(markdown).toContain('`folder report␊## Claim 99/report␊## Claim 99.txt`')
    expect(markdown).toContain('``a` <img src=x onerror=alert(1)> `.txt``')
    expect(markdown).toContain('`` `` `x` `` ``')
    expect(markdown).not.toMatch(/^## Claim 99/m)
    expect(markdown).not.toMatch(/^[ \t>]*\[\^9\]: forged/m)
    expect(markdown).toContain('<U+202E>txt.exe')
  })

  it('names the linked highlights in the support line without letting their titles format it', () => {
    const { tokens } = render(renderMarkdown(hostileSnapshot()))
    const support = blocksOf(tokens).find((block) => block.text.startsWith('Disputed:'))
    expect(support?.text).toBe(
      `Disputed: 1 independent source (2 sources back it); counted as one: ${shownInline(HOSTILE[2] ?? '')} repeats ${shownInline(HOSTILE[1] ?? '')} (90 % of its wording).`
    )
  })

  it('keeps ordinary prose readable in the Markdown source when nothing in it is special', () => {
    const prose = 'Lee Sok-bae, the envoy, said it’s 2019. He “hoped” so (maybe); 3 of 4 agreed: yes?'
    const markdown = renderMarkdown(singleFieldSnapshot(prose))
    expect(markdown).toContain(`${prose}[^1][^2]`)
    expect(markdown).toContain(`    > ${prose}\n    > ${prose}`)
    expect(markdown).toContain(`Tags: ${prose}, x`)
  })

  it('writes entities, backslashes and pipes so they render literally', () => {
    const markdown = renderMarkdown(singleFieldSnapshot('&amp; a\\ b | c'))
    expect(markdown).toContain('\\&amp; a\\\\ b \\| c[^1][^2]')
    const { tokens } = render(markdown)
    expect(blocksOf(tokens).filter((block) => block.text === '&amp; a\\ b | c')).not.toHaveLength(0)
  })

  it('round-trips 300 random Markdown-like strings as quote, tag, title, name and claim', () => {
    const random = seededRandom(20260116)
    for (let run = 0; run < 300; run++) {
      const text = randomMarkdownish(random)
      try {
        expectLiteralExport(singleFieldSnapshot(text))
      } catch (error) {
        throw new Error(`render-markdown: string ${run} ${JSON.stringify(text)} did not round-trip`, { cause: error })
      }
    }
  })
})
