// Markdown injection: hostile file names, folder names, tags, comments, claims and quotes are
// rendered with markdown-it (raw HTML on, footnotes on) and must come back as their own text.
import MarkdownIt from 'markdown-it'
import type { PluginSimple, Token } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderNotesMarkdown, type NotesSnapshot } from '../../../../src/main/core/export/notes-markdown'
import type { Annotation } from '../../../../src/shared/domain/annotation'
import type { Claim } from '../../../../src/shared/domain/claim'
import { outletAndDate } from '../../../../src/shared/domain/citation'
import { EMPTY_META, type ImportRoot, type Source } from '../../../../src/shared/domain/source'
import { makeAnnotation, makeSource } from '../../../helpers/factories'
import { seededRandom } from '../../../helpers/seeded-random'

const HASH = 'a'.repeat(64)

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

function tagCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) {
    const tag = (match[1] ?? '').toLowerCase()
    counts[tag] = (counts[tag] ?? 0) + 1
  }
  return counts
}

/** Asserts the rendered export holds only the app's own elements and every field's exact text. */
function expectLiteralExport(snapshot: NotesSnapshot): void {
  const markdown = renderNotesMarkdown(snapshot)
  const { tokens, html, definitions } = render(markdown)
  const flat = allTokens(tokens)
  const annotations = new Map(snapshot.annotations.map((annotation) => [annotation.id, annotation]))
  const sources = new Map(snapshot.sources.map((source) => [source.id, source]))
  const roots = new Map(snapshot.roots.map((root) => [root.id, root]))
  const links = snapshot.claims.flatMap((claim) =>
    claim.annotationIds.map((id) => {
      const annotation = annotations.get(id)
      const source = annotation === undefined ? undefined : sources.get(annotation.target.sourceId)
      return { annotation, source, contradicts: claim.contradicting.includes(id) }
    })
  )
  const resolved = links.filter((link) => link.annotation !== undefined && link.source !== undefined)
  const numbers = links.map((_link, index) => String(index + 1))

  expect(count(flat, 'html_block') + count(flat, 'html_inline')).toBe(0)
  const headings = blocksOf(tokens).filter((block) => /^h\d$/.test(block.tag))
  expect(headings.map((block) => `${block.tag} ${block.text}`)).toEqual([
    `h1 Notes: ${shownInline(snapshot.projectName)}`.trimEnd(),
    ...snapshot.claims.map((_claim, index) => `h2 Claim ${index + 1}`)
  ])

  expect(count(flat, 'link_open') + count(flat, 'image')).toBe(0)
  expect(flat.filter((token) => token.type === 'footnote_ref').map((token) => footnoteMeta.parse(token.meta).label)).toEqual(numbers)
  expect(definitions).toEqual(numbers)
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '')
  expect(hrefs).toEqual([...numbers.map((number) => `#fn${number}`), ...numbers.map((number) => `#fnref${number}`)])
  expect(html).not.toMatch(/href="[^"]*javascript:/i)

  expect(count(flat, 'hr')).toBe(1)
  expect(count(flat, 'code_block') + count(flat, 'fence') + count(flat, 'table_open')).toBe(0)
  expect(count(flat, 'bullet_list_open') + count(flat, 'ordered_list_open')).toBe(0)
  expect(count(flat, 's_open')).toBe(0)
  expect(count(flat, 'blockquote_open')).toBe(resolved.length)
  const ownEmphasis = resolved.length + snapshot.claims.length + (snapshot.claims.length === 0 ? 2 : 1)
  expect(tagCounts(html)).toEqual({
    h1: 1,
    p: expect.any(Number) as number,
    em: ownEmphasis,
    hr: links.length > 0 ? 2 : 1,
    ...(snapshot.claims.length > 0 ? { h2: snapshot.claims.length } : {}),
    ...(links.length > 0 ? { sup: links.length, a: 2 * links.length, section: 1, ol: 1, li: links.length } : {}),
    ...(resolved.length > 0 ? { code: resolved.length, blockquote: resolved.length } : {}),
    ...(resolved.some((link) => link.contradicts) ? { strong: resolved.filter((link) => link.contradicts).length } : {})
  })
  if (links.length > 0) expect(html).toContain('<hr class="footnotes-sep">')

  const blocks = blocksOf(tokens)
  for (const [index, claim] of snapshot.claims.entries()) {
    const heading = blocks.findIndex((block) => block.tag === 'h2' && block.text === `Claim ${index + 1}`)
    expect(blocks[heading + 1]?.text).toBe(shownInline(claim.text) || '(empty claim)')
  }
  for (const [index, link] of links.entries()) {
    const own = blocks.filter((block) => block.within.split(' > ')[0] === `footnote ${index + 1}`)
    const { annotation, source } = link
    if (annotation === undefined || source === undefined) {
      expect(own.map((block) => block.text)).toEqual(['The linked passage no longer exists.'])
      continue
    }
    const [quote, position] = annotation.target.selectors
    const root = roots.get(source.rootId)
    const title = shownInline(source.title) || '(untitled)'
    const citation = shownInline(outletAndDate(source)) === '' ? '' : `, ${shownInline(outletAndDate(source))}`
    const folder = root === undefined ? '' : ` in folder “${shownName(root.name)}”`
    const first = own[0]
    expect(first?.text).toBe(
      `${link.contradicts ? 'Contradicts the claim: ' : ''}“${shownInline(quote.exact)}” — ${title}${citation}, ${shownPath(source.relativePath)}${folder}, characters ${position.start}–${position.end}.`
    )
    const children = first?.children ?? []
    const emphasised = children.findIndex((child) => child.type === 'em_open')
    expect(textOf(children.slice(emphasised, children.findIndex((child) => child.type === 'em_close')))).toBe(title)
    expect(children.filter((child) => child.type === 'code_inline').map((child) => child.content)).toEqual([shownPath(source.relativePath)])
    const quoted = own.filter((block) => block.within.endsWith('quote')).map((block) => block.text)
    expect(quoted.join('\n\n')).toBe(shownQuote(quote.exact))
    const rest = own.filter((block) => block.within === `footnote ${index + 1}`).slice(1).map((block) => block.text)
    expect(rest).toEqual([
      ...(annotation.comment.trim() === '' ? [] : [`Comment: ${shownInline(annotation.comment)}`]),
      ...(annotation.tags.length === 0 ? [] : [`Tags: ${annotation.tags.map(shownInline).join(', ')}`])
    ])
  }
}

function claim(id: string, text: string, annotationIds: string[], contradicting: string[] = []): Claim {
  return { id, text, annotationIds, contradicting, createdAt: '', updatedAt: '' }
}

function hostileSnapshot(): NotesSnapshot {
  const roots: ImportRoot[] = HOSTILE.map((text, index) => ({ id: `r${index}`, path: `/data/${index}`, name: text, importedAt: '', complete: true }))
  const sources: Source[] = HOSTILE.map((text, index) =>
    makeSource({
      id: `s${index}`,
      rootId: `r${index}`,
      title: text,
      relativePath: index % 2 === 0 ? text : `folder ${text}/${text}.txt`,
      meta: { ...EMPTY_META, outlet: index % 3 === 0 ? text : null, date: index % 5 === 0 ? text : null }
    })
  )
  const annotations: Annotation[] = HOSTILE.map((text, index) =>
    makeAnnotation({ id: `a${index}`, sourceId: `s${index}`, exact: text, start: index * 10, contentHash: HASH, comment: text, tags: [text, `tag ${index}`] })
  )
  const extra: Record<number, string[]> = { 0: ['gone', 'a1'], 1: ['a2'] }
  const claims = HOSTILE.map((text, index) => claim(`c${index}`, text, [`a${index}`, ...(extra[index] ?? [])], index === 0 ? ['a1'] : []))
  return {
    projectName: 'Korea\n# Forged <b>project</b> [^1]',
    exportedAt: new Date('2026-01-16T10:00:00Z'),
    claims,
    annotations,
    sources,
    roots,
    support: {
      c1: { status: 'disputed', independentGroups: [['s1', 's2']], contradictingSources: [], sameOrigin: [{ copy: 's2', original: 's1', containment: 0.9 }], lostLinks: [] }
    }
  }
}

/** The Markdown-special characters, `^` (inline footnotes), a few control and Unicode spaces, and letters. */
const ALPHABET = [...'#>*_-=+~`[]()<>!&|\\:$%0123456789. \n\t^\r\u0000\u0085\u2028\u00a0\u3000\u202eabcxyzQ']

function randomMarkdownish(random: () => number): string {
  const length = 1 + Math.floor(random() * 30)
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a').join('')
}

function singleFieldSnapshot(text: string): NotesSnapshot {
  return {
    projectName: text,
    exportedAt: new Date('2026-01-16T10:00:00Z'),
    claims: [claim('c', text, ['a', 'b'], ['b'])],
    annotations: [
      makeAnnotation({ id: 'a', sourceId: 's', exact: text, start: 5, contentHash: HASH, comment: text, tags: collapse(text) === '' ? [] : [text, 'x'] }),
      makeAnnotation({ id: 'b', sourceId: 's', exact: `${text}\n${text}`, start: 50, contentHash: HASH })
    ],
    sources: [makeSource({ id: 's', rootId: 'r', title: text, relativePath: text, meta: { ...EMPTY_META, outlet: text } })],
    roots: [{ id: 'r', path: '/data', name: text, importedAt: '', complete: true }]
  }
}

describe('notes-markdown', () => {
  it('renders hostile names, folders, tags, comments, claims and quotes as exactly their text', () => {
    expectLiteralExport(hostileSnapshot())
  })

  it('shows control characters in a file name visibly instead of starting a new line', () => {
    const snapshot = hostileSnapshot()
    const markdown = renderNotesMarkdown(snapshot)
    expect(markdown).toContain('`folder report␊## Claim 99/report␊## Claim 99.txt`')
    expect(markdown).toContain('``a` <img src=x onerror=alert(1)> `.txt``')
    expect(markdown).toContain('`` `` `x` `` ``')
    expect(markdown).not.toMatch(/^## Claim 99/m)
    expect(markdown).not.toMatch(/^[ \t>]*\[\^9\]: forged/m)
    expect(markdown).toContain('<U+202E>txt.exe')
  })

  it('names the linked highlights in the support line without letting their titles format it', () => {
    const { tokens } = render(renderNotesMarkdown(hostileSnapshot()))
    const support = blocksOf(tokens).find((block) => block.text.startsWith('Disputed.'))
    expect(support?.text).toBe(`Disputed. Backed by 2 sources (1 independent; counted as one: ${shownInline(HOSTILE[2] ?? '')} repeats ${shownInline(HOSTILE[1] ?? '')}).`)
  })

  it('keeps ordinary prose readable in the Markdown source when nothing in it is special', () => {
    const prose = 'Lee Sok-bae, the envoy, said it’s 2019. He “hoped” so (maybe); 3 of 4 agreed: yes?'
    const markdown = renderNotesMarkdown(singleFieldSnapshot(prose))
    expect(markdown).toContain(`${prose}[^1][^2]`)
    expect(markdown).toContain(`    > ${prose}\n    > ${prose}`)
    expect(markdown).toContain(`Tags: ${prose}, x`)
  })

  it('writes entities, backslashes and pipes so they render literally', () => {
    const markdown = renderNotesMarkdown(singleFieldSnapshot('&amp; a\\ b | c'))
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
        throw new Error(`notes-markdown: string ${run} ${JSON.stringify(text)} did not round-trip`, { cause: error })
      }
    }
  })
})
