import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { QuoteGroup } from '../../../../../src/shared/domain/corroboration'
import { GROUPING_VERSION, loadTable, readGroups, writeTable, type QuoteTable } from '../../../../../src/main/core/corroboration/findings/group-tables'
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
const RECORDED = { grouping: 1, digest: '583a9671fefafa6ea883d3350810d97cb5ea4f20a2616d02cb26123ce8939de0' }

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
const rowOf = (group: QuoteGroup): [string, number, number, string, string] => [group.id, group.words, 0, '', group.reference]

describe('group-tables', () => {
  const tempDir = useTempDirs()

  it('groups the seeds as GROUPING_VERSION says they group (bump it when grouping changes)', async () => {
    const digest = createHash('sha256').update(JSON.stringify(await seedGroups())).digest('hex')
    expect({ grouping: GROUPING_VERSION, digest }).toEqual(RECORDED)
  })

  it('reads back any page of the saved groups by their rows on the next start', async () => {
    const dir = await tempDir()
    const { quotes } = await seedGroups()
    await writeTable<QuoteTable, QuoteGroup>(dir, meta('d1'), quotes, rowOf)
    const table = (await loadTable(dir, 'quotes'))!
    expect(table.digest).toBe('d1')
    expect(table.rows.map((row) => row[2])).toEqual(quotes.map((group) => group.id))
    const page = [table.rows[2]!, table.rows[0]!]
    expect(await readGroups(dir, table, page)).toEqual([quotes[2], quotes[0]])
  })

  it('keeps the groups in memory when the folder refuses the write', async () => {
    const dir = await tempDir()
    const blocked = join(dir, 'not-a-folder')
    await writeFile(blocked, '')
    const { quotes } = await seedGroups()
    const table = await writeTable<QuoteTable, QuoteGroup>(blocked, meta('d1'), quotes, rowOf)
    expect(table.bodies).toBeNull()
    expect(await readGroups(dir, table, table.rows.slice(0, 3))).toEqual(quotes.slice(0, 3))
  })

  it('ignores a saved result of other grouping code, or one whose groups file is cut short', async () => {
    const dir = await tempDir()
    const { quotes } = await seedGroups()
    const first = await writeTable<QuoteTable, QuoteGroup>(dir, meta('d1'), quotes, rowOf)
    const rows = join(dir, `quotes-0000000${first.generation}.json`)
    await writeFile(rows, (await readFile(rows, 'utf8')).replace(`"version":${GROUPING_VERSION}`, '"version":999'))
    expect(await loadTable(dir, 'quotes')).toBeNull()
    const second = await writeTable<QuoteTable, QuoteGroup>(dir, meta('d2'), quotes, rowOf)
    expect((await loadTable(dir, 'quotes'))?.digest).toBe('d2')
    const groups = join(dir, `quotes-0000000${second.generation}.groups`)
    await writeFile(groups, (await readFile(groups, 'utf8')).slice(0, 100))
    expect(await loadTable(dir, 'quotes')).toBeNull()
  })
})
