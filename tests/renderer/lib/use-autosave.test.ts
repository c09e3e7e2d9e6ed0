import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AUTOSAVE_DELAY_MS, useAutosavedDraft } from '../../../src/renderer/src/lib/use-autosave'

describe('useAutosavedDraft', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once the user pauses typing, not on every keystroke', () => {
    const save = vi.fn()
    const { result } = renderHook(({ saved }) => useAutosavedDraft(saved, save), { initialProps: { saved: '' } })
    act(() => result.current[1]('Putin'))
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS / 2))
    act(() => result.current[1]('Putin said'))
    expect(save).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS))
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('Putin said')
  })

  it('saves at once on flush (blur) and not again afterwards', () => {
    const save = vi.fn()
    const { result } = renderHook(() => useAutosavedDraft('', save))
    act(() => result.current[1]('A claim'))
    act(() => result.current[2]())
    expect(save).toHaveBeenCalledWith('A claim')
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2))
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('keeps words typed after a save when the engine echoes the older saved text', () => {
    const save = vi.fn()
    const { result, rerender } = renderHook(({ saved }) => useAutosavedDraft(saved, save), { initialProps: { saved: '' } })
    act(() => result.current[1]('First part'))
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS))
    act(() => result.current[1]('First part and more'))
    rerender({ saved: 'First part' })
    expect(result.current[0]).toBe('First part and more')
  })

  it('takes a change made elsewhere', () => {
    const { result, rerender } = renderHook(({ saved }) => useAutosavedDraft(saved, vi.fn()), { initialProps: { saved: 'old' } })
    rerender({ saved: 'changed in another window' })
    expect(result.current[0]).toBe('changed in another window')
  })
})

describe('useAutosavedDraft when saves overlap or the field goes away', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('ignores a late answer to an older save', () => {
    const save = vi.fn()
    const { result, rerender } = renderHook(({ saved }) => useAutosavedDraft(saved, save), { initialProps: { saved: '' } })
    act(() => result.current[1]('one'))
    act(() => result.current[2]())
    act(() => result.current[1]('one two'))
    act(() => result.current[2]())
    rerender({ saved: 'one two' })
    rerender({ saved: 'one' })
    expect(result.current[0]).toBe('one two')
  })

  it('saves pending typing when the field is unmounted or the page is hidden', () => {
    const save = vi.fn()
    const { result, unmount } = renderHook(() => useAutosavedDraft('', save))
    act(() => result.current[1]('typed just before closing'))
    window.dispatchEvent(new Event('pagehide'))
    expect(save).toHaveBeenCalledWith('typed just before closing')
    act(() => result.current[1]('and more'))
    unmount()
    expect(save).toHaveBeenLastCalledWith('and more')
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('shows the text an undo brought back, even one it saved itself before', () => {
    const save = vi.fn()
    const { result, rerender } = renderHook(({ saved, generation }) => useAutosavedDraft(saved, save, generation), {
      initialProps: { saved: 'Putin spoke', generation: 0 }
    })
    act(() => result.current[1]('Putin spoke warmly'))
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS))
    rerender({ saved: 'Putin spoke warmly', generation: 0 })
    // Undo: the engine is back at the first text, which this field once saved itself.
    rerender({ saved: 'Putin spoke', generation: 1 })
    expect(result.current[0]).toBe('Putin spoke')
    act(() => vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2))
    expect(save).toHaveBeenCalledTimes(1)
  })
})
