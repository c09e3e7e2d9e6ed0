import { describe, expect, it } from 'vitest'
import { matchShortcut, NOT_WHILE_TYPING } from '../../../src/renderer/src/app/shortcuts'

const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init })

describe('shortcuts', () => {
  it('tells Find (Ctrl+F) from the library search (Ctrl+Shift+F)', () => {
    expect(matchShortcut(key({ key: 'f', code: 'KeyF', ctrlKey: true }))).toEqual({ id: 'find' })
    expect(matchShortcut(key({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }))).toEqual({ id: 'search' })
  })

  it('goes to a pane with Alt+digit, and never takes keys that type text while a text box has the focus', () => {
    expect(matchShortcut(key({ key: '2', code: 'Digit2', altKey: true }))).toEqual({ id: 'focus-pane', pane: 2 })
    expect(matchShortcut(key({ key: 'a', code: 'KeyA' }))).toBeNull()
    for (const id of ['undo', 'redo', 'focus-pane', 'toggle-library', 'toggle-notes'] as const) expect(NOT_WHILE_TYPING.has(id)).toBe(true)
    expect(NOT_WHILE_TYPING.has('find')).toBe(false)
  })
})
