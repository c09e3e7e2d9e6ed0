import { describe, expect, it } from 'vitest'
import { showsRomanisation } from '../../../../../src/main/core/corroboration/names/romanisation-signs'

describe('showsRomanisation', () => {
  it('sees Russian, Ukrainian and Belarusian names by their shapes and given names', () => {
    for (const name of ['Ekaterina Borisovna', 'Viktor Yanukovych', 'Leonid Slutskiy', 'Oleh Lyashko', 'Mikalai Karpiankou', 'Sergei Beseda']) {
      expect(showsRomanisation(name, false), name).toBe(true)
    }
  })

  it('sees Arabic and Persian names by their articles, letters, endings and common given names', () => {
    for (const name of ["Abd al-Aziz Hawatma", 'Ayman al-Zawahiri', 'Mohammad Dowlatabadi', 'Musa Hilal', 'Nayef Qaddafi', 'Hossein Rezazadeh']) {
      expect(showsRomanisation(name, false), name).toBe(true)
    }
  })

  it('sees a Korean name by its surname leading a romanised given name', () => {
    expect(showsRomanisation('Kim Su-gwang', true)).toBe(true)
    expect(showsRomanisation('Ri Yong Gi', true)).toBe(true)
  })

  it('sees nothing in plain English names, whose small spelling differences are other people', () => {
    for (const name of ['Tom Brady', 'John Kerr', 'Michael Howard', 'Gordon Brown', 'Hugh Vaughan', 'Martin Kevin']) {
      expect(showsRomanisation(name, false), name).toBe(false)
    }
  })
})
