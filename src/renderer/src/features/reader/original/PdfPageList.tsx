// The page list beside the original: one button per page, the current one marked, pages
// holding highlights dotted, so a long document can be crossed in one click.
import { useEffect, useRef } from 'react'

interface PdfPageListProps {
  id: string
  /** Names the list among the panes' lists (landmarks need names of their own). */
  label: string
  pageCount: number
  current: number
  /** Pages (0-based) that hold at least one highlight. */
  highlighted: ReadonlySet<number>
  onGoTo(page: number): void
}

export function PdfPageList({ id, label, pageCount, current, highlighted, onGoTo }: PdfPageListProps) {
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    const button = listRef.current?.querySelector<HTMLElement>('[aria-current="page"]')
    // Only the list scrolls: block "nearest" leaves it alone when the page is already in view.
    button?.scrollIntoView({ block: 'nearest' })
  }, [current])

  return (
    <nav id={id} className="pdf-page-list" aria-label={label}>
      <ol ref={listRef}>
        {Array.from({ length: pageCount }, (_, page) => (
          <li key={page}>
            <button
              type="button"
              aria-current={page === current ? 'page' : undefined}
              aria-label={highlighted.has(page) ? `Page ${page + 1}, has highlights` : `Page ${page + 1}`}
              className={highlighted.has(page) ? 'has-highlights' : undefined}
              onClick={() => onGoTo(page)}
            >
              {page + 1}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
