import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { writeTable, type GroupEntry, type QuoteTable } from '../../../../../src/main/core/corroboration/findings/group-tables'
import { GroupedResults } from '../../../../../src/main/core/corroboration/findings/grouped-results'
import { DamagedTableError } from '../../../../../src/main/core/corroboration/findings/table-reads'
import { useTempDirs } from '../../../../helpers/temp-dir'

interface Group {
  id: string
  text: string
}

const meta = (digest: string) => ({ kind: 'quotes' as const, digest, quotations: 2, sourcesScanned: 2, unreadable: [] })
const entryOf = (group: Group): GroupEntry<Group> => ({ card: group, columns: [3, 0], sections: [group.id, '', group.text] })
const groups = (word: string): Group[] => [
  { id: `${word}-1`, text: `${word} harvest late` },
  { id: `${word}-2`, text: `${word} talks over` }
]

describe('grouped-results', () => {
  const tempDir = useTempDirs()

  async function savedResults(dir: string): Promise<GroupedResults> {
    await writeTable<QuoteTable, Group>(dir, meta('d1'), groups('old'), entryOf)
    const results = new GroupedResults(dir)
    await results.loadSaved()
    return results
  }

  it('answers a read that spans a replacement from the table it began on, and keeps the new one', async () => {
    const dir = await tempDir()
    const results = await savedResults(dir)
    const answer = await results.reading('quotes', async (quotes) => {
      const holds = await quotes.termsTest(['harvest'])
      // A pass adopts a newer table between the read's two steps.
      await results.adoptQuotes(await writeTable<QuoteTable, Group>(dir, meta('d2'), groups('new'), entryOf))
      return quotes.cards<Group>([0, 1].filter(holds))
    })
    expect(answer).toEqual([{ id: 'old-1', text: 'old harvest late' }])
    expect(results.quotes?.table.digest).toBe('d2')
    expect(await results.reading('quotes', (quotes) => quotes.cards<Group>([0]))).toEqual([{ id: 'new-1', text: 'new harvest late' }])
    // The old table's files went once its read was done; the new one's stay.
    expect((await readdir(dir)).sort()).toEqual(['quotes-00000002.groups', 'quotes-00000002.json'])
  })

  it('forgets only the table a damaged read names, never a newer one in use', async () => {
    const dir = await tempDir()
    const results = await savedResults(dir)
    await results.adoptQuotes(await writeTable<QuoteTable, Group>(dir, meta('d2'), groups('new'), entryOf))
    expect(await results.forgetIfDamaged(new DamagedTableError('quotes', 1))).toBe(true)
    expect(results.quotes?.table.digest).toBe('d2')
    expect((await readdir(dir)).sort()).toEqual(['quotes-00000002.groups', 'quotes-00000002.json'])
    expect(await results.forgetIfDamaged(new DamagedTableError('quotes', 2))).toBe(true)
    expect(results.quotes).toBeNull()
    expect(await readdir(dir)).toEqual([])
  })

  it('does not take another error for damage', async () => {
    const results = await savedResults(await tempDir())
    expect(await results.forgetIfDamaged(new Error('EMFILE: too many open files'))).toBe(false)
    expect(results.quotes?.table.digest).toBe('d1')
  })
})
