// The keyboard shortcuts, all on one sheet (Ctrl+/): what the app does with each key,
// and the keys a reading pane, the colours and the find box understand.
import { useRef, type ReactNode } from 'react'
import { ModalDialog } from '../components/ModalDialog'
import { LOCAL_SHORTCUTS, SHORTCUTS } from './shortcuts'

function ShortcutTable({ rows }: { rows: ReadonlyArray<{ keys: readonly string[]; label: ReactNode }> }) {
  return (
    <table className="shortcut-table">
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>{row.label}</td>
            <td className="keys">
              {row.keys.map((keys) => (
                <kbd key={keys}>{keys}</kbd>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null)
  return (
    <ModalDialog titleId="shortcuts-title" className="shortcuts-sheet" onClose={onClose} initialFocus={closeRef}>
      <header className="dialog-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <ShortcutTable rows={SHORTCUTS.map((shortcut) => ({ keys: shortcut.keys, label: shortcut.description }))} />
      <h3>Where the focus is</h3>
      <ShortcutTable
        rows={LOCAL_SHORTCUTS.map((shortcut) => ({
          keys: shortcut.keys,
          label: (
            <>
              {shortcut.description} <span className="muted">({shortcut.where})</span>
            </>
          )
        }))}
      />
      <p className="hint">Tab and Shift+Tab move between controls; Enter or Space presses a button. Every action has a button or a menu entry.</p>
    </ModalDialog>
  )
}
