// Every keyboard shortcut of the workbench in one list: the App's key handler matches
// against it and the shortcuts sheet (Ctrl+/) shows it, so the two never disagree.

export type ShortcutId =
  | 'find'
  | 'search'
  | 'undo'
  | 'redo'
  | 'highlight'
  | 'new-claim'
  | 'export'
  | 'import'
  | 'shortcuts'
  | 'toggle-library'
  | 'toggle-notes'
  | 'focus-pane'
  | 'toggle-original'

export interface Shortcut {
  id: ShortcutId
  /** As shown to the user, with Ctrl written as ⌘ on a Mac. */
  keys: string[]
  description: string
}

/** Keys handled by a focused element rather than the app: listed on the sheet, matched elsewhere. */
export interface LocalShortcut {
  keys: string[]
  description: string
  where: string
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = IS_MAC ? '⌘' : 'Ctrl'

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'find', keys: [`${MOD}+F`], description: 'Find in the open sources' },
  { id: 'search', keys: [`${MOD}+Shift+F`], description: 'Search the whole library' },
  { id: 'undo', keys: [`${MOD}+Z`], description: 'Undo the last change to your notes' },
  { id: 'redo', keys: [`${MOD}+Shift+Z`, `${MOD}+Y`], description: 'Redo' },
  { id: 'highlight', keys: [`${MOD}+Shift+H`], description: 'Highlight the selected text (opens the colours)' },
  { id: 'toggle-original', keys: [`${MOD}+Shift+O`], description: 'Switch the focused pane between the text and the original (PDF pages, image, web page)' },
  { id: 'new-claim', keys: [`${MOD}+Shift+N`], description: 'New claim' },
  { id: 'export', keys: [`${MOD}+E`], description: 'Export…' },
  { id: 'import', keys: [`${MOD}+O`], description: 'Import a folder' },
  { id: 'toggle-library', keys: [`${MOD}+B`], description: 'Show or hide the library' },
  { id: 'toggle-notes', keys: [`${MOD}+Alt+B`], description: 'Show or hide claims and highlights' },
  { id: 'focus-pane', keys: [IS_MAC ? '⌃1 … ⌃4' : 'Alt+1 … Alt+4'], description: 'Go to reading pane 1 to 4' },
  { id: 'shortcuts', keys: [`${MOD}+/`], description: 'Show these shortcuts' }
]

export const LOCAL_SHORTCUTS: readonly LocalShortcut[] = [
  { keys: ['Shift+←/→', 'Shift+↑/↓'], description: 'Select text a character or a line at a time', where: 'in a reading pane' },
  { keys: [`${IS_MAC ? '⌥' : 'Ctrl'}+Shift+←/→`], description: 'Select a word at a time', where: 'in a reading pane' },
  { keys: [`${MOD}+A`], description: 'Select the whole text of the pane', where: 'in a reading pane' },
  { keys: ['Enter'], description: 'Highlight the selection (opens the colours)', where: 'in a reading pane' },
  { keys: ['1 … 5'], description: 'Pick a highlight colour', where: 'in the colours' },
  { keys: ['Enter', 'Shift+Enter'], description: 'Next or previous match', where: 'in the find box' },
  { keys: ['Esc'], description: 'Close the colours, a menu or a dialog; clear the find box', where: 'anywhere' }
]

/** Shortcuts that would get in the way of typing: not taken while a text box has the focus. */
export const NOT_WHILE_TYPING: ReadonlySet<ShortcutId> = new Set(['undo', 'redo', 'focus-pane', 'toggle-library', 'toggle-notes'])

/** The app-wide shortcut a key press means, or null. */
export function matchShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): { id: ShortcutId; pane?: number } | null {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey
  const key = event.key.toLowerCase()
  // Option+digit types characters on a Mac (# € ¶ on common layouts): there it is Control+digit.
  const paneKey = IS_MAC ? event.ctrlKey && !event.metaKey && !event.altKey : event.altKey && !event.ctrlKey && !event.metaKey
  if (paneKey && /^Digit[1-4]$/.test(event.code)) return { id: 'focus-pane', pane: Number(event.code.slice(5)) }
  if (!mod) return null
  if (event.altKey) return event.code === 'KeyB' ? { id: 'toggle-notes' } : null
  if (event.shiftKey) {
    if (key === 'f') return { id: 'search' }
    if (key === 'z') return { id: 'redo' }
    if (key === 'h') return { id: 'highlight' }
    if (key === 'o') return { id: 'toggle-original' }
    if (key === 'n') return { id: 'new-claim' }
    return event.code === 'Slash' ? { id: 'shortcuts' } : null
  }
  if (key === 'f') return { id: 'find' }
  if (key === 'z') return { id: 'undo' }
  if (key === 'y') return { id: 'redo' }
  if (key === 'e') return { id: 'export' }
  if (key === 'o') return { id: 'import' }
  if (key === 'b') return { id: 'toggle-library' }
  if (key === '/' || event.code === 'Slash') return { id: 'shortcuts' }
  return null
}
