import { describe, expect, it } from 'vitest'
import { blankBetween, inOtherScript, scriptsIn } from '../../../../../src/main/core/corroboration/names/name-scripts'

describe('scriptsIn', () => {
  it('returns null for text in Latin script alone, so only the Latin rules run', () => {
    expect(scriptsIn('Vladimir Putin met Lee Jae-myung in Seoul. Ünïcödé — ‑ 🙂')).toBeNull()
  })

  it('names each other script a text uses', () => {
    expect(scriptsIn('Путин и 이재명')).toEqual({ cyrillic: true, hangul: true, arabic: false, han: false })
    expect(scriptsIn('أردوغان 习近平')).toEqual({ cyrillic: false, hangul: false, arabic: true, han: true })
  })
})

describe('inOtherScript', () => {
  it('tells words the script readers own from Latin and Greek words', () => {
    for (const word of ['Путин', '이재명', 'أردوغان', '习近平', '𠀀']) expect(inOtherScript(word)).toBe(true)
    for (const word of ['Putin', 'Ünïcödé', 'Αθήνα', '2026']) expect(inOtherScript(word)).toBe(false)
  })
})

describe('blankBetween', () => {
  it('accepts spaces only, never a line break, punctuation or nothing', () => {
    expect(blankBetween('a  b', 1, 3)).toBe(true)
    expect(blankBetween('a\nb', 1, 2)).toBe(false)
    expect(blankBetween('a, b', 1, 3)).toBe(false)
    expect(blankBetween('ab', 1, 1)).toBe(false)
  })
})
