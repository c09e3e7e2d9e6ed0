import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { FOLD_AFTER_BYTES, FOLD_AFTER_SEGMENTS, JOURNAL_MAX_SOURCES, SEGMENT_SOURCES, SegmentedLibrary } from '../../../../src/main/core/store/segmented-library'
import type { Source } from '../../../../src/shared/domain/source'
import { FolderStorage } from '../../../../src/main/core/store/folder-storage'
import { emptyNotes } from '../../../../src/main/core/store/storage'
import { makeSource } from '../../../helpers/factories'
import { useTempDirs } from '../../../helpers/temp-dir'

const root = { id: 'root', path: '/news', name: 'news', importedAt: '2026-01-01T00:00:00.000Z', complete: true }

function library(count: number): Source[] {
  return Array.from({ length: count }, (_, index) => makeSource({ id: `s${index}`, title: `Story ${index}`, relativePath: `s${index}.txt` }))
}

describe('SegmentedLibrary', () => {
  const tempDir = useTempDirs()

  async function opened(dir: string) {
    const warnings: string[] = []
    const segments = new SegmentedLibrary(dir, (message) => void warnings.push(message))
    const data = await segments.load()
    return { segments, data, warnings }
  }

  const files = async (dir: string) => (await readdir(join(dir, 'library'))).sort()

  it('appends a small change to the journal, and a fold rewrites only the segments it touched', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES * 3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.1.json', 'sources-1.1.json', 'sources-2.1.json'])
    const edited = { ...sources[SEGMENT_SOURCES + 5]!, title: 'Corrected' }
    sources[SEGMENT_SOURCES + 5] = edited
    const lookup = (id: string) => sources.find((source) => source.id === id)
    await segments.commit({ put: [edited], removed: [], source: lookup })
    // One line, no segment rewritten.
    expect(await files(dir)).toEqual(['journal-1.jsonl', 'manifest.json', 'meta.1.json', 'sources-0.1.json', 'sources-1.1.json', 'sources-2.1.json'])
    // Its first line says which parts it is newer than (see the test of a library rebuilt without its manifest), as an empty change.
    expect((await readFile(join(dir, 'library', 'journal-1.jsonl'), 'utf-8')).split('\n')).toEqual(['{"put":[],"removed":[],"generation":1}', expect.stringContaining('"put"'), ''])
    const reopened = await opened(dir)
    expect(reopened.data.sources.find((source) => source.id === edited.id)?.title).toBe('Corrected')
    expect(reopened.data.sources.map((source) => source.id)).toEqual(sources.map((source) => source.id))
    await segments.fold()
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.1.json', 'sources-1.2.json', 'sources-2.1.json'])
    const again = await opened(dir)
    expect(again.data.sources.find((source) => source.id === edited.id)?.title).toBe('Corrected')
    expect(again.data.sources).toHaveLength(SEGMENT_SOURCES * 3)
    expect(again.warnings).toEqual([])
  })

  it('adds new sources to the last segment while it has room, then starts another', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES + 10)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources.slice(0, SEGMENT_SOURCES - 1), removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    await segments.commit({ put: sources.slice(SEGMENT_SOURCES - 1), removed: [], source: lookup })
    await segments.fold()
    const manifest = JSON.parse(await readFile(join(dir, 'library', 'manifest.json'), 'utf-8')) as { segments: Array<{ id: number; count: number }> }
    expect(manifest.segments.map((segment) => segment.count)).toEqual([SEGMENT_SOURCES, 10])
    expect((await opened(dir)).data.sources).toEqual(sources)
  })

  it('replays removals, additions and a source removed then added again, in order, and folds them', async () => {
    const dir = await tempDir()
    let sources = library(4)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    const added = makeSource({ id: 'new', title: 'Added', relativePath: 'new.txt' })
    const passing = makeSource({ id: 'passing', title: 'Added and removed', relativePath: 'passing.txt' })
    sources = [...sources.filter((source) => source.id !== 's1' && source.id !== 's2'), added]
    await segments.commit({ put: [added, passing], removed: ['s1', 's2'], source: lookup })
    await segments.commit({ put: [], removed: ['passing'], source: lookup })
    const s1 = makeSource({ id: 's1', title: 'Back again', relativePath: 's1.txt' })
    sources.push(s1)
    await segments.commit({ put: [s1], removed: [], source: lookup })
    const expected = ['s0', 's1', 's3', 'new']
    const titles = (data: { sources: Source[] }) => data.sources.map((source) => `${source.id}:${source.title}`).sort()
    const reopened = await opened(dir)
    expect(titles(reopened.data)).toEqual(titles({ sources }))
    expect(reopened.data.sources.map((source) => source.id).sort()).toEqual([...expected].sort())
    await segments.fold()
    const folded = await opened(dir)
    expect(titles(folded.data)).toEqual(titles({ sources }))
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.2.json'])
  })

  it('drops a line a crash cut short, without a warning, and appends after what was whole', async () => {
    const dir = await tempDir()
    const sources = library(3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    await segments.commit({ put: [{ ...sources[0]!, title: 'Acknowledged' }], removed: [], source: lookup })
    const journal = join(dir, 'library', 'journal-1.jsonl')
    const whole = await readFile(journal, 'utf-8')
    await writeFile(journal, `${whole}{"put":[{"id":"s1","tit`)
    const reopened = await opened(dir)
    expect(reopened.warnings).toEqual([])
    expect(reopened.data.sources.map((source) => source.title)).toEqual(['Acknowledged', 'Story 1', 'Story 2'])
    expect(await readFile(journal, 'utf-8')).toBe(whole)
    await reopened.segments.commit({ put: [{ ...sources[2]!, title: 'After the crash' }], removed: [], source: lookup })
    expect((await opened(dir)).data.sources.map((source) => source.title)).toEqual(['Acknowledged', 'Story 1', 'After the crash'])
  })

  it('keeps the changes before a damaged line, writes them into the segments and sets the journal aside', async () => {
    const dir = await tempDir()
    const sources = library(3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    await segments.commit({ put: [{ ...sources[0]!, title: 'Before the damage' }], removed: [], source: lookup })
    const journal = join(dir, 'library', 'journal-1.jsonl')
    await writeFile(journal, `${await readFile(journal, 'utf-8')}{"put":[{"id":7}],"removed":[]}\n{"put":[],"removed":["s2"]}\n`)
    const reopened = await opened(dir)
    expect(reopened.warnings).toEqual([expect.stringContaining("library's journal was damaged")])
    expect(reopened.data.sources.map((source) => source.title)).toEqual(['Before the damage', 'Story 1', 'Story 2'])
    expect((await files(dir)).filter((name) => name.startsWith('journal-1.jsonl.damaged-'))).toHaveLength(1)
    // In the segments now: the next open reads it without the journal, and warns of nothing.
    const again = await opened(dir)
    expect(again.data.sources.map((source) => source.title)).toEqual(['Before the damage', 'Story 1', 'Story 2'])
    expect(again.warnings).toEqual([])
  })

  it('asks to be folded once the journal touches enough segments, and then starts a new journal', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES * (FOLD_AFTER_SEGMENTS + 1))
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources[Number(id.slice(1))]
    for (let segment = 0; segment < FOLD_AFTER_SEGMENTS; segment++) {
      expect(segments.wantsFold()).toBe(false)
      const index = segment * SEGMENT_SOURCES
      sources[index] = { ...sources[index]!, title: `Edited ${segment}` }
      // Twice in the same segment counts once.
      await segments.commit({ put: [sources[index]!], removed: [], source: lookup })
      await segments.commit({ put: [sources[index]!], removed: [], source: lookup })
    }
    expect(segments.wantsFold()).toBe(true)
    await segments.fold()
    expect(segments.wantsFold()).toBe(false)
    const names = await files(dir)
    expect(names.filter((name) => name.startsWith('journal-'))).toEqual([])
    expect(names.filter((name) => name.endsWith('.2.json'))).toHaveLength(FOLD_AFTER_SEGMENTS)
    const again = await opened(dir)
    expect(again.data.sources.filter((source) => source.title.startsWith('Edited'))).toHaveLength(FOLD_AFTER_SEGMENTS)
  })

  it('folds a due journal once writes pause, not during them, and at once when it has grown four times past due', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES * FOLD_AFTER_SEGMENTS)
    const storage = new FolderStorage(dir, () => undefined, emptyNotes, 1_000)
    await storage.loadLibrary()
    await storage.loadNotes()
    const lookup = (id: string) => sources[Number(id.slice(1))]
    await storage.commitLibrary({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: lookup })
    for (let segment = 0; segment < FOLD_AFTER_SEGMENTS; segment++) {
      const index = segment * SEGMENT_SOURCES + 1
      sources[index] = { ...sources[index]!, title: `Edited ${segment}` }
      await storage.commitLibrary({ put: [sources[index]!], removed: [], source: lookup })
    }
    const journals = async () => (await files(dir)).filter((name) => name.startsWith('journal-'))
    // Due now; notes keep being written, so it waits.
    const until = Date.now() + 400
    while (Date.now() < until) {
      await storage.appendNotes({ savedSearches: [] })
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // No fold began: one writes its first segment within milliseconds, and its lines would go on to the next journal.
    expect(await journals()).toEqual(['journal-1.jsonl'])
    expect((await files(dir)).filter((name) => name.endsWith('.2.json'))).toEqual([])
    await vi.waitFor(async () => expect(await journals()).toEqual([]), { timeout: 15_000, interval: 50 })
    // One more after the fold lands in the next journal.
    sources[0] = { ...sources[0]!, title: 'After the fold' }
    await storage.commitLibrary({ put: [sources[0]], removed: [], source: lookup })
    await storage.close()
    const names = await files(dir)
    expect(names.filter((name) => name.endsWith('.2.json'))).toHaveLength(FOLD_AFTER_SEGMENTS)
    expect(names.filter((name) => name.startsWith('journal-'))).toEqual(['journal-2.jsonl'])
    const again = await opened(dir)
    expect(again.data.sources.map((source) => source.title)).toEqual(sources.map((source) => source.title))

    // Past four times the size a fold is due at, it does not wait for a pause (an hour here).
    const busy = new FolderStorage(dir, () => undefined, emptyNotes, 3_600_000)
    await busy.loadLibrary()
    const batch = sources.slice(0, JOURNAL_MAX_SOURCES)
    const lineBytes = JSON.stringify({ put: batch, removed: [] }).length
    for (let line = 0; line * lineBytes <= FOLD_AFTER_BYTES * 4; line++) await busy.commitLibrary({ put: batch, removed: [], source: lookup })
    await vi.waitFor(async () => expect(await journals()).toEqual([]), { timeout: 15_000, interval: 50 })
    await busy.close()
  }, 60_000)

  it('begins no fold once closing, even one a commit still under way makes due', async () => {
    const dir = await tempDir()
    const sources = library(JOURNAL_MAX_SOURCES)
    const storage = new FolderStorage(dir, () => undefined, emptyNotes, 50)
    await storage.loadLibrary()
    const lookup = (id: string) => sources[Number(id.slice(1))]
    await storage.commitLibrary({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: lookup })
    const lineBytes = JSON.stringify({ put: sources, removed: [] }).length
    for (let line = 1; line * lineBytes < FOLD_AFTER_BYTES; line++) await storage.commitLibrary({ put: sources, removed: [], source: lookup })
    // The commit that makes the fold due is still under way when the close begins.
    const last = storage.commitLibrary({ put: sources, removed: [], source: lookup })
    const closing = storage.close()
    await Promise.all([last, closing])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual(['journal-1.jsonl'])
  })

  it('appends while a fold writes, to the next journal, and replays every journal from the first after a crash mid-fold', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES * 2)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const byId = new Map(sources.map((source) => [source.id, source]))
    const lookup = (id: string) => byId.get(id)
    const edit = async (id: string, title: string) => {
      byId.set(id, { ...byId.get(id)!, title })
      await segments.commit({ put: [byId.get(id)!], removed: [], source: lookup })
    }
    await edit('s0', 'First')
    await edit(`s${SEGMENT_SOURCES}`, 'In the second segment')
    const folding = segments.fold()
    // While the fold writes: a later edit of a folded source, and a removal of one from the segment it has not written yet.
    await edit('s0', 'During the fold')
    byId.delete(`s${SEGMENT_SOURCES + 1}`)
    await segments.commit({ put: [], removed: [`s${SEGMENT_SOURCES + 1}`], source: lookup })
    expect(await files(dir)).toContain('journal-2.jsonl')
    // And one removed from memory whose commit is still queued: the fold leaves it out rather than failing.
    byId.delete(`s${SEGMENT_SOURCES + 2}`)
    await folding
    await segments.commit({ put: [], removed: [`s${SEGMENT_SOURCES + 2}`], source: lookup })
    const manifest = JSON.parse(await readFile(join(dir, 'library', 'manifest.json'), 'utf-8')) as { journal: number }
    expect(manifest.journal).toBe(2)
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual(['journal-2.jsonl'])
    const expected = [...byId.values()].map((source) => `${source.id}:${source.title}`).sort()
    const titles = (data: { sources: Source[] }) => data.sources.map((source) => `${source.id}:${source.title}`).sort()
    const again = await opened(dir)
    expect(titles(again.data)).toEqual(expected)
    expect(again.warnings).toEqual([])
    // A crash after the next journal's first line and before the fold's manifest: both journals are replayed, in order.
    await writeFile(join(dir, 'library', 'journal-3.jsonl'), `${JSON.stringify({ put: [{ ...byId.get('s2')!, title: 'Third journal' }], removed: ['s3'] })}\n`)
    byId.set('s2', { ...byId.get('s2')!, title: 'Third journal' })
    byId.delete('s3')
    const crashed = await opened(dir)
    expect(titles(crashed.data)).toEqual([...byId.values()].map((source) => `${source.id}:${source.title}`).sort())
    // A fold before any commit of this open does nothing: nothing yet says what the sources are now.
    await crashed.segments.fold()
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual(['journal-2.jsonl', 'journal-3.jsonl'])
    byId.set('s4', { ...byId.get('s4')!, title: 'After the open' })
    await crashed.segments.commit({ put: [byId.get('s4')!], removed: [], source: lookup })
    expect(await files(dir)).toContain('journal-3.jsonl')
    await crashed.segments.fold()
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual([])
    expect(titles((await opened(dir)).data)).toEqual([...byId.values()].map((source) => `${source.id}:${source.title}`).sort())
  })

  it('lets a line being appended land before a fold takes its journal, so the fold never deletes it', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES + 1)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    sources[0] = { ...sources[0]!, title: 'Journaled first' }
    await segments.commit({ put: [sources[0]], removed: [], source: lookup })
    for (let round = 0; round < 20; round++) {
      const index = 1 + round
      sources[index] = { ...sources[index]!, title: `Appending ${round}` }
      const appending = segments.commit({ put: [sources[index]], removed: [], source: lookup })
      // The fold asked for while the line is on its way to the disk (at whatever point it has reached).
      for (let turn = 0; turn < round % 4; turn++) await new Promise((resolve) => setImmediate(resolve))
      await Promise.all([appending, segments.fold()])
    }
    const again = await opened(dir)
    expect(again.data.sources.map((source) => source.title)).toEqual(sources.map((source) => source.title))
  })

  it('writes segments, not a journal line, for a small change while no manifest is on disk yet (the first commit failed)', async () => {
    const dir = await tempDir()
    const sources = library(2)
    const { segments } = await opened(dir)
    const failing = () => Promise.reject(new Error('disk full'))
    await expect(segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined, beforeCommit: failing })).rejects.toThrow('disk full')
    await segments.commit({ put: [sources[0]!], removed: [], source: (id) => sources.find((source) => source.id === id) })
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual([])
    expect((await opened(dir)).data.sources.map((source) => source.id)).toEqual(['s0'])
  })

  /**
   * `count` sources committed with the folders, and the lookup a commit or fold reads them through (the live array, so
   * changes to it count), failing like a full disk while `disk.broken`.
   */
  async function committedLibrary(dir: string, count = 3) {
    const sources = library(count)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const disk = { broken: false }
    const lookup = (id: string) => {
      if (disk.broken) throw new Error('disk full')
      return sources.find((source) => source.id === id)
    }
    return { sources, segments, disk, lookup }
  }

  it('keeps the journal when a fold fails, and folds it all the next time', async () => {
    const dir = await tempDir()
    const { sources, segments, disk, lookup } = await committedLibrary(dir)
    sources[0] = { ...sources[0]!, title: 'Kept' }
    await segments.commit({ put: [sources[0]], removed: [], source: lookup })
    disk.broken = true
    await expect(segments.fold()).rejects.toThrow('disk full')
    disk.broken = false
    sources[1] = { ...sources[1]!, title: 'After the failure' }
    await segments.commit({ put: [sources[1]], removed: [], source: lookup })
    expect((await opened(dir)).data.sources.map((source) => source.title)).toEqual(['Kept', 'After the failure', 'Story 2'])
    await segments.fold()
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual([])
    expect((await opened(dir)).data.sources.map((source) => source.title)).toEqual(['Kept', 'After the failure', 'Story 2'])
  })

  it('counts every journal no fold has taken towards when to fold: after a failed fold, and after an open', async () => {
    const dir = await tempDir()
    const { sources, segments, disk, lookup } = await committedLibrary(dir)
    // Lines of about a tenth of what makes a fold due, in the same segment (which alone never makes one due).
    const tenth = Math.ceil(FOLD_AFTER_BYTES / 10)
    const edit = async (round: number): Promise<void> => {
      sources[0] = { ...sources[0]!, title: `${round} ${'x'.repeat(tenth)}` }
      await segments.commit({ put: [sources[0]], removed: [], source: lookup })
    }
    for (let round = 0; round < 6; round++) await edit(round)
    disk.broken = true
    await expect(segments.fold()).rejects.toThrow('disk full')
    disk.broken = false
    for (let round = 6; round < 9; round++) await edit(round)
    expect(segments.wantsFold()).toBe(false)
    await edit(9)
    // Six tenths in the journal the fold failed to take, four in the next.
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toHaveLength(2)
    expect(segments.wantsFold()).toBe(true)
    const again = await opened(dir)
    expect(again.segments.wantsFold()).toBe(true)
    expect(again.data.sources[0]?.title.startsWith('9 ')).toBe(true)
  })

  it('writes a change that carries the folders, or many sources, into the segments with what the journal held', async () => {
    const dir = await tempDir()
    const sources = library(JOURNAL_MAX_SOURCES + 10)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources.slice(0, 5), removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    sources[0] = { ...sources[0]!, title: 'Journaled' }
    await segments.commit({ put: [sources[0]], removed: [], source: lookup })
    await segments.commit({ put: sources.slice(5), removed: [], source: lookup })
    expect((await files(dir)).filter((name) => name.startsWith('journal-'))).toEqual([])
    await rm(join(dir, 'library', 'manifest.json'))
    // Read from the newest files alone (no manifest), the journaled edit is there: it was folded.
    const again = await opened(dir)
    expect(again.data.sources.map((source) => source.title)).toEqual(sources.map((source) => source.title))
  })

  it('ignores and removes the files of a commit a crash stopped before its manifest', async () => {
    const dir = await tempDir()
    const sources = library(3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    // The next commit wrote its segment and died before the manifest.
    await writeFile(join(dir, 'library', 'sources-0.2.json'), JSON.stringify([{ ...sources[0], title: 'never committed' }]))
    await writeFile(join(dir, 'library', '.manifest.json.4242.1-9.tmp'), '{"version"')
    const again = await opened(dir)
    expect(again.data.sources.map((source) => source.title)).toEqual(['Story 0', 'Story 1', 'Story 2'])
    expect(again.warnings).toEqual([])
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.1.json'])
  })

  it('moves a project saved as one library.json into segments, and removes the old file', async () => {
    const dir = await tempDir()
    const sources = library(5)
    await writeFile(join(dir, 'library.json'), JSON.stringify({ version: 1, roots: [root], sources }))
    const { data, warnings } = await opened(dir)
    expect(data.sources).toEqual(sources)
    expect(data.roots).toEqual([root])
    expect(warnings).toEqual([])
    expect(await readdir(dir)).not.toContain('library.json')
    expect((await opened(dir)).data.sources).toEqual(sources)
  })

  it('reads the newest file of each segment when the manifest is damaged, and says so', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES + 1)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    sources[0] = { ...sources[0]!, title: 'Edited' }
    await segments.commit({ put: [sources[0]], removed: [], source: (id) => sources.find((source) => source.id === id) })
    await writeFile(join(dir, 'library', 'manifest.json'), '{"version": 2, "gener')
    const again = await opened(dir)
    expect(again.warnings).toEqual([expect.stringContaining("library's manifest was damaged")])
    expect(again.data.sources).toHaveLength(SEGMENT_SOURCES + 1)
    expect(again.data.sources[0]?.title).toBe('Edited')
    expect(again.data.roots).toEqual([root])
    expect((await opened(dir)).warnings).toEqual([])
  })

  it('accepts a segment edited by hand when it is still valid, and sets aside one that is not', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES + 1)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const first = join(dir, 'library', 'sources-0.1.json')
    const edited = JSON.parse(await readFile(first, 'utf-8')) as Source[]
    edited[0]!.title = 'Fixed by hand'
    await writeFile(first, JSON.stringify(edited))
    await writeFile(join(dir, 'library', 'sources-1.1.json'), '[{"id": 7}]')
    const again = await opened(dir)
    expect(again.data.sources).toHaveLength(SEGMENT_SOURCES)
    expect(again.data.sources[0]?.title).toBe('Fixed by hand')
    expect(again.warnings).toEqual([expect.stringContaining('library segment 1 was damaged')])
    expect((await readdir(join(dir, 'library'))).some((name) => name.startsWith('sources-1.1.json.damaged-'))).toBe(true)
  })

  it('falls back on the previous file of a part when the manifest is missing and the newest file was cut short, and keeps both', async () => {
    const dir = await tempDir()
    const { sources } = await committedLibrary(dir, SEGMENT_SOURCES + 1)
    // A commit a crash stopped before its manifest, with a segment and the folders half written; then the manifest is lost.
    await writeFile(join(dir, 'library', 'sources-0.2.json'), '[{"id": "s0", "ti')
    await writeFile(join(dir, 'library', 'meta.2.json'), '{"roots": [')
    await rm(join(dir, 'library', 'manifest.json'))
    const again = await opened(dir)
    expect(again.data.sources).toEqual(sources)
    expect(again.data.roots).toEqual([root])
    expect(again.warnings).toEqual([
      expect.stringContaining("library's manifest was missing"),
      expect.stringMatching(/the library folders was damaged \(.+\); it was set aside as library\/meta\.2\.json\.damaged-… and the part's previous file is read instead$/),
      expect.stringMatching(/library segment 0 was damaged \(.+\); it was set aside as library\/sources-0\.2\.json\.damaged-… and the part's previous file is read instead$/)
    ])
    const files = await readdir(join(dir, 'library'))
    expect(files).toEqual(expect.arrayContaining(['sources-0.1.json', 'meta.1.json']))
    expect(files.filter((name) => name.includes('.damaged-'))).toHaveLength(2)
    const third = await opened(dir)
    expect(third.warnings).toEqual([])
    expect(third.data.sources).toEqual(sources)
  })

  it('rebuilt without its manifest, applies a journal a fold left behind only to parts older than the journal', async () => {
    // A journal line, a large change that wrote it into the parts and changed the title again, a crash before it deleted the journal, and the manifest lost.
    const dir = await tempDir()
    const { sources, segments, lookup } = await committedLibrary(dir, SEGMENT_SOURCES + 1)
    sources[0] = { ...sources[0]!, title: 'Journaled' }
    await segments.commit({ put: [sources[0]], removed: [], source: lookup })
    const journal = join(dir, 'library', 'journal-1.jsonl')
    const lines = await readFile(journal)
    sources[0] = { ...sources[0]!, title: 'Imported again' }
    await segments.commit({ put: [sources[0]], removed: [], meta: { roots: [root], failedFiles: {} }, source: lookup })
    await writeFile(journal, lines)
    await rm(join(dir, 'library', 'manifest.json'))
    const rebuilt = await opened(dir)
    expect(rebuilt.data.sources).toEqual(sources)
    // An edit after the rebuild is newer than every part: it goes to a journal of its own, not the one left behind.
    sources[0] = { ...sources[0]!, title: 'Edited after the rebuild' }
    await rebuilt.segments.commit({ put: [sources[0]], removed: [], source: lookup })
    expect((await opened(dir)).data.sources).toEqual(sources)
    // A large change a crash cut short before its manifest, its part of s0 half written: that part falls back on the
    // one before, older than the journal, so the journal's title applies to it.
    const torn = await tempDir()
    const { sources: before, segments: tornSegments, lookup: tornLookup } = await committedLibrary(torn, SEGMENT_SOURCES + 1)
    before[0] = { ...before[0]!, title: 'Journaled' }
    await tornSegments.commit({ put: [before[0]], removed: [], source: tornLookup })
    await writeFile(join(torn, 'library', 'sources-0.2.json'), '[{"id": "s0", "ti')
    await rm(join(torn, 'library', 'manifest.json'))
    expect((await opened(torn)).data.sources).toEqual(before)
  })

  it('rebuilt without its manifest, keeps a source removed after a journal that a fold left behind had put it', async () => {
    const dir = await tempDir()
    const { sources, segments, lookup } = await committedLibrary(dir, SEGMENT_SOURCES + 1)
    await segments.commit({ put: [{ ...sources[0]!, title: 'Journaled' }], removed: [], source: lookup })
    const journal = join(dir, 'library', 'journal-1.jsonl')
    const lines = await readFile(journal)
    // A large change removes it (its folder was removed), a crash keeps the journal, and the manifest is lost.
    const [removed] = sources.splice(0, 1)
    await segments.commit({ put: [], removed: [removed!.id], meta: { roots: [root], failedFiles: {} }, source: lookup })
    await writeFile(journal, lines)
    await rm(join(dir, 'library', 'manifest.json'))
    expect((await opened(dir)).data.sources).toEqual(sources)
  })

  it('rebuilt without its manifest, keeps a source a journal added when the part a later commit put it in was cut short', async () => {
    const dir = await tempDir()
    const { sources, segments, lookup } = await committedLibrary(dir, SEGMENT_SOURCES + 1)
    const added = makeSource({ id: 'added', title: 'Added by the journal', relativePath: 'added.txt' })
    await segments.commit({ put: [added], removed: [], source: (id) => lookup(id) ?? (id === added.id ? added : undefined) })
    // A large commit a crash cut short before its manifest: one part whole, the one holding the new source half written.
    await writeFile(join(dir, 'library', 'sources-0.2.json'), await readFile(join(dir, 'library', 'sources-0.1.json')))
    await writeFile(join(dir, 'library', 'sources-1.2.json'), '[{"id": "s500", "ti')
    await rm(join(dir, 'library', 'manifest.json'))
    expect((await opened(dir)).data.sources).toEqual([...sources, added])
  })

  it('never uses a generation again that a journal began at, though a restart came after the commit of that generation failed', async () => {
    const dir = await tempDir()
    const { sources, segments, disk, lookup } = await committedLibrary(dir)
    await segments.commit({ put: [{ ...sources[0]!, title: 'Kept' }], removed: [], source: lookup })
    disk.broken = true
    await expect(segments.fold()).rejects.toThrow('disk full')
    disk.broken = false
    // Begun by the failed fold, at its generation (2).
    await segments.commit({ put: [{ ...sources[1]!, title: 'After the failure' }], removed: [], source: lookup })
    expect((await readFile(join(dir, 'library', 'journal-2.jsonl'), 'utf-8')).split('\n')[0]).toBe('{"put":[],"removed":[],"generation":2}')
    const again = await opened(dir)
    await again.segments.commit({ put: [], removed: [], meta: { roots: [root], failedFiles: {} }, source: lookup })
    expect((await files(dir)).filter((name) => name.startsWith('meta.'))).toEqual(['meta.3.json'])
  })

  it('reads the parts when the manifest is missing (a partial copy), and says so instead of starting empty', async () => {
    const dir = await tempDir()
    const sources = library(3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    sources[1] = { ...sources[1]!, title: 'Journaled' }
    await segments.commit({ put: [sources[1]], removed: [], source: (id) => sources.find((source) => source.id === id) })
    await rm(join(dir, 'library', 'manifest.json'))
    const again = await opened(dir)
    expect(again.data.sources).toEqual(sources)
    expect(again.warnings).toEqual([expect.stringContaining("library's manifest was missing")])
    expect((await opened(dir)).data.sources).toEqual(sources)
  })
})
