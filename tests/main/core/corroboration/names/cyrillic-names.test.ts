import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractNames, type NameMention } from '../../../../../src/main/core/corroboration/names/extract-names'

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/scripts', name), 'utf-8')
const people = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.text)
const organisations = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'organization').map((mention) => mention.text)

// The reader runs inside extractNames, as the Names tab calls it.
describe('cyrillicNames', () => {
  it('finds the people of a TASS report, in reading order, with their titles left out', () => {
    const text = fixture('ru-tass.txt')
    const mentions = extractNames(text)
    expect(people(mentions)).toEqual([
      'Владимир Путин',
      'Ли Сок Бэ',
      'Дмитрий Песков',
      'Песков',
      'Путин',
      'Сергей Лавров',
      'Мария Захарова',
      'Лаврова',
      'Владимира Владимировича Путина'
    ])
    const putin = mentions.find((mention) => mention.text === 'Владимир Путин')!
    expect(text.slice(putin.start - 'Президент России '.length, putin.start)).toBe('Президент России ')
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('reports the agency, the ministry and the Kremlin as organisations', () => {
    expect(organisations(extractNames(fixture('ru-tass.txt')))).toEqual(['ТАСС', 'Кремле', 'МИД'])
  })

  it('finds no sentence-initial words, months, places, place adjectives or dateline cities', () => {
    const found = extractNames(fixture('ru-tass.txt')).map((mention) => mention.text)
    const ordinary = ['Переговоры', 'Встреча', 'Стороны', 'Официальный', 'Глава', 'Президент', 'Января', 'МОСКВА', 'Москвой', 'Сеулом', 'Москва', 'Южную Корею', 'России', 'Александровском', 'Республики']
    expect(found.filter((text) => ordinary.some((word) => text.includes(word)))).toEqual([])
  })

  it('keeps a lone surname only when a title or a verb of saying vouches for it, or the text names the person in full', () => {
    const text = 'Ранее Иванов отметил рост торговли. Переговоры Путина прошли успешно. Министр Сидоров согласился. Москва заявила протест.'
    expect(people(extractNames(text))).toEqual(['Иванов', 'Сидоров'])
  })

  it('names people after a title with its complement, and East Asian names surname first', () => {
    const text = 'На заседании выступил президент Казахстана Касым-Жомарт Токаев. Председатель КНР Си Цзиньпин прибыл в Москву, сообщила глава ЦБ Эльвира Набиуллина.'
    expect(people(extractNames(text))).toEqual(['Касым-Жомарт Токаев', 'Си Цзиньпин', 'Эльвира Набиуллина'])
  })

  it('reads organisations named around an organisation noun', () => {
    const text = 'Как сообщает РИА Новости, Министерство обороны России провело учения. Совет Федерации одобрил закон. Генеральный секретарь НАТО Марк Рютте прибыл в Брюссель.'
    const mentions = extractNames(text)
    expect(organisations(mentions)).toEqual(['РИА Новости', 'Министерство обороны России', 'Совет Федерации', 'НАТО'])
    expect(people(mentions)).toEqual(['Марк Рютте'])
  })

  it('reads Ukrainian names, titles and declensions', () => {
    const text = "КИЇВ, 15 січня. /Укрінформ/. Президент України Володимир Зеленський провів зустріч. Зеленський наголосив, що Київ чекає. Прем'єр-міністр України Денис Шмигаль заявив про рішення. За словами Шмигаля, МЗС працює."
    const mentions = extractNames(text)
    expect(people(mentions)).toEqual(['Володимир Зеленський', 'Зеленський', 'Денис Шмигаль', 'Шмигаля'])
    expect(organisations(mentions)).toEqual(['Укрінформ', 'МЗС'])
  })

  it('does not take a shouted all-caps headline for organisations', () => {
    expect(extractNames('ПУТИН ЗАЯВИЛ О МИРЕ В СЕУЛЕ')).toEqual([])
  })
})
