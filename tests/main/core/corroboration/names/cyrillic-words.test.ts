import { describe, expect, it } from 'vitest'
import { cyrillicStem, isPatronymic, surnameShaped } from '../../../../../src/main/core/corroboration/names/cyrillic-words'

describe('cyrillicStem', () => {
  it('gives every case of a name the same stem', () => {
    for (const form of ['Путин', 'Путина', 'Путину', 'Путиным', 'Путине']) expect(cyrillicStem(form)).toBe('путин')
    for (const form of ['Зеленский', 'Зеленского', 'Зеленскому', 'Зеленским']) expect(cyrillicStem(form)).toBe('зеленск')
    for (const form of ['Сергей', 'Сергея', 'Сергею', 'Сергеем']) expect(cyrillicStem(form)).toBe('серг')
    expect(cyrillicStem('Алёна')).toBe(cyrillicStem('Алена'))
  })

  it('leaves acronyms and very short names whole', () => {
    expect(cyrillicStem('НАТО')).toBe('нато')
    expect(cyrillicStem('Ли')).toBe('ли')
    expect(cyrillicStem('Ким')).toBe('ким')
  })
})

describe('isPatronymic', () => {
  it('recognises Russian and Ukrainian patronymics in any case', () => {
    for (const word of ['Владимирович', 'Владимировича', 'Сергеевна', 'Ильич', 'Олександрівна']) expect(isPatronymic(word)).toBe(true)
    for (const word of ['Путин', 'Владимир', 'Москва']) expect(isPatronymic(word)).toBe(false)
  })
})

describe('surnameShaped', () => {
  it('tells surname endings from place adjectives', () => {
    for (const word of ['Песков', 'Лаврова', 'Зеленского', 'Шевченко', 'Пашинян']) expect(surnameShaped(word)).toBe(true)
    for (const word of ['Российский', 'Москва', 'Переговоры']) expect(surnameShaped(word)).toBe(false)
  })
})
