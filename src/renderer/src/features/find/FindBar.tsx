// Find in the open panes: every match marked, a count, next and previous. Matching
// ignores case and typographic variants (curly quotes, U+2011 hyphens, dashes).
import { useRef } from 'react'
import { useUiCommand } from '../../app/ui-commands'
import { useWorkbench } from '../../app/workbench-store'

interface FindBarProps {
  total: number
  position: number
}

export function FindBar({ total, position }: FindBarProps) {
  const query = useWorkbench((state) => state.findQuery)
  const { setFindQuery, moveFindCursor } = useWorkbench.getState()
  const inputRef = useRef<HTMLInputElement>(null)

  // Ctrl+F (not Ctrl+Shift+F, which is the library search) and Edit → Find in Sources.
  useUiCommand('focus-find', () => {
    inputRef.current?.focus()
    inputRef.current?.select()
  })

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in open sources"
        placeholder="Find in open sources"
        title="Find in the open sources (Ctrl+F); Enter for the next match, Shift+Enter for the previous"
        value={query}
        onChange={(event) => setFindQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            moveFindCursor(event.shiftKey ? -1 : 1, total)
          } else if (event.key === 'Escape') setFindQuery('')
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {query.trim() === '' ? '' : total === 0 ? 'No matches' : `${position + 1} of ${total}`}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" disabled={total === 0} onClick={() => moveFindCursor(-1, total)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" disabled={total === 0} onClick={() => moveFindCursor(1, total)}>
        ↓
      </button>
    </div>
  )
}
