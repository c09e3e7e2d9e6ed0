// The keyboard shortcuts, all on one sheet (Ctrl+/): what the app does with each key,
// and the keys a reading pane, the colours and the find box understand.
import { useEffect, useRef, type ReactNode } from 'react'
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
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => previous?.focus()
  }, [])
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog shortcuts-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onClose()
          }
          // Focus stays in the dialog: its one button is the only stop.
          if (event.key === 'Tab') {
            event.preventDefault()
            closeRef.current?.focus()
          }
        }}
      >
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
      </div>
    </div>
  )
}
