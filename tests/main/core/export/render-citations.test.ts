// Citations: the CSL-JSON read back with JSON.parse and the BibTeX read back with citation-js
// (as Zotero and pandoc would read them) must give each source's own details.
import { Cite, type CSL } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderBibtex, renderCslJson } from '../../../../src/main/core/export/render-citations'
import type { ExportSource } from '../../../../src/main/core/export/snapshot'
import { makeExportSource } from '../../../helpers/export-factories'
import { SEED_FILES, seedsProjectWithClaims } from '../../../helpers/export-fixture'
import { useTempDirs } from '../../../helpers/temp-dir'

const tempDir = useTempDirs()

const nameSchema = z.object({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() }).strict()
const cslSchema = z.array(
  z
    .object({
      id: z.string(),
      'citation-key': z.string(),
      type: z.enum(['article-newspaper', 'webpage', 'document', 'personal_communication']),
      title: z.string().optional(),
      author: z.array(nameSchema).optional(),
      'container-title': z.string().optional(),
      issued: z.union([z.object({ 'date-parts': z.array(z.array(z.number())) }).strict(), z.object({ literal: z.string() }).strict()]).optional(),
      URL: z.string().optional(),
      language: z.string().optional(),
      note: z.string().optional()
    })
    .strict()
)
type CslItem = z.infer<typeof cslSchema>[number]

function readCsl(json: string): CslItem[] {
  return cslSchema.parse(JSON.parse(json))
}

function readBibtex(bib: string): CSL[] {
  return new Cite(bib).data
}

/** A name as one string, whichever way it was stored: citation-js reads `{BBC News}` back as a family name. */
function nameText(name: { family?: string | undefined; given?: string | undefined; literal?: string | undefined }): string {
  return name.literal ?? [name.given, name.family].filter((part) => part !== undefined).join(' ')
}

function source(id: string, overrides: Partial<ExportSource> = {}): ExportSource {
  return makeExportSource({ id, title: `Title of ${id}`, ...overrides })
}

function authorsOf(author: string, outlet: string | null = null): CslItem['author'] {
  return readCsl(renderCslJson([source('s', { author, outlet })]))[0]?.author
}

describe('render-citations', () => {
  it('cites each source of the seeds project with the details the user edited, in order of first citation', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const snapshot = await fixture.snapshot()
    const items = readCsl(renderCslJson(snapshot.citedSources))

    expect(items.map((item) => item.note)).toEqual(snapshot.citedSources.map((cited) => `File: seeds/${cited.relativePath}`))
    expect(items.map((item) => item.note)).toEqual([
      `File: seeds/${SEED_FILES.anadolu}`,
      `File: seeds/${SEED_FILES.joongang}`,
      `File: seeds/${SEED_FILES.tass}`
    ])
    const [anadolu, joongang, tass] = items
    expect(anadolu).toMatchObject({
      id: 'teslova2026putin',
      'citation-key': 'teslova2026putin',
      type: 'article-newspaper',
      title: 'Putin has hope in restoring Russia’s ties with South Korea',
      author: [{ family: 'Teslova', given: 'Elena' }],
      'container-title': 'Anadolu Agency',
      issued: { 'date-parts': [[2026, 1, 16]] },
      URL: 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567'
    })
    expect(tass).toMatchObject({ id: 'tass2026seoul', type: 'article-newspaper', 'container-title': 'TASS', issued: { 'date-parts': [[2026, 2, 13]] } })
    expect(joongang?.title).toBe(snapshot.citedSources[1]?.title)
    for (const [index, cited] of snapshot.citedSources.entries()) {
      const item = items[index]
      expect(item?.title).toBe(cited.title)
      expect(item?.URL).toBe(cited.url ?? undefined)
      expect(item?.['container-title']).toBe(cited.outlet ?? undefined)
      expect(item?.type).toBe(cited.outlet !== null ? 'article-newspaper' : cited.url !== null ? 'webpage' : 'document')
      if (cited.calendarDate !== null) expect(item?.issued).toEqual({ 'date-parts': [cited.calendarDate.split('-').map(Number)] })
    }
    await fixture.workbench.shutdown()
  }, 60_000)

  it('writes BibTeX that citation-js reads back to the same keys, titles, URLs, dates and authors', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const snapshot = await fixture.snapshot()
    const csl = readCsl(renderCslJson(snapshot.librarySources))
    const bib = renderBibtex(snapshot.librarySources)
    const read = readBibtex(bib)

    expect(read.map((item) => item.id)).toEqual(csl.map((item) => item.id))
    for (const [index, item] of csl.entries()) {
      const back = read[index]
      expect(back?.title).toBe(item.title)
      expect(back?.URL).toBe(item.URL)
      expect(back?.note).toBe(item.note)
      expect(back?.['container-title']).toBe(item['container-title'])
      expect(back?.issued).toEqual(item.issued)
      expect(back?.author?.map(nameText)).toEqual(item.author?.map(nameText))
    }
    const anadolu = read.find((item) => item.id === 'teslova2026putin')
    expect(anadolu?.author).toEqual([{ family: 'Teslova', given: 'Elena' }])
    expect(anadolu?.URL).toBe('https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567')
    // The whole day, in the one field Zotero and biber read it from; never "month = {jan 16}".
    expect(bib).toContain('date = {2026-01-16}')
    expect(bib).not.toMatch(/^\s*month\s*=/m)
    await fixture.workbench.shutdown()
  }, 60_000)

  it('keeps hostile and unusual metadata as its own text in both formats', () => {
    const sources = [
      source('braces', {
        title: 'Putin {has} hope \\emph{x} @comment{ & 100% _under_ #1 $5 ~^ <i>not italic</i> -- ``q\'\' "dq" ,, !` }',
        author: 'Elena Teslova; 김정은; محمد بن سلمان',
        outlet: 'Anadolu }Agency',
        url: 'https://example.com/a_b%20c#frag?x={y}',
        calendarDate: '2026-01-16',
        date: '2026-01-16'
      }),
      source('escape', { title: 'x}, title = {pwned', author: 'Reuters Staff', relativePath: 'dir/file_1 {2}.pdf' }),
      source('lines', { title: 'First line\nsecond line\r\n\tthird 🙂 𝔘nicode', author: 'Jürgen Müller' }),
      source('empty', { title: '', author: null, outlet: null })
    ]
    const csl = readCsl(renderCslJson(sources))
    const bib = renderBibtex(sources)
    const read = readBibtex(bib)

    expect(csl[0]?.title).toBe(sources[0]?.title)
    expect(csl[0]?.author).toEqual([{ family: 'Teslova', given: 'Elena' }, { literal: '김정은' }, { literal: 'محمد بن سلمان' }])
    expect(csl[2]?.title).toBe('First line second line third 🙂 𝔘nicode')
    expect(csl[3]?.title).toBeUndefined()

    expect(read).toHaveLength(sources.length)
    for (const [index, item] of csl.entries()) {
      const back = read[index]
      expect(back?.id).toBe(item.id)
      expect(back?.title).toBe(item.title)
      expect(back?.['container-title']).toBe(item['container-title'])
      expect(back?.note).toBe(item.note)
      expect(back?.author?.map(nameText)).toEqual(item.author?.map(nameText))
    }
    expect(read[1]).not.toHaveProperty('pwned')
    // Braces that would end the URL field are percent-encoded: the same address.
    expect(read[0]?.URL).toBe('https://example.com/a_b%20c#frag?x=%7By%7D')
    // Classic BibTeX counts every brace, escaped or not: the file must balance, while paired
    // braces stay \{ \} (which Zotero reads back) and a stray one becomes a command.
    expect(bib.split('{').length).toBe(bib.split('}').length)
    expect(bib).toContain('Putin \\{has\\} hope')
    expect(bib).toContain('Anadolu \\textbraceright{}Agency')
  })

  it('cites only web addresses as URLs: a javascript: or file: address from a document is left out', () => {
    const sources = ['javascript:alert(1)', 'file:///etc/passwd', 'https://example.org/story'].map((url, index) => makeExportSource({ id: `s${index}`, title: `Story ${index}`, url }))
    const items = JSON.parse(renderCslJson(sources)) as Array<{ URL?: string }>
    expect(items.map((item) => item.URL)).toEqual([undefined, undefined, 'https://example.org/story'])
    const bibtex = renderBibtex(sources)
    expect(bibtex).not.toMatch(/javascript:|file:/)
    expect(bibtex).toContain('https://example.org/story')
  })

  it('splits a byline into given and family names only where that is safe', () => {
    expect(authorsOf('Elena Teslova')).toEqual([{ family: 'Teslova', given: 'Elena' }])
    expect(authorsOf('By Elena Teslova')).toEqual([{ family: 'Teslova', given: 'Elena' }])
    expect(authorsOf('Teslova, Elena')).toEqual([{ family: 'Teslova', given: 'Elena' }])
    expect(authorsOf('Lee Sok-bae')).toEqual([{ family: 'Lee', given: 'Sok-bae' }])
    expect(authorsOf('Elena Teslova and John Smith')).toEqual([{ family: 'Teslova', given: 'Elena' }, { family: 'Smith', given: 'John' }])
    expect(authorsOf('Elena Teslova, John Smith, and Reuters Staff')).toEqual([
      { family: 'Teslova', given: 'Elena' },
      { family: 'Smith', given: 'John' },
      { literal: 'Reuters Staff' }
    ])
    for (const organisation of ['BBC News', 'Reuters Staff', 'Anadolu Agency', 'Foreign Desk', 'AFP', 'TASS', 'Procter and Gamble']) {
      expect(authorsOf(organisation)).toEqual([{ literal: organisation }])
    }
    expect(authorsOf('Al Jazeera', 'Al Jazeera')).toEqual([{ literal: 'Al Jazeera' }])
    expect(authorsOf('Gabriel García Márquez')).toEqual([{ literal: 'Gabriel García Márquez' }])
    expect(authorsOf('김정은')).toEqual([{ literal: '김정은' }])
  })

  it('chooses the item type and date form that a citation manager files correctly', () => {
    const sources = [
      source('news', { outlet: 'TASS', url: 'https://tass.com/1', calendarDate: '2026-03', date: '2026-03' }),
      source('web', { url: 'https://example.org/page', calendarDate: '2026', date: '2026' }),
      source('report', { format: 'pdf', relativePath: 'reports/brief.pdf', date: 'Spring 2026' }),
      source('mail', { format: 'email', relativePath: 'mail/178451', author: 'Ann Lee', calendarDate: '1993-04-05', date: '1993-04-05' })
    ]
    const csl = readCsl(renderCslJson(sources))
    expect(csl.map((item) => item.type)).toEqual(['article-newspaper', 'webpage', 'document', 'personal_communication'])
    expect(csl.map((item) => item.issued)).toEqual([{ 'date-parts': [[2026, 3]] }, { 'date-parts': [[2026]] }, { literal: 'Spring 2026' }, { 'date-parts': [[1993, 4, 5]] }])
    expect(csl[2]?.note).toBe('File: folder/reports/brief.pdf')

    const bib = renderBibtex(sources)
    expect(bib).toMatch(/@article\{tass2026title,[^@]*entrysubtype = \{newspaper\}/)
    expect(bib).toContain('@online{2026title,')
    expect(bib).toContain('@misc{title,')
    expect(readBibtex(bib).map((item) => item.issued)).toEqual(csl.map((item) => item.issued))
  })

  it('gives readable ASCII keys that are unique and the same on every export', () => {
    const sources = [
      source('a', { author: 'Elena Teslova', title: 'Putin has hope', calendarDate: '2026-01-16', date: '2026-01-16' }),
      source('b', { author: 'Elena Teslova', title: 'Putin again', calendarDate: '2026-02-01', date: '2026-02-01' }),
      source('c', { author: 'Elena Teslova', title: 'The Putin interview', calendarDate: '2026-03-01', date: '2026-03-01' }),
      source('d', { author: 'Jürgen Müller', title: 'Über alles', calendarDate: '2025-05-05', date: '2025-05-05' }),
      source('e', { author: '김정은', outlet: '연합뉴스', title: '한국어 제목' }),
      source('f', { author: '김정은', outlet: 'Yonhap', title: '한국어 제목 2026' })
    ]
    const ids = readCsl(renderCslJson(sources)).map((item) => item.id)
    expect(ids).toEqual(['teslova2026putin', 'teslova2026putina', 'teslova2026putinb', 'muller2025uber', 'source', 'yonhap2026'])
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+$/)
    expect(renderCslJson(sources)).toBe(renderCslJson(sources))
    expect(readBibtex(renderBibtex(sources)).map((item) => item.id)).toEqual(ids)
  })

  it('writes an empty list and an empty .bib with a comment when there is nothing to cite', () => {
    expect(renderCslJson([]).trim()).toBe('[]')
    expect(readCsl(renderCslJson([]))).toEqual([])
    const bib = renderBibtex([])
    const lines = bib.split('\n').filter((line) => line !== '')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line.startsWith('%')).toBe(true)
    expect(bib).not.toContain('@')
  })
})
