import { describe, expect, it } from 'vitest'
import { arabicFold } from '../../../../../src/main/core/corroboration/names/arabic-words'

describe('arabicFold', () => {
  it('writes alef with hamza or madda as a bare alef', () => {
    expect(arabicFold('أحمد')).toBe('احمد')
    expect(arabicFold('إبراهيم')).toBe('ابراهيم')
    expect(arabicFold('آمنة')).toBe('امنه')
  })

  it('drops short vowels, shadda and tatweel', () => {
    expect(arabicFold('مُحَمَّد')).toBe('محمد')
    expect(arabicFold('محـــمد')).toBe('محمد')
  })

  it('folds ة to ه and ى to ي at the end of a word only', () => {
    expect(arabicFold('فاطمة')).toBe('فاطمه')
    expect(arabicFold('مصطفى')).toBe('مصطفي')
    expect(arabicFold('ة')).toBe('ه')
    expect(arabicFold('ىا')).toBe('ىا')
  })

  it('reads presentation forms from PDFs as ordinary letters', () => {
    expect(arabicFold('\ufe8e\ufedf')).toBe('ال')
  })
})
