import { describe, expect, it } from 'vitest'
import { readScriptDateline } from '../../../../../src/main/core/library/extract/dateline-russian-korean'

const read = (text: string): ReturnType<typeof readScriptDateline> => readScriptDateline(text.split('\n').filter((line) => line.trim().length > 0))

describe('readScriptDateline', () => {
  it('reads the agency of Russian and Ukrainian datelines, slashed or after a dash', () => {
    expect(read('МОСКВА, 15 января. /ТАСС/. Президент России Владимир Путин…')).toEqual({ outlet: 'ТАСС' })
    expect(read('СЕУЛ, 13 февраля – РИА Новости. Посол России…')).toEqual({ outlet: 'РИА Новости' })
    expect(read('Москва. 15 января. INTERFAX.RU - Текст')).toEqual({ outlet: 'Интерфакс' })
    expect(read('МОСКВА, 15 янв — ПРАЙМ. Текст')).toEqual({ outlet: 'ПРАЙМ' })
    expect(read('КИЇВ, 15 січня. /Укрінформ/. Президент України…')).toEqual({ outlet: 'Укрінформ' })
  })

  it('gives a date only when the year is written, never guessing it', () => {
    expect(read('МОСКВА, 15 января 2026 года. /ТАСС/. Текст')).toEqual({ outlet: 'ТАСС', date: '2026-01-15' })
    expect(read('15 января 2026, 14:32\nМОСКВА, 15 января. /ТАСС/. Текст')).toEqual({ outlet: 'ТАСС', date: '2026-01-15' })
    expect(read('МОСКВА, 31 февраля 2026 года. /ТАСС/. Текст')).toEqual({ outlet: 'ТАСС' })
  })

  it('reads the outlet and reporters of Korean datelines, in round or square brackets', () => {
    expect(read('(서울=연합뉴스) 홍길동 기자 = 이재명 대통령은')).toEqual({ outlet: '연합뉴스', author: '홍길동' })
    expect(read('[서울=뉴시스] 김철수 기자 = 정부는')).toEqual({ outlet: '뉴시스', author: '김철수' })
    expect(read('(워싱턴=연합뉴스) 김동현 특파원 = 도널드 트럼프')).toEqual({ outlet: '연합뉴스', author: '김동현' })
    expect(read('(서울=뉴스1) 홍길동 김철수 기자 = 본문')).toEqual({ outlet: '뉴스1', author: '홍길동, 김철수' })
    expect(read('(서울=연합뉴스) 이재명 대통령은 말했다')).toEqual({ outlet: '연합뉴스' })
  })

  it('reads Korean dates written near the top, with or without a label', () => {
    expect(read('제목\n2026년 1월 15일\n(서울=뉴스1) 본문')).toEqual({ outlet: '뉴스1', date: '2026-01-15' })
    expect(read('제목\n입력 2026.01.15 14:32\n[서울=뉴시스] 본문')).toEqual({ outlet: '뉴시스', date: '2026-01-15' })
    expect(read('제목\n2026. 1. 15.\n본문')).toEqual({ date: '2026-01-15' })
  })

  it('takes no date from the lede or from ordinary sentences', () => {
    expect(read('(서울=연합뉴스) 이재명 대통령은 2019년 5월 1일 방문했다')).toEqual({ outlet: '연합뉴스' })
    expect(read('Президент сказал, что 15 января 2026 года переговоры продолжатся, и об этом сообщили журналистам в Кремле.')).toEqual({})
    expect(read('По данным ТАСС, переговоры прошли успешно.')).toEqual({})
  })

  it('reads nothing from text in other scripts', () => {
    expect(read('SEOUL, February 13. /TASS/. The peoples…')).toEqual({})
    expect(read('2026.01.15\nBody')).toEqual({})
  })
})
