// An edited text field that saves itself shortly after the user stops typing, and on
// blur, so a claim or comment is never lost to a closed window. The engine's echo of a
// save never overwrites what the user has typed since; a change from elsewhere does.
import { useEffect, useRef, useState } from 'react'

export const AUTOSAVE_DELAY_MS = 700

export function useAutosavedDraft(saved: string, save: (value: string) => void): [string, (value: string) => void, () => void] {
  const [draft, setDraft] = useState(saved)
  const sent = useRef(saved)
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })

  useEffect(() => {
    if (saved !== sent.current) {
      sent.current = saved
      setDraft(saved)
    }
  }, [saved])

  const flush = (): void => {
    if (draft === sent.current) return
    sent.current = draft
    saveRef.current(draft)
  }

  useEffect(() => {
    if (draft === sent.current) return undefined
    const timer = setTimeout(() => {
      if (draft === sent.current) return // already saved on blur
      sent.current = draft
      saveRef.current(draft)
    }, AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft])

  return [draft, setDraft, flush]
}
