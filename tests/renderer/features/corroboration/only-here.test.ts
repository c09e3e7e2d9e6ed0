import { describe, expect, it } from 'vitest'
import { onlyHere, type ComparedColumn } from '../../../../src/renderer/src/features/corroboration/only-here'

/** A column of sentences joined by spaces, each with its link (null = the alignment found no sure partner). */
function column(...sentences: Array<[string, number | null]>): ComparedColumn {
  let text = ''
  const spans = sentences.map(([sentence, link]) => {
    const start = text.length
    text += `${sentence} `
    return { start, end: start + sentence.length, link }
  })
  return { text, sentences: spans }
}

describe('onlyHere', () => {
  const summary = column(
    ['Putin said previously the countries achieved truly positive results in trade and business.', 0],
    ['The ambassador previously served in Moscow from 2019 to 2022 and knows the strained relations well.', null],
    ['On Cuba, he stated that Moscow stands in solidarity with their determination to defend sovereignty.', null],
    ['Read more.', null]
  )
  const joongang = column(
    ['In the past, our countries achieved truly positive results in trade and business.', 0],
    ['Lee, who served in Moscow from 2019 to 2022, returns to strained relations he knows well.', null],
    ['South Korea plans to run a pilot container ship through the Northern Sea Route this summer.', null]
  )

  it('marks a sentence no other column shares much wording with; not a reworded one the alignment left unlinked, a linked one or a heading', () => {
    expect(onlyHere([summary, joongang])).toEqual([
      [false, false, true, false],
      [false, false, true]
    ])
  })

  it('finds a counterpart in any other column, not only the next one', () => {
    const tass = column(['A pilot container ship will run through the Northern Sea Route, South Korea plans.', null])
    expect(onlyHere([summary, joongang, tass])[1]![2]).toBe(false)
  })
})
