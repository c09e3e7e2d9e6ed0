import { describe, expect, it } from 'vitest'
import { MAX_SCALE, MIN_SCALE, percent, scaleFor, typicalSize, zoomIn, zoomOut } from '../../../../../src/renderer/src/features/reader/original/pdf-zoom'

const letter = { width: 612, height: 792 }

describe('pdf-zoom', () => {
  it('fits the page width in a narrow pane, and the whole page when asked', () => {
    const pane = { width: 420, height: 700 }
    expect(scaleFor({ kind: 'fit-width' }, letter, pane) * letter.width).toBeLessThanOrEqual(420)
    expect(scaleFor({ kind: 'fit-width' }, letter, pane) * letter.width).toBeGreaterThan(380)
    const wide = { width: 1400, height: 700 }
    const page = scaleFor({ kind: 'fit-page' }, letter, wide)
    expect(page * letter.height).toBeLessThanOrEqual(700)
    expect(page * letter.height).toBeGreaterThan(660)
  })

  it('shows the page at its own size before the pane has a size', () => {
    expect(scaleFor({ kind: 'fit-width' }, letter, { width: 0, height: 0 })).toBe(1)
  })

  it('steps + and − through the usual percentages, from a fitted scale to the next step', () => {
    expect(zoomIn(1)).toBe(1.1)
    expect(zoomIn(1.13)).toBe(1.25)
    expect(zoomOut(1.13)).toBe(1.1)
    expect(zoomOut(1)).toBe(0.9)
    expect(zoomIn(MAX_SCALE)).toBe(MAX_SCALE)
    expect(zoomOut(MIN_SCALE)).toBe(MIN_SCALE)
    expect(percent(0.67)).toBe('67%')
  })

  it('keeps a fixed scale within bounds', () => {
    expect(scaleFor({ kind: 'scale', scale: 40 }, letter, { width: 400, height: 400 })).toBe(MAX_SCALE)
    expect(scaleFor({ kind: 'scale', scale: 0.01 }, letter, { width: 400, height: 400 })).toBe(MIN_SCALE)
  })

  it('fits the size most pages have, not a single landscape page', () => {
    const landscape = { width: 792, height: 612 }
    expect(typicalSize([letter, landscape, letter, letter])).toEqual(letter)
    expect(typicalSize([])).toEqual(letter)
  })
})
