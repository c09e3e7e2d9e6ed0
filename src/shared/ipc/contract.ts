// The one source of truth for the API between the UI and the engine: a channel name and
// an input schema per operation, the output types, and the events. The Electron shell
// (IPC) and the browser-mode server (HTTP) both implement exactly this.
import { z } from 'zod'
import { highlightColorSchema, tagSchema, type Annotation } from '../domain/annotation'
import type { Claim } from '../domain/claim'
import type { NameGroup, NameGroups, QuoteGroup, QuoteLedger, SourceAlignment } from '../domain/corroboration'
import { exportRequestSchema } from '../domain/export-request'
import { ANNOTATION_FILE_CHARS, type AnnotationImportReport, type BundleOpenReport, type ExportPreview } from '../domain/export'
import type { EvidenceSuggestion } from '../domain/suggestions'
import type { ClaimSupport } from '../domain/support'
import type { HistoryState } from '../domain/history'
import type { OcrLanguages, OriginalDocument } from '../domain/original'
import type { ProjectInfo } from '../domain/project'
import type { HitRangesResponse, SearchResponse } from '../domain/search-results'
import type { SavedSearch } from '../domain/saved-search'
import type { ImportProgress, ImportReport, ImportRoot, Source, SourceText } from '../domain/source'
import { channels, type events } from './channels'
import type { Result } from './result'

export { API_GLOBAL, channels, events } from './channels'

const id = z.string().min(1).max(200)
/** The most sources one list-sources reply carries when a page (or ids) is asked for. */
export const LIST_SOURCES_MAX_PAGE = 10_000
const none = z.undefined()
/** A folder path typed or picked by the user; a NUL can never be part of a real path. */
const folderPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'a path cannot hold a NUL character')
/** An editable metadata field: text, or null (or empty) to clear it. */
const metaText = z
  .string()
  .max(2000)
  .nullable()
  .transform((value) => (value === null || value.trim() === '' ? null : value.trim()))

export const contract = {
  getAppInfo: { channel: channels.getAppInfo, input: none },
  getProject: { channel: channels.getProject, input: none },
  createProject: { channel: channels.createProject, input: z.object({ name: z.string().trim().min(1).max(120) }) },
  openProject: { channel: channels.openProject, input: z.object({ projectId: id }) },
  pickFolder: { channel: channels.pickFolder, input: none },
  importFolder: {
    channel: channels.importFolder,
    /** confirmLarge: the user agreed to import a folder larger than LARGE_IMPORT. */
    input: z.object({ path: folderPath, confirmLarge: z.boolean().default(false) })
  },
  cancelImport: { channel: channels.cancelImport, input: none },
  rescanFolders: { channel: channels.rescanFolders, input: none },
  updateSource: {
    channel: channels.updateSource,
    input: z.object({
      sourceId: id,
      title: z.string().trim().min(1).max(500).optional(),
      outlet: metaText.optional(),
      author: metaText.optional(),
      /** As typed ("16 Jan 2026", "2026-01"): the library stores it as ISO or refuses it (invalid-input). */
      date: metaText.optional(),
      url: metaText.optional()
    })
  },
  listSources: {
    channel: channels.listSources,
    /**
     * No input: the whole library (scripts, tests). offset/limit: one page, in library order.
     * since: the sources changed after a revision an earlier reply gave, or `reset` and the
     * first page when that cannot be told or more than `limit` changed. ids: those sources.
     */
    input: z
      .strictObject({
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.number().int().min(1).max(LIST_SOURCES_MAX_PAGE).optional(),
        since: z.string().min(1).max(200).optional(),
        ids: z.array(id).min(1).max(LIST_SOURCES_MAX_PAGE).optional()
      })
      .refine((input) => input.since === undefined || input.offset === undefined, {
        message: 'changes since a revision come in one reply: give since without offset',
        path: ['offset']
      })
      .refine((input) => input.ids === undefined || (input.since === undefined && input.offset === undefined && input.limit === undefined), {
        message: 'ids ask for those sources alone: give ids without since, offset or limit',
        path: ['ids']
      })
      .optional()
  },
  tagSource: {
    channel: channels.tagSource,
    /** tags replace the source's tags; starred sets or clears its star. */
    input: z
      .object({ sourceId: id, tags: z.array(tagSchema).max(50).optional(), starred: z.boolean().optional() })
      .refine((input) => input.tags !== undefined || input.starred !== undefined, 'give tags, starred or both')
  },
  removeFolder: { channel: channels.removeFolder, input: z.object({ rootId: id }) },
  search: {
    channel: channels.search,
    // Longer queries are refused by the parser with a message; this only bounds the request.
    input: z.object({
      query: z.string().max(20_000),
      limit: z.number().int().min(1).max(500).default(30),
      /** Results to skip: the page after the first `offset` results (0 for the first page). */
      offset: z.number().int().min(0).max(1_000_000).default(0),
      /** Also search the other spellings of confirmed name groups the query mentions. */
      nameVariants: z.boolean().default(false)
    })
  },
  searchHits: {
    channel: channels.searchHits,
    input: z.object({ query: z.string().max(20_000), sourceId: id, nameVariants: z.boolean().default(false) })
  },
  getSourceText: { channel: channels.getSourceText, input: z.object({ sourceId: id }) },
  readOriginal: { channel: channels.readOriginal, input: z.object({ sourceId: id }) },
  /** Only http(s) addresses; the page has shown the address to the user before asking. */
  openExternalUrl: {
    channel: channels.openExternalUrl,
    input: z.object({
      url: z
        .string()
        .max(8192)
        .refine((url) => /^https?:\/\//i.test(url) && URL.canParse(url), 'only http and https addresses open in the browser')
    })
  },
  getOcrLanguages: { channel: channels.getOcrLanguages, input: none },
  setOcrLanguages: {
    channel: channels.setOcrLanguages,
    input: z.object({
      /** A folder of .traineddata files, or null for none. */
      folder: folderPath.nullable(),
      chosen: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'a Tesseract language code such as eng or chi_sim')).min(1).max(12)
    })
  },
  saveSearch: {
    channel: channels.saveSearch,
    /** A search saved under a name already used (case aside) replaces it. */
    input: z.object({ name: z.string().trim().min(1).max(120), query: z.string().trim().min(1).max(20_000), nameVariants: z.boolean().default(false) })
  },
  deleteSavedSearch: { channel: channels.deleteSavedSearch, input: z.object({ id }) },
  listSavedSearches: { channel: channels.listSavedSearches, input: none },
  listAnnotations: { channel: channels.listAnnotations, input: none },
  createAnnotation: {
    channel: channels.createAnnotation,
    input: z.object({
      sourceId: id,
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      color: highlightColorSchema,
      comment: z.string().max(20_000).default(''),
      tags: z.array(tagSchema).max(50).default([])
    })
  },
  updateAnnotation: {
    channel: channels.updateAnnotation,
    input: z.object({
      id,
      color: highlightColorSchema.optional(),
      comment: z.string().max(20_000).optional(),
      tags: z.array(tagSchema).max(50).optional()
    })
  },
  deleteAnnotation: { channel: channels.deleteAnnotation, input: z.object({ id }) },
  reattachAnnotation: {
    channel: channels.reattachAnnotation,
    input: z.object({
      id,
      sourceId: id,
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive()
    })
  },
  listClaims: { channel: channels.listClaims, input: none },
  createClaim: { channel: channels.createClaim, input: z.object({ text: z.string().max(20_000) }) },
  updateClaim: { channel: channels.updateClaim, input: z.object({ id, text: z.string().max(20_000) }) },
  moveClaim: { channel: channels.moveClaim, input: z.object({ id, toIndex: z.number().int().nonnegative() }) },
  deleteClaim: { channel: channels.deleteClaim, input: z.object({ id }) },
  linkAnnotation: { channel: channels.linkAnnotation, input: z.object({ claimId: id, annotationId: id }) },
  unlinkAnnotation: { channel: channels.unlinkAnnotation, input: z.object({ claimId: id, annotationId: id }) },
  setLinkStance: { channel: channels.setLinkStance, input: z.object({ claimId: id, annotationId: id, contradicts: z.boolean() }) },
  claimSupport: { channel: channels.claimSupport, input: none },
  /** With sourceId: more passages of that one source (More from this source). */
  suggestEvidence: { channel: channels.suggestEvidence, input: z.object({ claimId: id, sourceId: id.optional() }) },
  exportNotes: { channel: channels.exportNotes, input: exportRequestSchema },
  previewExport: { channel: channels.previewExport, input: exportRequestSchema },
  importAnnotations: {
    channel: channels.importAnnotations,
    input: z.union([
      z.object({ path: folderPath }),
      z.object({ fileName: z.string().min(1).max(500), content: z.string().max(ANNOTATION_FILE_CHARS, 'the file is larger than Sourcebench reads (20 MB)') })
    ])
  },
  pickBundle: { channel: channels.pickBundle, input: none },
  openBundle: { channel: channels.openBundle, input: z.object({ path: folderPath }) },
  quoteLedger: {
    channel: channels.quoteLedger,
    input: z.object({
      filter: z.enum(['all', 'single-source', 'differs']).default('all'),
      query: z.string().max(500).default(''),
      minWords: z.number().int().min(1).max(50).default(3),
      limit: z.number().int().min(1).max(2000).default(300)
    })
  },
  nameGroups: {
    channel: channels.nameGroups,
    input: z.object({ query: z.string().max(300).default(''), limit: z.number().int().min(1).max(2000).default(500) })
  },
  /** One group whole (a page of the ledger or names sends cards with their first few sources only). */
  quoteGroup: { channel: channels.quoteGroup, input: z.object({ groupId: z.string().min(1).max(300) }) },
  nameGroup: { channel: channels.nameGroup, input: z.object({ groupId: z.string().min(1).max(300) }) },
  decideNames: {
    channel: channels.decideNames,
    input: z.object({
      kind: z.enum(['merge', 'split', 'confirm', 'distinct']),
      variants: z.array(z.string().min(1).max(300)).min(1).max(200)
    })
  },
  alignSources: {
    channel: channels.alignSources,
    input: z.object({
      sourceIds: z
        .array(id)
        .min(2, 'pick at least two sources')
        .max(4, 'at most four sources side by side')
        .refine((ids) => new Set(ids).size === ids.length, 'the same source was picked twice')
    })
  },
  historyState: { channel: channels.historyState, input: none },
  undo: { channel: channels.undo, input: none },
  redo: { channel: channels.redo, input: none }
} as const satisfies Record<string, { channel: string; input: z.ZodType }>

export type ApiMethod = keyof typeof contract
export type ApiInput<K extends ApiMethod> = z.input<(typeof contract)[K]['input']>
export type ApiParsedInput<K extends ApiMethod> = z.output<(typeof contract)[K]['input']>

export interface AppInfo {
  version: string
  mode: 'electron' | 'browser'
  /** Whether the host can show a native folder picker (Electron) or needs a typed path. */
  canPickFolder: boolean
}

export type ExportOutcome =
  | { kind: 'saved'; path: string; bytes: number }
  /** Browser mode: the file waits at `url` (same origin, one download, a few minutes) for the page to fetch. */
  | { kind: 'download'; fileName: string; url: string; bytes: number }
  | { kind: 'cancelled' }

/**
 * A list-sources reply. roots and unwatchedRootIds (folders too large to watch live, checked
 * by rescanFolders) always come whole; total counts the whole library; revision is what to
 * give as `since` next time. After `since` (and no reset): sources are the changed ones and
 * removedIds the ones gone. reset: the changes could not be told, this is the first page.
 */
export interface SourceList {
  roots: ImportRoot[]
  sources: Source[]
  unwatchedRootIds: string[]
  total: number
  revision: string
  removedIds?: string[]
  reset?: boolean
}

export interface ApiOutputs {
  getAppInfo: AppInfo
  getProject: ProjectInfo
  createProject: ProjectInfo
  openProject: ProjectInfo
  pickFolder: string | null
  importFolder: ImportReport
  cancelImport: { cancelled: boolean }
  rescanFolders: { folders: number; added: number; updated: number; missing: number; problems: string[] }
  updateSource: Source
  search: SearchResponse
  searchHits: HitRangesResponse
  listSources: SourceList
  tagSource: Source
  /** keptHighlights: highlights on the removed sources, kept and listed as orphans. */
  removeFolder: { removedSources: number; keptHighlights: number }
  saveSearch: SavedSearch
  deleteSavedSearch: null
  listSavedSearches: SavedSearch[]
  getSourceText: SourceText
  readOriginal: OriginalDocument
  /** opened: false where the host cannot open a browser itself (browser mode: the page opens it). */
  openExternalUrl: { opened: boolean }
  getOcrLanguages: OcrLanguages
  setOcrLanguages: OcrLanguages
  listAnnotations: Annotation[]
  createAnnotation: Annotation
  updateAnnotation: Annotation
  deleteAnnotation: { unlinkedFromClaims: number }
  reattachAnnotation: Annotation
  listClaims: Claim[]
  createClaim: Claim
  updateClaim: Claim
  moveClaim: Claim[]
  deleteClaim: null
  linkAnnotation: Claim
  unlinkAnnotation: Claim
  setLinkStance: Claim
  claimSupport: Record<string, ClaimSupport>
  suggestEvidence: EvidenceSuggestion[]
  exportNotes: ExportOutcome
  previewExport: ExportPreview
  importAnnotations: AnnotationImportReport
  /** The bundle file the user picked (Electron), or null where the page asks for a path (browser mode). */
  pickBundle: string | null
  /** The bundle opened as a new project, which is now the current one. */
  openBundle: { project: ProjectInfo; report: BundleOpenReport }
  quoteLedger: QuoteLedger
  nameGroups: NameGroups
  quoteGroup: QuoteGroup
  nameGroup: NameGroup
  decideNames: NameGroups
  alignSources: SourceAlignment
  historyState: HistoryState
  undo: { undone: string } & HistoryState
  redo: { redone: string } & HistoryState
}

export type MenuCommand = 'import-folder' | 'export-notes' | 'import-annotations' | 'open-bundle' | 'new-claim' | 'find' | 'undo' | 'redo' | 'shortcuts'

export interface EventPayloads {
  importProgress: ImportProgress
  libraryChanged: null
  /** Sources read so far by the first quote/name scan of a library (sent every 50 sources and at the end). */
  corroborationProgress: { done: number; total: number }
  /** What Undo and Redo would do now in the open project (after every change, undo and redo). */
  historyChanged: HistoryState
  menuCommand: MenuCommand
}

export type EventName = keyof typeof events
export type Unsubscribe = () => void

type ApiCall<K extends ApiMethod> = undefined extends ApiInput<K>
  ? (input?: ApiInput<K>) => Promise<Result<ApiOutputs[K]>>
  : (input: ApiInput<K>) => Promise<Result<ApiOutputs[K]>>

export type Api = { [K in ApiMethod]: ApiCall<K> } & {
  onImportProgress(callback: (progress: ImportProgress) => void): Unsubscribe
  onLibraryChanged(callback: () => void): Unsubscribe
  onCorroborationProgress(callback: (progress: { done: number; total: number }) => void): Unsubscribe
  onHistoryChanged(callback: (state: HistoryState) => void): Unsubscribe
  onMenuCommand(callback: (command: MenuCommand) => void): Unsubscribe
  /**
   * Where a file or folder dropped on the window is on disk (Electron's webUtils), or null
   * where the page cannot know it (browser mode: browsers never expose paths).
   */
  pathForDroppedFile(file: File): string | null
}

/** What a host (Electron shell or HTTP server) provides for every method, after validation. */
export type ApiHandlers = { [K in ApiMethod]: (input: ApiParsedInput<K>) => Promise<ApiOutputs[K]> }
