// The frame of every in-app dialog (export, import, remove folder, shortcuts): modal and labelled by its title, the focus
// kept inside (Tab and Shift+Tab go round), Escape or a click beside it closes, and the
// focus goes back to whatever opened it.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react'

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])'

/** The stops Tab makes in `root`, in order: of each group of radio buttons only the checked one (or the first), as a browser does. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  // Walked in document order (not every DOM orders a selector list's matches that way).
  const all = [...root.querySelectorAll<HTMLElement>('*')].filter((element) => element.matches(FOCUSABLE))
  return all.filter((element) => {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || element.name === '') return true
    const group = all.filter((other): other is HTMLInputElement => other instanceof HTMLInputElement && other.type === 'radio' && other.name === element.name)
    const checked = group.find((radio) => radio.checked)
    return element === (checked ?? group[0])
  })
}

interface ModalDialogProps {
  titleId: string
  className: string
  onClose: () => void
  /** Where the focus starts; else the first stop. */
  initialFocus?: RefObject<HTMLElement | null>
  /** While its work runs (saving, importing) the dialog stays: its outcome is shown in it. */
  busy?: boolean
  /** `alertdialog` for a question that needs an answer (removing a folder); its text named by `describedBy`. */
  role?: 'dialog' | 'alertdialog'
  describedBy?: string
  children: ReactNode
}

export function ModalDialog({ titleId, className, onClose, initialFocus, busy = false, role = 'dialog', describedBy, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = busy ? () => undefined : onClose
  })

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const dialog = dialogRef.current
    const first = initialFocus?.current ?? (dialog === null ? undefined : tabStops(dialog)[0])
    first?.focus()
    // Escape closes the dialog wherever the focus is (a file picker or a re-render can leave it on the page).
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      event.stopPropagation()
      closeRef.current()
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      opener?.focus()
    }
    // The opener is whatever had the focus when the dialog appeared: read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && closeRef.current()}>
      <div
        ref={dialogRef}
        className={`dialog ${className}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onKeyDown={(event) => {
          if (event.key !== 'Tab' || dialogRef.current === null) return
          // Within the dialog the browser moves the focus (radio groups stay one stop); at its ends it goes round.
          const stops = tabStops(dialogRef.current)
          const at = stops.indexOf(document.activeElement as HTMLElement)
          const wrapBack = event.shiftKey && at <= 0
          const wrapForward = !event.shiftKey && (at === -1 || at === stops.length - 1)
          const next = wrapBack ? stops.at(-1) : wrapForward ? stops[0] : undefined
          if (next !== undefined) {
            event.preventDefault()
            next.focus()
          }
        }}
      >
        {children}
      </div>
    </div>
  )
}
