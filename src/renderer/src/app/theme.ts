// Light, dark, or whatever the system says: the choice is kept in this browser or app
// profile and applied as a data attribute the stylesheet reads.
import { useSyncExternalStore } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 'sourcebench.theme'
const listeners = new Set<() => void>()

export function readTheme(storage: Pick<Storage, 'getItem'> = window.localStorage): ThemeChoice {
  const stored = storage.getItem(KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

/** Sets the attribute the stylesheet reads: none for "system" (the media query decides). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', choice)
}

export function setTheme(choice: ThemeChoice): void {
  window.localStorage.setItem(KEY, choice)
  applyTheme(choice)
  for (const listener of listeners) listener()
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    () => readTheme()
  )
}
