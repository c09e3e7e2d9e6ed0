import type * as fs from 'node:fs/promises'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadTable, writeTable, type GroupEntry, type QuoteTable } from '../../../../../src/main/core/corroboration/findings/group-tables'
import { DamagedTableError, readCards } from '../../../../../src/main/core/corroboration/findings/table-reads'
import { useTempDirs } from '../../../../helpers/temp-dir'

// Opens can be made to fail as a busy system fails them.
const failing = vi.hoisted(() => ({ code: null as string | null }))
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof fs>()
  return {
    ...actual,
    open: (...args: Parameters<typeof actual.open>) => {
      if (failing.code === null) return actual.open(...args)
      return Promise.reject(Object.assign(new Error(`${failing.code}: cannot open`), { code: failing.code }))
    }
  }
})

interface Group {
  id: string
}

const meta = { kind: 'quotes' as const, digest: 'd1', quotations: 2, sourcesScanned: 2, unreadable: [] }
const entryOf = (group: Group): GroupEntry<Group> => ({ card: group, columns: [3, 0], sections: [group.id, '', 'words'] })

describe('table-reads', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    failing.code = null
  })

  async function saved(dir: string) {
    await writeTable<QuoteTable, Group>(dir, meta, [{ id: 'q1' }, { id: 'q2' }], entryOf)
    return (await loadTable(dir, 'quotes'))!
  }

  it('passes on an open refused for too many open files, a busy or a locked file, as it is: the table is not damaged', async () => {
    const dir = await tempDir()
    const table = await saved(dir)
    for (const code of ['EMFILE', 'EBUSY', 'EACCES']) {
      failing.code = code
      const error = await readCards(dir, table, [0]).catch((caught: unknown) => caught)
      expect(error).not.toBeInstanceOf(DamagedTableError)
      expect(error).toMatchObject({ code })
    }
    failing.code = null
    expect(await readCards(dir, table, [1])).toEqual([{ id: 'q2' }])
  })

  it('calls a missing groups file damage, naming the table', async () => {
    const dir = await tempDir()
    const table = await saved(dir)
    await rm(join(dir, table.table.bodies!))
    const error = await readCards(dir, table, [0]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DamagedTableError)
    expect(error).toMatchObject({ kind: 'quotes', generation: table.table.generation })
  })

  it('calls a span outside the file damage rather than reading anywhere', async () => {
    const dir = await tempDir()
    const table = await saved(dir)
    table.columns.cardStart[1] = table.table.bodiesBytes * 4
    await expect(readCards(dir, table, [0])).rejects.toBeInstanceOf(DamagedTableError)
  })
})
