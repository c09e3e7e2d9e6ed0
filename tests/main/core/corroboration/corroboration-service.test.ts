import { appendFile, cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CARD_SOURCES, CARD_VERSIONS, type QuoteGroup } from '../../../../src/shared/domain/corroboration'
import { CorroborationService } from '../../../../src/main/core/corroboration/corroboration-service'
import { nameCard, quoteCard } from '../../../../src/main/core/corroboration/findings/group-cards'
import { analyseText, loadNameFinder, sourceQuotes } from '../../../../src/main/core/corroboration/findings/text-findings'
import { nameGrouping, type SourceNames } from '../../../../src/main/core/corroboration/names/group-names'
import { groupQuotes, type StoredQuote } from '../../../../src/main/core/corroboration/quotes/group-quotes'
import { Workbench } from '../../../../src/main/core/workbench'
import { makeAnnotation } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../seeds')

async function seededWorkbench(dataDir: string, seeds: string | null = seedsDir): Promise<Workbench> {
  const workbench = new Workbench({ dataDir, seedsDir: seeds, now: () => new Date('2026-01-16T10:00:00Z') })
  await workbench.boot()
  return workbench
}

function sourceIdOf(workbench: Workbench, prefix: string): string {
  return workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith(prefix))!.id
}

function groupHolding(groups: QuoteGroup[], words: string): QuoteGroup {
  const group = groups.find((candidate) => candidate.versions.some((version) => version.text.includes(words)))
  if (group === undefined) throw new Error(`no group holds "${words}"`)
  return group
}

describe('CorroborationService', () => {
  const tempDir = useTempDirs()

  it('shows on the seeds the trade quote in every source, TASS’s "truly good results" diffed against it', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: '', minWords: 3, limit: 300 })
    const trade = ledger.groups[0]!
    expect(trade.reference).toMatch(/pragmatic approaches.*truly positive results in trade and business/)
    expect(trade.sourceIds).toHaveLength(5)
    expect(trade.flags.wordingDiffers).toBe(true)
    const tass = sourceIdOf(workbench, '004_')
    const aggregator = sourceIdOf(workbench, '001_')
    for (const sourceId of [tass, aggregator]) {
      const good = trade.versions.find((version) => version.sourceId === sourceId && version.text.includes('truly good results'))!
      expect(good.differs).toBe(true)
      expect(good.diff).toEqual(expect.arrayContaining([{ kind: 'removed', text: 'positive' }, { kind: 'added', text: 'good' }]))
    }
    expect(trade.speakers.join(' ')).toMatch(/Putin/)
  })

  it('flags "goodwill has been squandered" as carried by the aggregator alone', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const ledger = await workbench.project.corroboration.ledger({ filter: 'single-source', query: 'goodwill', minWords: 3, limit: 300 })
    expect(ledger.groups).toHaveLength(1)
    expect(ledger.groups[0]!.sourceIds).toEqual([sourceIdOf(workbench, '001_')])
    expect(ledger.groups[0]!.flags.singleSource).toBe(true)
  })

  it('shares the Cuba solidarity quote between the summary and Anadolu, and finds it by its words', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: 'solidarity determination', minWords: 3, limit: 300 })
    const cuba = groupHolding(ledger.groups, 'We stand in solidarity')
    expect(cuba.sourceIds.sort()).toEqual([sourceIdOf(workbench, '000_'), sourceIdOf(workbench, '002_')].sort())
    expect(cuba.flags).toMatchObject({ singleSource: false, wordingDiffers: false })
  })

  it('gives each version offsets that point at the quoted words in the stored text', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: '', minWords: 1, limit: 2000 })
    for (const group of ledger.groups) {
      for (const version of group.versions) {
        const text = (await workbench.project.library.sourceText(version.sourceId)).text
        const quoted = version.parts.map((part) => text.slice(part.start, part.end)).join(' ').replace(/\s+/g, ' ').trim()
        expect(quoted).toBe(version.text)
      }
    }
  })

  it('re-reads only the source that changed, and its new quote joins the ledger', async () => {
    const folder = await tempDir()
    await rm(folder, { recursive: true })
    await cp(seedsDir, folder, { recursive: true })
    const workbench = await seededWorkbench(await tempDir(), folder)
    const service = workbench.project.corroboration
    await service.ledger({ filter: 'all', query: '', minWords: 3, limit: 300 })
    const before = service.extractedSources
    expect(before).toBe(5)
    await appendFile(join(folder, '002_33375fb4bd43eb33.txt'), '\n“Goodwill has been squandered,” a diplomat said.\n')
    await workbench.importFolder(folder)
    const ledger = await service.ledger({ filter: 'all', query: 'goodwill', minWords: 3, limit: 300 })
    expect(service.extractedSources - before).toBe(1)
    expect(ledger.groups[0]!.sourceIds).toHaveLength(2)
    expect(ledger.groups[0]!.flags.singleSource).toBe(false)
  })

  it('stamps a text with the hash it was read at when an import changes the source meanwhile', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const store = workbench.project.store
    const aggregator = store.library.data.sources.find((source) => source.relativePath.startsWith('001_'))!
    const oldHash = aggregator.contentHash
    const newHash = 'f'.repeat(64)
    let reads = 0
    const service = new CorroborationService(
      store,
      async (hash) => {
        const text = await store.readText(hash === newHash ? oldHash : hash)
        // The importer updates the source in place while this text is on its way.
        if (hash === oldHash && reads++ === 0) aggregator.contentHash = newHash
        return text
      },
      () => new Date()
    )
    const ledger = await service.ledger({ filter: 'all', query: 'goodwill', minWords: 3, limit: 10 })
    expect(ledger.groups[0]!.versions[0]!.target.contentHash).toBe(oldHash)
    const before = service.extractedSources
    await service.refresh()
    expect(service.extractedSources - before).toBe(1)
  })

  it('reports how far a first scan of a larger library has got, ending at the total', async () => {
    const folder = await tempDir()
    await Promise.all(
      Array.from({ length: 120 }, (_, index) => writeFile(join(folder, `note-${index}.txt`), `Note ${index}\n\n"Item ${index} was delivered on time," the clerk said.\n`))
    )
    const workbench = await seededWorkbench(await tempDir(), null)
    await workbench.importFolder(folder)
    const seen: { done: number; total: number }[] = []
    workbench.events.on('corroborationProgress', (progress) => seen.push(progress))
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: '', minWords: 3, limit: 500 })
    expect(ledger.quotations).toBe(120)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen.at(-1)).toEqual({ done: 120, total: 120 })
    expect(seen.map((progress) => progress.done)).toEqual([...seen.map((progress) => progress.done)].sort((a, b) => a - b))
  })

  it('groups the spellings of Lee Sok-bae and of Lee Jae-myung, and keeps a merge across a restart', async () => {
    const dataDir = await tempDir()
    const workbench = await seededWorkbench(dataDir)
    const names = await workbench.project.corroboration.names('Lee')
    const sokBae = names.groups.find((group) => group.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    expect(sokBae.variants.flatMap((variant) => variant.spellings.map((spelling) => spelling.text))).toEqual(
      expect.arrayContaining(['Lee Sok-bae', 'Lee Seok-pae', 'Lee Sok\u2011bae'])
    )
    expect(sokBae.sources.length).toBeGreaterThanOrEqual(3)
    const jaeMyung = names.groups.find((group) => group.variants.some((variant) => variant.spellings.some((spelling) => spelling.text === 'Lee Jae-myung')))!
    expect(jaeMyung.variants.flatMap((variant) => variant.spellings.map((spelling) => spelling.text))).toContain('Lee Jae Myung')
    expect(jaeMyung.id).not.toBe(sokBae.id)

    const merged = await workbench.project.corroboration.decideNames('merge', [...sokBae.variants, ...jaeMyung.variants].map((variant) => variant.key))
    const both = merged.groups.find((group) => group.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    expect(both.confirmed).toBe(true)
    expect(both.variants.map((variant) => variant.key)).toEqual(expect.arrayContaining(jaeMyung.variants.map((variant) => variant.key)))

    const reopened = await seededWorkbench(dataDir)
    const again = (await reopened.project.corroboration.names('Lee')).groups.find((group) => group.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    expect(again.variants).toHaveLength(both.variants.length)
    await reopened.project.corroboration.decideNames('split', jaeMyung.variants.map((variant) => variant.key))
    const split = (await reopened.project.corroboration.names('Lee')).groups.find((group) => group.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    expect(split.variants.map((variant) => variant.key)).not.toContain(jaeMyung.variants[0]!.key)
  })

  it('refuses a decision about a name the library does not hold, naming it', async () => {
    const workbench = await seededWorkbench(await tempDir())
    await expect(workbench.project.corroboration.decideNames('merge', ['nobodyatall'])).rejects.toThrow(/names: no name variant "nobodyatall"/)
    expect(workbench.project.store.notes.data.nameDecisions).toEqual([])
  })

  it('offers a doubtful romanisation as a possible variant, and stops offering it once marked as different people', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'kyiv.txt'), 'Oleh Petrovych Hordiyenko said on Tuesday that the talks would continue.\n')
    await writeFile(join(folder, 'moscow.txt'), 'The talks were led by Oleg Petrovich Gordienko, according to two officials.\n')
    const workbench = await seededWorkbench(await tempDir(), folder)
    const service = workbench.project.corroboration
    const names = await service.names()
    const ids = new Set(names.groups.map((group) => group.id))
    expect(names.proposals).toHaveLength(1)
    const [proposal] = names.proposals
    expect(ids.has(proposal!.groupId) && ids.has(proposal!.otherGroupId)).toBe(true)
    // A query that leaves one of the two groups out leaves the proposal out too.
    expect((await service.names('Oleh')).proposals).toEqual([])
    // One name cannot be different people from itself: refused, nothing recorded.
    await expect(service.decideNames('distinct', [proposal!.groupId, proposal!.groupId])).rejects.toThrow(/names: name at least two variants/)
    expect(workbench.project.store.notes.data.nameDecisions).toEqual([])
    const after = await service.decideNames('distinct', [proposal!.groupId, proposal!.otherGroupId])
    expect(after.proposals).toEqual([])
    expect(after.groups.map((group) => group.id).sort()).toEqual([proposal!.groupId, proposal!.otherGroupId].sort())
    // Marking people apart confirms no spelling: a search is not widened by it.
    expect((await service.expandQuery('"Oleh Petrovych Hordiyenko"')).included).toEqual([])
  })

  it('widens a search to the other spellings of a confirmed name only', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const service = workbench.project.corroboration
    expect((await service.expandQuery('"Lee Seok-pae" Moscow')).included).toEqual([])
    const group = (await service.names('Lee')).groups.find((candidate) => candidate.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    await service.decideNames('confirm', group.variants.map((variant) => variant.key))
    const widened = await service.expandQuery('"Lee Seok-pae" Moscow')
    expect(widened.included[0]!.variants).toEqual(expect.arrayContaining(['Lee Seok-pae', 'Lee Sok-bae']))
    expect(widened.query).toMatch(/^\(".*" OR ".*"\) Moscow$/)
    const found = await workbench.project.search.search(widened.query)
    const plain = await workbench.project.search.search('"Lee Seok-pae" Moscow')
    expect(found.total).toBeGreaterThan(plain.total)
  })

  it('tells which highlights quote the aggregator’s single-source "goodwill has been squandered", in its current text only', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const aggregator = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('001_'))!
    const text = (await workbench.project.library.sourceText(aggregator.id)).text
    const highlight = (phrase: string, contentHash = aggregator.contentHash) => {
      const start = text.indexOf(phrase)
      expect(start).toBeGreaterThanOrEqual(0)
      return makeAnnotation({ id: phrase, sourceId: aggregator.id, exact: phrase, contentHash, start })
    }
    const exact = highlight('goodwill has been squandered')
    const sentence = highlight('emphasizing that “goodwill has been squandered” and urging')
    const within = highlight('has been squandered')
    const tradeQuote = highlight('truly good results')
    const otherText = highlight('goodwill has been squandered', 'f'.repeat(64))
    const found = await workbench.project.corroboration.singleSourceQuotes([exact, sentence, within, tradeQuote, otherText])
    expect(found.map((entry) => entry.annotationId)).toEqual([exact.id, sentence.id, within.id])
    expect(new Set(found.map((entry) => entry.quote))).toEqual(new Set(['goodwill has been squandered']))
    const ledger = await workbench.project.corroboration.ledger({ filter: 'single-source', query: 'goodwill', minWords: 3, limit: 10 })
    expect(found[0]!.groupId).toBe(ledger.groups[0]!.id)
  }, 30_000)

  it('aligns two seeds, linking the shared quote and leaving JoongAng’s own reporting unlinked', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const summary = sourceIdOf(workbench, '000_')
    const joongang = sourceIdOf(workbench, '003_')
    const alignment = await workbench.project.corroboration.align([summary, joongang])
    const text = (await workbench.project.library.sourceText(joongang)).text
    const sentences = alignment.sources[1]!.sentences
    const route = sentences.find((sentence) => text.slice(sentence.start, sentence.end).includes('Northern Sea Route'))!
    expect(route.link).toBeNull()
    const quote = sentences.find((sentence) => text.slice(sentence.start, sentence.end).includes('truly positive results'))!
    expect(quote.link).not.toBeNull()
    expect(alignment.sources[0]!.sentences.some((sentence) => sentence.link === quote.link)).toBe(true)
  })

  it('says which source cannot be compared when its text is gone', async () => {
    const dataDir = await tempDir()
    const workbench = await seededWorkbench(dataDir)
    const [first, second] = workbench.project.store.library.data.sources
    await rm(join(workbench.project.store.dir, 'texts', `${second!.contentHash}.txt`))
    await expect(workbench.project.corroboration.align([first!.id, second!.id])).rejects.toThrow(`compare: the text of "${second!.title}" cannot be read`)
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: '', minWords: 3, limit: 10 })
    expect(ledger.unreadable.map((entry) => entry.sourceId)).toEqual([second!.id])
  })
})

describe('CorroborationService saved findings', () => {
  const tempDir = useTempDirs()
  const everything = { filter: 'all', query: '', minWords: 1, limit: 2000 } as const

  /** A second service over the same project, as the next start makes, counting the texts it reads. */
  function nextStart(workbench: Workbench): { service: CorroborationService; reads: string[] } {
    const store = workbench.project.store
    const reads: string[] = []
    const service = new CorroborationService(
      store,
      (hash) => {
        reads.push(hash)
        return store.readText(hash)
      },
      () => new Date('2026-01-16T10:00:00Z')
    )
    return { service, reads }
  }

  async function both(service: CorroborationService): Promise<unknown> {
    return { ledger: await service.ledger(everything), names: await service.names('', 2000) }
  }

  const findingsDir = (workbench: Workbench): string => join(workbench.project.store.dir, 'findings')
  const tablesIn = async (workbench: Workbench): Promise<string[]> => (await readdir(findingsDir(workbench))).filter((name) => name !== 'packs').sort()

  it('shows the same ledger and names on the next start without reading, analysing or grouping again', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const first = await both(workbench.project.corroboration)
    const tables = await tablesIn(workbench)
    const { service, reads } = nextStart(workbench)
    expect(await both(service)).toEqual(first)
    expect(reads).toEqual([])
    expect(service.extractedSources).toBe(0)
    expect(await tablesIn(workbench)).toEqual(tables)
  })

  it('analyses again only the text that changed, and the start after reuses it too', async () => {
    const folder = await tempDir()
    await rm(folder, { recursive: true })
    await cp(seedsDir, folder, { recursive: true })
    const workbench = await seededWorkbench(await tempDir(), folder)
    await both(workbench.project.corroboration)
    await appendFile(join(folder, '002_33375fb4bd43eb33.txt'), '\n“Goodwill has been squandered,” a diplomat said.\n')
    await workbench.importFolder(folder)
    const changed = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('002_'))!
    const { service, reads } = nextStart(workbench)
    const after = await both(service)
    expect(reads).toEqual([changed.contentHash])
    expect(service.extractedSources).toBe(1)
    const ledger = await service.ledger({ filter: 'all', query: 'goodwill', minWords: 3, limit: 10 })
    expect(ledger.groups[0]!.sourceIds).toContain(changed.id)
    const again = nextStart(workbench)
    expect(await both(again.service)).toEqual(after)
    expect(again.reads).toEqual([])
  })

  it('keeps the name groups as saved when a changed text names the same people', async () => {
    const folder = await tempDir()
    await rm(folder, { recursive: true })
    await cp(seedsDir, folder, { recursive: true })
    const workbench = await seededWorkbench(await tempDir(), folder)
    const names = await workbench.project.corroboration.names('', 2000)
    const saved = async (): Promise<number> => (await stat(join(findingsDir(workbench), (await tablesIn(workbench)).find((name) => name.startsWith('names-') && name.endsWith('.groups'))!))).ino
    const before = await saved()
    await appendFile(join(folder, '002_33375fb4bd43eb33.txt'), '\n“We will look at this again next week,” the minister said.\n')
    await workbench.importFolder(folder)
    expect(await workbench.project.corroboration.names('', 2000)).toEqual(names)
    // The same file under the new digest: nothing was grouped again.
    expect(await saved()).toBe(before)
    const ledger = await workbench.project.corroboration.ledger({ filter: 'all', query: 'next week', minWords: 3, limit: 10 })
    expect(ledger.groups).toHaveLength(1)
  })

  it('groups again from the saved findings when the saved groups are damaged, with the same result', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const first = await both(workbench.project.corroboration)
    const tables = await tablesIn(workbench)
    expect(tables).toEqual(['names-00000001.groups', 'names-00000001.json', 'quotes-00000001.groups', 'quotes-00000001.json'])
    // The quote groups keep their size but not their content; the names' rows are cut short.
    const groupsFile = join(findingsDir(workbench), 'quotes-00000001.groups')
    await writeFile(groupsFile, (await readFile(groupsFile, 'utf8')).replace(/"/g, '#'))
    await writeFile(join(findingsDir(workbench), 'names-00000001.json'), '{"format":"sourcebench-grou')
    const { service, reads } = nextStart(workbench)
    expect(await both(service)).toEqual(first)
    expect(reads).toEqual([])
    expect(service.extractedSources).toBe(0)
    // The damaged files are gone (deleted, so no later pass reuses them); one fresh table of each kind is left.
    const after = await tablesIn(workbench)
    expect(after.filter((name) => name.startsWith('quotes-'))).toHaveLength(2)
    expect(after.filter((name) => name.startsWith('names-'))).toHaveLength(2)
    expect((await readFile(join(findingsDir(workbench), after.find((name) => name.startsWith('quotes-') && name.endsWith('.groups')) ?? ''), 'utf8')).startsWith('{"')).toBe(true)
  })

  it('groups again, with the same ledger, when the saved columns are damaged in place and the file keeps its size', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const first = await both(workbench.project.corroboration)
    const table = JSON.parse(await readFile(join(findingsDir(workbench), 'quotes-00000001.json'), 'utf8')) as { columnsAt: [number, number] }
    const groupsFile = join(findingsDir(workbench), 'quotes-00000001.groups')
    const bytes = await readFile(groupsFile)
    // Every position and flag byte scrambled: read as they are, cards would come from anywhere in the file.
    bytes.fill(0xa5, table.columnsAt[0], table.columnsAt[0] + table.columnsAt[1])
    await writeFile(groupsFile, bytes)
    const { service, reads } = nextStart(workbench)
    expect(await both(service)).toEqual(first)
    expect(reads).toEqual([])
    expect((await tablesIn(workbench)).filter((name) => name.startsWith('quotes-'))).toEqual(['quotes-00000002.groups', 'quotes-00000002.json'])
  })

  it('analyses a text again when its saved findings are damaged, and only that text', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const first = await both(workbench.project.corroboration)
    for (const name of await tablesIn(workbench)) await rm(join(findingsDir(workbench), name))
    const [pack] = await readdir(join(findingsDir(workbench), 'packs'))
    const path = join(findingsDir(workbench), 'packs', pack!)
    const bytes = await readFile(path)
    // The first record starts right after the index line: break its opening brace.
    bytes[bytes.indexOf(0x0a) + 1] = 0x78
    await writeFile(path, bytes)
    const { service, reads } = nextStart(workbench)
    expect(await both(service)).toEqual(first)
    expect(reads).toHaveLength(1)
    expect(service.extractedSources).toBe(1)
  })

  it('gives what grouping every text afresh gives, with or without saved findings', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const store = workbench.project.store
    const extractNames = await loadNameFinder()
    const quotes: StoredQuote[] = []
    const sources: SourceNames[] = []
    for (const source of store.library.data.sources) {
      const findings = analyseText(await store.readText(source.contentHash), extractNames)
      quotes.push(...sourceQuotes({ id: source.id, contentHash: source.contentHash }, findings))
      sources.push({ sourceId: source.id, mentions: findings.names })
    }
    const fresh = { groups: groupQuotes(quotes), names: nameGrouping(sources, []) }
    const first = await workbench.project.corroboration.ledger(everything)
    const firstNames = await workbench.project.corroboration.names('', 2000)
    await rm(findingsDir(workbench), { recursive: true })
    const { service } = nextStart(workbench)
    const second = await service.ledger(everything)
    const secondNames = await service.names('', 2000)
    for (const [ledger, names] of [[first, firstNames], [second, secondNames]] as const) {
      expect(ledger.groups).toEqual(fresh.groups.map(quoteCard))
      expect(names.groups).toEqual(fresh.names.groups.map(nameCard))
      expect(names.proposals).toEqual(fresh.names.proposals)
    }
  })

  it('groups the names again after a decision, leaving the quote ledger as saved', async () => {
    const workbench = await seededWorkbench(await tempDir())
    const service = workbench.project.corroboration
    const names = await service.names('Lee')
    const quotesTable = (await tablesIn(workbench)).find((name) => name.startsWith('quotes-') && name.endsWith('.json'))
    const group = names.groups.find((candidate) => candidate.variants.some((variant) => variant.text === 'Lee Seok-pae'))!
    const extracted = service.extractedSources
    await service.decideNames('confirm', group.variants.map((variant) => variant.key))
    expect((await tablesIn(workbench)).filter((name) => name.startsWith('quotes-'))).toEqual([quotesTable, quotesTable!.replace('.json', '.groups')].sort())
    expect(service.extractedSources).toBe(extracted)
    const { service: reopened } = nextStart(workbench)
    expect((await reopened.names('Lee')).groups.find((candidate) => candidate.id === group.id)!.confirmed).toBe(true)
  })
})

describe('CorroborationService cards', () => {
  const tempDir = useTempDirs()
  const CARRIERS = 17

  /** A quote and a name carried by 17 sources (two of them word it differently): more than a card lists. */
  async function widelyCarried(): Promise<Workbench> {
    const folder = await tempDir()
    await Promise.all(
      Array.from({ length: CARRIERS }, (_, index) => {
        const words = index < 2 ? 'The harvest will be very late this year' : 'The harvest will be late this year'
        return writeFile(join(folder, `wire-${String(index).padStart(2, '0')}.txt`), `Wire ${index}\n\n"${words}," the farm minister Anna Berg said on Monday.\n`)
      })
    )
    return seededWorkbench(await tempDir(), folder)
  }

  it('sends a quote carried by 17 sources as a card: every count, the first sources, the reference’s own and the differing versions first', async () => {
    const service = (await widelyCarried()).project.corroboration
    const ledger = await service.ledger({ filter: 'all', query: 'harvest', minWords: 3, limit: 10 })
    const card = ledger.groups[0]!
    expect(card).toMatchObject({ sourceCount: CARRIERS, versionCount: CARRIERS })
    expect(card.sourceIds).toHaveLength(CARD_SOURCES)
    expect(card.versions).toHaveLength(CARD_VERSIONS)
    expect(card.versions[0]).toMatchObject({ text: card.reference, differs: false })
    expect(card.versions.slice(1, 3).map((version) => version.differs)).toEqual([true, true])
    // The card's sources include those of its versions, so each version's source can be named.
    expect(card.versions.every((version) => card.sourceIds.includes(version.sourceId))).toBe(true)
  })

  it('gives the whole quote group on request: all 17 sources and versions', async () => {
    const service = (await widelyCarried()).project.corroboration
    const card = (await service.ledger({ filter: 'all', query: 'harvest', minWords: 3, limit: 10 })).groups[0]!
    const whole = await service.quoteGroup(card.id)
    expect(whole.id).toBe(card.id)
    expect(whole.sourceIds).toHaveLength(CARRIERS)
    expect(whole.versions).toHaveLength(CARRIERS)
    expect(whole.versions.filter((version) => version.differs)).toHaveLength(2)
  })

  it('sends a name in 17 sources as a card, each variant’s sources cut too, and the whole group on request', async () => {
    const service = (await widelyCarried()).project.corroboration
    const card = (await service.names('Anna Berg')).groups[0]!
    expect(card.label).toBe('Anna Berg')
    expect(card.sourceCount).toBe(CARRIERS)
    expect(card.sources).toHaveLength(CARD_SOURCES)
    expect(card.variants.every((variant) => variant.sourceIds.length <= CARD_SOURCES)).toBe(true)
    expect(card.variants[0]!.sourceCount).toBe(CARRIERS)
    // A source the card lists has the spelling it uses among its variant's sources.
    const listed = new Set(card.variants.flatMap((variant) => variant.sourceIds))
    expect(card.sources.every((entry) => listed.has(entry.sourceId))).toBe(true)
    const whole = await service.nameGroup(card.id)
    expect(whole.sources).toHaveLength(CARRIERS)
    expect(whole.variants[0]!.sourceIds).toHaveLength(CARRIERS)
  })

  it('refuses a group id the results no longer hold, naming it and saying to reload', async () => {
    const service = (await widelyCarried()).project.corroboration
    await expect(service.quoteGroup('qgone')).rejects.toThrow('corroboration: no quote group qgone; the ledger may have changed, reload it')
    await expect(service.nameGroup('nobody')).rejects.toThrow('corroboration: no name group nobody; the names may have changed, reload them')
  })
})
