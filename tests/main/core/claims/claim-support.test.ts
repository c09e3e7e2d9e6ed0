import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { Workbench } from '../../../../src/main/core/workbench'
import { useTempDirs } from '../../../helpers/temp-dir'

const WIRE = `MOSCOW, Jan 15 - Russian President Vladimir Putin said on Thursday that relations with South Korea had suffered in recent years but that Moscow hoped to restore them. Speaking at a ceremony where he received the credentials of 32 new ambassadors, Putin said the two countries had achieved good results in trade and business in the past. He said Russia was open to dialogue with Seoul and hoped for practical cooperation.\n`
const AGGREGATOR = `Top stories. Russian President Vladimir Putin said on Thursday that relations with South Korea had suffered in recent years but that Moscow hoped to restore them. Speaking at a ceremony where he received the credentials of 32 new ambassadors, Putin said the two countries had achieved good results in trade and business in the past. Read more below.\n`
const OWN_WORDS = `SEOUL, Jan 16 - South Korea's new envoy presented his papers in the Kremlin this week, where the Russian leader spoke warmly of past trade and said he wanted ties restored, officials in Seoul told reporters on Friday.\n`

describe('claim support', () => {
  const tempDir = useTempDirs()

  async function setUp() {
    const folder = await tempDir()
    await writeFile(join(folder, 'wire.txt'), WIRE)
    await writeFile(join(folder, 'aggregator.txt'), AGGREGATOR)
    await writeFile(join(folder, 'own-words.txt'), OWN_WORDS)
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: folder })
    await workbench.boot()
    const { annotations, claims, library } = workbench.project
    const highlight = async (file: string, phrase: string) => {
      const source = workbench.project.store.library.data.sources.find((candidate) => candidate.relativePath === file)!
      const text = (await library.sourceText(source.id)).text
      const start = text.indexOf(phrase)
      return annotations.create({ sourceId: source.id, contentHash: source.contentHash, start, end: start + phrase.length, color: 'yellow', comment: '', tags: [] })
    }
    return { workbench, claims, highlight }
  }

  it('says unsupported, single source or corroborated by counting independent sources', async () => {
    const { claims, highlight } = await setUp()
    const bare = await claims.create('Putin wants ties with Seoul restored')
    const single = await claims.create('Putin praised past trade')
    await claims.link(single.id, (await highlight('wire.txt', 'achieved good results in trade and business')).id)
    const both = await claims.create('Putin hopes to restore relations')
    await claims.link(both.id, (await highlight('wire.txt', 'Moscow hoped to restore them')).id)
    await claims.link(both.id, (await highlight('own-words.txt', 'wanted ties restored')).id)
    const support = await claims.support()
    expect(support[bare.id]?.status).toBe('unsupported')
    expect(support[single.id]?.status).toBe('single')
    expect(support[both.id]).toMatchObject({ status: 'corroborated', sameOrigin: [] })
    expect(support[both.id]?.independentGroups).toHaveLength(2)
  })

  it('counts an aggregator that rewrites a wire story as the same source, and says why', async () => {
    const { workbench, claims, highlight } = await setUp()
    const claim = await claims.create('Putin received 32 ambassadors')
    await claims.link(claim.id, (await highlight('wire.txt', '32 new ambassadors')).id)
    await claims.link(claim.id, (await highlight('aggregator.txt', '32 new ambassadors')).id)
    const support = (await claims.support())[claim.id]!
    expect(support.status).toBe('single')
    expect(support.independentGroups).toHaveLength(1)
    const aggregator = workbench.project.store.library.data.sources.find((source) => source.relativePath === 'aggregator.txt')!
    expect(support.sameOrigin).toEqual([{ copy: aggregator.id, original: expect.any(String), containment: expect.any(Number) }])
    expect(support.sameOrigin[0]?.containment).toBeGreaterThan(0.5)
  })

  it('calls a claim disputed when a linked passage is marked as contradicting it, and undoes that', async () => {
    const { claims, highlight } = await setUp()
    const claim = await claims.create('Putin called relations excellent')
    const against = await highlight('wire.txt', 'relations with South Korea had suffered in recent years')
    await claims.link(claim.id, against.id)
    await claims.link(claim.id, (await highlight('own-words.txt', 'spoke warmly of past trade')).id)
    await claims.setStance(claim.id, against.id, true)
    const disputed = (await claims.support())[claim.id]!
    expect(disputed.status).toBe('disputed')
    expect(disputed.contradictingSources).toHaveLength(1)
    await claims.setStance(claim.id, against.id, false)
    expect((await claims.support())[claim.id]?.status).toBe('corroborated')
  })

  it('never counts a link whose passage is gone: its source left the library, or its words are no longer in the text', async () => {
    const { workbench, claims, highlight } = await setUp()
    const claim = await claims.create('Putin hopes to restore relations')
    const wire = await highlight('wire.txt', 'Moscow hoped to restore them')
    const own = await highlight('own-words.txt', 'wanted ties restored')
    await claims.link(claim.id, wire.id)
    await claims.link(claim.id, own.id)
    expect((await claims.support())[claim.id]?.status).toBe('corroborated')
    // As after a crash that lost a source an annotation pointed at.
    const library = workbench.project.store.library.data
    library.sources = library.sources.filter((source) => source.id !== own.target.sourceId)
    const oneLost = (await claims.support())[claim.id]!
    expect(oneLost).toMatchObject({ status: 'single', lostLinks: [own.id] })
    wire.anchor = { state: 'orphan', previousQuote: null }
    expect((await claims.support())[claim.id]).toMatchObject({ status: 'unsupported', lostLinks: [wire.id, own.id] })
  })

  it('warns, on the seeds, that a claim backed by the aggregator’s "goodwill has been squandered" quotes words only it carries', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: resolve(__dirname, '../../../../seeds') })
    await workbench.boot()
    const { annotations, claims } = workbench.project
    const aggregator = workbench.project.store.library.data.sources.find((source) => source.relativePath.startsWith('001_'))!
    const text = (await workbench.project.library.sourceText(aggregator.id)).text
    const highlight = (phrase: string) => {
      const start = text.indexOf(phrase)
      return annotations.create({ sourceId: aggregator.id, contentHash: aggregator.contentHash, start, end: start + phrase.length, color: 'yellow', comment: '', tags: [] })
    }
    const goodwill = await highlight('goodwill has been squandered')
    const trade = await highlight('truly good results')
    const backed = await claims.create('Putin said goodwill had been squandered')
    await claims.link(backed.id, goodwill.id)
    await claims.link(backed.id, trade.id)
    const disputed = await claims.create('Putin said relations were fine')
    await claims.link(disputed.id, goodwill.id)
    await claims.setStance(disputed.id, goodwill.id, true)
    // What the renderer asks for: claim support with the quote ledger's findings merged in.
    const api = createCoreHandlers(workbench)
    const support = await api.claimSupport(undefined)
    expect(support[backed.id]?.singleSourceQuotes).toEqual([{ annotationId: goodwill.id, quote: 'goodwill has been squandered', groupId: expect.any(String) }])
    // A passage marked as contradicting the claim does not back it: nothing to warn about.
    expect(support[disputed.id]?.singleSourceQuotes).toEqual([])
  }, 30_000)
})
