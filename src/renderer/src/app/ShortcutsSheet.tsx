// The keyboard shortcuts, all on one sheet (Ctrl+/): what the app does with each key,
// and the keys a reading pane, the colours and the find box understand.
import { useEffect, useRef } from 'react'
import { LOCAL_SHORTCUTS, SHORTCUTS } from './shortcuts'

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
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.id}>
                <td>{shortcut.description}</td>
                <td className="keys">
                  {shortcut.keys.map((keys) => (
                    <kbd key={keys}>{keys}</kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Where the focus is</h3>
        <table className="shortcut-table">
          <tbody>
            {LOCAL_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.description}>
                <td>
                  {shortcut.description} <span className="muted">({shortcut.where})</span>
                </td>
                <td className="keys">
                  {shortcut.keys.map((keys) => (
                    <kbd key={keys}>{keys}</kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Tab and Shift+Tab move between controls; Enter or Space presses a button. Every action has a button or a menu entry.</p>
      </div>
    </div>
  )
}
