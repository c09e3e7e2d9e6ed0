import { describe, expect, it } from 'vitest'
import { renderWebAnnotation } from '../../../../../src/main/core/export/web-annotation/render-web-annotation'
import type { ExportPassage, ExportSnapshot, ExportSource } from '../../../../../src/main/core/export/snapshot'
import { REMOVED_SOURCE_IRI } from '../../../../../src/main/core/export/web-annotation/web-annotation-vocabulary'
import { EXPORT_DATE, SEED_FILES, seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

type Json = Record<string, unknown>
const selectors = (annotation: Json): Json[] => (annotation['target'] as Json)['selector'] as Json[]
const ofType = (list: Json[], type: string): Json | undefined => list.find((item) => item['type'] === type)
const bodies = (annotation: Json): Json[] => (annotation['body'] as Json[] | undefined) ?? []

/** Every value in the document, so empty fields can be looked for anywhere. */
function values(value: unknown): unknown[] {
  if (Array.isArray(value)) return [value, ...value.flatMap(values)]
  if (typeof value === 'object' && value !== null) return [value, ...Object.values(value).flatMap(values)]
  return [value]
}

describe('renderWebAnnotation', () => {
  const tempDir = useTempDirs()

  it('writes every highlight of the seeds project with its quote, offsets, comment, tags and document', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    try {
      const snapshot = await fixture.snapshot()
      const file = JSON.parse(renderWebAnnotation(snapshot)) as Json
      expect(file['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', expect.objectContaining({ dc: 'http://purl.org/dc/elements/1.1/' })])
      expect(file).toMatchObject({ type: 'AnnotationCollection', label: 'Sample project: Putin and South Korea', total: 5, generated: EXPORT_DATE.toISOString() })
      expect(file['sourcebench:offsets']).toBe(snapshot.offsetsNote)
      const items = (file['first'] as Json)['items'] as Json[]
      const stored = fixture.workbench.project.store.notes.data.annotations
      expect(items).toHaveLength(stored.length)
      for (const annotation of stored) {
        const item = items.find((candidate) => candidate['id'] === `urn:sourcebench:annotation:${annotation.id}`)
        expect(item, annotation.target.selectors[0].exact).toBeDefined()
        if (item === undefined) continue
        const [quote, position] = annotation.target.selectors
        expect(ofType(selectors(item), 'TextQuoteSelector')?.['exact']).toBe(quote.exact)
        expect(ofType(selectors(item), 'TextPositionSelector')).toEqual({ type: 'TextPositionSelector', start: position.start, end: position.end })
        // The context around the words, exactly as the highlight's own selector holds it.
        expect(ofType(selectors(item), 'TextQuoteSelector')).toMatchObject({ prefix: quote.prefix, suffix: quote.suffix })
      }

      const anadolu = fixture.source(SEED_FILES.anadolu)
      const quote = items.find((item) => String(ofType(selectors(item), 'TextQuoteSelector')?.['exact']).startsWith('“Previously'))
      expect(quote?.['motivation']).toBe('commenting')
      expect(quote?.['target']).toMatchObject({
        source: 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567',
        'dc:title': anadolu.title,
        'dc:creator': 'Elena Teslova',
        'sourcebench:relativePath': SEED_FILES.anadolu,
        'sourcebench:folder': 'seeds'
      })
      expect(String(ofType(selectors(quote ?? {}), 'TextQuoteSelector')?.['exact'])).toMatch(/^“Previously[^“]*,”$/)
      expect(bodies(quote ?? {})).toEqual([
        { type: 'TextualBody', purpose: 'commenting', value: 'Anadolu prints the full quote', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
        { type: 'TextualBody', purpose: 'tagging', value: 'putin' }
      ])

      // A source with no web address is named by the file it was imported from.
      const tass = items.find((item) => ofType(selectors(item), 'TextQuoteSelector')?.['exact'] === 'squandered')
      expect(tass?.['motivation']).toBe('highlighting')
      expect(bodies(tass ?? {})).toEqual([])
      expect(String((tass?.['target'] as Json)['source'])).toMatch(new RegExp(`^file:///.*/${SEED_FILES.tass}$`))
      expect(tass?.['created']).toBe(EXPORT_DATE.toISOString())
      // The sentence it stands in, either side of the words.
      expect(tass?.['sourcebench:context']).toEqual({
        'sourcebench:before': expect.stringMatching(/the "positive capital" in relations between Moscow and Seoul "has been largely $/),
        'sourcebench:after': '."'
      })
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('writes each claim as a collection of links with its support status, the contradicting link marked', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    try {
      const file = JSON.parse(renderWebAnnotation(await fixture.snapshot())) as Json
      const items = (file['first'] as Json)['items'] as Json[]
      const quoteOf = (id: unknown): unknown => ofType(selectors(items.find((item) => item['id'] === id) ?? { target: { selector: [] } }), 'TextQuoteSelector')?.['exact']
      const claims = file['sourcebench:claims'] as Json[]
      expect(claims.map((claim) => [claim['label'], claim['sourcebench:claimNumber'], claim['sourcebench:supportStatus']])).toEqual([
        ['Putin said he hopes to restore relations with South Korea.', 1, 'corroborated'],
        ['Relations between Moscow and Seoul are intact.', 2, 'disputed']
      ])
      const links = (claim: Json): Array<[unknown, unknown, unknown]> =>
        ((claim['first'] as Json)['items'] as Json[]).map((link) => {
          expect(link).toMatchObject({ type: 'Annotation', motivation: 'linking', body: claim['id'] })
          return [quoteOf(link['target']), link['sourcebench:stance'], claim['type']]
        })
      expect(links(claims[0] ?? {})).toEqual([
        [expect.stringMatching(/^“Previously/), 'supports', 'AnnotationCollection'],
        ['restore ties with South Korea', 'supports', 'AnnotationCollection']
      ])
      expect(links(claims[1] ?? {})).toEqual([
        ['much of the positive capital', 'contradicts', 'AnnotationCollection'],
        ['squandered', 'supports', 'AnnotationCollection']
      ])
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('keeps hostile text as text, leaves empty fields out and names a removed source so nothing can match it', () => {
    const source: ExportSource = {
      id: 's1',
      title: 'Evil "title" </script>\u2028',
      outlet: null,
      author: null,
      date: null,
      calendarDate: null,
      url: 'javascript:alert(1)',
      format: 'text',
      language: null,
      folder: null,
      relativePath: 'a.txt',
      fileUri: null,
      tags: [],
      missing: false,
      contentHash: 'a'.repeat(64),
      pages: null,
      ocr: null
    }
    const passage = (overrides: Partial<ExportPassage>): ExportPassage => ({
      annotationId: 'a1',
      source,
      quote: '"quoted" \\ </script>',
      prefix: '',
      suffix: '',
      context: null,
      page: null,
      start: 3,
      end: 24,
      anchor: 'exact',
      previousQuote: null,
      contradicts: false,
      comment: '',
      tags: [],
      color: 'green',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      problem: null,
      ...overrides
    })
    const snapshot: ExportSnapshot = {
      projectName: 'P',
      exportedAt: EXPORT_DATE,
      claims: [],
      otherHighlights: [
        { source, sourceId: 's1', passages: [passage({})] },
        { source: null, sourceId: 'gone', passages: [passage({ annotationId: 'a2', source: null, anchor: 'not-found', problem: 'Its source was removed from the project.' })] }
      ],
      citedSources: [],
      librarySources: [source],
      offsetsNote: 'offsets'
    }
    const file = JSON.parse(renderWebAnnotation(snapshot)) as Json
    const [kept, removed] = (file['first'] as Json)['items'] as Json[]
    expect(ofType(selectors(kept ?? {}), 'TextQuoteSelector')?.['exact']).toBe('"quoted" \\ </script>')
    expect((kept?.['target'] as Json)['dc:title']).toBe('Evil "title" </script>\u2028')
    // Not a web address: the source is named by an id of its own, never by a script URL.
    expect((kept?.['target'] as Json)['source']).toMatch(/^urn:sourcebench:/)
    expect(kept?.['sourcebench:color']).toBe('green')
    expect((removed?.['target'] as Json)['source']).toBe(REMOVED_SOURCE_IRI)
    expect(removed).toMatchObject({ 'sourcebench:anchor': 'not-found', 'sourcebench:problem': 'Its source was removed from the project.' })
    expect(values(file).filter((value) => value === null || value === '')).toEqual([])
    expect(file['sourcebench:claims']).toBeUndefined()
  })
})
