// The column of page placeholders, one per page, sized from the page so the scrollbar is
// right before anything is drawn. React renders them empty; the page manager fills the ones
// near the view (React never renders inside them).
import { memo, type CSSProperties } from 'react'
import type { PageColumn } from './pdf-page-layout'

interface PdfPageColumnProps {
  column: PageColumn
  /** The column's width: the view's, or the widest page's when zoomed in further. */
  width: number
  scale: number
  /** Where each page's element is registered, by 0-based page index, for the page manager. */
  hosts: Map<number, HTMLElement>
}

export const PdfPageColumn = memo(function PdfPageColumn({ column, width, scale, hosts }: PdfPageColumnProps) {
  // pdf.js's text layer sizes its runs from --total-scale-factor.
  const style = { height: column.height, width, '--total-scale-factor': scale } as CSSProperties
  return (
    <div className="pdf-column" style={style}>
      {column.boxes.map((box, index) => (
        <div
          key={index}
          ref={(element) => {
            if (element === null) hosts.delete(index)
            else hosts.set(index, element)
          }}
          className="pdf-page"
          data-testid="pdf-page"
          data-page-number={index + 1}
          role="group"
          aria-label={`Page ${index + 1}`}
          style={{ top: box.top, left: (width - box.width) / 2, width: box.width, height: box.height }}
        />
      ))}
    </div>
  )
})
