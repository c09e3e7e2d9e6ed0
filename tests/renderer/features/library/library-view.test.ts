import { describe, expect, it } from 'vitest'
import { filterByMark, libraryRows, sortSources, tagCounts } from '../../../../src/renderer/src/features/library/library-view'
import { EMPTY_META, type Source } from '../../../../src/shared/domain/source'
import { makeSource } from '../../../helpers/factories'

function source(id: string, overrides: Partial<Source> = {}): Source {
  return makeSource({ id, title: `Title ${id}`, relativePath: `${id}.txt`, rootId: 'r1', ...overrides })
}

const rootNames = new Map([
  ['r1', 'seeds'],
  ['r2', 'archive']
])
const ids = (sources: readonly Source[]) => sources.map((item) => item.id)

describe('library-view sorting', () => {
  const library = [
    source('a', { title: 'Story 10', meta: { ...EMPTY_META, date: '2026-01-16', outlet: 'TASS' }, importedAt: '2026-02-01T00:00:00Z' }),
    source('b', { title: 'story 9', meta: { ...EMPTY_META, date: null, outlet: null }, importedAt: '2026-01-01T00:00:00Z' }),
    source('c', { title: 'Ärger', meta: { ...EMPTY_META, date: '2026-01-15T09:00:00+03:00', outlet: 'Anadolu Agency' }, importedAt: '2026-03-01T00:00:00Z' }),
    source('d', { title: 'Undated too', meta: { ...EMPTY_META, date: 'sometime last week', outlet: 'korea joongang daily' }, importedAt: '2026-01-01T00:00:00Z' })
  ]

  it('sorts by date with undated sources last in either direction', () => {
    expect(ids(sortSources(library, { sort: 'date', direction: 'asc' }, rootNames))).toEqual(['c', 'a', 'b', 'd'])
    expect(ids(sortSources(library, { sort: 'date', direction: 'desc' }, rootNames))).toEqual(['a', 'c', 'b', 'd'])
  })

  it('sorts titles as people read them (numbers by value, case and accents aside) and outlets with the unknown last', () => {
    expect(ids(sortSources(library, { sort: 'title', direction: 'asc' }, rootNames))).toEqual(['c', 'b', 'a', 'd'])
    expect(ids(sortSources(library, { sort: 'outlet', direction: 'asc' }, rootNames))).toEqual(['c', 'd', 'a', 'b'])
    expect(ids(sortSources(library, { sort: 'outlet', direction: 'desc' }, rootNames))).toEqual(['a', 'd', 'c', 'b'])
  })

  it('sorts by date added keeping the library order for equal times, and by folder path', () => {
    expect(ids(sortSources(library, { sort: 'added', direction: 'asc' }, rootNames))).toEqual(['b', 'd', 'a', 'c'])
    expect(ids(sortSources(library, { sort: 'added', direction: 'desc' }, rootNames))).toEqual(['c', 'a', 'b', 'd'])
    const foldered = [source('x', { rootId: 'r1', relativePath: 'b/1.txt' }), source('y', { rootId: 'r2', relativePath: 'z.txt' }), source('z', { rootId: 'r1', relativePath: 'a.txt' })]
    expect(ids(sortSources(foldered, { sort: 'folder', direction: 'asc' }, rootNames))).toEqual(['y', 'z', 'x'])
  })
})

describe('library-view marks', () => {
  const library = [
    source('a', { tags: ['Korea', 'trade'], starred: true }),
    source('b', { tags: ['korea'] }),
    source('c', { tags: [], starred: true })
  ]

  it('counts the tags in use, case aside, most used first', () => {
    expect(tagCounts(library)).toEqual([
      { tag: 'Korea', count: 2 },
      { tag: 'trade', count: 1 }
    ])
  })

  it('keeps the starred sources, or those with one tag', () => {
    expect(ids(filterByMark(library, 'starred'))).toEqual(['a', 'c'])
    expect(ids(filterByMark(library, 'tag:KOREA'))).toEqual(['a', 'b'])
    expect(ids(filterByMark(library, 'all'))).toEqual(['a', 'b', 'c'])
  })
})

describe('library-view grouping', () => {
  const roots = [
    { id: 'r1', path: '/data/seeds', name: 'seeds', importedAt: '', complete: true },
    { id: 'r2', path: '/data/archive', name: 'archive', importedAt: '', complete: true }
  ]
  const library = [
    source('top', { rootId: 'r1', relativePath: 'top.txt' }),
    source('deep', { rootId: 'r1', relativePath: 'wires/2026/deep.txt' }),
    source('wire', { rootId: 'r1', relativePath: 'wires/wire.txt' }),
    source('old', { rootId: 'r2', relativePath: 'old.txt' })
  ]
  const describeRows = (rows: ReturnType<typeof libraryRows>) =>
    rows.map((row) => (row.kind === 'folder' ? `${'  '.repeat(row.depth)}[${row.name} ${row.count}]` : `${'  '.repeat(row.depth)}${row.source.id}`))

  it('puts sources under a header per imported folder and subfolder, subfolders first', () => {
    expect(describeRows(libraryRows(library, { grouped: true, roots, collapsed: new Set() }))).toEqual([
      '[archive 1]',
      '  old',
      '[seeds 3]',
      '  [wires 2]',
      '    [2026 1]',
      '      deep',
      '    wire',
      '  top'
    ])
  })

  it('leaves out what is under a collapsed header, and lists plain rows when not grouped', () => {
    expect(describeRows(libraryRows(library, { grouped: true, roots, collapsed: new Set(['r1/wires', 'r2']) }))).toEqual(['[archive 1]', '[seeds 3]', '  [wires 2]', '  top'])
    expect(describeRows(libraryRows(library, { grouped: false, roots, collapsed: new Set(['r1']) }))).toEqual(['top', 'deep', 'wire', 'old'])
  })
})
