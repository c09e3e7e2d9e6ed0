// Commands from the keyboard, the menu and the top bar to whichever component can carry
// them out (focus the find box, show the search tab, hide the library, open the colours
// for a selection), without routing them through the engine's state.
import { useEffect, useRef } from 'react'

export type UiCommand =
  | { kind: 'focus-find' }
  | { kind: 'focus-search' }
  | { kind: 'toggle-library' }
  | { kind: 'toggle-notes' }
  | { kind: 'focus-pane'; pane: number }
  | { kind: 'highlight-selection' }
  | { kind: 'show-shortcuts' }
  | { kind: 'import' }
  | { kind: 'export' }

type Kind = UiCommand['kind']
type Handler<K extends Kind> = (command: Extract<UiCommand, { kind: K }>) => void

type AnyHandler = (command: UiCommand) => void
const handlers = new Map<Kind, Set<AnyHandler>>()

export function sendUiCommand(command: UiCommand): boolean {
  const listening = handlers.get(command.kind)
  for (const handler of listening ?? []) handler(command)
  return (listening?.size ?? 0) > 0
}

/** Runs `handler` for each command of this kind while the component is mounted. */
export function useUiCommand<K extends Kind>(kind: K, handler: Handler<K>): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    // Only commands of this kind reach this set, so the narrowing is sound.
    const call: AnyHandler = (command) => latest.current(command as Extract<UiCommand, { kind: K }>)
    const set = handlers.get(kind) ?? new Set()
    set.add(call)
    handlers.set(kind, set)
    return () => void set.delete(call)
  }, [kind])
}
