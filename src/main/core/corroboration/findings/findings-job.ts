// One pass that brings a library's corroboration up to date: the findings of texts not yet
// analysed (saved ones are read back), then the grouping asked for, saved for the next start.
// It runs in a worker thread with a heap of its own (findings-worker.ts), or in this thread
// in tests and when no built worker is given.
import { createHash } from 'node:crypto'
import type { NameDecision, NameGroup, QuoteGroup } from '../../../../shared/domain/corroboration'
import { foldText } from '../../../../shared/text/fold'
import { nameGrouping, type SourceNames } from '../names/group-names'
import { groupQuotes, type StoredQuote } from '../quotes/group-quotes'
import { groupTerms } from '../quotes/ledger-query'
import { FindingsPacks } from './findings-packs'
import { nameCard, quoteCard } from './group-cards'
import {
  loadTable,
  relabelTable,
  SINGLE_SOURCE,
  SPEAKER_DIFFERS,
  WORDING_DIFFERS,
  writeTable,
  type Grouped,
  type NameTable,
  type QuoteTable,
  type Unreadable
} from './group-tables'
import { analyseText, loadNameFinder, parseFindings, sourceQuotes, type TextFindings } from './text-findings'

export interface JobSource {
  id: string
  contentHash: string
  size: number
}

export interface FindingsJobRequest {
  /** The project's findings/ folder. */
  findingsDir: string
  /** In library order: grouping takes quotes in this order. */
  sources: JobSource[]
  decisions: NameDecision[]
  /** The digest to save the quote ledger under, or null to leave the ledger as it is. */
  quotes: string | null
  /** Likewise for the name groups. */
  names: string | null
}

export interface FindingsJobResult {
  quotes: Grouped<QuoteTable> | null
  names: Grouped<NameTable> | null
  unreadable: Unreadable[]
  /** Texts analysed in this pass (the rest were read back). */
  analysed: number
}

export interface JobProgress {
  done: number
  total: number
}

export interface JobIo {
  /** The text of this hash; throws (with the reason to show) when it cannot be read. */
  readText(contentHash: string): Promise<string>
  progress(progress: JobProgress): void
  /** Lets other work run between batches (in this thread: the app's other requests). */
  pause(): Promise<void>
}

/** Texts read together between pauses... */
const BATCH = 50
/** ...and no more file bytes than this in one batch, so a folder of large PDFs is not all in memory at once. */
const BATCH_BYTES = 32 * 1024 * 1024

function batches(sources: readonly JobSource[]): JobSource[][] {
  const result: JobSource[][] = []
  let current: JobSource[] = []
  let bytes = 0
  for (const source of sources) {
    if (current.length > 0 && (current.length >= BATCH || bytes + source.size > BATCH_BYTES)) {
      result.push(current)
      current = []
      bytes = 0
    }
    current.push(source)
    bytes += source.size
  }
  if (current.length > 0) result.push(current)
  return result
}

/** Analyses what has no saved findings; a text that cannot be read leaves its source out, with the reason. */
async function findingsOf(request: FindingsJobRequest, packs: FindingsPacks, io: JobIo): Promise<{ findings: Map<string, TextFindings>; unreadable: Unreadable[]; analysed: number }> {
  const findings = new Map<string, TextFindings>()
  await packs.read(new Set(request.sources.map((source) => source.contentHash)), (hash, json) => {
    const parsed = parseFindings(json)
    if (parsed !== null) findings.set(hash, parsed)
  })
  const stale = request.sources.filter((source) => !findings.has(source.contentHash))
  const unreadable: Unreadable[] = []
  let analysed = 0
  if (stale.length === 0) return { findings, unreadable, analysed }
  const extractNames = await loadNameFinder()
  const total = request.sources.length
  let done = total - stale.length
  // Texts are read a batch at a time, side by side (one after another left the disk idle).
  for (const batch of batches(stale)) {
    const texts = await Promise.all(
      batch.map((source) =>
        findings.has(source.contentHash)
          ? null
          : io.readText(source.contentHash).catch((error: unknown) => new Error(error instanceof Error ? error.message : String(error)))
      )
    )
    for (const [index, source] of batch.entries()) {
      const text = texts[index]
      // Two sources with one text: the first analysis serves both.
      if (text === null || text === undefined || findings.has(source.contentHash)) continue
      if (text instanceof Error) {
        unreadable.push({ sourceId: source.id, contentHash: source.contentHash, reason: text.message })
        continue
      }
      const found = analyseText(text, extractNames)
      findings.set(source.contentHash, found)
      await packs.add(source.contentHash, JSON.stringify(found))
      analysed++
    }
    done += batch.length
    if (stale.length > BATCH) io.progress({ done, total })
    await io.pause()
  }
  await packs.flush()
  return { findings, unreadable, analysed }
}

function flagBits(group: QuoteGroup): number {
  return (group.flags.singleSource ? SINGLE_SOURCE : 0) | (group.flags.wordingDiffers ? WORDING_DIFFERS : 0) | (group.flags.speakerDiffers ? SPEAKER_DIFFERS : 0)
}

async function quoteTable(request: FindingsJobRequest, digest: string, findings: Map<string, TextFindings>, unreadable: Unreadable[]): Promise<Grouped<QuoteTable>> {
  const quotes: StoredQuote[] = []
  let scanned = 0
  for (const source of request.sources) {
    const found = findings.get(source.contentHash)
    if (found === undefined) continue
    scanned++
    for (const quote of sourceQuotes({ id: source.id, contentHash: source.contentHash }, found)) quotes.push(quote)
  }
  const groups = groupQuotes(quotes)
  const meta = { kind: 'quotes' as const, digest, quotations: quotes.length, sourcesScanned: scanned, unreadable }
  // Columns and sections in table-columns.ts LAYOUT order.
  return writeTable<QuoteTable, QuoteGroup>(request.findingsDir, meta, groups, (group) => ({
    card: quoteCard(group),
    columns: [group.words, flagBits(group)],
    sections: [group.id, group.flags.singleSource ? (group.sourceIds[0] ?? '') : '', [...groupTerms(group)].join(' ')]
  }))
}

async function nameTable(request: FindingsJobRequest, digest: string, findings: Map<string, TextFindings>): Promise<Grouped<NameTable>> {
  const sources: SourceNames[] = []
  const input = createHash('sha256').update(JSON.stringify(request.decisions))
  for (const source of request.sources) {
    const found = findings.get(source.contentHash)
    if (found === undefined) continue
    sources.push({ sourceId: source.id, mentions: found.names })
    input.update(`\n${source.id}\u0000${JSON.stringify(found.names)}`)
  }
  const inputDigest = input.digest('hex')
  // A changed text that names the same people as before (most edits) leaves the groups as they were.
  const saved = await loadTable(request.findingsDir, 'names')
  if (saved !== null && saved.table.input === inputDigest) return relabelTable(request.findingsDir, saved, digest)
  const { groups, proposals } = nameGrouping(sources, request.decisions)
  const meta = { kind: 'names' as const, digest, input: inputDigest, sourcesScanned: sources.length, proposals }
  return writeTable<NameTable, NameGroup>(request.findingsDir, meta, groups, (group) => ({
    card: nameCard(group),
    columns: [group.confirmed ? 1 : 0],
    sections: [
      group.id,
      group.variants.map((variant) => variant.key),
      [...new Set(group.variants.flatMap((variant) => variant.spellings.map((spelling) => foldText(spelling.text))))]
    ]
  }))
}

export async function runFindingsJob(request: FindingsJobRequest, io: JobIo): Promise<FindingsJobResult> {
  const packs = await FindingsPacks.open(request.findingsDir)
  const { findings, unreadable, analysed } = await findingsOf(request, packs, io)
  const quotes = request.quotes === null ? null : await quoteTable(request, request.quotes, findings, unreadable)
  const names = request.names === null ? null : await nameTable(request, request.names, findings)
  // Findings no source holds any more, and small packs piled up by changes, are tidied now.
  await packs.compact(new Set(request.sources.map((source) => source.contentHash))).catch(() => undefined)
  return { quotes, names, unreadable, analysed }
}
