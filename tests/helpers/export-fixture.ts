// The sample project as the export tests use it: the five seeds imported, one source's
// details edited by hand, a corroborated claim, a disputed claim and a highlight not
// linked to any claim. Built through the same API handlers the UI calls.
import { resolve } from 'node:path'
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { takeSnapshot, type ExportDeps } from '../../src/main/core/export/export-service'
import type { ExportSnapshot } from '../../src/main/core/export/snapshot'
import { Workbench } from '../../src/main/core/workbench'
import type { Annotation } from '../../src/shared/domain/annotation'
import type { Source } from '../../src/shared/domain/source'

export const SEEDS_DIR = resolve(__dirname, '../../seeds')
export const EXPORT_DATE = new Date('2026-01-20T09:30:00Z')

/** Seed file names by what they are. */
export const SEED_FILES = {
  summary: '000_9bdf7c19d74769ea.txt',
  anadolu: '002_33375fb4bd43eb33.txt',
  joongang: '003_0e0382247a50a32b.txt',
  tass: '004_939526269576f732.txt'
} as const

export interface ExportFixture {
  workbench: Workbench
  api: ReturnType<typeof createCoreHandlers>
  source: (file: string) => Source
  highlight: (file: string, phrase: string, extra?: { comment?: string; tags?: string[] }) => Promise<Annotation>
  exportDeps: () => ExportDeps
  snapshot: () => Promise<ExportSnapshot>
}

/** A workbench on a fresh data folder with the seeds imported (no claims yet). */
export async function seedsWorkbench(dataDir: string): Promise<ExportFixture> {
  const workbench = new Workbench({ dataDir, seedsDir: SEEDS_DIR, now: () => EXPORT_DATE, appVersion: '0.0.0-test' })
  await workbench.boot()
  const api = createCoreHandlers(workbench)
  const source = (file: string): Source => {
    const found = workbench.project.store.library.data.sources.find((candidate) => candidate.relativePath === file)
    if (found === undefined) throw new Error(`export fixture: no seed ${file}`)
    return found
  }
  const highlight = async (file: string, phrase: string, extra: { comment?: string; tags?: string[] } = {}): Promise<Annotation> => {
    const found = source(file)
    const { text } = await workbench.project.library.sourceText(found.id)
    const start = text.indexOf(phrase)
    if (start < 0) throw new Error(`export fixture: “${phrase}” is not in ${file}`)
    return api.createAnnotation({
      sourceId: found.id,
      contentHash: found.contentHash,
      start,
      end: start + phrase.length,
      color: 'yellow',
      comment: extra.comment ?? '',
      tags: extra.tags ?? []
    })
  }
  const exportDeps = (): ExportDeps => workbench.exportDeps()
  return { workbench, api, source, highlight, exportDeps, snapshot: () => takeSnapshot(exportDeps()) }
}

/**
 * The seeds with two claims: claim 1 corroborated by Anadolu and JoongAng (Anadolu's quote
 * carries its own quotation marks), claim 2 disputed (TASS contradicts it); one highlight
 * with a comment and tags is linked to no claim. Anadolu's URL and author were set by hand.
 */
export async function seedsProjectWithClaims(dataDir: string): Promise<ExportFixture & { claimIds: [string, string] }> {
  const fixture = await seedsWorkbench(dataDir)
  const { api, highlight, source } = fixture
  await api.updateSource({ sourceId: source(SEED_FILES.anadolu).id, url: 'https://www.aa.com.tr/en/asia-pacific/putin-has-hope/1234567', author: 'Elena Teslova' })
  const quote = await highlight(
    SEED_FILES.anadolu,
    '“Previously, we adhered to pragmatic approaches, and our countries achieved truly positive results in trade and business. We hope to restore relations with the Republic (of Korea),”',
    { comment: 'Anadolu prints the full quote', tags: ['quote', 'putin'] }
  )
  const joongang = await highlight(SEED_FILES.joongang, 'restore ties with South Korea')
  const squandered = await highlight(SEED_FILES.anadolu, 'much of the positive capital')
  const tass = await highlight(SEED_FILES.tass, 'squandered')
  await highlight(SEED_FILES.summary, 'Lee Sok-bae previously served in Moscow from 2019 to 2022', { comment: 'Check his first posting', tags: ['envoy'] })
  const first = await api.createClaim({ text: 'Putin said he hopes to restore relations with South Korea.' })
  await api.linkAnnotation({ claimId: first.id, annotationId: quote.id })
  await api.linkAnnotation({ claimId: first.id, annotationId: joongang.id })
  const second = await api.createClaim({ text: 'Relations between Moscow and Seoul are intact.' })
  await api.linkAnnotation({ claimId: second.id, annotationId: squandered.id })
  await api.linkAnnotation({ claimId: second.id, annotationId: tass.id })
  await api.setLinkStance({ claimId: second.id, annotationId: squandered.id, contradicts: true })
  return { ...fixture, claimIds: [first.id, second.id] }
}
