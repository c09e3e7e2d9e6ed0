import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDateline } from '../../../../../src/main/core/library/extract/dateline'

describe('dateline', () => {
  it('reads TASS and the stated date from the opening "date … /TASS/." line', () => {
    expect(readDateline(' date 2026-02-13 SEOUL, February 13. /TASS/. The peoples of Russia and Korea…')).toEqual({
      outlet: 'TASS',
      date: '2026-02-13'
    })
  })

  it('reads the agency from Reuters, AP and Anadolu datelines', () => {
    expect(readDateline('MOSCOW, Jan 15 (Reuters) - Russia said on Thursday…').outlet).toBe('Reuters')
    expect(readDateline('WASHINGTON (AP) — The Senate voted…').outlet).toBe('AP')
    expect(readDateline('Headline\n\nANKARA (AA) - Türkiye said…').outlet).toBe('Anadolu Agency')
    expect(readDateline('BEIJING, Feb. 3 (Xinhua) -- China…').outlet).toBe('Xinhua')
  })

  it('reads the author, date and outlet of an Anadolu page from its byline and footer', () => {
    const text = 'Asia - Pacific\n\nHeadline\n\nBurc Eruygur  | 16.01.2026 - Update : 16.01.2026\nISTANBUL\n\nBody.\n\nAnadolu Agency website contains only a portion of the news stories offered to subscribers.'
    expect(readDateline(text)).toEqual({ outlet: 'Anadolu Agency', date: '2026-01-16', author: 'Burc Eruygur' })
  })

  it('reads the date of a "City, Month D, YYYY –" dateline that names no agency', () => {
    expect(readDateline('Moscow, January 16, 2026 – Russian President Vladimir Putin…')).toEqual({ date: '2026-01-16' })
  })

  it('finds no outlet in ordinary sentences, photo credits or agencies named in passing', () => {
    expect(readDateline('Putin spoke on Jan. 15. [REUTERS/YONHAP]\n\nPhoto: [AP/YONHAP]')).toEqual({})
    expect(readDateline('According to TASS, Yonhap and Anadolu Agency, the talks went well.')).toEqual({})
    expect(readDateline('the report (Reuters) said the deal was near.')).toEqual({})
    expect(readDateline('HARTFORD, Conn., March 26 - Rogers Corp said…')).toEqual({})
  })

  it('takes an ISO date only near the top, not one deep in the text', () => {
    expect(readDateline('Published 2026-02-13\n\nBody')).toEqual({ date: '2026-02-13' })
    expect(readDateline('a\n\nb\n\nc\n\nd\n\nIn the 2019-05-01 filing…')).toEqual({})
  })

  it('reads a Russian TASS dateline, taking the date from the stated date line as in English', () => {
    const report = readFileSync(join(__dirname, '../../../../fixtures/scripts/ru-tass.txt'), 'utf8')
    expect(readDateline(report)).toEqual({ outlet: 'ТАСС' })
    expect(readDateline(` date 2026-01-15 ${report}`)).toEqual({ outlet: 'ТАСС', date: '2026-01-15' })
  })

  it('reads a Yonhap dateline with its reporter as the author', () => {
    const report = readFileSync(join(__dirname, '../../../../fixtures/scripts/ko-yonhap.txt'), 'utf8')
    expect(readDateline(report)).toEqual({ outlet: '연합뉴스', author: '홍길동' })
    expect(readDateline(`이재명 대통령, 러 대사 접견\n입력 2026.01.15 14:32\n${report}`)).toEqual({ outlet: '연합뉴스', date: '2026-01-15', author: '홍길동' })
  })

  it('reads outlet TASS and date 2026-02-13 from the real TASS seed', () => {
    const seed = readFileSync(join(__dirname, '../../../../../seeds/004_939526269576f732.txt'), 'utf8')
    expect(readDateline(seed)).toEqual({ outlet: 'TASS', date: '2026-02-13' })
  })
})
