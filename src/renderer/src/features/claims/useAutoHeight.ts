// Lets a text box grow with what it holds, up to a height past which it scrolls, and opens
// it scrolled to the top: a claim is read from its first word, even when focused at its end.
import { useEffect, useLayoutEffect, type RefObject } from 'react'

/** About twelve lines of a claim: taller than that, the box scrolls instead of pushing its links away. */
export const MAX_AUTO_HEIGHT_PX = 240

function fit(element: HTMLTextAreaElement): void {
  element.style.height = 'auto'
  // scrollHeight leaves out the borders, which a border-box height includes.
  const wanted = element.scrollHeight + element.offsetHeight - element.clientHeight
  element.style.height = `${Math.min(wanted, MAX_AUTO_HEIGHT_PX)}px`
  element.style.overflowY = wanted > MAX_AUTO_HEIGHT_PX ? 'auto' : 'hidden'
}

export function useAutoHeight(ref: RefObject<HTMLTextAreaElement | null>, value: string): void {
  useLayoutEffect(() => {
    if (ref.current !== null) fit(ref.current)
  }, [ref, value])

  useLayoutEffect(() => {
    const element = ref.current
    if (element === null) return undefined
    element.scrollTop = 0
    // Focusing a text set by script puts the caret at its end, and the browser may scroll there after this effect.
    const frame = requestAnimationFrame(() => {
      element.scrollTop = 0
    })
    return () => cancelAnimationFrame(frame)
  }, [ref])

  // A narrower column wraps the text onto more lines.
  useEffect(() => {
    const element = ref.current
    if (element === null || typeof ResizeObserver === 'undefined') return undefined
    let width = element.clientWidth
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return
      width = element.clientWidth
      fit(element)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
}
