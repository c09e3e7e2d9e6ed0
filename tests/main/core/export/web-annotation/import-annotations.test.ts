import { cp, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../../src/main/core/api-handlers'
import { takeSnapshot } from '../../../../../src/main/core/export/export-service'
import { importAnnotationFile } from '../../../../../src/main/core/export/web-annotation/import-annotations'
import { renderWebAnnotation } from '../../../../../src/main/core/export/web-annotation/render-web-annotation'
import { Workbench } from '../../../../../src/main/core/workbench'
import { REMOVED_SOURCE_IRI } from '../../../../../src/main/core/export/web-annotation/web-annotation-vocabulary'
import { ANNOTATION_FILE_CHARS, type AnnotationImportReport } from '../../../../../src/shared/domain/export'
import { EXPORT_DATE, SEED_FILES, SEEDS_DIR, seedsProjectWithClaims, seedsWorkbench } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const HYPOTHESIS_FILE = resolve(__dirname, '../../../../fixtures/annotations/hypothesis-search.json')
const TASS_URL = 'https://tass.com/politics/2090001'

/** A workbench whose first project imported `seedsDir` (the seeds, or an edited copy of them). */
async function workbenchOn(dataDir: string, seedsDir: string): Promise<{ workbench: Workbench; api: ReturnType<typeof createCoreHandlers> }> {
  const workbench = new Workbench({ dataDir, seedsDir, now: () => EXPORT_DATE, appVersion: '0.0.0-test' })
  await workbench.boot()
  return { workbench, api: createCoreHandlers(workbench) }
}

/** The highlights as the reader shows them: file, offsets, words, comment, tags and anchor status. */
function highlights(workbench: Workbench): Array<{ file: string; start: number; end: number; quote: string; comment: string; tags: string[]; anchor: string; previousQuote: string | null }> {
  const { store } = workbench.project
  return store.notes.data.annotations
    .map((annotation) => ({
      file: store.findSource(annotation.target.sourceId)?.relativePath ?? '?',
      start: annotation.target.selectors[1].start,
      end: annotation.target.selectors[1].end,
      quote: annotation.target.selectors[0].exact,
      comment: annotation.comment,
      tags: annotation.tags,
      anchor: annotation.anchor.state,
      previousQuote: annotation.anchor.previousQuote
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)
}

/** Each claim with its linked words and how each bears on it. */
function claims(workbench: Workbench): Array<{ text: string; links: string[] }> {
  const { notes } = workbench.project.store
  const quote = (id: string): string => notes.data.annotations.find((annotation) => annotation.id === id)?.target.selectors[0].exact ?? 'missing'
  return notes.data.claims.map((claim) => ({
    text: claim.text,
    links: claim.annotationIds.map((id) => `${claim.contradicting.includes(id) ? 'contradicts' : 'supports'}: ${quote(id)}`)
  }))
}

/** The seeds project's notes as a Web Annotation file. */
async function exportedNotes(dataDir: string): Promise<{ content: string; highlights: ReturnType<typeof highlights>; claims: ReturnType<typeof claims> }> {
  const source = await seedsProjectWithClaims(dataDir)
  try {
    return { content: renderWebAnnotation(await source.snapshot()), highlights: highlights(source.workbench), claims: claims(source.workbench) }
  } finally {
    await source.workbench.shutdown()
  }
}

describe('importAnnotationFile', () => {
  const tempDir = useTempDirs()

  it('puts exported notes back on the same words of the same sources in a fresh project, claims and stances included', async () => {
    const exported = await exportedNotes(await tempDir())
    const target = await seedsWorkbench(await tempDir())
    try {
      const report = await importAnnotationFile(target.workbench.project, { fileName: 'notes.jsonld', content: exported.content }, () => EXPORT_DATE)
      expect(report).toEqual({ format: 'web-annotation', total: 5, imported: 5, alreadyPresent: 0, reanchored: 0, claimsCreated: 2, links: 4, unmatched: [] })
      expect(highlights(target.workbench)).toEqual(exported.highlights)
      expect(highlights(target.workbench).every((highlight) => highlight.anchor === 'exact')).toBe(true)
      expect(claims(target.workbench)).toEqual(exported.claims)
      const snapshot = await target.snapshot()
      expect(snapshot.claims.map((claim) => claim.status)).toEqual(['corroborated', 'disputed'])

      // The same file again: nothing doubled, the claims reused.
      const again = await importAnnotationFile(target.workbench.project, { fileName: 'notes.jsonld', content: exported.content }, () => EXPORT_DATE)
      expect(again).toMatchObject({ imported: 0, alreadyPresent: 5, claimsCreated: 0, links: 0 })
      expect(highlights(target.workbench)).toHaveLength(5)
      expect(claims(target.workbench)).toEqual(exported.claims)
    } finally {
      await target.workbench.shutdown()
    }
  }, 60_000)

  it('re-anchors notes on a source edited since the export, and says they moved or were reworded', async () => {
    const exported = await exportedNotes(await tempDir())
    const seeds = await tempDir()
    await cp(SEEDS_DIR, seeds, { recursive: true })
    const anadolu = join(seeds, SEED_FILES.anadolu)
    await writeFile(anadolu, `Editor’s note: this story was updated on 17 January.\n\n${await readFile(anadolu, 'utf-8')}`)
    const joongang = join(seeds, SEED_FILES.joongang)
    await writeFile(joongang, (await readFile(joongang, 'utf-8')).replace('a desire to restore ties with South Korea', 'a desire to restore its ties with South Korea'))
    const { workbench } = await workbenchOn(await tempDir(), seeds)
    try {
      const report = await importAnnotationFile(workbench.project, { fileName: 'notes.jsonld', content: exported.content }, () => EXPORT_DATE)
      expect(report).toMatchObject({ total: 5, imported: 5, reanchored: 3, claimsCreated: 2, links: 4, unmatched: [] })

      const texts = new Map<string, string>()
      for (const file of [SEED_FILES.anadolu, SEED_FILES.joongang]) texts.set(file, await readFile(join(seeds, file), 'utf-8'))
      const shift = 'Editor’s note: this story was updated on 17 January.\n\n'.length
      const after = highlights(workbench)
      const before = exported.highlights
      for (const moved of after.filter((highlight) => highlight.file === SEED_FILES.anadolu)) {
        const was = before.find((highlight) => highlight.file === SEED_FILES.anadolu && highlight.quote === moved.quote)
        expect(moved.start).toBe((was?.start ?? NaN) + shift)
        expect(texts.get(SEED_FILES.anadolu)?.slice(moved.start, moved.end)).toBe(moved.quote)
        expect(moved).toMatchObject({ anchor: 'relocated', previousQuote: null })
      }
      const reworded = after.find((highlight) => highlight.file === SEED_FILES.joongang)
      expect(reworded).toMatchObject({ quote: 'restore its ties with South Korea', anchor: 'relocated', previousQuote: 'restore ties with South Korea' })
      expect(texts.get(SEED_FILES.joongang)?.slice(reworded?.start, reworded?.end)).toBe('restore its ties with South Korea')

      // The status the notes show and export: moved, and reworded with the old words.
      const passages = (await takeSnapshot(workbench.exportDeps())).claims.flatMap((claim) => claim.passages)
      expect(passages.map((passage) => [passage.quote, passage.anchor, passage.previousQuote])).toEqual([
        [expect.stringMatching(/^“Previously/), 'moved', null],
        ['restore its ties with South Korea', 'reworded', 'restore ties with South Korea'],
        ['much of the positive capital', 'moved', null],
        ['squandered', 'exact', null]
      ])
    } finally {
      await workbench.shutdown()
    }
  }, 60_000)

  it('imports a Hypothesis search result onto a seed by its address or title, and reports what it could not place', async () => {
    const fixture = await seedsWorkbench(await tempDir())
    try {
      await fixture.api.updateSource({ sourceId: fixture.source(SEED_FILES.tass).id, url: TASS_URL })
      const report = await importAnnotationFile(fixture.workbench.project, { path: HYPOTHESIS_FILE }, () => EXPORT_DATE)
      expect(report).toMatchObject({ format: 'hypothesis', total: 7, imported: 5, alreadyPresent: 0, reanchored: 0, claimsCreated: 0, links: 0 })
      expect(report.unmatched).toEqual([
        { index: 5, quote: 'Seoul has agreed to resume direct flights to Moscow', source: TASS_URL, reason: `text not found in “${fixture.source(SEED_FILES.tass).title}”` },
        { index: 6, quote: '', source: TASS_URL, reason: 'it is a reply to another annotation, not a highlight' }
      ])
      const tassText = (await fixture.workbench.project.library.sourceText(fixture.source(SEED_FILES.tass).id)).text
      const imported = highlights(fixture.workbench)
      for (const highlight of imported.filter((found) => found.file === SEED_FILES.tass)) expect(tassText.slice(highlight.start, highlight.end)).toBe(highlight.quote)
      expect(imported.map((highlight) => [highlight.file, highlight.quote, highlight.comment, highlight.tags, highlight.anchor])).toEqual([
        [SEED_FILES.anadolu, 'much of the positive capital', "Anadolu's paraphrase; compare with TASS.", ['anadolu'], 'exact'],
        [SEED_FILES.tass, 'maintain a friendly attitude towards each other', "The envoy's framing, not Moscow's official line.", ['tass', 'envoy'], 'exact'],
        [SEED_FILES.tass, 'We cannot advance cooperation when sanctions are imposed against us', '', ['sanctions'], 'exact'],
        [SEED_FILES.tass, 'has been largely squandered', 'TASS quotes only the end of the sentence.', [], 'exact'],
        [SEED_FILES.tass, 'direct air traffic between the countries is still absent', '', ['flights'], 'exact']
      ])
      const annotations = fixture.workbench.project.store.notes.data.annotations
      expect(annotations.every((annotation) => annotation.color === 'yellow')).toBe(true)
      expect(annotations.map((annotation) => annotation.createdAt)).toContain('2026-02-14T08:12:31.518Z')
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('refuses a file it cannot read at all, naming it, and changes nothing', async () => {
    const fixture = await seedsWorkbench(await tempDir())
    try {
      const project = fixture.workbench.project
      const attempt = (fileName: string, content: string): Promise<unknown> => importAnnotationFile(project, { fileName, content }, () => EXPORT_DATE)
      await expect(attempt('notes.json', 'not json {')).rejects.toThrow(/^export: “notes.json” is not JSON/)
      await expect(attempt('shape.json', '{"hello": "world"}')).rejects.toThrow('export: “shape.json” is not a Web Annotation or Hypothesis file')
      await expect(attempt('number.json', '42')).rejects.toThrow('export: “number.json” is not a Web Annotation or Hypothesis file')
      await expect(attempt('paged.json', JSON.stringify({ type: 'AnnotationCollection', first: 'https://example.org/page1' }))).rejects.toThrow(
        'export: “paged.json” holds only part of its annotation collection; the rest is at https://example.org/page1'
      )
      const many = JSON.stringify(Array.from({ length: 20_001 }, () => ({ type: 'Annotation', target: 'https://example.org/' })))
      await expect(attempt('many.json', many)).rejects.toThrow('export: “many.json” holds 20,001 annotations; at most 20,000 are imported from one file')

      const huge = join(await tempDir(), 'huge.json')
      await writeFile(huge, `[${' '.repeat(ANNOTATION_FILE_CHARS)}]`)
      await expect(importAnnotationFile(project, { path: huge }, () => EXPORT_DATE)).rejects.toThrow('export: “huge.json” is larger than Sourcebench reads (20 MB)')
      await expect(attempt('big.json', ' '.repeat(ANNOTATION_FILE_CHARS + 1))).rejects.toThrow('export: “big.json” is larger than Sourcebench reads (20 MB)')
      await expect(importAnnotationFile(project, { path: join(await tempDir(), 'gone.json') }, () => EXPORT_DATE)).rejects.toThrow('export: cannot read “gone.json” (ENOENT)')
      expect(project.store.notes.data.annotations).toEqual([])
      expect(project.store.notes.data.claims).toEqual([])
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('reports each bad entry by its index and imports the rest', async () => {
    const fixture = await seedsWorkbench(await tempDir())
    try {
      const title = fixture.source(SEED_FILES.anadolu).title
      const quote = (exact: string): Record<string, unknown> => ({ type: 'TextQuoteSelector', exact })
      const page = {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationPage',
        items: [
          {
            type: 'Annotation',
            bodyValue: 'Kept',
            'sourcebench:color': 'green',
            target: { source: 'https://example.org/aa', 'dc:title': title.toUpperCase(), selector: quote('Putin stated during the event') }
          },
          { type: 'Annotation', target: { source: 'https://example.org/aa', 'dc:title': title } },
          { type: 'Annotation', target: 'https://example.org/aa' },
          'not an annotation',
          { type: 'Annotation', target: { 'dc:title': title, selector: [quote('x'.repeat(20_001))] } },
          { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 't'.repeat(61) }, target: { 'dc:title': title, selector: [quote('Putin')] } },
          { type: 'Annotation', target: { 'dc:title': 'A title no source has', selector: [quote('Putin')] } },
          { type: 'Annotation', target: { source: REMOVED_SOURCE_IRI, selector: [quote('Putin')] } }
        ]
      }
      const report = await importAnnotationFile(fixture.workbench.project, { fileName: 'mixed.jsonld', content: JSON.stringify(page) }, () => EXPORT_DATE)
      expect(report).toMatchObject({ format: 'web-annotation', total: 8, imported: 1 })
      expect(report.unmatched.map((entry) => [entry.index, entry.reason])).toEqual([
        [1, 'it has no selectors: it is about a whole page, not words in it'],
        [2, 'it has no selectors: it is about a whole page, not words in it'],
        [3, expect.stringMatching(/^not a Web Annotation: /)],
        [4, 'TextQuoteSelector: exact: the quoted text is longer than 20,000 characters'],
        [5, `its tag “${'t'.repeat(40)}…” is longer than 60 characters`],
        [6, 'no source in this project has its title'],
        [7, 'its source had been taken out of the project it was exported from']
      ])
      expect(highlights(fixture.workbench)).toMatchObject([{ file: SEED_FILES.anadolu, quote: 'Putin stated during the event', comment: 'Kept', anchor: 'exact' }])
      expect(fixture.workbench.project.store.notes.data.annotations[0]?.color).toBe('green')
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('reads a single W3C annotation, a single Hypothesis annotation and a bare list of annotations', async () => {
    const fixture = await seedsWorkbench(await tempDir())
    try {
      const project = fixture.workbench.project
      const title = fixture.source(SEED_FILES.joongang).title
      const w3c = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: { 'dc:title': title, selector: { type: 'TextQuoteSelector', exact: 'locked in confrontation with the West' } } }
      const hypothesis = { uri: 'https://example.org/joongang', document: { title: [title] }, text: 'note', tags: ['west'], target: [{ source: 'https://example.org/joongang', selector: [{ type: 'TextQuoteSelector', exact: 'unfriendly country' }] }] }
      const list = [{ ...w3c, target: { ...w3c.target, selector: { type: 'TextQuoteSelector', exact: 'diplomatic reset with Seoul' } } }]
      const read = (fileName: string, value: unknown): Promise<AnnotationImportReport> => importAnnotationFile(project, { fileName, content: JSON.stringify(value) }, () => EXPORT_DATE)
      expect(await read('one.jsonld', w3c)).toMatchObject({ format: 'web-annotation', total: 1, imported: 1 })
      expect(await read('one.json', hypothesis)).toMatchObject({ format: 'hypothesis', total: 1, imported: 1 })
      expect(await read('list.json', list)).toMatchObject({ format: 'web-annotation', total: 1, imported: 1 })
      expect(highlights(fixture.workbench).map((highlight) => [highlight.quote, highlight.tags])).toEqual([
        ['diplomatic reset with Seoul', []],
        ['locked in confrontation with the West', []],
        ['unfriendly country', ['west']]
      ])
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)

  it('imports through the API as one step that undo takes back', async () => {
    const fixture = await seedsWorkbench(await tempDir())
    try {
      await fixture.api.updateSource({ sourceId: fixture.source(SEED_FILES.tass).id, url: TASS_URL })
      const content = await readFile(HYPOTHESIS_FILE, 'utf-8')
      const report = await fixture.api.importAnnotations({ fileName: 'hypothesis-search.json', content })
      expect(report).toMatchObject({ format: 'hypothesis', imported: 5, unmatched: [{ index: 5 }, { index: 6 }] })
      expect(await fixture.api.listAnnotations(undefined)).toHaveLength(5)
      expect(await fixture.api.historyState(undefined)).toMatchObject({ undo: 'Import annotations' })
      // The same file again changes nothing, so it is no step: Undo still takes back the import.
      expect(await fixture.api.importAnnotations({ fileName: 'hypothesis-search.json', content })).toMatchObject({ imported: 0, alreadyPresent: 5 })
      await fixture.api.undo(undefined)
      expect(await fixture.api.historyState(undefined)).toMatchObject({ undo: 'Edit source details', redo: 'Import annotations' })
      expect(await fixture.api.listAnnotations(undefined)).toEqual([])
      // The source's address, set before the import, is still there.
      expect(fixture.source(SEED_FILES.tass).meta.url).toBe(TASS_URL)
    } finally {
      await fixture.workbench.shutdown()
    }
  }, 60_000)
})
