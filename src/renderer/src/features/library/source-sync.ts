// Keeps the window's source list in step with the engine: a first page at once, the rest in
// the background, then only what changed since the revision held. Calls go through one
// queue, answers applied in the order asked; a refresh or a fetch by id goes before the
// next background page, so a window with 100,000 sources answers while they arrive.
import type { Source } from '../../../../shared/domain/source'
import type { ApiInput, SourceList } from '../../../../shared/ipc/contract'
import { SourceReplica } from './source-replica'

/** Sources in the first answer after a start: enough to fill the library at once. */
export const FIRST_PAGE = 2_000
/** Sources per background page and per answer to a refresh (the contract's most). */
export const PAGE = 10_000
/** Full reloads tried when a load ends with sources missing (removals moved the pages under it). */
const ATTEMPTS = 3

/** How far a load of the whole list has come. */
export interface LibraryLoad {
  loaded: number
  total: number
}

export interface SourceSyncHost {
  list(input: ApiInput<'listSources'>): Promise<SourceList>
  /** The list the window shows now: when it is not the last one handed out, the next pull reloads. */
  shown(): readonly Source[]
  /** A background step changed the list (`sources`) or only how far the load has come. */
  show(change: { sources: boolean }): void
  /** A background page could not be read: said once, the rest waits for the next refresh. */
  failed(error: unknown): void
}

type Task = () => Promise<void>

export class SourceSync {
  readonly replica = new SourceReplica()
  #revision: string | null = null
  /** Bumped by every restart: the pages of an older load stop. */
  #generation = 0
  #loading = false
  #attempts = 0
  #handedOut: readonly Source[] | null = null
  #handedOutSize = 0
  readonly #urgent: Task[] = []
  readonly #background: Task[] = []
  #draining = false

  constructor(private readonly host: SourceSyncHost) {}

  /** While the whole list is loading: how far it has come; null once it is all here. */
  get load(): LibraryLoad | null {
    return this.#loading ? { loaded: this.replica.size, total: Math.max(this.replica.total, this.replica.size) } : null
  }

  /** The list to show, noted as handed out (the same array until it changes). */
  sources(): Source[] {
    const sources = this.replica.view()
    this.#handedOut = sources
    this.#handedOutSize = sources.length
    return sources
  }

  /**
   * Brings the list up to date: what changed since the revision held, or — the first time,
   * after a bulk change, in another project — the first page of the whole list, then the
   * sources `wanted` names (the panes', the highlights') before any background page.
   */
  pull(wanted: () => Promise<Iterable<string>>): Promise<{ restarted: boolean; wanted: Promise<void> }> {
    return this.#enqueue(async () => {
      const held = this.host.shown() === this.#handedOut ? this.#revision : null
      const reply = await this.host.list(held === null ? { limit: FIRST_PAGE } : { since: held, limit: PAGE })
      if (held !== null && reply.reset !== true) {
        this.replica.patch(reply, this.#loading)
        this.#revision = reply.revision
        return { restarted: false, wanted: Promise.resolve() }
      }
      this.#attempts = 0
      this.#restart(reply)
      // Next in the queue, but not awaited here: the first page is shown at once, while the
      // engine may still be opening the library and can name these sources only once it is open.
      const fetched = this.#enqueue(async () => {
        const ids = await wanted().catch(() => [])
        if (this.#loading) await this.#fetchById(ids)
      })
      return { restarted: true, wanted: fetched }
    })
  }

  /** A source the engine answered with (an edit, a star), if it is in the list shown. */
  replace(source: Source): Source[] | null {
    if (this.host.shown() !== this.#handedOut || this.replica.find(source.id) === undefined) return null
    this.replica.replace(source)
    return this.sources()
  }

  #restart(first: SourceList): void {
    const generation = ++this.#generation
    this.replica.restart(first)
    this.#revision = first.revision
    this.#loading = this.replica.size < first.total
    if (this.#loading) this.#nextPage(generation)
  }

  async #fetchById(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => this.replica.find(id) === undefined)
    for (let at = 0; at < missing.length; at += PAGE) this.replica.patch(await this.host.list({ ids: missing.slice(at, at + PAGE) }), true)
  }

  #nextPage(generation: number): void {
    this.#enqueue(() => this.#page(generation), true).catch((error: unknown) => {
      if (generation !== this.#generation) return
      this.#loading = false
      this.#revision = null
      this.host.show({ sources: true })
      this.host.failed(error)
    })
  }

  async #page(generation: number): Promise<void> {
    const since = this.#revision
    if (generation !== this.#generation || !this.#loading || since === null) return
    const page = await this.host.list({ offset: this.replica.pagedUpTo, limit: PAGE })
    this.replica.addPage(page)
    if (page.sources.length > 0 && this.replica.pagedUpTo < page.total) {
      // Handed to React when the list has doubled: sorting and filtering 100,000 sources then costs about twice one go.
      this.host.show({ sources: this.replica.size >= 2 * this.#handedOutSize })
      this.#nextPage(generation)
      return
    }
    // Every page is read: take in what changed meanwhile, then check that nothing was passed over.
    const changes = await this.host.list({ since, limit: PAGE })
    if (changes.reset === true) this.#restart(changes)
    else {
      this.replica.patch(changes, true)
      this.replica.settle()
      this.#revision = changes.revision
      // A source removed while the pages were read moves the later ones forward: one of them can be missed.
      if (this.replica.size !== changes.total && ++this.#attempts < ATTEMPTS) this.#restart(await this.host.list({ limit: PAGE }))
      else this.#loading = false
    }
    this.host.show({ sources: true })
  }

  #enqueue<T>(work: () => Promise<T>, background = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      ;(background ? this.#background : this.#urgent).push(() => work().then(resolve, reject))
      void this.#drain()
    })
  }

  async #drain(): Promise<void> {
    if (this.#draining) return
    this.#draining = true
    for (let task = this.#urgent.shift() ?? this.#background.shift(); task !== undefined; task = this.#urgent.shift() ?? this.#background.shift()) {
      await task()
    }
    this.#draining = false
  }
}
