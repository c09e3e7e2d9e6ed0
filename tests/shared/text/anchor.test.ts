import { describe, expect, it } from 'vitest'
import { anchorSelectors, CONTEXT_LENGTH, describeRange } from '../../../src/shared/text/anchor'

const text = 'Putin said: "We hope to restore relations." Later he said "We hope to restore relations" again, to the ambassadors.'

describe('describeRange', () => {
  it('records the exact quote with up to 32 characters of context and the offsets', () => {
    const start = text.lastIndexOf('We hope')
    const [quote, position] = describeRange(text, start, start + 27)
    expect(quote.exact).toBe('We hope to restore relation')
    expect(quote.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start))
    expect(quote.suffix).toBe(text.slice(start + 27, start + 27 + CONTEXT_LENGTH))
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 27 })
  })
})

describe('anchorSelectors', () => {
  const start = text.lastIndexOf('We hope')
  const [quote, position] = describeRange(text, start, start + 28)

  it('is exact when the text is unchanged', () => {
    expect(anchorSelectors(text, quote, position)).toEqual({ state: 'exact', start, end: start + 28 })
  })

  it('relocates to the right repeat of a quote when text is inserted before it', () => {
    const edited = `UPDATE: corrected spelling. ${text}`
    const anchor = anchorSelectors(edited, quote, position)
    expect(anchor).toEqual({ state: 'relocated', start: start + 28, end: start + 28 + 28 })
  })

  it('follows a quote reworded in place to its new wording, in whole words', () => {
    const edited = text.replaceAll('We hope to restore relations', 'We hope to restore ties')
    const anchor = anchorSelectors(edited, quote, position)
    expect(anchor.state).toBe('relocated')
    if (anchor.state !== 'orphan') expect(edited.slice(anchor.start, anchor.end)).toBe('We hope to restore ties')
  })

  it('is an orphan when the quoted sentence is gone, rather than a guess elsewhere', () => {
    const edited = 'Putin said little. Later he spoke to the ambassadors about trade, grain and the weather in Moscow.'
    expect(anchorSelectors(edited, quote, position)).toEqual({ state: 'orphan' })
  })
})
