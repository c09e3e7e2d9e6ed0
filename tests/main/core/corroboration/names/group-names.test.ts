import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NameDecision, NameGroup } from '../../../../../src/shared/domain/corroboration'
import { extractNames } from '../../../../../src/main/core/corroboration/names/extract-names'
import { groupNames, type SourceNames } from '../../../../../src/main/core/corroboration/names/group-names'

const SEEDS = join(__dirname, '../../../../../seeds')

/** The five seed articles as a library; each source id is the file's number ("000"…"004"). */
const seedLibrary: SourceNames[] = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ sourceId: name.slice(0, 3), mentions: extractNames(readFileSync(join(SEEDS, name), 'utf-8')) }))

function library(texts: Record<string, string>): SourceNames[] {
  return Object.entries(texts).map(([sourceId, text]) => ({ sourceId, mentions: extractNames(text) }))
}

/** One of the fixture reports under tests/fixtures/scripts as a one-source library. */
function scriptLibrary(name: string): SourceNames[] {
  return library({ [name]: readFileSync(join(__dirname, '../../../../fixtures/scripts', name), 'utf-8') })
}

function groupWith(groups: readonly NameGroup[], key: string): NameGroup {
  const group = groups.find((candidate) => candidate.variants.some((variant) => variant.key === key))
  if (group === undefined) throw new Error(`no group holds ${key}`)
  return group
}

const keysOf = (group: NameGroup): string[] => group.variants.map((variant) => variant.key).sort()
const decision = (kind: NameDecision['kind'], variants: string[]): NameDecision => ({ kind, variants, at: '2026-02-14T10:00:00.000Z' })

describe('groupNames', () => {
  it('puts "Lee Sok-bae", "Lee Seok-pae" and the aggregator\'s "Lee Sok‑bae" in one group', () => {
    const group = groupWith(groupNames(seedLibrary, []), 'leesokbae')
    expect(keysOf(group)).toEqual(['leeseokpae', 'leesokbae'])
    expect(group.sources.map((source) => source.sourceId).sort()).toEqual(['000', '001', '003'])
    expect(group.kind).toBe('person')
    expect(group.id).toBe('leeseokpae')
    expect(group.confirmed).toBe(false)
  })

  it('treats "Lee Jae Myung" and "Lee Jae-myung" as one variant of one person, apart from Lee Sok-bae', () => {
    const groups = groupNames(seedLibrary, [])
    const president = groupWith(groups, 'leejaemyung')
    expect(president.variants).toHaveLength(1)
    expect(president.sources.map((source) => source.sourceId).sort()).toEqual(['003', '004'])
    expect(president).not.toBe(groupWith(groups, 'leesokbae'))
  })

  it('leaves out a lone "Lee" when it could be either Lee', () => {
    const groups = groupNames(seedLibrary, [])
    expect(groups.flatMap((group) => group.variants.map((variant) => variant.key))).not.toContain('lee')
  })

  it('joins "Putin" and "Putin’s" to "Vladimir Putin" and lists the most widely reported name first', () => {
    const groups = groupNames(seedLibrary, [])
    const putin = groups[0]!
    expect(putin.label).toBe('Vladimir Putin')
    expect(keysOf(putin)).toEqual(['putin', 'vladimirputin'])
    expect(putin.sources).toHaveLength(5)
    expect(putin.variants[0]!.text).toBe('Putin')
    expect(putin.mentions).toBe(putin.variants.reduce((sum, variant) => sum + variant.mentions, 0))
    for (let i = 1; i < groups.length; i++) expect(groups[i - 1]!.sources.length).toBeGreaterThanOrEqual(groups[i]!.sources.length)
  })

  it('keeps organisations as organisations and a Korean surname with its one full name', () => {
    const groups = groupNames(seedLibrary, [])
    for (const key of ['nato', 'tass', 'anadoluagency', 'yonhapnewsagency']) expect(groupWith(groups, key).kind).toBe('organization')
    expect(keysOf(groupWith(groups, 'doojinho'))).toEqual(['doo', 'doojinho'])
  })

  it('keeps a Western surname shared by two full names as a group of its own', () => {
    const groups = groupNames(library({ a: 'Tony Blair spoke. Blair said yes.', b: 'Cherie Blair spoke. Blair said no.' }), [])
    expect(groups.map((group) => group.label).sort()).toEqual(['Blair', 'Cherie Blair', 'Tony Blair'])
  })

  it('merges groups the reporter merged and marks the result confirmed', () => {
    const groups = groupNames(seedLibrary, [decision('merge', ['leejaemyung', 'leesokbae'])])
    const merged = groupWith(groups, 'leejaemyung')
    expect(keysOf(merged)).toEqual(['leejaemyung', 'leeseokpae', 'leesokbae'])
    expect(merged.confirmed).toBe(true)
    expect(merged.label).toBe('Lee Sok-bae')
  })

  it('splits the named variants into a group of their own, leaving the rest where it was', () => {
    const groups = groupNames(seedLibrary, [decision('split', ['leeseokpae'])])
    const split = groupWith(groups, 'leeseokpae')
    expect(keysOf(split)).toEqual(['leeseokpae'])
    expect(split.kind).toBe('person')
    expect(keysOf(groupWith(groups, 'leesokbae'))).toEqual(['leesokbae'])
  })

  it('confirms a group without changing what it holds', () => {
    const before = groupWith(groupNames(seedLibrary, []), 'putin')
    const after = groupWith(groupNames(seedLibrary, [decision('confirm', ['putin'])]), 'putin')
    expect(after.confirmed).toBe(true)
    expect(keysOf(after)).toEqual(keysOf(before))
  })

  it('applies decisions in order, so a later split undoes part of an earlier merge', () => {
    const groups = groupNames(seedLibrary, [decision('merge', ['leejaemyung', 'leesokbae']), decision('split', ['leejaemyung'])])
    expect(keysOf(groupWith(groups, 'leejaemyung'))).toEqual(['leejaemyung'])
    expect(keysOf(groupWith(groups, 'leesokbae'))).toEqual(['leeseokpae', 'leesokbae'])
  })

  it('ignores decisions about names the library no longer holds', () => {
    const plain = groupNames(seedLibrary, [])
    const stale = groupNames(seedLibrary, [decision('merge', ['gone', 'alsogone']), decision('split', ['gone']), decision('confirm', ['gone']), decision('merge', [])])
    expect(stale).toEqual(plain)
    const partly = groupWith(groupNames(seedLibrary, [decision('merge', ['gone', 'tass', 'nato'])]), 'tass')
    expect(keysOf(partly)).toEqual(['nato', 'tass'])
  })

  it('brings back a hidden lone surname when the reporter merges it into a full name', () => {
    const groups = groupNames(seedLibrary, [decision('merge', ['lee', 'leejaemyung'])])
    expect(keysOf(groupWith(groups, 'lee'))).toEqual(['lee', 'leejaemyung'])
  })

  it('joins the declined and formal forms of a Russian name, and the surname alone, into one group', () => {
    const groups = groupNames(scriptLibrary('ru-tass.txt'), [])
    expect(keysOf(groupWith(groups, 'путин'))).toEqual(['владимирвладимировичпутин', 'владимирпутин', 'путин'])
    expect(keysOf(groupWith(groups, 'лавров'))).toEqual(['лавров', 'серглавров'])
    expect(groupWith(groups, 'лавров').label).toBe('Сергей Лавров')
  })

  it('keeps «Алёна» and «Алена» as one spelling variant of one person', () => {
    const groups = groupNames(library({ a: 'Министр Алёна Петрова заявила о реформе.', b: 'Министр Алена Петрова заявила о реформе.' }), [])
    expect(groups).toHaveLength(1)
    expect(groups[0]!.variants).toHaveLength(1)
    expect(groups[0]!.variants[0]!.spellings.map((spelling) => spelling.text).sort()).toEqual(['Алена Петрова', 'Алёна Петрова'])
  })

  it('groups Korean names written as one word, hiding a lone 이 that two full names share', () => {
    const groups = groupNames(scriptLibrary('ko-yonhap.txt'), [])
    expect(groupWith(groups, '이재명').mentions).toBe(2)
    expect(keysOf(groupWith(groups, '푸틴'))).toEqual(['블라디미르푸틴', '푸틴'])
    expect(groups.flatMap((group) => group.variants.map((variant) => variant.key))).not.toContain('이')
  })

  it('joins Arabic spellings that differ in hamza, short vowels or tatweel, and the surname alone', () => {
    const groups = groupNames(library({ a: 'قال الرئيس رجب طيب أردوغان، إن ... وأكد أردوغان ذلك.', b: 'قال الرئيس رَجَب طَيِّب إردوغـان، إن ...' }), [])
    const erdogan = groupWith(groups, 'اردوغان')
    expect(keysOf(erdogan)).toEqual(['اردوغان', 'رجبطيباردوغان'])
    expect(erdogan.sources.map((source) => source.sourceId).sort()).toEqual(['a', 'b'])
  })

  it('counts every mention of a Chinese name in one group', () => {
    const xi = groupWith(groupNames(scriptLibrary('zh-xinhua.txt'), []), '习近平')
    expect(xi.mentions).toBe(3)
    expect(xi.kind).toBe('person')
  })

  it('returns no groups for an empty library', () => {
    expect(groupNames([], [])).toEqual([])
    expect(groupNames([{ sourceId: 'empty', mentions: [] }], [decision('merge', ['putin'])])).toEqual([])
  })
})
