// A button that opens a short menu: arrow keys move, Enter picks, Escape or a click
// elsewhere closes and gives the focus back to the button (the WAI-ARIA menu button pattern).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

export interface MenuItem {
  label: string
  onSelect: () => void
  disabled?: boolean
  /** Shown as a check mark: the current choice among several. */
  checked?: boolean
  /** A shortcut shown beside the label. */
  hint?: string
}

interface MenuButtonProps {
  label: ReactNode
  /** The accessible name when the label is an icon. */
  ariaLabel?: string
  items: ReadonlyArray<MenuItem | 'separator'>
  className?: string
  title?: string
}

export function MenuButton({ label, ariaLabel, items, className, title }: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  // Placed against the window, not the button's column: a column's overflow would clip it.
  const [place, setPlace] = useState<{ top?: number; bottom?: number; right: number; maxHeight: number } | null>(null)
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const entries = items.filter((item): item is MenuItem => item !== 'separator')

  useEffect(() => {
    if (!open) return undefined
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled), [role="menuitemradio"]:not(:disabled)')?.focus()
    const close = (event: MouseEvent): void => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false)
    }
    // Placed against the window: when the page scrolls or the window changes size, it closes
    // rather than float away from its button.
    const away = (event: Event): void => {
      if (!(event.target instanceof Node) || !menuRef.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    window.addEventListener('resize', away)
    document.addEventListener('scroll', away, true)
    return () => {
      document.removeEventListener('mousedown', close)
      window.removeEventListener('resize', away)
      document.removeEventListener('scroll', away, true)
    }
  }, [open])

  function moveFocus(step: number): void {
    const buttons = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    buttons[(at + step + buttons.length) % buttons.length]?.focus()
  }

  function openMenu(): void {
    const box = buttonRef.current?.getBoundingClientRect()
    if (box !== undefined) {
      const right = Math.max(8, window.innerWidth - box.right)
      // Below the button, or above it when the window has more room there.
      const below = window.innerHeight - box.bottom - 12
      const above = box.top - 12
      setPlace(below >= 220 || below >= above ? { top: box.bottom + 4, right, maxHeight: below } : { bottom: window.innerHeight - box.top + 4, right, maxHeight: above })
    }
    setOpen(true)
  }

  function close(): void {
    setOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <span className={`menu-button${className === undefined ? '' : ` ${className}`}`}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        title={title}
        onClick={() => (open ? setOpen(false) : openMenu())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            openMenu()
          }
        }}
      >
        {label}
      </button>
      {open &&
        // In the page's top layer: a column's overflow (or containment) would clip or misplace it.
        createPortal(
        <div
          ref={menuRef}
          id={menuId}
          className="menu"
          role="menu"
          style={place === null ? undefined : { position: 'fixed', top: place.top ?? 'auto', bottom: place.bottom ?? 'auto', right: place.right, maxHeight: place.maxHeight }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close()
            else if (event.key === 'ArrowDown') moveFocus(1)
            else if (event.key === 'ArrowUp') moveFocus(-1)
            else if (event.key === 'Tab') close()
            else return
            event.preventDefault()
          }}
        >
          {items.map((item, index) =>
            item === 'separator' ? (
              <div key={`separator-${index}`} role="separator" className="menu-separator" />
            ) : (
              <button
                key={`${index}-${item.label}`}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                className="menu-item"
                disabled={item.disabled}
                tabIndex={-1}
                onClick={() => {
                  close()
                  item.onSelect()
                }}
              >
                <span className="menu-check" aria-hidden="true">
                  {item.checked === true ? '✓' : ''}
                </span>
                <span className="menu-label">{item.label}</span>
                {item.hint !== undefined && <span className="menu-hint">{item.hint}</span>}
              </button>
            )
          )}
          {entries.length === 0 && <span className="menu-empty">Nothing here</span>}
        </div>,
          document.body
        )}
    </span>
  )
}

/** One entry per claim, numbered as in the claims list: the choices of every "link to a claim" menu. */
export function claimItems<C extends { id: string; text: string }>(claims: readonly C[], pick: (claimId: string) => void, disabled: (claim: C) => boolean = () => false): MenuItem[] {
  return claims.map((claim, index) => ({
    label: `${index + 1}. ${(claim.text || '(empty claim)').slice(0, 60)}`,
    disabled: disabled(claim),
    onSelect: () => pick(claim.id)
  }))
}
