// One result snippet with its hits marked by mark.js. The element is filled imperatively,
// so React never renders inside what mark.js changes. A layout effect: the text and its
// marks are in place in the commit that adds the snippet, never painted empty first.
import Mark from 'mark.js'
import { useLayoutEffect, useRef } from 'react'
import type { SearchSnippet } from '../../../../shared/domain/search-results'

export function SnippetText({ snippet }: { snippet: SearchSnippet }) {
  const ref = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (element === null) return
    element.textContent = snippet.text
    new Mark(element).markRanges(
      snippet.ranges.map((range) => ({ start: range.start, length: range.end - range.start })),
      { className: 'snippet-hit' }
    )
  }, [snippet])
  return <span ref={ref} className="snippet" />
}
