// The export engine: one snapshot of the notes, rendered by the chosen format's renderer.
// The Export dialog's preview, the save/download hosts, the HTTP API and the command line
// all come through here, so every path writes the same file. A bundle is written to a
// temporary file, never held in memory; its preview describes it without writing it.
import { EXPORT_FORMAT_INFO, EXPORT_PREVIEW_CHARS, exportFileName, type ExportPreview, type ExportRequest, type ExportSummary } from '../../../shared/domain/export'
import type { ProjectEntry } from '../../../shared/domain/project'
import type { ClaimSupport } from '../../../shared/domain/support'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/project-store'
import { describeBundle } from './bundle/bundle-plan'
import { TempFile } from './bundle/temp-file'
import { writeBundle } from './bundle/write-bundle'
import { renderCsv } from './render-csv'
import { renderHtmlReport } from './html/render-html'
import { renderMarkdown } from './markdown/render-markdown'
import { renderWebAnnotation } from './web-annotation/render-web-annotation'
import { buildExportSnapshot, snapshotCounts, type ExportSnapshot } from './snapshot'
import { plural } from '../../../shared/text/counts'

export interface ExportFile {
  fileName: string
  mime: string
  /**
   * Text, bytes, or (bundles) a file in a private temporary folder that whoever receives
   * the export takes once: saveExport moves it, reading it through or discardExport removes it.
   */
  data: string | Uint8Array | TempFile
  summary: ExportSummary
  /** Binary formats: what is inside, one line each. */
  contents: string[]
}

export interface ExportDeps {
  entry: ProjectEntry
  store: ProjectStore
  now: Date
  appVersion: string
  /** Each claim's support as the claim cards show it. */
  support: () => Promise<Record<string, ClaimSupport>>
}

export async function takeSnapshot(deps: ExportDeps): Promise<ExportSnapshot> {
  const { store } = deps
  // Taken at once: an edit or an import while the texts are read must not mix two states in one file.
  const notes = structuredClone({ claims: store.notes.data.claims, annotations: store.notes.data.annotations })
  const sources = store.library.data.sources.map((source) => ({ ...source }))
  const roots = store.library.data.roots.map((root) => ({ ...root }))
  return buildExportSnapshot({
    projectName: deps.entry.name,
    exportedAt: deps.now,
    claims: notes.claims,
    annotations: notes.annotations,
    sources,
    roots,
    support: await deps.support(),
    readText: (hash) => store.readText(hash)
  })
}

async function render(snapshot: ExportSnapshot, request: ExportRequest): Promise<{ data: string | Uint8Array; sources: number }> {
  const citedSources = request.sources === 'all' ? snapshot.librarySources : snapshot.citedSources
  switch (request.format) {
    case 'markdown':
      return { data: renderMarkdown(snapshot), sources: snapshot.citedSources.length }
    case 'docx': {
      // Word and citation libraries load on first use: a quarter of a second of every start otherwise.
      const { renderDocx } = await import('./docx/render-docx')
      return { data: await renderDocx(snapshot), sources: snapshot.citedSources.length }
    }
    case 'html':
      return { data: renderHtmlReport(snapshot), sources: snapshot.citedSources.length }
    case 'csv':
      return { data: renderCsv(snapshot), sources: snapshot.citedSources.length }
    case 'web-annotation':
      return { data: renderWebAnnotation(snapshot), sources: snapshot.citedSources.length }
    case 'csl-json':
      return { data: (await import('./render-citations')).renderCslJson(citedSources), sources: citedSources.length }
    case 'bibtex':
      return { data: (await import('./render-citations')).renderBibtex(citedSources), sources: citedSources.length }
    case 'bundle':
      throw new Error('export: a bundle is written from the store, not from a snapshot')
  }
}

export async function renderExport(request: ExportRequest, deps: ExportDeps): Promise<ExportFile> {
  const fileName = exportFileName(deps.entry.name, request.format, deps.now)
  const { mime } = EXPORT_FORMAT_INFO[request.format]
  const snapshot = await takeSnapshot(deps)
  const counts = snapshotCounts(snapshot)
  if (request.format === 'bundle') {
    const input = { store: deps.store, entry: deps.entry, exportedAt: deps.now, appVersion: deps.appVersion, includeOriginals: request.includeOriginals }
    const { file, result } = await TempFile.write(fileName, (path) => writeBundle(input, path))
    return { fileName, mime, data: file, summary: { ...counts, sources: deps.store.library.data.sources.length }, contents: result.contents }
  }
  const { data, sources } = await render(snapshot, request)
  return { fileName, mime, data, summary: { ...counts, sources }, contents: request.format === 'docx' ? docxOutline(snapshot) : [] }
}


/** What the Word document holds, for the dialog's preview (a binary file shows no text). */
function docxOutline(snapshot: ExportSnapshot): string[] {
  const counts = snapshotCounts(snapshot)
  const others = snapshot.otherHighlights
  return [
    `Title: Notes: ${snapshot.projectName}`,
    ...snapshot.claims.slice(0, 50).map((claim) => `Claim ${claim.number} (${claim.statusLabel}, ${plural(claim.passages.length, 'footnote')}): ${claim.text.slice(0, 120)}`),
    ...(snapshot.claims.length > 50 ? [`… and ${plural(snapshot.claims.length - 50, 'more claim')}`] : []),
    `${plural(counts.passages, 'footnote')} in all, one per cited passage`,
    `Other highlights: ${plural(counts.otherHighlights, 'highlight')} from ${plural(others.length, 'source')}`,
    `Sources cited: ${plural(snapshot.citedSources.length, 'source')}`
  ]
}

/** The size of an export's file in bytes. */
export function exportBytes(data: ExportFile['data']): number {
  if (typeof data === 'string') return Buffer.byteLength(data, 'utf-8')
  return data instanceof TempFile ? data.bytes : data.byteLength
}

/** Puts an export's file at `path` atomically: a text or bytes written, a bundle's temporary file moved. */
export async function saveExport(data: ExportFile['data'], path: string): Promise<void> {
  if (data instanceof TempFile) await data.moveTo(path)
  else await writeFileAtomic(path, data)
}

/** Lets go of an export not (or no longer) wanted: a bundle's temporary file is removed. */
export async function discardExport(data: ExportFile['data']): Promise<void> {
  if (data instanceof TempFile) await data.remove()
}

/** The Export dialog's preview. A bundle is described from the library, never packed: a large library would take seconds and gigabytes. */
export async function previewExport(request: ExportRequest, deps: ExportDeps): Promise<ExportPreview> {
  if (request.format !== 'bundle') return previewOf(await renderExport(request, deps), request)
  const [snapshot, bundle] = await Promise.all([takeSnapshot(deps), describeBundle(deps.store, request.includeOriginals)])
  return {
    format: request.format,
    fileName: exportFileName(deps.entry.name, request.format, deps.now),
    mime: EXPORT_FORMAT_INFO[request.format].mime,
    bytes: bundle.bytes,
    summary: { ...snapshotCounts(snapshot), sources: deps.store.library.data.sources.length },
    text: null,
    truncated: false,
    contents: bundle.contents.slice(0, 200)
  }
}

/** The preview of an export already made (a text or bytes; a bundle's temporary file is left to the caller). */
export function previewOf(file: ExportFile, request: ExportRequest): ExportPreview {
  const bytes = exportBytes(file.data)
  const text = typeof file.data === 'string' ? file.data.replace(/^\uFEFF/, '') : null
  return {
    format: request.format,
    fileName: file.fileName,
    mime: file.mime,
    bytes,
    summary: file.summary,
    text: text === null ? null : text.slice(0, EXPORT_PREVIEW_CHARS),
    truncated: text !== null && text.length > EXPORT_PREVIEW_CHARS,
    contents: file.contents.slice(0, 200)
  }
}
