// Corroboration for one project: the quote ledger, name groups and aligned comparison.
// What each source says is extracted once per text hash and kept, so when one source
// changes only that source is read again; grouping across sources is redone on demand.
import type {
  NameDecision,
  NameGroup,
  NameGroups,
  NameProposal,
  QuoteGroup,
  QuoteLedger,
  QuoteLedgerFilter,
  SourceAlignment,
  TextSpan
} from '../../../shared/domain/corroboration'
import type { Annotation } from '../../../shared/domain/annotation'
import type { Source } from '../../../shared/domain/source'
import type { SingleSourceQuote } from '../../../shared/domain/support'
import { UserError } from '../../../shared/ipc/result'
import { terms } from '../../../shared/search/tokenize'
import { collapseSpaces, foldText } from '../../../shared/text/fold'
import type { ProjectStore } from '../store/project-store'
import { alignSources } from './align/align-sentences'
import type { NameMention } from './names/extract-names'
import { nameGrouping, type CountedMention } from './names/group-names'
import { MAX_PROPOSALS } from './names/name-proposals'
import { expandNameVariants, type VariantExpansion } from './name-variant-query'
import { extractQuotes } from './quotes/extract-quotes'
import { groupQuotes, prepareQuote, type StoredQuote } from './quotes/group-quotes'
import { matchesLedgerQuery } from './quotes/ledger-query'

interface SourceFindings {
  contentHash: string
  quotes: StoredQuote[]
  /** Each distinct name as written, with how often: offsets are not needed to group names. */
  names: CountedMention[]
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

/** Sources read together between pauses, so other requests are answered during a long first scan. */
const BATCH = 50
/** ...and no more file bytes than this in one batch, so a folder of large PDFs is not all in memory at once. */
const BATCH_BYTES = 32 * 1024 * 1024

function batches<T extends { source: Source }>(items: readonly T[]): T[][] {
  const result: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const item of items) {
    if (current.length > 0 && (current.length >= BATCH || bytes + item.source.size > BATCH_BYTES)) {
      result.push(current)
      current = []
      bytes = 0
    }
    current.push(item)
    bytes += item.source.size
  }
  if (current.length > 0) result.push(current)
  return result
}

export class CorroborationService {
  readonly #findings = new Map<string, SourceFindings>()
  readonly #unreadable = new Map<string, string>()
  /** Bumped whenever any source's findings change: the caches below belong to one generation. */
  #generation = 0
  #quoteGroups: { generation: number; groups: QuoteGroup[]; terms: Map<string, Set<string>> } | null = null
  #nameGroups: { generation: number; decisions: readonly NameDecision[]; count: number; groups: NameGroup[]; proposals: NameProposal[] } | null = null
  /** The pass running now, and the one queued behind it (shared by every caller that arrives meanwhile). */
  #running: Promise<void> = Promise.resolve()
  #queued: Promise<void> | null = null
  /** Sources read and extracted since this service started, for the benchmark. */
  extractedSources = 0

  constructor(
    private readonly store: ProjectStore,
    private readonly readText: (contentHash: string) => Promise<string | null>,
    private readonly now: () => Date,
    /** Told how far a pass that reads texts has got, every BATCH sources and at the end. */
    private readonly progress: (progress: { done: number; total: number }) => void = () => undefined
  ) {}

  /**
   * Brings every source's findings up to date with its current text. A call made while a
   * pass runs waits for a fresh pass after it (the library may have changed behind the
   * running one); calls made meanwhile share that one.
   */
  refresh(): Promise<void> {
    if (this.#queued !== null) return this.#queued
    const queued = this.#running.then(() => {
      this.#queued = null
      return this.#refresh()
    })
    this.#queued = queued
    this.#running = queued.catch(() => undefined)
    return queued
  }

  async #refresh(): Promise<void> {
    const sources = this.store.library.data.sources
    const live = new Set(sources.map((source) => source.id))
    let changed = false
    for (const id of [...this.#findings.keys()]) {
      if (!live.has(id)) changed = this.#findings.delete(id) || changed
    }
    for (const id of [...this.#unreadable.keys()]) if (!live.has(id)) this.#unreadable.delete(id)
    // The import updates sources in place: the hash read now is the one the text belongs to.
    const stale = sources
      .filter((source) => this.#findings.get(source.id)?.contentHash !== source.contentHash)
      .map((source) => ({ source, contentHash: source.contentHash }))
    const extractNames = stale.length > 0 ? await loadNameFinder() : null
    const total = sources.length
    const fresh = total - stale.length
    // Texts are read a batch at a time, side by side (reading one after another left the
    // disk idle most of the time), and other requests are answered between batches.
    let done = fresh
    for (const batch of batches(stale)) {
      const texts = await Promise.all(batch.map(({ source, contentHash }) => this.#text(source, contentHash)))
      batch.forEach(({ source, contentHash }, index) => {
        const text = texts[index]
        if (text === null || text === undefined) {
          changed = this.#findings.delete(source.id) || changed
          return
        }
        this.#findings.set(source.id, this.#extract({ id: source.id, contentHash }, text, extractNames!))
        this.extractedSources++
        changed = true
      })
      done += batch.length
      if (stale.length > BATCH) this.progress({ done, total })
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (changed) this.#generation++
  }

  async #text(source: Source, contentHash: string): Promise<string | null> {
    try {
      const text = await this.readText(contentHash)
      if (text === null) throw new Error('its stored text is missing')
      this.#unreadable.delete(source.id)
      return text
    } catch (error: unknown) {
      this.#unreadable.set(source.id, error instanceof Error ? error.message : String(error))
      return null
    }
  }

  #extract(source: { id: string; contentHash: string }, text: string, extractNames: NameFinder): SourceFindings {
    const names = new Map<string, CountedMention & { count: number }>()
    for (const mention of extractNames(text)) {
      const key = `${mention.kind}\u0000${mention.text}`
      const seen = names.get(key)
      if (seen === undefined) names.set(key, { text: mention.text, kind: mention.kind, count: 1 })
      else seen.count++
    }
    const findings = {
      contentHash: source.contentHash,
      quotes: extractQuotes(text).map((quote) => prepareQuote(source, text, quote)),
      names: [...names.values()]
    }
    // A copy: the strings above are slices that would keep the whole text of every source in memory.
    return structuredClone(findings)
  }

  #groups(): { groups: QuoteGroup[]; terms: Map<string, Set<string>> } {
    if (this.#quoteGroups?.generation !== this.#generation) {
      const groups = groupQuotes([...this.#findings.values()].flatMap((findings) => findings.quotes))
      this.#quoteGroups = { generation: this.#generation, groups, terms: new Map() }
    }
    return this.#quoteGroups
  }

  async ledger(request: LedgerRequest): Promise<QuoteLedger> {
    await this.refresh()
    const { groups: all, terms: cache } = this.#groups()
    const wanted = terms(request.query)
    const groups = all.filter(
      (group) =>
        group.words >= request.minWords &&
        (request.filter === 'all' ||
          (request.filter === 'single-source' && group.flags.singleSource) ||
          (request.filter === 'differs' && (group.flags.wordingDiffers || group.flags.speakerDiffers))) &&
        matchesLedgerQuery(group, wanted, cache)
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

  /** Name groups with the decisions replayed and the possible variants among them, cached until the findings or the decisions change. */
  #nameGroupsNow(): { groups: NameGroup[]; proposals: NameProposal[] } {
    const decisions = this.store.notes.data.nameDecisions
    const cached = this.#nameGroups
    // Decisions are appended, or the whole list replaced (undo): either changes one of these.
    const same = cached !== null && cached.generation === this.#generation && cached.decisions === decisions && cached.count === decisions.length
    if (same) return cached
    const sources = [...this.#findings].map(([sourceId, findings]) => ({ sourceId, mentions: findings.names }))
    const { groups, proposals } = nameGrouping(sources, decisions)
    this.#nameGroups = { generation: this.#generation, decisions, count: decisions.length, groups, proposals }
    return this.#nameGroups
  }

  async names(query = '', limit = 500): Promise<NameGroups> {
    await this.refresh()
    const wanted = foldText(collapseSpaces(query))
    const all = this.#nameGroupsNow()
    const groups = all.groups.filter(
      (group) =>
        wanted === '' ||
        group.variants.some((variant) => variant.spellings.some((spelling) => foldText(spelling.text).includes(wanted)))
    )
    const returned = groups.slice(0, limit)
    const ids = new Set(returned.map((group) => group.id))
    // Only pairs the reporter can see both sides of; the proposals come surest first.
    const proposals = all.proposals.filter((proposal) => ids.has(proposal.groupId) && ids.has(proposal.otherGroupId)).slice(0, MAX_PROPOSALS)
    return { groups: returned, total: groups.length, sourcesScanned: this.#findings.size, proposals }
  }

  /**
   * Records a merge, split, confirmation or 'distinct' (these groups are different people: never
   * joined automatically nor proposed as variants of each other; name one key per group, e.g. a
   * proposal's two group ids); it is replayed over every later grouping.
   */
  async decideNames(kind: NameDecision['kind'], variants: string[]): Promise<NameGroups> {
    await this.refresh()
    const known = new Set(this.#nameGroupsNow().groups.flatMap((group) => group.variants.map((variant) => variant.key)))
    const unknown = variants.filter((key) => !known.has(key))
    if (unknown.length > 0) throw new UserError('not-found', `names: no name variant ${unknown.map((key) => `"${key}"`).join(', ')} in this library`)
    if (kind === 'distinct' && new Set(variants).size < 2) throw new UserError('invalid-input', 'names: name at least two variants to mark as different people')
    await this.store.notes.update((notes) => {
      notes.nameDecisions.push({ kind, variants: [...new Set(variants)], at: this.now().toISOString() })
    })
    return this.names()
  }

  /**
   * The spellings of confirmed names a query mentions, for a search that includes them. Only
   * variants the user named in a merge or confirmation count: a spelling that joined a
   * confirmed group automatically later is not searched until the user confirms it too.
   */
  async expandQuery(query: string): Promise<VariantExpansion> {
    await this.refresh()
    // A 'distinct' decision names people apart; it confirms nothing.
    const chosen = new Set(
      this.store.notes.data.nameDecisions.filter((decision) => decision.kind === 'merge' || decision.kind === 'confirm').flatMap((decision) => decision.variants)
    )
    const confirmed = this.#nameGroupsNow()
      .groups.filter((group) => group.confirmed)
      .map((group) => ({ ...group, variants: group.variants.filter((variant) => chosen.has(variant.key)) }))
    return expandNameVariants(query, confirmed)
  }

  /**
   * Which of these annotations quote words the ledger finds in their own source only: the
   * passage is, contains or lies within a quotation of a single-source group, found in the
   * same text (same content hash). Quotes of one or two words (scare quotes) are left out,
   * as the ledger leaves them out unless asked.
   */
  async singleSourceQuotes(annotations: readonly Annotation[]): Promise<SingleSourceQuote[]> {
    if (annotations.length === 0) return []
    await this.refresh()
    const minWords = 3
    const bySourceText = new Map<string, { groupId: string; text: string; start: number; end: number; parts: TextSpan[] }[]>()
    for (const group of this.#groups().groups) {
      if (!group.flags.singleSource || group.words < minWords) continue
      for (const version of group.versions) {
        const key = `${version.sourceId}\u0000${version.target.contentHash}`
        const { start, end } = version.target.selectors[1]
        const list = bySourceText.get(key) ?? []
        list.push({ groupId: group.id, text: version.text, start, end, parts: version.parts })
        bySourceText.set(key, list)
      }
    }
    const found: SingleSourceQuote[] = []
    for (const annotation of annotations) {
      const { start, end } = annotation.target.selectors[1]
      const quote = bySourceText
        .get(`${annotation.target.sourceId}\u0000${annotation.target.contentHash}`)
        ?.find(
          (version) =>
            // The passage holds the whole quotation, or lies within its words (not in an attribution that interrupts it).
            (start <= version.start && version.end <= end) || version.parts.some((part) => part.start <= start && end <= part.end)
        )
      if (quote !== undefined) found.push({ annotationId: annotation.id, quote: quote.text, groupId: quote.groupId })
    }
    return found
  }

  async align(sourceIds: string[]): Promise<SourceAlignment> {
    const inputs: { sourceId: string; text: string }[] = []
    for (const sourceId of sourceIds) {
      const source = this.store.findSource(sourceId)
      if (source === undefined) throw new UserError('not-found', `compare: no source ${sourceId}`)
      const text = await this.#text(source, source.contentHash)
      if (text === null) throw new UserError('unavailable', `compare: the text of "${source.title}" cannot be read (${this.#unreadable.get(source.id) ?? 'unknown reason'})`)
      inputs.push({ sourceId, text })
    }
    return alignSources(inputs)
  }
}
