import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEGMENT_SOURCES, SegmentedLibrary } from '../../../../src/main/core/store/segmented-library'
import type { Source } from '../../../../src/shared/domain/source'
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

  it('rewrites only the segment that holds an edited source (and the manifest)', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES * 3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.1.json', 'sources-1.1.json', 'sources-2.1.json'])
    const edited = { ...sources[SEGMENT_SOURCES + 5]!, title: 'Corrected' }
    sources[SEGMENT_SOURCES + 5] = edited
    await segments.commit({ put: [edited], removed: [], source: (id) => sources.find((source) => source.id === id) })
    expect(await files(dir)).toEqual(['manifest.json', 'meta.1.json', 'sources-0.1.json', 'sources-1.2.json', 'sources-2.1.json'])
    const again = await opened(dir)
    expect(again.data.sources.find((source) => source.id === edited.id)?.title).toBe('Corrected')
    expect(again.data.sources).toHaveLength(SEGMENT_SOURCES * 3)
  })

  it('adds new sources to the last segment while it has room, then starts another', async () => {
    const dir = await tempDir()
    const sources = library(SEGMENT_SOURCES + 10)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources.slice(0, SEGMENT_SOURCES - 1), removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    const lookup = (id: string) => sources.find((source) => source.id === id)
    await segments.commit({ put: sources.slice(SEGMENT_SOURCES - 1), removed: [], source: lookup })
    const manifest = JSON.parse(await readFile(join(dir, 'library', 'manifest.json'), 'utf-8')) as { segments: Array<{ id: number; count: number }> }
    expect(manifest.segments.map((segment) => segment.count)).toEqual([SEGMENT_SOURCES, 10])
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

  it('reads the parts when the manifest is missing (a partial copy), and says so instead of starting empty', async () => {
    const dir = await tempDir()
    const sources = library(3)
    const { segments } = await opened(dir)
    await segments.commit({ put: sources, removed: [], meta: { roots: [root], failedFiles: {} }, source: () => undefined })
    await rm(join(dir, 'library', 'manifest.json'))
    const again = await opened(dir)
    expect(again.data.sources).toEqual(sources)
    expect(again.warnings).toEqual([expect.stringContaining("library's manifest was missing")])
  })
})
