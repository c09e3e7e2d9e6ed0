import { describe, expect, it } from 'vitest'
import { findAttributions } from '../../../../../src/main/core/corroboration/quotes/speaker-attribution'

function found(masked: string): [string, string][] {
  return findAttributions(masked).map((match) => [masked.slice(match.start, match.end), match.kind])
}

describe('speaker-attribution', () => {
  it('finds speakers before, after and behind "according to"', () => {
    expect(found('"####," Putin said. "####," said Russian President Vladimir Putin. "####", according to Yonhap.')).toEqual([
      ['Putin said', 'name'],
      ['said Russian President Vladimir Putin', 'name'],
      ['according to Yonhap', 'name']
    ])
  })

  it('tells pronouns, roles and subject-less participles apart', () => {
    expect(found('"####," he stated. "####," the ambassador added. The envoy arrived, adding "####."')).toEqual([
      ['he stated', 'pronoun'],
      ['the ambassador added', 'role'],
      ['adding', 'none']
    ])
  })

  it('skips an apposition to reach the speaker', () => {
    expect(found('But David Frost, director general of the chambers, warned that "####".')).toEqual([
      ['But David Frost, director general of the chambers, warned', 'name']
    ])
  })

  it('does not take verbs that report no speech for attributions', () => {
    expect(found('Seoul continues to be listed. The TUC has called on ministers. European states met. A warning came.')).toEqual([])
  })

  it('does not take a place after a preposition for the speaker', () => {
    expect(found('The MP for Sittingbourne and Sheppey said the vote mattered.')).toEqual([])
  })
})
