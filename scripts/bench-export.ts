// The export part of `npm run bench`: 1,000 claims linking 5,000 passages across the loaded
// library (the reuters corpus), exported in every format through the same call the Export
// dialog makes; with the longest stall of the event loop while each export runs.
import { randomUUID } from 'node:crypto'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describeRange } from '../src/shared/text/anchor'
import { splitSentences } from '../src/shared/text/sentences'
import { EXPORT_FORMATS, type ExportFormat } from '../src/shared/domain/export'
import { discardExport, exportBytes } from '../src/main/core/export/export-service'
import type { Workbench } from '../src/main/core/workbench'

const CLAIMS = 1000
const PASSAGES_PER_CLAIM = 5

export interface ExportFigures {
  exportClaims: number
  exportPassages: number
  /** Seconds per format, and the longest event-loop stall (ms) while it ran. */
  exportSeconds: Record<ExportFormat, number>
  exportLongestStallMs: Record<ExportFormat, number>
  exportMegabytes: Record<ExportFormat, number>
}

/** Adds the claims and highlights straight to the notes (setting up is not what is measured). */
async function addClaims(workbench: Workbench): Promise<number> {
  const { store } = workbench.project
  const sources = store.library.data.sources.filter((source) => !source.missing)
  const now = new Date().toISOString()
  let passages = 0
  for (let claimIndex = 0; claimIndex < CLAIMS; claimIndex++) {
    const annotationIds: string[] = []
    for (let link = 0; link < PASSAGES_PER_CLAIM; link++) {
      const source = sources[(claimIndex * PASSAGES_PER_CLAIM + link) * 7 % sources.length]
      if (source === undefined) continue
      const text = await store.readText(source.contentHash)
      const sentence = splitSentences(text)[link % 3]
      if (sentence === undefined) continue
      const id = randomUUID()
      store.notes.data.annotations.push({
        id,
        target: { sourceId: source.id, contentHash: source.contentHash, selectors: describeRange(text, sentence.start, sentence.end) },
        anchor: { state: 'exact', previousQuote: null },
        color: 'yellow',
        comment: link === 0 ? `Checked against the wire copy, claim ${claimIndex}` : '',
        tags: link === 0 ? ['bench'] : [],
        createdAt: now,
        updatedAt: now
      })
      annotationIds.push(id)
      passages++
    }
    store.notes.data.claims.push({ id: randomUUID(), text: `Bench claim ${claimIndex}: what the wires reported`, annotationIds, contradicting: annotationIds.slice(4), createdAt: now, updatedAt: now })
  }
  await store.notes.write()
  return passages
}

export async function benchExport(workbench: Workbench): Promise<{ figures: ExportFigures; rows: Array<[string, string, string]> }> {
  const passages = await addClaims(workbench)
  // The first export waits for the quote ledger's first look at the library; that is timed elsewhere.
  await workbench.exportFile({ format: 'markdown', sources: 'cited', includeOriginals: false })
  const seconds = {} as Record<ExportFormat, number>
  const stalls = {} as Record<ExportFormat, number>
  const megabytes = {} as Record<ExportFormat, number>
  for (const format of EXPORT_FORMATS) {
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const start = performance.now()
    const file = await workbench.exportFile({ format, sources: 'cited', includeOriginals: false })
    seconds[format] = (performance.now() - start) / 1000
    delay.disable()
    stalls[format] = delay.max / 1e6
    megabytes[format] = exportBytes(file.data) / 1024 / 1024
    await discardExport(file.data)
  }
  const rows: Array<[string, string, string]> = EXPORT_FORMATS.map((format) => [
    `export ${CLAIMS} claims / ${passages} passages: ${format}`,
    `${seconds[format].toFixed(2)} s (${megabytes[format].toFixed(1)} MB; longest stall ${stalls[format].toFixed(0)} ms)`,
    format === 'bundle' ? 'whole library' : '≤ 2 s'
  ])
  return { figures: { exportClaims: CLAIMS, exportPassages: passages, exportSeconds: seconds, exportLongestStallMs: stalls, exportMegabytes: megabytes }, rows }
}
