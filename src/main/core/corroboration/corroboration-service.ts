// Corroboration for one project: the quote ledger, name groups and aligned comparison.
// What each source says is extracted once per text hash and kept, so when one source
// changes only that source is read again; grouping across sources is redone on demand.
import type {
  NameDecision,
  NameGroups,
  QuoteGroup,
  QuoteLedger,
  QuoteLedgerFilter,
  SourceAlignment
} from '../../../shared/domain/corroboration'
import type { Source } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import type { ProjectStore } from '../store/project-store'
import { alignSources } from './align/align-sentences'
import type { NameMention } from './names/extract-names'
import { groupNames } from './names/group-names'
import { expandNameVariants, type VariantExpansion } from './name-variant-query'
import { extractQuotes } from './quotes/extract-quotes'
import { groupQuotes, prepareQuote, type LedgerQuote } from './quotes/group-quotes'
import { matchesLedgerQuery } from './quotes/ledger-query'

interface SourceFindings {
  contentHash: string
  quotes: LedgerQuote[]
  names: NameMention[]
}

export interface LedgerRequest {
  filter: QuoteLedgerFilter
  /** Words the reference or any version must contain; empty = all. */
  query: string
  /** Quotes with fewer words (scare quotes like "unfriendly") are left out. */
  minWords: number
  limit: number
}

type NameFinder = (text: string) => NameMention[]
let nameFinder: Promise<NameFinder> | null = null

/** Name finding loads compromise's lexicon (~0.2 s): done when names are first needed, not at start-up. */
function loadNameFinder(): Promise<NameFinder> {
  nameFinder ??= import('./names/extract-names').then((module) => module.extractNames)
  return nameFinder
}

/** Sources read between pauses, so other requests are answered during a long first scan. */
const BATCH = 50

export class CorroborationService {
  readonly #findings = new Map<string, SourceFindings>()
  readonly #unreadable = new Map<string, string>()
  /** Grouping results, dropped whenever a source's findings change. */
  #quoteGroups: QuoteGroup[] | null = null
  #refreshing: Promise<void> | null = null
  /** Sources read and extracted since this service started, for the benchmark. */
  extractedSources = 0

  constructor(
    private readonly store: ProjectStore,
    private readonly readText: (contentHash: string) => Promise<string | null>,
    private readonly now: () => Date
  ) {}

  /** Brings every source's findings up to date with its current text. Concurrent calls share one pass. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null
    })
    return this.#refreshing
  }

  async #refresh(): Promise<void> {
    const sources = this.store.library.data.sources
    const live = new Set(sources.map((source) => source.id))
    let changed = 0
    for (const id of [...this.#findings.keys()]) {
      if (!live.has(id)) {
        this.#findings.delete(id)
        changed++
      }
    }
    let sinceBreak = 0
    const extractNames = sources.length > 0 ? await loadNameFinder() : null
    for (const source of sources) {
      if (this.#findings.get(source.id)?.contentHash === source.contentHash) continue
      if (++sinceBreak % BATCH === 0) await new Promise((resolve) => setImmediate(resolve))
      const text = await this.#text(source)
      if (text === null) continue
      this.#findings.set(source.id, this.#extract(source, text, extractNames!))
      this.extractedSources++
      changed++
    }
    if (changed > 0) this.#quoteGroups = null
  }

  async #text(source: Source): Promise<string | null> {
    try {
      const text = await this.readText(source.contentHash)
      if (text === null) throw new Error('its stored text is missing')
      this.#unreadable.delete(source.id)
      return text
    } catch (error: unknown) {
      this.#findings.delete(source.id)
      this.#unreadable.set(source.id, error instanceof Error ? error.message : String(error))
      return null
    }
  }

  #extract(source: Source, text: string, extractNames: NameFinder): SourceFindings {
    return {
      contentHash: source.contentHash,
      quotes: extractQuotes(text).map((quote) => prepareQuote(source, text, quote)),
      names: extractNames(text)
    }
  }

  #groups(): QuoteGroup[] {
    this.#quoteGroups ??= groupQuotes([...this.#findings.values()].flatMap((findings) => findings.quotes))
    return this.#quoteGroups
  }

  async ledger(request: LedgerRequest): Promise<QuoteLedger> {
    await this.refresh()
    const groups = this.#groups().filter(
      (group) =>
        group.words >= request.minWords &&
        (request.filter === 'all' ||
          (request.filter === 'single-source' && group.flags.singleSource) ||
          (request.filter === 'differs' && (group.flags.wordingDiffers || group.flags.speakerDiffers))) &&
        matchesLedgerQuery(group, request.query)
    )
    let quotations = 0
    for (const findings of this.#findings.values()) quotations += findings.quotes.length
    return {
      groups: groups.slice(0, request.limit),
      total: groups.length,
      quotations,
      sourcesScanned: this.#findings.size,
      unreadable: [...this.#unreadable].map(([sourceId, reason]) => ({ sourceId, reason }))
    }
  }

  #nameGroupsNow(): ReturnType<typeof groupNames> {
    const sources = [...this.#findings].map(([sourceId, findings]) => ({ sourceId, mentions: findings.names }))
    return groupNames(sources, this.store.notes.data.nameDecisions)
  }

  async names(query = '', limit = 500): Promise<NameGroups> {
    await this.refresh()
    const folded = query.trim().toLowerCase()
    const groups = this.#nameGroupsNow().filter(
      (group) => folded === '' || group.variants.some((variant) => variant.text.toLowerCase().includes(folded))
    )
    return { groups: groups.slice(0, limit), total: groups.length, sourcesScanned: this.#findings.size }
  }

  /** Records a merge, split or confirmation; it is replayed over every later grouping. */
  async decideNames(kind: NameDecision['kind'], variants: string[]): Promise<NameGroups> {
    await this.refresh()
    const known = new Set(this.#nameGroupsNow().flatMap((group) => group.variants.map((variant) => variant.key)))
    const unknown = variants.filter((key) => !known.has(key))
    if (unknown.length > 0) throw new UserError('not-found', `names: no name variant ${unknown.map((key) => `"${key}"`).join(', ')} in this library`)
    await this.store.notes.update((notes) => {
      notes.nameDecisions.push({ kind, variants: [...new Set(variants)], at: this.now().toISOString() })
    })
    return this.names()
  }

  /** The confirmed variants of the names a query mentions, for a search that includes them. */
  async expandQuery(query: string): Promise<VariantExpansion> {
    await this.refresh()
    return expandNameVariants(query, this.#nameGroupsNow().filter((group) => group.confirmed))
  }

  async align(sourceIds: string[]): Promise<SourceAlignment> {
    const inputs: { sourceId: string; text: string }[] = []
    for (const sourceId of sourceIds) {
      const source = this.store.findSource(sourceId)
      if (source === undefined) throw new UserError('not-found', `compare: no source ${sourceId}`)
      const text = await this.#text(source)
      if (text === null) throw new UserError('unavailable', `compare: the text of "${source.title}" cannot be read (${this.#unreadable.get(source.id) ?? 'unknown reason'})`)
      inputs.push({ sourceId, text })
    }
    return alignSources(inputs)
  }
}
