import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractNames, type NameMention } from '../../../../../src/main/core/corroboration/names/extract-names'

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/scripts', name), 'utf-8')
const people = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.text)
const organisations = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'organization').map((mention) => mention.text)

// The reader runs inside extractNames, as the Names tab calls it.
describe('hanNames', () => {
  it('finds the people of a Xinhua report: after titles, before verbs of saying, dotted foreign names', () => {
    const text = fixture('zh-xinhua.txt')
    const mentions = extractNames(text)
    expect(people(mentions)).toEqual(['习近平', '李在明', '习近平', '李在明', '王毅', '毛宁', '普京', '雷杰普·塔伊普·埃尔多安', '习近平'])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('reports the agency and the ministry as organisations, but not the minister («外交部长»)', () => {
    expect(organisations(extractNames(fixture('zh-xinhua.txt')))).toEqual(['新华社', '外交部'])
  })

  it('ends a name where the verb after it starts', () => {
    expect(people(extractNames('外长王毅表示欢迎。总理李强强调合作。发言人毛宁在会上说。'))).toEqual(['王毅', '李强', '毛宁'])
  })

  it('does not read places, offices or ordinary words next to a title as names', () => {
    const text = '韩国总统府发表声明。中方表示欢迎。美国总统选举将于明年举行。外交部长会议闭幕。韩方表示同意。高兴地表示支持。'
    expect(people(extractNames(text))).toEqual([])
  })
})
