import { describe, expect, it } from 'vitest'
import { passageContext, quoted } from '../../../../src/main/core/export/passage-context'

describe('passage-context', () => {
  it('puts a quote in marks once, whichever of its own marks it already carries', () => {
    expect(quoted('restore ties')).toBe('“restore ties”')
    expect(quoted('“We hope to restore relations,”')).toBe('“We hope to restore relations,”')
    expect(quoted('“In the past, by adhering to pragmatic approaches')).toBe('“In the past, by adhering to pragmatic approaches”')
    expect(quoted('truly positive results in trade and business,"')).toBe('“truly positive results in trade and business,"')
    expect(quoted('«Nous espérons»')).toBe('«Nous espérons»')
    expect(quoted('“')).toBe('“”')
  })

  it('gives the sentence a quote stands in, and its neighbours when the quote is the whole sentence', () => {
    const long = 'Speaking at the Kremlin on Thursday, Putin said that much of the positive capital in relations with Seoul had been squandered in recent years.'
    const text = `First sentence here. ${long} Last one follows.`
    const start = text.indexOf('squandered')
    expect(passageContext(text, start, start + 'squandered'.length)).toEqual({
      before: 'Speaking at the Kremlin on Thursday, Putin said that much of the positive capital in relations with Seoul had been ',
      after: ' in recent years.',
      cutBefore: false,
      cutAfter: false
    })
    const whole = text.indexOf('Speaking')
    const sentence = long
    expect(passageContext(text, whole, whole + sentence.length)).toMatchObject({ before: 'First sentence here. ', after: ' Last one follows.' })
  })
})
