import { describe, expect, it } from 'vitest'
import { cleanName, FullNames, isOrganisation } from '../../../../../src/main/core/corroboration/quotes/speaker-names'

function name(run: string, afterConnector = false): string | null {
  const cleaned = cleanName(run, afterConnector)
  return cleaned.kind === 'name' ? cleaned.name : null
}

describe('speaker-names', () => {
  it('drops titles, nationalities before them, sentence openers, possessives and trailing punctuation', () => {
    expect(name('Russian President Vladimir Putin')).toBe('Vladimir Putin')
    expect(name("Russia's President Vladimir Putin's")).toBe('Vladimir Putin')
    expect(name('But David Frost')).toBe('David Frost')
    expect(name('Ms Hewitt')).toBe('Hewitt')
    expect(name('Park.')).toBe('Park')
    expect(name('Peter Ainsworth MP')).toBe('Peter Ainsworth')
    expect(name('US President George W. Bush')).toBe('George W. Bush')
  })

  it('keeps apostrophes and hyphens inside a name', () => {
    expect(name("Ms O'Brien-Smith")).toBe("O'Brien-Smith")
    expect(name('Lee Sok‑bae')).toBe('Lee Sok‑bae')
  })

  it('drops the place a run starts with when it follows "Ambassador to"', () => {
    expect(name('Russia Park Ro-byug', true)).toBe('Park Ro-byug')
    expect(name('South Korea Georgy Zinoviev', true)).toBe('Georgy Zinoviev')
  })

  it('says when a run is a bare title or no name at all', () => {
    expect(cleanName('The Prime Minister')).toEqual({ kind: 'title-only' })
    expect(cleanName('The')).toEqual({ kind: 'none' })
    expect(cleanName('Sir Digby')).toEqual({ kind: 'name', name: 'Digby', givenName: true })
  })

  it('tells organisations from people', () => {
    expect(isOrganisation('Equal Opportunities Commission')).toBe(true)
    expect(isOrganisation('TASS')).toBe(true)
    expect(isOrganisation('Lib Dems')).toBe(true)
    expect(isOrganisation('Georgy Zinoviev')).toBe(false)
  })

  it('completes a surname, a Korean family name or a knight’s first name from an earlier full mention', () => {
    const text = 'Russian President Vladimir Putin spoke. Doo Jin-ho agreed. Sir Digby Jones warned. Putin, Doo and Digby left.'
    const names = new FullNames(text)
    const later = text.indexOf('Putin, Doo')
    expect(names.expand('Putin', later)).toBe('Vladimir Putin')
    expect(names.expand('Doo', later)).toBe('Doo Jin-ho')
    expect(names.expand('Digby', later, true)).toBe('Digby Jones')
  })

  it('leaves a name alone when the full form only comes later or never', () => {
    const text = 'Putin spoke first. Later Vladimir Putin left.'
    const names = new FullNames(text)
    expect(names.expand('Putin', 0)).toBe('Putin')
    expect(names.expand('Lavrov', text.length)).toBe('Lavrov')
    expect(names.expand('TASS', text.length)).toBe('TASS')
  })
})
