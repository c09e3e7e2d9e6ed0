// An edited text field that saves itself shortly after the user stops typing, on blur,
// when the field goes away and when the page is hidden or closed, so a claim or comment
// is never lost. The engine's echo of any of our own saves (even one answered late)
// never overwrites what the user typed since; a change made elsewhere does, and so does
// an undo or redo (a new `generation`), which may bring back a text we once saved.
import { useEffect, useRef, useState } from 'react'

export const AUTOSAVE_DELAY_MS = 700

export function useAutosavedDraft(saved: string, save: (value: string) => void, generation = 0): [string, (value: string) => void, () => void] {
  const [draft, setDraft] = useState(saved)
  const latest = useRef({ draft: saved, sent: saved, save })
  const ourEchoes = useRef(new Set<string>([saved]))
  useEffect(() => {
    latest.current.save = save
    latest.current.draft = draft
  })

  const flush = (): void => {
    const state = latest.current
    if (state.draft === state.sent) return
    state.sent = state.draft
    ourEchoes.current.add(state.draft)
    state.save(state.draft)
  }

  const seenGeneration = useRef(generation)
  useEffect(() => {
    // After an undo or redo the engine's text is the truth, even one we saved before,
    // unless the user is in the middle of typing (that edit is saved, then undone).
    const stepped = seenGeneration.current !== generation
    seenGeneration.current = generation
    if (stepped) ourEchoes.current.clear()
    if (ourEchoes.current.has(saved)) return
    if (stepped && latest.current.draft !== latest.current.sent) return
    latest.current.sent = saved
    latest.current.draft = saved
    setDraft(saved)
  }, [saved, generation])

  useEffect(() => {
    if (draft === latest.current.sent) return undefined
    const timer = setTimeout(flush, AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft])

  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [])

  return [
    draft,
    (value: string) => {
      latest.current.draft = value
      setDraft(value)
    },
    flush
  ]
}
