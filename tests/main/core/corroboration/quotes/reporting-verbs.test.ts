import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'
import { isTableVerb, reportingPlace } from '../../../../../src/main/core/corroboration/quotes/reporting-verbs'
import { REPORTING_VERB_LINES } from '../../../../../src/main/core/corroboration/quotes/reporting-verb-table'

function speakers(text: string): [string, string | null][] {
  return extractQuotes(text).map((quote) => [quote.text, quote.speaker])
}

function placeOf(masked: string, verb: string): string | null {
  const start = masked.indexOf(verb)
  return reportingPlace(masked, start, start + verb.length)?.place ?? null
}

describe('reporting-verbs: the generated WordNet table', () => {
  it('holds speech, thought and feeling verbs in their inflected forms', () => {
    for (const form of ['scoffed', 'scoffs', 'marvelled', 'marveled', 'grumbled', 'retorted', 'wondered', 'thought', 'quipped', 'muttering']) {
      expect(isTableVerb(form), form).toBe(true)
    }
  })

  it('leaves out verbs mostly about something else, the stop list and the "-s" of words used more as nouns', () => {
    // "walk", "build": not speech; "sign", "name", "publish": objects are titles or outlets;
    // "claims", "fears", "quips": used more as plural nouns.
    for (const form of ['walked', 'built', 'signed', 'named', 'published', 'fears', 'quips', 'running']) {
      expect(isTableVerb(form), form).toBe(false)
    }
  })

  it('stays small', () => {
    expect(REPORTING_VERB_LINES.length).toBeLessThan(60_000)
  })
})

describe('reporting-verbs: where a table verb may credit a speaker', () => {
  it('accepts the places right after a quotation, inverted, and before a colon', () => {
    expect(placeOf('“#####” Dana Reyes scoffed.', 'scoffed')).toBe('after-speaker')
    expect(placeOf('“#####” Dana Reyes, a council member, scoffed on Monday.', 'scoffed')).toBe('after-speaker')
    expect(placeOf('“#####” scoffed Dana Reyes.', 'scoffed')).toBe('inverted')
    expect(placeOf('Dana Reyes scoffed: “####.”', 'scoffed')).toBe('colon')
  })

  it('refuses a table verb anywhere else, and one that takes an object after a quotation', () => {
    expect(placeOf('Dana Reyes scoffed at the plan.', 'scoffed')).toBeNull()
    expect(placeOf('Dana Reyes scoffed that “####.”', 'scoffed')).toBeNull()
    expect(placeOf('in a clip the judge called “#####” Santos expressed a wish to leave.', 'expressed')).toBeNull()
  })
})

describe('reporting-verbs: speakers through the table', () => {
  it('credits verbs no hand list names', () => {
    expect(speakers('“The budget is a fantasy,” Marta Quill grumbled. “Wait and see,” retorted Owen Baptiste.')).toEqual([
      ['The budget is a fantasy,', 'Marta Quill'],
      ['Wait and see,', 'Owen Baptiste']
    ])
    expect(speakers('Ines Haldane marvelled: “I never thought we would win.”')).toEqual([['I never thought we would win.', 'Ines Haldane']])
  })

  it('joins a quotation broken by a table verb', () => {
    expect(speakers('“The market has not failed,” Tomas Berg mutters. “We failed it.”')).toEqual([
      ['The market has not failed, We failed it.', 'Tomas Berg']
    ])
  })

  it('does not take a noun that looks like a verb for a speech verb', () => {
    // "signs" and "quips" here are plural nouns; "rallies" is no speech verb.
    expect(speakers('Fans waved “Make Ponds Great” Hartley signs. Nobody liked the “Stop Hartley” Vance quips.')).toEqual([
      ['Make Ponds Great', null],
      ['Stop Hartley', null]
    ])
    expect(speakers('They cheered at “Vote Hartley” Ohio rallies.')).toEqual([['Vote Hartley', null]])
  })

  it('does not credit someone who only acts on the quotation', () => {
    expect(speakers('The “people’s plan,” Mayor Odum approved on Friday, cuts taxes.')).toEqual([['people’s plan,', null]])
    expect(speakers('A site called “freevote.example,” a network linked to a fund, sold mugs.')).toEqual([['freevote.example,', null]])
  })
})
