// Corroboration for one project: the quote ledger, name groups and aligned comparison.
// What each text says is analysed once per content hash and saved under findings/, and the
// grouped results are saved with a digest of what they were grouped from, so a start with
// nothing changed reads them back instead of grouping again, and a change analyses only the
// changed texts. The analysing and grouping run in a worker thread when one is given. Pages of
// groups are sent as cards (bounded lists, whole counts); one group is sent whole when opened.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { NameDecision, NameGroup, NameGroups, QuoteGroup, QuoteLedger, QuoteLedgerFilter, SourceAlignment, TextSpan } from '../../../shared/domain/corroboration'
import type { Annotation } from '../../../shared/domain/annotation'
import type { Source } from '../../../shared/domain/source'
import type { SingleSourceQuote } from '../../../shared/domain/support'
import { UserError } from '../../../shared/ipc/result'
import { terms } from '../../../shared/search/tokenize'
import { collapseSpaces, foldText } from '../../../shared/text/fold'
import type { WorkerScript } from '../library/extractor'
import type { ProjectStore } from '../store/project-store'
import { alignSources } from './align/align-sentences'
import { GroupedResults, type LoadedOf } from './findings/grouped-results'
import { SINGLE_SOURCE, SPEAKER_DIFFERS, WORDING_DIFFERS, type TableKind } from './findings/group-tables'
import { inProcessRunner, workerRunner, type JobRunner } from './findings/run-findings-job'
import { ANALYSER_VERSION, GROUPING_VERSION } from './findings/versions'
import { MAX_PROPOSALS } from './names/proposal-limit'
import { expandNameVariants, type VariantExpansion } from './name-variant-query'

export interface LedgerRequest {
  filter: QuoteLedgerFilter
  /** Words the reference or any version must contain; empty = all. */
  query: string
  /** Quotes with fewer words (scare quotes like "unfriendly") are left out. */
  minWords: number
  limit: number
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** The flag bits a filter asks for; 0 = any group. */
const FILTER_BITS: Readonly<Record<QuoteLedgerFilter, number>> = { all: 0, 'single-source': SINGLE_SOURCE, differs: WORDING_DIFFERS | SPEAKER_DIFFERS }

/** Sources hashed per update call: one call per source made the digest of 100,000 sources ~4× slower. */
const DIGEST_BATCH = 2000

export class CorroborationService {
  readonly #results: GroupedResults
  readonly #runner: JobRunner
  /** The library as last grouped: ids and hashes in order, and their digest. */
  #seen: { ids: string[]; hashes: string[]; digest: string } | null = null
  /** The decisions last digested: the list is appended to, or replaced whole (undo). */
  #decisions: { list: readonly NameDecision[]; count: number; digest: string } | null = null
  /** The pass running now, and the one queued behind it (shared by every caller that arrives meanwhile). */
  #running: Promise<void> = Promise.resolve()
  #queued: Promise<void> | null = null
  /** Texts analysed since this service started (the rest were read back from findings/), for tests and the benchmark. */
  extractedSources = 0

  constructor(
    private readonly store: ProjectStore,
    private readonly readText: (contentHash: string) => Promise<string | null>,
    private readonly now: () => Date,
    /** Told how far a pass that analyses texts has got, every 50 texts and at the end. */
    private readonly progress: (progress: { done: number; total: number }) => void = () => undefined,
    /** The built findings worker; without it texts are analysed and grouped in this thread. */
    worker?: WorkerScript
  ) {
    this.#results = new GroupedResults(join(store.dir, 'findings'))
    const read = (hash: string): Promise<string> => this.#readOrThrow(hash)
    this.#runner = worker === undefined ? inProcessRunner(read) : workerRunner(worker, read)
  }

  async #readOrThrow(contentHash: string): Promise<string> {
    const text = await this.readText(contentHash)
    if (text === null) throw new Error('its stored text is missing')
    return text
  }

  /**
   * Brings the findings and groups up to date with the library. A call made while a pass
   * runs waits for a fresh pass after it (the library may have changed behind the running
   * one); calls made meanwhile share that one.
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

  /** The digest of the library's sources, recomputed only when an id or a hash differs from the last pass. */
  #sourcesDigest(sources: readonly Source[]): string {
    const seen = this.#seen
    if (seen !== null && seen.ids.length === sources.length && sources.every((source, index) => source.id === seen.ids[index] && source.contentHash === seen.hashes[index])) {
      return seen.digest
    }
    const hash = createHash('sha256')
    for (let start = 0; start < sources.length; start += DIGEST_BATCH) {
      let chunk = ''
      for (const source of sources.slice(start, start + DIGEST_BATCH)) chunk += `${source.id}\u0000${source.contentHash}\n`
      hash.update(chunk)
    }
    this.#seen = { ids: sources.map((source) => source.id), hashes: sources.map((source) => source.contentHash), digest: hash.digest('hex') }
    return this.#seen.digest
  }

  #decisionsDigest(decisions: readonly NameDecision[]): string {
    const last = this.#decisions
    if (last !== null && last.list === decisions && last.count === decisions.length) return last.digest
    this.#decisions = { list: decisions, count: decisions.length, digest: sha256(JSON.stringify(decisions)) }
    return this.#decisions.digest
  }

  async #refresh(): Promise<void> {
    const sources = this.store.library.data.sources
    const decisions = this.store.notes.data.nameDecisions
    const library = `${GROUPING_VERSION}\n${ANALYSER_VERSION}\n${this.#sourcesDigest(sources)}`
    const quotesDigest = sha256(`quotes\n${library}`)
    const namesDigest = sha256(`names\n${library}\n${this.#decisionsDigest(decisions)}`)
    await this.#results.loadSaved()
    let quotes = this.#results.quotes?.table.digest !== quotesDigest
    let names = this.#results.names?.table.digest !== namesDigest
    // A text that could not be read is tried again on every pass: it may have been restored.
    if (!quotes && (await this.#checkUnreadable())) quotes = names = true
    if (!quotes && !names) return
    const result = await this.#runner.run(
      {
        findingsDir: this.#results.dir,
        textsDir: join(this.store.dir, 'texts'),
        sources: sources.map((source) => ({ id: source.id, contentHash: source.contentHash, size: source.size })),
        decisions: [...decisions],
        quotes: quotes ? quotesDigest : null,
        names: names ? namesDigest : null
      },
      this.progress
    )
    this.extractedSources += result.analysed
    if (result.quotes !== null) await this.#results.adoptQuotes(result.quotes)
    if (result.names !== null) await this.#results.adoptNames(result.names)
  }

  /** Tries each unreadable text again, keeping the reader's reason; true when one can be read now. */
  async #checkUnreadable(): Promise<boolean> {
    for (const entry of this.#results.quotes?.table.unreadable ?? []) {
      try {
        await this.#readOrThrow(entry.contentHash)
        return true
      } catch (error: unknown) {
        entry.reason = error instanceof Error ? error.message : String(error)
      }
    }
    return false
  }

  /**
   * Reads from the saved results of this kind, up to date, grouping again first if their file
   * turns out to be damaged. `read` is given the table in use and every step of it reads that
   * one, even if a pass replaces it meanwhile.
   */
  async #fresh<K extends TableKind, T>(kind: K, read: (table: LoadedOf<K>) => Promise<T>): Promise<T> {
    await this.refresh()
    try {
      return await this.#results.reading(kind, read)
    } catch (error: unknown) {
      if (!(await this.#results.forgetIfDamaged(error))) throw error
      await this.refresh()
      return this.#results.reading(kind, read)
    }
  }

  /** A page of the ledger as cards, the groups carried by most sources first. */
  async ledger(request: LedgerRequest): Promise<QuoteLedger> {
    return this.#fresh('quotes', async (quotes) => {
      const wanted = terms(request.query)
      const holdsWords = wanted.length === 0 ? null : await quotes.termsTest(wanted)
      const { words, flags } = quotes
      const bits = FILTER_BITS[request.filter]
      const page: number[] = []
      let total = 0
      for (let index = 0; index < quotes.count; index++) {
        if (words[index]! < request.minWords || (bits !== 0 && (flags[index]! & bits) === 0) || (holdsWords !== null && !holdsWords(index))) continue
        total++
        if (page.length < request.limit) page.push(index)
      }
      return {
        groups: await quotes.cards<QuoteGroup>(page),
        total,
        quotations: quotes.table.quotations,
        sourcesScanned: quotes.table.sourcesScanned,
        unreadable: quotes.table.unreadable.map(({ sourceId, reason }) => ({ sourceId, reason }))
      }
    })
  }

  /**
   * The quote group with this id whole: every source and version, for a card the reporter opens.
   * An id the ledger no longer has (the library changed since the page was sent) is refused, named.
   */
  async quoteGroup(groupId: string): Promise<QuoteGroup> {
    return this.#fresh('quotes', async (quotes) => {
      const index = await quotes.indexOf(groupId)
      if (index === undefined) throw new UserError('not-found', `corroboration: no quote group ${groupId}; the ledger may have changed, reload it`)
      return (await quotes.wholes<QuoteGroup>([index]))[0]!
    })
  }

  /** Name groups as cards, most widely reported first; `query` keeps those with a spelling containing it. */
  async names(query = '', limit = 500): Promise<NameGroups> {
    return this.#fresh('names', async (names) => {
      const wanted = foldText(collapseSpaces(query))
      const spellings = wanted === '' ? null : await names.spellings()
      const page: number[] = []
      let total = 0
      for (let index = 0; index < names.count; index++) {
        if (spellings !== null && !spellings[index]!.some((spelling) => spelling.includes(wanted))) continue
        total++
        if (page.length < limit) page.push(index)
      }
      const groups = await names.cards<NameGroup>(page)
      const ids = new Set(groups.map((group) => group.id))
      // Only pairs the reporter can see both sides of; the proposals come surest first.
      const proposals = names.table.proposals.filter((proposal) => ids.has(proposal.groupId) && ids.has(proposal.otherGroupId)).slice(0, MAX_PROPOSALS)
      return { groups, total, sourcesScanned: names.table.sourcesScanned, proposals }
    })
  }

  /** The name group with this id whole: every source, and every source of each variant. */
  async nameGroup(groupId: string): Promise<NameGroup> {
    return this.#fresh('names', async (names) => {
      const index = await names.indexOf(groupId)
      if (index === undefined) throw new UserError('not-found', `corroboration: no name group ${groupId}; the names may have changed, reload them`)
      return (await names.wholes<NameGroup>([index]))[0]!
    })
  }

  /**
   * Records a merge, split, confirmation or 'distinct' (these groups are different people: never
   * joined automatically nor proposed as variants of each other; name one key per group, e.g. a
   * proposal's two group ids); it is replayed over every later grouping.
   */
  async decideNames(kind: NameDecision['kind'], variants: string[]): Promise<NameGroups> {
    const known = await this.#fresh('names', (names) => names.variantKeys())
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
    // A 'distinct' decision names people apart; it confirms nothing.
    const chosen = new Set(
      this.store.notes.data.nameDecisions.filter((decision) => decision.kind === 'merge' || decision.kind === 'confirm').flatMap((decision) => decision.variants)
    )
    // Nothing confirmed, nothing to widen: a search need not wait for the library to be grouped.
    if (chosen.size === 0) return expandNameVariants(query, [])
    return this.#fresh('names', async (names) => {
      const places: number[] = []
      for (let index = 0; index < names.count; index++) if (names.confirmed[index] === 1) places.push(index)
      // Cards hold every variant and spelling: all a search needs.
      const confirmed = (await names.cards<NameGroup>(places)).map((group) => ({
        ...group,
        variants: group.variants.filter((variant) => chosen.has(variant.key))
      }))
      return expandNameVariants(query, confirmed)
    })
  }

  /**
   * Which of these annotations quote words the ledger finds in their own source only: the
   * passage is, contains or lies within a quotation of a single-source group, found in the
   * same text (same content hash). Quotes of one or two words (scare quotes) are left out,
   * as the ledger leaves them out unless asked.
   */
  async singleSourceQuotes(annotations: readonly Annotation[]): Promise<SingleSourceQuote[]> {
    if (annotations.length === 0) return []
    const minWords = 3
    const groups = await this.#fresh('quotes', async (quotes) => {
      const wanted = new Set(annotations.map((annotation) => annotation.target.sourceId))
      const single = await quotes.singleSources()
      const places: number[] = []
      for (let index = 0; index < quotes.count; index++) {
        if ((quotes.flags[index]! & SINGLE_SOURCE) !== 0 && quotes.words[index]! >= minWords && wanted.has(single[index]!)) places.push(index)
      }
      // Whole: a source quoting the same words more often than a card lists is still matched.
      return quotes.wholes<QuoteGroup>(places)
    })
    const bySourceText = new Map<string, { groupId: string; text: string; start: number; end: number; parts: TextSpan[] }[]>()
    for (const group of groups) {
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
      const text = await this.#readOrThrow(source.contentHash).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error)
        throw new UserError('unavailable', `compare: the text of "${source.title}" cannot be read (${reason})`)
      })
      inputs.push({ sourceId, text })
    }
    return alignSources(inputs)
  }

  /** Ends a pass running in the worker (the project is being closed); a pass in this thread is waited for. */
  async close(): Promise<void> {
    await this.#runner.close()
    await this.#running
  }
}
