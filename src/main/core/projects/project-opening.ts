// While the last project opens at start-up, the window's first requests are answered from
// what has been read: the project, its notes, and the first page of sources. A million
// sources take seconds to read, the first page is in the first parts: the window lists the
// library at once and the rest arrives as it does after any start (source-sync.ts). What
// cannot be answered from a part read waits for the open (see gateUntilOpen).
import type { Source } from '../../../shared/domain/source'
import type { ApiHandlers, ApiMethod, ApiOutputs, ApiParsedInput, SourceList } from '../../../shared/ipc/contract'
import type { ProjectInfo } from '../../../shared/domain/project'
import type { OpenProgress } from '../store/project-store'
import type { LibraryRead, NotesData } from '../store/storage'

/** What the open project itself answers: the request waits for the open. */
const WAIT = null

type Early = { [K in ApiMethod]?: (input: ApiParsedInput<K>) => Promise<ApiOutputs[K] | typeof WAIT> }

export class ProjectOpening implements OpenProgress {
  #notes: Readonly<NotesData> | null = null
  #read: LibraryRead | null = null
  #revision = ''
  #ended = false
  #wakers: Array<() => void> = []
  /** The sources read so far by id, brought up to date when a request names sources. */
  readonly #byId = new Map<string, Source>()

  #info: ProjectInfo | null = null
  #readText: ((contentHash: string) => Promise<string>) | null = null

  texts(read: (contentHash: string) => Promise<string>): void {
    this.#readText = read
  }

  /** The project being opened, once the list of projects is read. */
  project(info: ProjectInfo): void {
    this.#info = info
    this.#wake()
  }

  notes(notes: Readonly<NotesData>): void {
    this.#notes = notes
    this.#wake()
  }

  library(read: LibraryRead, revision: string): void {
    this.#read = read
    this.#revision = revision
    this.#wake()
  }

  /** The open has finished (or failed): whatever still waits here goes to the open project. */
  end(): void {
    this.#ended = true
    this.#wake()
  }

  /** Early answers of the requests a window makes first; null: ask the open project. */
  readonly early: Early = {
    getProject: async () => ((await this.#until(() => this.#info !== null)) ? this.#info : WAIT),
    // Undo history is the session's own: a project being opened has none yet.
    historyState: async () => ({ undo: null, redo: null, undoStep: null }),
    listAnnotations: async () => ((await this.#until(() => this.#notes !== null)) ? [...this.#notes!.annotations] : WAIT),
    listClaims: async () => ((await this.#until(() => this.#notes !== null)) ? [...this.#notes!.claims] : WAIT),
    listSavedSearches: async () => ((await this.#until(() => this.#notes !== null)) ? [...this.#notes!.savedSearches] : WAIT),
    listSources: (input) => this.#listSources(input),
    // A source clicked in the first page is read at once, not after the whole library.
    getSourceText: async ({ sourceId }) => {
      if (!(await this.#until(() => this.#readText !== null && this.#find(sourceId) !== undefined))) return WAIT
      const { contentHash } = this.#find(sourceId)!
      return { sourceId, contentHash, text: await this.#readText!(contentHash) }
    }
  }

  async #listSources(input: ApiParsedInput<'listSources'>): Promise<SourceList | null> {
    // The whole list, and changes since a revision, are the open library's to tell.
    if (input === undefined || input.since !== undefined) return WAIT
    if (input.ids !== undefined) {
      const ids = input.ids
      // Sources not read yet may still come, or be gone: only the open library can say which.
      if (!(await this.#until(() => ids.every((id) => this.#find(id) !== undefined)))) return WAIT
      return this.#reply(ids.map((id) => this.#find(id)!))
    }
    const from = input.offset ?? 0
    const to = input.limit === undefined ? Number.POSITIVE_INFINITY : from + input.limit
    const read = (): readonly Source[] => this.#read?.data.sources ?? []
    // A library that does not know its size (its manifest was rebuilt after damage) is listed once open.
    if (!(await this.#until(() => this.#read !== null && this.#read.total > 0 && read().length >= Math.min(to, this.#read.total)))) return WAIT
    return this.#reply(read().slice(from, to))
  }

  #reply(sources: Source[]): SourceList {
    const read = this.#read!
    return { roots: [...read.data.roots], unwatchedRootIds: [], total: read.total, revision: this.#revision, sources }
  }

  #find(id: string): Source | undefined {
    const sources = this.#read?.data.sources ?? []
    for (let at = this.#byId.size; at < sources.length; at++) this.#byId.set(sources[at]!.id, sources[at]!)
    return this.#byId.get(id)
  }

  /** Resolves true once `ready` holds, false if the open ends first. */
  async #until(ready: () => boolean): Promise<boolean> {
    while (!this.#ended) {
      if (ready()) return true
      await new Promise<void>((wake) => this.#wakers.push(wake))
    }
    return false
  }

  #wake(): void {
    const wakers = this.#wakers
    this.#wakers = []
    for (const wake of wakers) wake()
  }
}

/** Methods that never touch a project: they run at once, opening or not. */
const UNGATED = new Set<ApiMethod>(['getAppInfo', 'pickFolder', 'openExternalUrl', 'getOcrLanguages'])

/** Where the handlers find the project being opened (if any) and when it is open. */
export interface OpeningHost {
  readonly opening: ProjectOpening | null
  /** Resolves once start-up has opened its project (at once if it has, or never started). */
  opened(): Promise<void>
}

/**
 * Wraps a host's handlers so that a window can be shown while the project opens: the first
 * requests are answered from what has been read, every other one waits for the open.
 */
export function gateUntilOpen(host: OpeningHost, handlers: ApiHandlers): ApiHandlers {
  const gated: Partial<Record<ApiMethod, (input: never) => Promise<unknown>>> = {}
  for (const method of Object.keys(handlers) as ApiMethod[]) {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    if (UNGATED.has(method)) {
      gated[method] = handler
      continue
    }
    gated[method] = async (input: unknown) => {
      const early = host.opening?.early[method] as ((input: unknown) => Promise<unknown>) | undefined
      if (early !== undefined) {
        const answer = await early(input)
        if (answer !== WAIT) return answer
      }
      await host.opened()
      return handler(input)
    }
  }
  return gated as ApiHandlers
}
