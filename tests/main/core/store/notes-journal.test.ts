import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { journalName, NotesJournal, NOTES_FILE } from '../../../../src/main/core/store/notes-journal'
import { applyNotesDelta, emptyNotes, type NotesData } from '../../../../src/main/core/store/storage'
import { makeAnnotation } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

const annotation = (id: string, comment = '') => ({ ...makeAnnotation({ id, sourceId: 's1', exact: `words ${id}`, contentHash: 'd'.repeat(64) }), comment })

describe('NotesJournal', () => {
  const tempDir = useTempDirs()

  async function opened(dir: string, compactAfterBytes?: number) {
    const warnings: string[] = []
    const journal = new NotesJournal(dir, (message) => void warnings.push(message), compactAfterBytes)
    const notes = await journal.load()
    journal.follow(() => notes)
    return { journal, notes, warnings }
  }

  it('saves an edit as one appended line, leaving the snapshot untouched', async () => {
    const dir = await tempDir()
    const { journal } = await opened(dir)
    await journal.replace({ ...emptyNotes(), annotations: [annotation('a0')] })
    const snapshot = await stat(join(dir, NOTES_FILE))
    await journal.append({ annotations: { put: [annotation('a1')], removed: [] } })
    await journal.append({ annotations: { put: [annotation('a1', 'second look')], removed: ['a0'] } })
    expect((await stat(join(dir, NOTES_FILE))).mtimeMs).toBe(snapshot.mtimeMs)
    expect((await readFile(join(dir, journalName(1)), 'utf-8')).trim().split('\n')).toHaveLength(2)
    await journal.close()
    const { notes, warnings } = await opened(dir)
    expect(notes.annotations).toEqual([annotation('a1', 'second look')])
    expect(warnings).toEqual([])
  })

  it('drops a last line a crash cut short (never acknowledged) without a warning, and appends after it cleanly', async () => {
    const dir = await tempDir()
    const first = await opened(dir)
    await first.journal.append({ annotations: { put: [annotation('a1')], removed: [] } })
    await first.journal.close()
    await appendFile(join(dir, journalName(0)), '{"annotations":{"put":[{"id":"a2","tar')
    const second = await opened(dir)
    expect(second.notes.annotations.map((record) => record.id)).toEqual(['a1'])
    expect(second.warnings).toEqual([])
    await second.journal.append({ annotations: { put: [annotation('a3')], removed: [] } })
    await second.journal.close()
    const third = await opened(dir)
    expect(third.notes.annotations.map((record) => record.id)).toEqual(['a1', 'a3'])
    expect(third.warnings).toEqual([])
  })

  it('keeps the edits before damage in the middle of the journal, sets the journal aside and says so', async () => {
    const dir = await tempDir()
    const first = await opened(dir)
    await first.journal.append({ annotations: { put: [annotation('a1')], removed: [] } })
    await first.journal.close()
    await appendFile(join(dir, journalName(0)), 'not json at all\n{"annotations":{"put":[],"removed":["a1"]}}\n')
    const second = await opened(dir)
    expect(second.notes.annotations.map((record) => record.id)).toEqual(['a1'])
    expect(second.warnings).toEqual([expect.stringContaining('notes journal was damaged')])
    await second.journal.close()
    expect((await readdir(dir)).some((name) => name.startsWith(`${journalName(0)}.damaged-`))).toBe(true)
    // What was kept is in a new snapshot: the next open has nothing to warn about.
    const third = await opened(dir)
    expect(third.notes.annotations.map((record) => record.id)).toEqual(['a1'])
    expect(third.warnings).toEqual([])
  })

  it('folds a grown journal into a new snapshot in the background and deletes the old journal', async () => {
    const dir = await tempDir()
    const { journal, notes } = await opened(dir, 2_000)
    for (let index = 0; index < 40; index++) {
      const delta = { annotations: { put: [annotation(`a${index}`, 'x'.repeat(100))], removed: [] } }
      applyNotesDelta(notes, delta)
      await journal.append(delta)
    }
    await journal.close()
    const names = await readdir(dir)
    const journals = names.filter((name) => name.startsWith('notes-journal-'))
    expect(journals.every((name) => name !== journalName(0))).toBe(true)
    const snapshot = JSON.parse(await readFile(join(dir, NOTES_FILE), 'utf-8')) as NotesData & { journal: number }
    expect(snapshot.journal).toBeGreaterThan(0)
    const again = await opened(dir)
    expect(again.notes.annotations).toHaveLength(40)
  })

  it('reads a project saved before the journal existed (a notes.json alone)', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, NOTES_FILE), JSON.stringify({ version: 1, annotations: [annotation('old')], claims: [] }))
    const { notes, warnings } = await opened(dir)
    expect(notes.annotations.map((record) => record.id)).toEqual(['old'])
    expect(notes.savedSearches).toEqual([])
    expect(warnings).toEqual([])
  })

  it('sets aside, never deletes, a journal the snapshot does not account for (notes.json lost)', async () => {
    const dir = await tempDir()
    const first = await opened(dir)
    await first.journal.replace({ ...emptyNotes(), annotations: [annotation('a0')] })
    await first.journal.append({ annotations: { put: [annotation('a1')], removed: [] } })
    await first.journal.close()
    await rm(join(dir, NOTES_FILE))
    const second = await opened(dir)
    expect(second.warnings).toEqual([expect.stringContaining('holds edits that notes.json does not account for')])
    expect((await readdir(dir)).some((name) => name.startsWith(`${journalName(1)}.damaged-`))).toBe(true)
  })
})
