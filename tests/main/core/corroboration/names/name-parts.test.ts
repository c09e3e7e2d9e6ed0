import { describe, expect, it } from 'vitest'
import { nameParts, surnameFirst } from '../../../../../src/main/core/corroboration/names/name-parts'

describe('nameParts', () => {
  it('splits at spaces in Latin and Cyrillic names', () => {
    expect(nameParts('Vladimir Putin')).toEqual(['Vladimir', 'Putin'])
    expect(nameParts('Владимир  Путин')).toEqual(['Владимир', 'Путин'])
  })

  it('splits a Korean or Chinese name written as one word into surname and given name', () => {
    expect(nameParts('이재명')).toEqual(['이', '재명'])
    expect(nameParts('习近平')).toEqual(['习', '近平'])
    expect(nameParts('欧阳娜娜')).toEqual(['欧阳', '娜娜'])
  })

  it('splits a transliterated name at its middle dots and leaves one-word foreign names whole', () => {
    expect(nameParts('雷杰普·塔伊普·埃尔多安')).toEqual(['雷杰普', '塔伊普', '埃尔多安'])
    expect(nameParts('普京')).toEqual(['普京'])
    expect(nameParts('푸틴')).toEqual(['푸틴'])
  })
})

describe('surnameFirst', () => {
  it('knows surnames written first in every script', () => {
    for (const key of ['lee', '이', '习', 'ким', 'ли']) expect(surnameFirst(key)).toBe(true)
    for (const key of ['putin', 'путин', 'اردوغان', '푸틴']) expect(surnameFirst(key)).toBe(false)
  })
})
