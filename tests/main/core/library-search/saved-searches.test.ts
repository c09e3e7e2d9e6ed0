import { describe, expect, it } from 'vitest'
import { createCoreHandlers } from '../../../../src/main/core/api-handlers'
import { notesDataSchema } from '../../../../src/main/core/store/project-store'
import { Workbench } from '../../../../src/main/core/workbench'
import { useTempDirs } from '../../../helpers/temp-dir'

describe('saved searches', () => {
  const tempDir = useTempDirs()

  it('keeps named searches in the project, replaces one saved again under its name, and deletes one', async () => {
    const dataDir = await tempDir()
    const workbench = new Workbench({ dataDir, seedsDir: null, now: () => new Date('2026-01-16T10:00:00Z') })
    await workbench.boot()
    const api = createCoreHandlers(workbench)
    const trade = await api.saveSearch({ name: 'Trade quote', query: '"positive results" OR "good results"', nameVariants: false })
    const names = await api.saveSearch({ name: 'Ambassador', query: 'Lee Sok-bae', nameVariants: true })
    expect(trade).toMatchObject({ name: 'Trade quote', query: '"positive results" OR "good results"', nameVariants: false, createdAt: '2026-01-16T10:00:00.000Z' })
    const again = await api.saveSearch({ name: 'trade QUOTE', query: '"truly positive"', nameVariants: false })
    expect(again.id).toBe(trade.id)
    expect((await api.listSavedSearches(undefined)).map((saved) => [saved.name, saved.query])).toEqual([
      ['trade QUOTE', '"truly positive"'],
      ['Ambassador', 'Lee Sok-bae']
    ])
    await api.deleteSavedSearch({ id: trade.id })
    await expect(api.deleteSavedSearch({ id: trade.id })).rejects.toThrow(`search: no saved search ${trade.id}`)

    const reopened = new Workbench({ dataDir, seedsDir: null })
    await reopened.boot()
    expect(await createCoreHandlers(reopened).listSavedSearches(undefined)).toEqual([names])
  }, 30_000)

  it('reads notes saved before there were saved searches', () => {
    expect(notesDataSchema.parse({ version: 1, annotations: [], claims: [] }).savedSearches).toEqual([])
  })
})
