import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'
import { DOMParser } from 'linkedom'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from '../../../../../src/main/core/export/docx/render-docx'
import { extractPdf } from '../../../../../src/main/core/library/extract/pdf'
import { OFFSETS_NOTE, type ExportClaim, type ExportPassage, type ExportSnapshot, type ExportSource } from '../../../../../src/main/core/export/snapshot'
import { makeExportPassage, makeExportSource } from '../../../../helpers/export-factories'
import { seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const ANADOLU_URL = 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567'
const ANADOLU_QUOTE =
  '“Previously, we adhered to pragmatic approaches, and our countries achieved truly positive results in trade and business. We hope to restore relations with the Republic (of Korea),”'
/** Word reads styles by name; this maps the export's own onto HTML so tests can see them. */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote:fresh", "p[style-name='Claim support'] => p.support:fresh"]
/** Characters XML 1.0 cannot hold: one of them and Word refuses the file. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

type Element = ReturnType<ReturnType<DOMParser['parseFromString']>['getElementsByTagName']>[number]

interface Unpacked {
  files: Record<string, string>
  xml: (name: string) => ReturnType<DOMParser['parseFromString']>
}

async function unpack(data: Uint8Array): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(data)
  const files: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name)
    if (file !== null) files[name] = await file.async('string')
  }
  return { files, xml: (name) => new DOMParser().parseFromString(files[name] ?? '', 'text/xml') }
}

/** The text of a Word element as a reader sees it: runs joined, tabs and breaks as characters. */
function wordText(element: Element): string {
  let text = ''
  for (const node of element.querySelectorAll('*')) {
    if (node.tagName === 'w:t') text += node.textContent ?? ''
    else if (node.tagName === 'w:tab') text += '\t'
    else if (node.tagName === 'w:br') text += '\n'
  }
  return text
}

/** Footnotes by id, the separators Word needs left out. */
function footnotes(unpacked: Unpacked): Map<string, string> {
  const notes = unpacked.xml('word/footnotes.xml').getElementsByTagName('w:footnote')
  return new Map(notes.filter((note) => note.getAttribute('w:type') === null).map((note) => [note.getAttribute('w:id') ?? '', wordText(note)]))
}

/** Every hyperlink in a part, with the address its relationship points to. */
function hyperlinks(unpacked: Unpacked, part: 'document' | 'footnotes'): Array<{ text: string; target: string | undefined }> {
  const rels = unpacked.xml(`word/_rels/${part}.xml.rels`).getElementsByTagName('Relationship')
  // linkedom hands attribute values back with their entities as written.
  const decode = (value: string): string => value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '')
  const targets = new Map(rels.map((rel) => [rel.getAttribute('Id'), decode(rel.getAttribute('Target') ?? '')]))
  return unpacked
    .xml(`word/${part}.xml`)
    .getElementsByTagName('w:hyperlink')
    .map((link) => ({ text: wordText(link), target: targets.get(link.getAttribute('r:id')) }))
}

interface StrictElement {
  getAttribute(name: string): string | null
  readonly textContent: string | null
  getElementsByTagName(name: string): ArrayLike<StrictElement>
}
type StrictXml = new (text: string, options: { contentType: 'application/xml' }) => { window: { document: { getElementsByTagName(name: string): ArrayLike<StrictElement> } } }
/** jsdom's XML parser, strict as Word is (linkedom forgives errors): it throws on a file that is not well-formed. jsdom ships no types. */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: StrictXml }
const strictXml = (unpacked: Unpacked, name: string): ((tag: string) => StrictElement[]) => {
  const document = new JSDOM(unpacked.files[name] ?? '', { contentType: 'application/xml' }).window.document
  return (tag) => Array.from(document.getElementsByTagName(tag))
}

const html = async (data: Uint8Array): Promise<string> => (await mammoth.convertToHtml({ buffer: Buffer.from(data) }, { styleMap: STYLE_MAP })).value
const rawText = async (data: Uint8Array): Promise<string> => (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value

function source(extra: Partial<ExportSource> = {}): ExportSource {
  return makeExportSource({ id: 's1', title: 'Annual report', format: 'pdf', folder: 'reports', relativePath: 'annual.pdf', ...extra })
}

function passage(extra: Partial<ExportPassage> = {}): ExportPassage {
  return makeExportPassage({
    annotationId: 'a1',
    source: source(),
    quote: 'a figure',
    context: { before: 'It gave ', after: ' for the year.', cutBefore: false, cutAfter: false },
    start: 10,
    end: 18,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra
  })
}

function claim(extra: Partial<ExportClaim> = {}): ExportClaim {
  return {
    number: 1,
    id: 'c1',
    text: 'The figure is right.',
    status: 'single',
    statusLabel: 'Single source',
    backingSources: 1,
    independentSources: 1,
    contradictingSources: [],
    countedAsOne: [],
    passages: [passage()],
    ...extra
  }
}

function snapshot(extra: Partial<ExportSnapshot> = {}): ExportSnapshot {
  const claims = extra.claims ?? [claim()]
  const cited = new Map(claims.flatMap((one) => one.passages.flatMap((found) => (found.source === null ? [] : [[found.source.id, found.source] as const]))))
  return {
    projectName: 'Budget story',
    exportedAt: new Date('2026-01-20T09:30:00Z'),
    claims,
    otherHighlights: [],
    citedSources: [...cited.values()],
    librarySources: [...cited.values()],
    offsetsNote: OFFSETS_NOTE,
    ...extra
  }
}

/** LibreOffice's command, when installed. */
const soffice = ['soffice', 'libreoffice'].find((command) => (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command))))

function convertToPdf(command: string, files: string[], outDir: string): Promise<{ code: number; output: string }> {
  const profile = pathToFileURL(join(outDir, 'lo-profile')).href
  return new Promise((resolve) => {
    execFile(command, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
      resolve({ code, output: `${stdout}${stderr}` })
    })
  })
}

describe('renderDocx', () => {
  const tempDir = useTempDirs()
  let seeds: { data: Uint8Array; snapshot: ExportSnapshot; unpacked: Unpacked }

  beforeAll(async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    try {
      const file = await fixture.workbench.exportFile({ format: 'docx', sources: 'cited', includeOriginals: false })
      if (!(file.data instanceof Uint8Array)) throw new Error('a Word file is bytes in memory')
      seeds = { data: file.data, snapshot: await fixture.snapshot(), unpacked: await unpack(file.data) }
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('gives every cited passage one Word footnote, referenced from its claim in order', () => {
    const document = seeds.unpacked.xml('word/document.xml')
    const references = document.getElementsByTagName('w:footnoteReference').map((reference) => reference.getAttribute('w:id'))
    const notes = footnotes(seeds.unpacked)
    expect(references).toEqual(['1', '2', '3', '4'])
    expect([...notes.keys()]).toEqual(references)
    expect(notes.size).toBe(seeds.snapshot.claims.flatMap((one) => one.passages).length)
    const claimParagraphs = document.getElementsByTagName('w:p').filter((paragraph) => paragraph.getElementsByTagName('w:footnoteReference').length > 0)
    expect(claimParagraphs.map(wordText)).toEqual(['Putin said he hopes to restore relations with South Korea.,', 'Relations between Moscow and Seoul are intact.,'])
  })

  it('writes the footnotes as well-formed XML, Word’s separators first, then one note for each reference in the body', () => {
    const body = strictXml(seeds.unpacked, 'word/document.xml')
    const notes = strictXml(seeds.unpacked, 'word/footnotes.xml')('w:footnote')
    const references = body('w:footnoteReference').map((reference) => reference.getAttribute('w:id'))
    expect(notes.map((note) => [note.getAttribute('w:type'), note.getAttribute('w:id')])).toEqual([
      ['separator', '-1'],
      ['continuationSeparator', '0'],
      ...references.map((id) => [null, id])
    ])
    expect(references).toEqual(['1', '2', '3', '4'])
    // Each note opens with its own number, as Word writes it.
    for (const note of notes.slice(2)) expect(note.getElementsByTagName('w:footnoteRef')).toHaveLength(1)
    const relationships = strictXml(seeds.unpacked, 'word/_rels/footnotes.xml.rels')('Relationship')
    const linked = strictXml(seeds.unpacked, 'word/footnotes.xml')('w:hyperlink').map((link) => link.getAttribute('r:id'))
    expect(linked).toHaveLength(2)
    for (const id of linked) expect(relationships.find((relationship) => relationship.getAttribute('Id') === id)?.getAttribute('Target')).toBe(ANADOLU_URL)
  })

  it('keeps hostile text and a hostile URL in a footnote as text, linking only to the address', async () => {
    const url = 'https://example.com/a?b=1&c="/><Relationship Id="rId9" Target="javascript:alert(1)"/>'
    const title = 'T</w:t></w:r></w:p></w:footnote><w:footnote w:id="99"><w:p><w:r><w:t>injected'
    const hostile = source({ title, outlet: `A & B <Media> "quoted" 'single'\u0001`, url })
    const data = await renderDocx(snapshot({ claims: [claim({ passages: [passage({ source: hostile, quote: 'a  spaced   quote ', comment: ']]> <!-- c --> &amp; {default-bullet-numbering-0}' })] })] }))
    const unpacked = await unpack(data)
    const notes = strictXml(unpacked, 'word/footnotes.xml')('w:footnote').filter((note) => note.getAttribute('w:type') === null)
    expect(notes.map((note) => note.getAttribute('w:id'))).toEqual(['1'])
    const text = notes[0]?.textContent ?? ''
    expect(text).toContain(`“a spaced quote” — ${title}, A & B <Media> "quoted" 'single', ${url}; file: annual.pdf`)
    expect(text).toContain('Comment: ]]> <!-- c --> &amp; {default-bullet-numbering-0}')
    const relationships = strictXml(unpacked, 'word/_rels/footnotes.xml.rels')('Relationship')
    expect(relationships.map((relationship) => [relationship.getAttribute('Target'), relationship.getAttribute('TargetMode')])).toEqual([[new URL(url).href, 'External']])
    // The quote's spaces are the source's: Word is told to keep them.
    const spaced = strictXml(unpacked, 'word/document.xml')('w:t').find((t) => t.textContent === 'a  spaced   quote ')
    expect(spaced?.getAttribute('xml:space')).toBe('preserve')
  })

  it('puts the verbatim quote, the source as edited by hand, the file and the anchor status in each footnote', () => {
    const notes = footnotes(seeds.unpacked)
    const anadolu = notes.get('1') ?? ''
    expect(anadolu.split(ANADOLU_QUOTE)).toHaveLength(2)
    expect(seeds.unpacked.files['word/footnotes.xml']).not.toContain('““')
    expect(seeds.unpacked.files['word/document.xml']).not.toContain('““')
    expect(anadolu).toContain('Putin has hope in restoring Russia’s ties with South Korea, Anadolu Agency, by Elena Teslova, 2026-01-16')
    expect(anadolu).toContain(ANADOLU_URL)
    expect(anadolu).toContain('file: 002_33375fb4bd43eb33.txt in folder “seeds”; characters ')
    expect(anadolu).toContain('anchor: exact.')
    expect(anadolu).toContain('Comment: Anadolu prints the full quote')
    expect(anadolu).toContain('Tags: quote, putin')
    expect(notes.get('2')).toContain('“restore ties with South Korea” — Moscow signals desire')
    expect(notes.get('3')).toMatch(/^ ?Contradicts the claim: “much of the positive capital”/)
    expect(notes.get('4')).not.toContain('Contradicts')
  })

  it('links each URL to exactly that address, in the body and in the footnotes', () => {
    const links = [...hyperlinks(seeds.unpacked, 'document'), ...hyperlinks(seeds.unpacked, 'footnotes')]
    for (const link of links) expect(link).toEqual({ text: ANADOLU_URL, target: ANADOLU_URL })
    // Anadolu's URL: in its entry under "Sources cited", and in the footnotes of its two passages.
    expect(hyperlinks(seeds.unpacked, 'document')).toHaveLength(1)
    expect(hyperlinks(seeds.unpacked, 'footnotes')).toHaveLength(2)
  })

  it('reads as a document: a heading per claim, its support, each quote in the Quote style and highlighted in its context', async () => {
    const page = await html(seeds.data)
    expect(page).toContain('<h1>Notes: Sample project: Putin and South Korea</h1>')
    expect(page.match(/<h2>[^<]*<\/h2>/g)).toEqual(['<h2>Claim 1</h2>', '<h2>Claim 2</h2>', '<h2>Other highlights</h2>', '<h2>Sources cited</h2>'])
    expect(page).toContain('<p class="support"><strong>Corroborated</strong> · 2 independent sources</p>')
    expect(page).toContain('<strong>Disputed</strong> · 1 independent source · contradicted by <em>Putin has hope in restoring Russia’s ties with South Korea</em>')
    const quotes = [...page.matchAll(/<blockquote>(.*?)<\/blockquote>/g)].map((match) => match[1])
    expect(quotes).toEqual([ANADOLU_QUOTE, 'restore ties with South Korea', 'much of the positive capital', 'squandered', 'Lee Sok-bae previously served in Moscow from 2019 to 2022'])
    const highlighted = seeds.unpacked
      .xml('word/document.xml')
      .getElementsByTagName('w:r')
      .filter((run) => run.getElementsByTagName('w:highlight').length > 0)
      .map(wordText)
    expect(highlighted).toEqual(quotes)
    expect(await rawText(seeds.data)).toContain('Context: Russian President Vladimir Putin expressed a desire to restore ties with South Korea during')
  })

  it('marks the passage that contradicts its claim, above its quote', async () => {
    const text = await rawText(seeds.data)
    expect(text).toMatch(/Contradicts the claim\n+much of the positive capital\n/)
    expect(text.match(/Contradicts the claim\n/g)).toHaveLength(1)
  })

  it('lists the highlights linked to no claim under their source, with comment and tags', async () => {
    const page = await html(seeds.data)
    const section = page.slice(page.indexOf('<h2>Other highlights</h2>'), page.indexOf('<h2>Sources cited</h2>'))
    expect(section).toMatch(/<h3>Moscow, January 16, 2026 – Russian President Vladimir Putin/)
    expect(section).toContain('000_9bdf7c19d74769ea.txt in folder “seeds”')
    expect(section).toContain('<strong>Comment: </strong>Check his first posting')
    expect(section).toContain('<strong>Tags: </strong>envoy')
  })

  it('ends with each cited source in full and what the offsets count', async () => {
    const page = await html(seeds.data)
    const section = page.slice(page.indexOf('<h2>Sources cited</h2>'), page.indexOf('<ol>'))
    expect(section.match(/<em>[^<]+<\/em>/g)).toEqual(seeds.snapshot.citedSources.map((cited) => `<em>${cited.title}</em>`))
    expect(section).toContain(`Anadolu Agency, by Elena Teslova, 2026-01-16, <a href="${ANADOLU_URL}">`)
    expect(section).toContain('File: 004_939526269576f732.txt in folder “seeds”')
    const paragraphs = seeds.unpacked.xml('word/document.xml').getElementsByTagName('w:p').map(wordText)
    expect(paragraphs.at(-1)).toBe(OFFSETS_NOTE)
  })

  it('names the document and Sourcebench in its properties', () => {
    const core = seeds.unpacked.xml('docProps/core.xml')
    expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe('Notes: Sample project: Putin and South Korea')
    expect(core.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Sourcebench')
  })

  it('says how a changed source moved, reworded or lost a passage, and which sources counted as one', async () => {
    const copy = source({ id: 'copy', title: 'Wire copy', format: 'text', relativePath: 'wire.txt' })
    const data = await renderDocx(
      snapshot({
        claims: [
          claim({
            status: 'single',
            backingSources: 2,
            independentSources: 1,
            countedAsOne: [{ copy, original: source(), share: 0.72 }],
            passages: [
              passage({ page: 3, anchor: 'moved' }),
              passage({ annotationId: 'a2', source: copy, anchor: 'reworded', previousQuote: 'an old figure' }),
              passage({ annotationId: 'a3', anchor: 'not-found', context: null, problem: 'The source has changed since.' }),
              passage({ annotationId: 'a4', source: null, anchor: 'not-found', context: null, problem: 'Its source was removed from the project.' })
            ]
          })
        ]
      })
    )
    const notes = footnotes(await unpack(data))
    expect(notes.get('1')).toContain('Annual report, p. 3; file: annual.pdf in folder “reports”; characters 10–18; anchor: moved. Moved: the same words')
    expect(notes.get('2')).toContain('anchor: reworded. Reworded in the source since it was highlighted; it read “an old figure”.')
    expect(notes.get('3')).toContain('anchor: not found. Not found: The source has changed since.')
    expect(notes.get('4')).toContain('“a figure” — source removed from the project; characters 10–18; anchor: not found.')
    const text = await rawText(data)
    expect(text).toContain('Single source · 1 independent source (2 sources back it) · counted as one: Wire copy repeats Annual report: 72 % of its wording')
    expect(text).toContain('4 cited passages · 2 sources cited · 0 other highlights · 2 not found in their source')
    expect(text).not.toMatch(/null|undefined/)
  })

  it('keeps the line breaks of a quote and links only web addresses', async () => {
    const odd = source({ id: 's2', title: 'Local copy', url: 'javascript:alert(1)' })
    const data = await renderDocx(
      snapshot({ claims: [claim({ passages: [passage({ quote: 'line one\nline\ttwo', context: null }), passage({ annotationId: 'a2', source: odd })] })] })
    )
    const page = await html(data)
    expect(page).toContain('<blockquote>line one<br />line\ttwo</blockquote>')
    const unpacked = await unpack(data)
    expect([...hyperlinks(unpacked, 'document'), ...hyperlinks(unpacked, 'footnotes')]).toEqual([])
    expect(footnotes(unpacked).get('2')).toContain('Local copy, javascript:alert(1); file:')
  })

  it('says so when there are no claims yet', async () => {
    const text = await rawText(await renderDocx(snapshot({ claims: [] })))
    expect(text).toContain('0 claims · 0 cited passages')
    expect(text).toContain('No claims yet.')
  })

  it('writes hostile text from documents and the disk as text, dropping only what XML cannot hold', async () => {
    const shape = (text: (hostile: string) => string, url: string): ExportSnapshot => {
      const cited = source({ title: text('Report </w:t></w:r><w:r><w:t>injected'), outlet: text('A & B <Media>'), folder: text('fold\u0007er'), relativePath: text('a]]>b.pdf'), url })
      return snapshot({
        projectName: text('P&L <w:t>\u001b'),
        claims: [
          claim({
            text: text('Claim <w:t>x</w:t> & <b>bold</b>\u0001'),
            passages: [
              passage({
                source: cited,
                quote: text('He said <w:p/> & left\u0000\u0008 \uFFFE\ud800 ]]> <!-- x -->'),
                context: { before: text('<w:br/> before '), after: text(' & after\u000b'), cutBefore: true, cutAfter: false },
                comment: text('</w:t></w:r></w:p><w:p><w:r><w:t>comment {default-bullet-numbering-0}'),
                tags: [text('<tag>'), text('a&b')]
              })
            ]
          })
        ]
      })
    }
    const data = await renderDocx(shape((hostile) => hostile, 'https://example.com/a?b=1&c="<x>"'))
    const plain = await unpack(await renderDocx(shape((hostile) => hostile.replace(/[^a-z {}]/gi, 'x'), 'https://example.com/')))
    const unpacked = await unpack(data)
    for (const [name, text] of Object.entries(unpacked.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(text, name).not.toMatch(NOT_XML)
    for (const part of ['word/document.xml', 'word/footnotes.xml']) {
      for (const tag of ['w:p', 'w:r', 'w:t', 'w:br', 'w:hyperlink']) expect(unpacked.xml(part).getElementsByTagName(tag).length, `${part} ${tag}`).toBe(plain.xml(part).getElementsByTagName(tag).length)
    }
    const text = await rawText(data)
    expect(text).toContain('Notes: P&L <w:t>\n')
    expect(text).toContain('Claim <w:t>x</w:t> & <b>bold</b>')
    expect(text).toContain('He said <w:p/> & left  ]]> <!-- x -->')
    expect(text).toContain('Context: … <w:br/> before He said <w:p/> & left ]]> <!-- x --> & after')
    expect(text).toContain('Comment: </w:t></w:r></w:p><w:p><w:r><w:t>comment {default-bullet-numbering-0}')
    expect(text).toContain('Tags: <tag>, a&b')
    const notes = footnotes(unpacked)
    expect(notes.get('1')).toContain('Report </w:t></w:r><w:r><w:t>injected, A & B <Media>, https://example.com/a?b=1&c="<x>"; file: a]]>b.pdf in folder “folder”')
    expect(hyperlinks(unpacked, 'footnotes').map((link) => link.target)).toEqual(['https://example.com/a?b=1&c=%22%3Cx%3E%22'])
    expect(unpacked.xml('docProps/core.xml').getElementsByTagName('dc:title')[0]?.textContent).toBe('Notes: P&L <w:t>')
  })

  it.skipIf(soffice === undefined)(
    soffice === undefined
      ? 'converts to PDF with LibreOffice — SKIPPED: soffice is not on PATH (apt-get install libreoffice-writer-nogui)'
      : 'converts to PDF with LibreOffice without errors, footnotes laid out on the page',
    async () => {
      const dir = await tempDir()
      const hostile = await renderDocx(snapshot({ projectName: 'P&L <w:t>\u001b', claims: [claim({ text: 'Claim <w:t>x</w:t> &\u0001', passages: [passage({ quote: 'a\u0000 <w:p/> & b\nc' })] })] }))
      await mkdir(join(dir, 'out'))
      await writeFile(join(dir, 'seeds.docx'), seeds.data)
      await writeFile(join(dir, 'hostile.docx'), hostile)
      const result = await convertToPdf(soffice ?? 'soffice', [join(dir, 'seeds.docx'), join(dir, 'hostile.docx')], join(dir, 'out'))
      expect(result, result.output).toMatchObject({ code: 0 })
      const pdfText = async (name: string): Promise<string> => {
        const pdf = join(dir, 'out', name)
        expect((await stat(pdf)).size, name).toBeGreaterThan(1000)
        const bytes = await readFile(pdf)
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
        return (await extractPdf(bytes)).text.replace(/\s+/g, ' ')
      }
      const seedsPdf = await pdfText('seeds.pdf')
      for (const words of ['Putin said he hopes to restore relations with South Korea.', 'Corroborated · 2 independent sources', 'Other highlights', 'Check his first posting']) {
        expect(seedsPdf).toContain(words)
      }
      // Only the footnotes carry the offsets: LibreOffice laid them out.
      expect(seedsPdf.match(/anchor: exact\./g)).toHaveLength(4)
      expect(await pdfText('hostile.pdf')).toContain('Claim <w:t>x</w:t> &')
    },
    150_000
  )
})
