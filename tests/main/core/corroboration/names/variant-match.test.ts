import { describe, expect, it } from 'vitest'
import { nameForm } from '../../../../../src/main/core/corroboration/names/latin-name-form'
import { AUTO_JOIN, PROPOSAL_FLOOR } from '../../../../../src/main/core/corroboration/names/variant-links'
import { matchVariants } from '../../../../../src/main/core/corroboration/names/variant-match'

const confidence = (a: string, b: string): number => matchVariants(nameForm(a), nameForm(b))?.confidence ?? 0

describe('nameForm', () => {
  it('drops honorifics and the article, and joins "Abdul" to the name it builds', () => {
    const words = (text: string): string[] => nameForm(text).words.map((word) => word.sound)
    expect(words('Dr. Abdul Rahman Al-Khatib')).toEqual(words('Abdulrahman El Khatib'))
    expect(words("Sheikh 'Abd al-Karim Nabeel")).toEqual(words('Abd-al-Karim Nabeel'))
  })

  it('reads a Korean surname first with its syllable rules, and other names without them', () => {
    expect(nameForm('Ri Chol Man').korean).toBe(true)
    expect(nameForm('Zhang Wei').korean).toBe(false)
    expect(nameForm('Olga Petrova').korean).toBe(false)
  })
})

describe('matchVariants', () => {
  it('keeps a man’s and a woman’s form of a name apart, but not a Belarusian -a for -o', () => {
    for (const [a, b] of [['Mario Garcia', 'Maria Garcia'], ['Daniel Ortega', 'Daniela Ortega'], ['Sergei Ivanov', 'Sergei Ivanova'], ['Aleksandr Petrov', 'Aleksandra Petrov']]) {
      expect(confidence(a!, b!), `${a} / ${b}`).toBeLessThan(AUTO_JOIN)
    }
    expect(confidence('Viktor Aliaksandravich Lukashenko', 'Viktor Aliaksandravich Lukashenka')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Hashem Safi A-Din', 'Hashim Safi Al-Din')).toBeGreaterThanOrEqual(AUTO_JOIN)
  })

  it('joins Russian spellings that differ in y/i, -iy/-y endings and vowels', () => {
    expect(confidence('Yekaterina Borisovna Lavrentyeva', 'Ekateryna Borysovna Lavrentieva')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Vasiliy Gennadyevich Ostrovskiy', 'Vasili Gennadievich Ostrovsky')).toBeGreaterThanOrEqual(AUTO_JOIN)
  })

  it('joins Arabic and Persian spellings: vowels, q/k, w/v with a dropped h, segmentation and the article', () => {
    expect(confidence('Faysal Hamdan Qasimi', 'Faisal Hamdan Kasimi')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Mahmoud Dowlatshahi', 'Mahmud Dolatshahi')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Abdulrahman Nabil Al-Khatib', 'Abdul Rahman Nabeel Khatib')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Hassan Ali Jaber', 'Hassan Ali Jabir')).toBeGreaterThanOrEqual(AUTO_JOIN)
  })

  it('joins Korean syllable spellings written joined, split or hyphenated', () => {
    expect(confidence('Kim Su-gwang', 'Kim Sou Gwang')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Ri Chol Man', 'Li Chol-man')).toBeGreaterThanOrEqual(AUTO_JOIN)
    expect(confidence('Cho Yon Chun', 'Jo Yon Jun')).toBeGreaterThanOrEqual(AUTO_JOIN)
  })

  it('keeps people with the same surname and different given names apart', () => {
    expect(confidence('Abu Hafs Al-Qurashi', 'Abu Hamza Al-Qurashi')).toBeLessThan(PROPOSAL_FLOOR)
    expect(confidence('Sergey Ivanovich Tolmachev', 'Sergey Petrovich Tolmachev')).toBeLessThan(PROPOSAL_FLOOR)
    expect(confidence('Kim Song Chol', 'Kim Chol')).toBeLessThan(PROPOSAL_FLOOR)
    expect(confidence('Rami Tayeb', 'Rima Tayeb')).toBeLessThan(AUTO_JOIN)
  })

  it('does not take two surnames the English lexicon knows for spellings of one', () => {
    expect(confidence('Andrew Davies', 'Andrew Davis')).toBeLessThan(AUTO_JOIN)
    expect(confidence('Charlie Brooker', 'Charlie Parker')).toBeLessThan(AUTO_JOIN)
  })

  it('leaves doubtful pairs between the floor and the threshold, with a reason', () => {
    const match = matchVariants(nameForm('Oleh Petrovych Hordiyenko'), nameForm('Oleg Petrovich Gordienko'))!
    expect(match.confidence).toBeGreaterThanOrEqual(PROPOSAL_FLOOR)
    expect(match.confidence).toBeLessThan(AUTO_JOIN)
    expect(match.reason).toMatch(/consonant/)
  })
})
