// The one step every import takes per file, whether a whole folder is walked or the
// watcher names the few files that changed: skip it when unchanged, else extract it,
// store its text, index it and add or update its source. Says which source it changed,
// so a save writes only that.
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { ImportReport, ImportRoot, Source } from '../../../shared/domain/source'
import { EMPTY_META } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { countWords } from '../../../shared/text/words'
import { sha256, sha256Bytes } from '../store/content-hash'
import type { ProjectStore } from '../store/project-store'
import type { ExtractedDocument } from './extract/types'
import type { ExtractCall, Extractor } from './extractor'
import type { ImportOptions } from './import-folder'
import { FailedFiles } from './failed-files'
import { overLimit, readFileCapped } from './read-file-capped'
import { indexedText, type TextReading } from './text-reading'
import { pickTitle, titleFromFileName } from './title'
import type { FoundFile } from './walk-folder'

export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16)}`
}

/** The id a file's source has: the same file in the same folder always gets the same one. */
export function sourceIdOf(rootId: string, relativePath: string): string {
  return stableId('src', rootId, relativePath)
}

/** Why a file was not imported, as the report says it. */
export function reasonOf(error: unknown): string {
  if (error instanceof UserError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOENT') return 'the file disappeared during import'
  if (code === 'EISDIR') return 'a folder, not a file'
  if (code === 'ELOOP') return 'the file became a symbolic link after the folder was listed: not read'
  return error instanceof Error ? error.message : String(error)
}

/** A source record from freshly extracted text, keeping whatever the user edited by hand, tagged or starred. */
function buildSource(
  base: Omit<Source, 'title' | 'format' | 'meta' | 'editedFields' | 'tags' | 'starred' | 'pageStarts' | 'words' | 'ocr'>,
  document: ExtractedDocument,
  existing: Source | undefined,
  reading: TextReading | undefined
): Source {
  const fileName = basename(base.relativePath)
  const extractedTitle = document.title ?? (reading === undefined ? pickTitle(document.text, document.format, fileName) : (reading.textTitle ?? titleFromFileName(fileName)))
  const edited = existing?.editedFields ?? []
  const meta = { ...EMPTY_META, ...document.meta }
  for (const field of edited) if (field !== 'title' && existing !== undefined) meta[field] = existing.meta[field]
  return {
    ...base,
    title: edited.includes('title') && existing !== undefined ? existing.title : extractedTitle,
    format: document.format,
    meta,
    editedFields: edited,
    tags: existing?.tags ?? [],
    starred: existing?.starred ?? false,
    pageStarts: document.pageStarts,
    words: reading?.words ?? countWords(document.text),
    ocr: document.ocr?.summary ?? null
  }
}

export interface FileImportContext {
  store: ProjectStore
  root: ImportRoot
  /** The folder's real path, which a file reached through a link must still be inside when read. */
  rootPath: string
  extractor: Extractor
  maxBytes: number
  nowIso: string
  report: ImportReport
  /** The languages scans are read in now: an unchanged scan read in others is read again. */
  ocrLanguages?: readonly string[] | undefined
  signal?: AbortSignal | undefined
  onText?: ImportOptions['onText']
  /** Set when the extracting threads index the texts themselves (Extractor.segments): the import's batch, and who takes its segments. */
  indexBatch?: string | undefined
  onSegment?: ImportOptions['onSegment']
  /** A scan being recognised says which page it is on. */
  onDetail?: ((relativePath: string, detail: string) => void) | undefined
  /** The source with this id, if any (a full import keeps its own map; a few paths ask the store). */
  find: (id: string) => Source | undefined
  /** Puts a new source in the library. */
  add: (source: Source) => void
}

/** Imports files of one folder, one at a time per caller; a failure is thrown for the caller to report. */
export class FileImporter {
  /** Sources whose text changed, so their annotations must be anchored again. */
  readonly changedSourceIds: string[] = []
  /** Sources added, edited or touched, counted for the caller's save schedule. */
  changes = 0
  readonly failed: FailedFiles

  constructor(private readonly context: FileImportContext) {
    this.failed = new FailedFiles(context.store, context.maxBytes)
  }

  #changed(id: string): void {
    this.context.store.markLibraryChanged({ sources: [id] })
    this.changes++
  }

  /** The file was touched but its bytes are the same: note the new time, extract nothing. */
  async #sameBytes(file: FoundFile, existing: Source): Promise<boolean> {
    if (existing.fileHash === null || existing.size !== file.size || !this.context.store.hasText(existing.contentHash)) return false
    return sha256Bytes(await readFileCapped(file.fsPath, this.context.maxBytes)) === existing.fileHash
  }

  /** Imports one listed file (`id`: its source's, see sourceIdOf); throws why it could not be read. */
  async importFile(file: FoundFile, id = sourceIdOf(this.context.root.id, file.relativePath)): Promise<void> {
    const { store, report, ocrLanguages } = this.context
    const existing = this.context.find(id)
    const readInOtherLanguages = existing?.ocr != null && ocrLanguages !== undefined && existing.ocr.languages.join('+') !== ocrLanguages.join('+')
    const unchangedOnDisk = existing !== undefined && !existing.missing && existing.size === file.size && existing.mtimeMs === file.mtimeMs && !readInOtherLanguages
    if (unchangedOnDisk && store.hasText(existing.contentHash)) {
      report.unchanged++
      return
    }
    if (file.size > this.context.maxBytes) throw overLimit(file.size, this.context.maxBytes)
    await this.failed.refuseIfKnown(id, file)
    if (existing !== undefined && !readInOtherLanguages && (await this.#sameBytes(file, existing))) {
      Object.assign(existing, { mtimeMs: file.mtimeMs, missing: false })
      this.#changed(id)
      report.unchanged++
      return
    }
    const extraction = await this.#extract(id, file)
    // A segment this text filled holds earlier files' texts too: handed on whatever becomes of this one.
    if (extraction.segment !== undefined) this.context.onSegment?.(extraction.segment)
    const { document, fileHash } = extraction
    for (const warning of document.warnings) report.warnings.push({ relativePath: file.relativePath, reason: warning })
    const contentHash = extraction.storedText ?? sha256(document.text)
    if (extraction.storedText !== undefined) store.adoptText(contentHash, extraction.textPlace)
    // The text on disk before the source that names it, so a saved source always has its text (a thread packed an omitted one).
    const storeText = async (): Promise<void> => {
      if (store.hasText(contentHash)) return
      if (extraction.textOmitted === true) throw new Error(`import: the text ${contentHash.slice(0, 12)}… was packed but not kept`)
      await store.writeText(contentHash, document.text)
    }
    if (existing !== undefined && existing.contentHash === contentHash && existing.format === document.format) {
      await storeText()
      // Read again in other languages to the same text: the languages it was read in are still news.
      Object.assign(existing, { size: file.size, mtimeMs: file.mtimeMs, fileHash, missing: false, ocr: document.ocr?.summary ?? existing.ocr })
      this.#changed(id)
      report.unchanged++
      return
    }
    await storeText()
    if (extraction.indexed !== true) this.context.onText?.(id, contentHash, indexedText(document), extraction.reading?.terms)
    const base = { id, rootId: this.context.root.id, relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs, contentHash, fileHash, importedAt: this.context.nowIso, missing: false }
    const source = buildSource(base, document, existing, extraction.reading)
    if (existing === undefined) {
      this.context.add(source)
      report.added++
    } else {
      const textChanged = existing.contentHash !== contentHash
      Object.assign(existing, source)
      if (textChanged) this.changedSourceIds.push(id)
      report.updated++
    }
    this.#changed(id)
  }

  async #extract(id: string, file: FoundFile): ReturnType<Extractor['extract']> {
    const call: ExtractCall = {
      onProgress: ({ detail }) => this.context.onDetail?.(file.relativePath, detail),
      signal: this.context.signal,
      // The extracting thread writes the text: file writes were a third of a bulk import's main-thread time.
      storeTextIn: this.context.store.textsFolder,
      // And reads it: its search terms, words and title cost the main thread nothing then.
      readText: true,
      // And, in a bulk import, indexes it: the main thread takes in whole segments.
      indexIn: this.context.indexBatch === undefined ? undefined : { batch: this.context.indexBatch, key: id }
    }
    try {
      // A file reached through a link has its real place checked again as it is read; any
      // other is opened without following links, so one swapped in since the walk is refused.
      const extraction = await this.context.extractor.extract(file.fsPath, file.formatName ?? basename(file.relativePath), file.throughLink === true ? this.context.rootPath : undefined, call)
      this.failed.forget(id)
      return extraction
    } catch (error: unknown) {
      this.failed.remember(id, this.context.root.id, file, error)
      throw error
    }
  }

  /** The source of a file that is gone is kept, marked missing (its highlights stay); true when that is news. */
  markMissing(source: Source): boolean {
    if (source.missing) return false
    source.missing = true
    this.context.report.missing++
    this.#changed(source.id)
    return true
  }
}
