import { describe, expect, it } from 'vitest'
import { terms, tokenize } from '../../../src/shared/search/tokenize'

/** Each token as [term, the original text it covers]. */
function covered(text: string): Array<[string, string]> {
  return tokenize(text).map((token) => [token.term, text.slice(token.start, token.end)])
}

describe('tokenize', () => {
  it('splits a name with a non-breaking hyphen (U+2011) exactly like one with a plain hyphen', () => {
    expect(covered('Lee Sok\u2011bae')).toEqual([['lee', 'Lee'], ['sok', 'Sok'], ['bae', 'bae']])
    expect(terms('Lee Sok-bae')).toEqual(terms('Lee Sok\u2011bae'))
  })

  it('treats every hyphen and dash variant and the minus sign as separators', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '-']) {
      expect(terms(`South Korea${dash}Russia`)).toEqual(['south', 'korea', 'russia'])
    }
  })

  it('separates words at non-breaking and thin spaces', () => {
    expect(covered('10\u00a0000 mln\u202fdlrs\u2009up')).toEqual([['10', '10'], ['000', '000'], ['mln', 'mln'], ['dlrs', 'dlrs'], ['up', 'up']])
  })

  it('reads curly and straight quotes and apostrophes the same way, apostrophes separating', () => {
    expect(terms('\u201cgoodwill\u201d Korea\u2019s')).toEqual(terms('"goodwill" Korea\'s'))
    expect(covered('Korea\u2019s')).toEqual([['korea', 'Korea'], ['s', 's']])
  })

  it('drops diacritics and keeps offsets on the original accented characters', () => {
    const text = 'say \u00dcn\u00efc\u00f6d\u00e9 now'
    expect(covered(text)).toEqual([['say', 'say'], ['unicode', '\u00dcn\u00efc\u00f6d\u00e9'], ['now', 'now']])
  })

  it('keeps combining accents with their letter so the offsets cover both', () => {
    const text = 'Cafe\u0301 au lait'
    expect(covered(text)[0]).toEqual(['cafe', 'Cafe\u0301'])
  })

  it('unfolds ligatures and full-width letters (NFKC) while the offsets keep the original length', () => {
    const text = 'the \ufb01nance of \uff33\uff25\uff2f\uff35\uff2c'
    expect(covered(text)).toEqual([['the', 'the'], ['finance', '\ufb01nance'], ['of', 'of'], ['seoul', '\uff33\uff25\uff2f\uff35\uff2c']])
  })

  it('ignores soft hyphens and zero-width joiners inside a word', () => {
    expect(covered('inter\u00adnational')).toEqual([['international', 'inter\u00adnational']])
  })

  it('splits on punctuation and symbols, so regex characters and abbreviations become separate words', () => {
    expect(terms('U.S. $1.5 (bln) [a-z]* C++')).toEqual(['u', 's', '1', '5', 'bln', 'a', 'z', 'c'])
  })

  it('keeps non-Latin scripts as words', () => {
    expect(terms('Москва и Сеул, 서울')).toEqual(['москва', 'и', 'сеул', '서울'])
  })

  it('gives nothing for text without letters or digits', () => {
    expect(tokenize(' \u2014 ... \u201c\u201d ')).toEqual([])
  })
})
