// A source's star: a toggle button (aria-pressed) reachable with the keyboard, in each
// library row.
import type { Source } from '../../../../shared/domain/source'
import { markSource } from './library-actions'

/** Named just "Star": the row around it names the source, and a name holding the title would compete with the row's own button. */
export function StarButton({ source }: { source: Source }) {
  return (
    <button
      type="button"
      className={`star-toggle${source.starred ? ' starred' : ''}`}
      aria-pressed={source.starred}
      aria-label="Star"
      title={source.starred ? 'Starred (click to remove the star)' : 'Star this source'}
      onClick={() => void markSource({ sourceId: source.id, starred: !source.starred })}
    >
      {source.starred ? '★' : '☆'}
    </button>
  )
}
