import { createHash } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { QuoteGroup } from '../../../../../src/shared/domain/corroboration'
import { GROUPING_VERSION, loadTable, writeTable, type GroupEntry, type QuoteTable } from '../../../../../src/main/core/corroboration/findings/group-tables'
import { readCards, readSection, readWholes } from '../../../../../src/main/core/corroboration/findings/table-reads'
import { analyseText, loadNameFinder, sourceQuotes } from '../../../../../src/main/core/corroboration/findings/text-findings'
import { nameGrouping } from '../../../../../src/main/core/corroboration/names/group-names'
import { groupQuotes } from '../../../../../src/main/core/corroboration/quotes/group-quotes'
import { useTempDirs } from '../../../../helpers/temp-dir'

const seedsDir = resolve(__dirname, '../../../../../seeds')

/**
 * How the seed articles group, per GROUPING_VERSION. When grouping changes its result, saved
 * results of the old code must not be shown: bump GROUPING_VERSION in group-tables.ts and
 * record the new digest here under it.
 */
const RECORDED = { grouping: 2, digest: 'eb0218bd6053bfac6f12258b0ad4c8be6edcb57ce25629f50d8141154a7dbfde' }

async function seedGroups(): Promise<{ quotes: QuoteGroup[]; names: ReturnType<typeof nameGrouping> }> {
  const extractNames = await loadNameFinder()
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort()
  const found = await Promise.all(names.map(async (name, index) => ({ id: `seed-${index}`, findings: analyseText(await readFile(join(seedsDir, name), 'utf8'), extractNames) })))
  return {
    quotes: groupQuotes(found.flatMap(({ id, findings }) => sourceQuotes({ id, contentHash: '0'.repeat(64) }, findings))),
    names: nameGrouping(
      found.map(({ id, findings }) => ({ sourceId: id, mentions: findings.names })),
      []
    )
  }
}

const meta = (digest: string) => ({ kind: 'quotes' as const, digest, quotations: 3, sourcesScanned: 2, unreadable: [] })
/** A card of the first version only, as a stand-in for group-cards.ts: a group of more versions is saved whole beside it. */
const entryOf = (group: QuoteGroup): GroupEntry<QuoteGroup> => ({
  card: group.versions.length > 1 ? { ...group, versions: group.versions.slice(0, 1) } : group,
  columns: [group.words, group.flags.singleSource ? 1 : 0],
  sections: [group.id, '', group.reference]
})

describe('group-tables', () => {
  const tempDir = useTempDirs()

  it('groups the seeds as GROUPING_VERSION says they group (bump it when grouping changes)', async () => {
    const digest = createHash('sha256').update(JSON.stringify(await seedGroups())).digest('hex')
    expect({ grouping: GROUPING_VERSION, digest }).toEqual(RECORDED)
  })

  it('reads back on the next start any page of cards, any group whole, and the words a query needs', async () => {
    const dir = await tempDir()
    const { quotes } = await seedGroups()
    expect(quotes.some((group) => group.versions.length > 1)).toBe(true)
    await writeTable<QuoteTable, QuoteGroup>(dir, meta('d1'), quotes, entryOf)
    const saved = (await loadTable(dir, 'quotes'))!
    expect(saved.table.digest).toBe('d1')
    expect(saved.columns.count).toBe(quotes.length)
    expect([...saved.columns.values[0]!]).toEqual(quotes.map((group) => Math.min(255, group.words)))
    expect(await readCards(dir, saved, [2, 0])).toEqual([entryOf(quotes[2]!).card, entryOf(quotes[0]!).card])
    expect(await readWholes(dir, saved, [0, 2])).toEqual([quotes[0], quotes[2]])
    expect(await readSection(dir, saved, 0)).toEqual(quotes.map((group) => group.id))
    expect(await readSection(dir, saved, 2)).toEqual(quotes.map((group) => group.reference))
  })

  it('keeps the groups in memory when the folder refuses the write, answering the same', async () => {
    const dir = await tempDir()
    const blocked = join(dir, 'not-a-folder')
    await writeFile(blocked, '')
    const { quotes } = await seedGroups()
    const kept = await writeTable<QuoteTable, QuoteGroup>(blocked, meta('d1'), quotes, entryOf)
    expect(kept.table.bodies).toBeNull()
    expect(await readCards(dir, kept, [0, 1, 2])).toEqual(quotes.slice(0, 3).map((group) => entryOf(group).card))
    expect(await readWholes(dir, kept, [1])).toEqual([quotes[1]])
    expect(await readSection(dir, kept, 0)).toEqual(quotes.map((group) => group.id))
  })

  it('ignores a saved result of other grouping code, or one whose groups file is cut short', async () => {
    const dir = await tempDir()
    const { quotes } = await seedGroups()
    const first = await writeTable<QuoteTable, QuoteGroup>(dir, meta('d1'), quotes, entryOf)
    const rows = join(dir, `quotes-0000000${first.table.generation}.json`)
    await writeFile(rows, (await readFile(rows, 'utf8')).replace(`"version":${GROUPING_VERSION}`, '"version":999'))
    expect(await loadTable(dir, 'quotes')).toBeNull()
    const second = await writeTable<QuoteTable, QuoteGroup>(dir, meta('d2'), quotes, entryOf)
    expect((await loadTable(dir, 'quotes'))?.table.digest).toBe('d2')
    const groups = join(dir, `quotes-0000000${second.table.generation}.groups`)
    await writeFile(groups, (await readFile(groups)).subarray(0, 100))
    expect(await loadTable(dir, 'quotes')).toBeNull()
  })

  it('ignores a saved table whose columns are damaged in place, the file keeping its size', async () => {
    const dir = await tempDir()
    const { quotes } = await seedGroups()
    const { table } = await writeTable<QuoteTable, QuoteGroup>(dir, meta('d1'), quotes, entryOf)
    const groups = join(dir, table.bodies!)
    const pristine = await readFile(groups)
    const damage = async (change: (columns: Buffer) => void): ReturnType<typeof loadTable<'quotes'>> => {
      const bytes = Buffer.from(pristine)
      change(bytes.subarray(table.columnsAt[0], table.columnsAt[0] + table.columnsAt[1]))
      await writeFile(groups, bytes)
      expect((await stat(groups)).size).toBe(pristine.length)
      return loadTable(dir, 'quotes')
    }
    const count = quotes.length
    // The first card said to start past the file's start; a card starting before the one ahead of it; a whole group past the columns; unknown flags.
    expect(await damage((columns) => columns.writeDoubleLE(5, 0))).toBeNull()
    expect(await damage((columns) => columns.writeDoubleLE(0, 8 * 2))).toBeNull()
    expect(await damage((columns) => columns.writeDoubleLE(table.bodiesBytes, 8 * (count + 1)))).toBeNull()
    expect(await damage((columns) => columns.fill(0xff, 8 * (3 * count + 1) + count))).toBeNull()
    expect((await damage(() => undefined))?.table.digest).toBe('d1')
  })

  it('ignores a saved table of the first format (rows in the .json), so it is grouped again', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'quotes-00000001.groups'), '{"id":"q1"}\n')
    const old = { format: 'sourcebench-grouped', kind: 'quotes', version: 1, analyser: 1, digest: 'd1', generation: 1, bodies: 'quotes-00000001.groups', bodiesBytes: 12, quotations: 1, sourcesScanned: 1, unreadable: [], rows: [[0, 11, 'q1', 3, 1, 's1', 'words']] }
    await writeFile(join(dir, 'quotes-00000001.json'), JSON.stringify(old))
    expect((await stat(join(dir, 'quotes-00000001.groups'))).size).toBe(12)
    expect(await loadTable(dir, 'quotes')).toBeNull()
  })
})
