import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractNames, type NameMention } from '../../../../../src/main/core/corroboration/names/extract-names'
import { koreanSurname } from '../../../../../src/main/core/corroboration/names/hangul-names'

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/scripts', name), 'utf-8')
const people = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.text)
const organisations = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'organization').map((mention) => mention.text)

// The reader runs inside extractNames, as the Names tab calls it.
describe('hangulNames', () => {
  it('finds the people of a Yonhap report: names before titles, then wherever they recur', () => {
    const text = fixture('ko-yonhap.txt')
    const mentions = extractNames(text)
    expect(people(mentions)).toEqual(['홍길동', '이재명', '이석배', '이', '이석배', '블라디미르 푸틴', '조현', '윤석열', '이재명', '푸틴'])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('leaves the particle out of a name («이재명은» is «이재명»)', () => {
    const mentions = extractNames('이재명 대통령이 말했다. 이재명은 웃었다. 이재명에게 물었다.')
    expect(people(mentions)).toEqual(['이재명', '이재명', '이재명'])
  })

  it('reports the agency, the presidential office and the ministry as organisations', () => {
    expect(organisations(extractNames(fixture('ko-yonhap.txt')))).toEqual(['연합뉴스', '대통령실', '외교부'])
  })

  it('does not take ordinary words, places or ministries before a title for names', () => {
    const text = '정부 대변인은 말했다. 신임 주미 대사도 참석했다. 이날 러시아 대통령은 침묵했다. 한국의 대통령은 답했다. 국방부 장관이 왔다. 전 대통령이 떠났다.'
    expect(people(extractNames(text))).toEqual([])
  })

  it('trusts a foreign name only with its country between the name and the title', () => {
    expect(people(extractNames('도널드 트럼프 미국 대통령은 말했다.'))).toEqual(['도널드 트럼프'])
    expect(people(extractNames('만난 대통령은 말했다. 그는 대통령과 만났다.'))).toEqual([])
  })

  it('reads a title joined to its ministry or rank («국가안보실장이», «1차관과»)', () => {
    expect(people(extractNames('위성락 국가안보실장이 주재했다. 박윤주 외교부 1차관과 만났다.'))).toEqual(['위성락', '박윤주'])
  })
})

describe('koreanSurname', () => {
  it('splits a surname off a Korean full name, one or two syllables long', () => {
    expect(koreanSurname('이재명')).toBe('이')
    expect(koreanSurname('조현')).toBe('조')
    expect(koreanSurname('남궁민수')).toBe('남궁')
  })

  it('refuses everyday words and organisations that start like a surname', () => {
    for (const word of ['정부', '신임', '주한', '국방부', '한국', '이날', '대통령']) expect(koreanSurname(word)).toBeNull()
  })
})
