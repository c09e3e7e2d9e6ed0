// The controls above the library list: which sources to show (all, starred, one tag),
// the sort order and its direction, grouping by folder, and the imported folders (to
// take one out of the project).
import type { ImportRoot } from '../../../../shared/domain/source'
import { MenuButton } from '../../components/MenuButton'
import { SORT_KEYS, SORT_LABELS, type LibraryView, type MarkFilter, type SortKey } from './library-view'

interface LibraryToolbarProps {
  view: LibraryView
  onView(view: LibraryView): void
  mark: MarkFilter
  onMark(mark: MarkFilter): void
  starred: number
  tags: ReadonlyArray<{ tag: string; count: number }>
  roots: readonly ImportRoot[]
  busy: boolean
  onRemoveFolder(root: ImportRoot): void
}

export function LibraryToolbar({ view, onView, mark, onMark, starred, tags, roots, busy, onRemoveFolder }: LibraryToolbarProps) {
  const descending = view.direction === 'desc'
  return (
    <div className="library-tools">
      <select aria-label="Show" value={mark} onChange={(event) => onMark(event.target.value)}>
        <option value="all">All sources</option>
        <option value="starred">★ Starred ({starred})</option>
        {tags.map(({ tag, count }) => (
          <option key={tag} value={`tag:${tag}`}>
            Tag: {tag} ({count})
          </option>
        ))}
      </select>
      <select aria-label="Sort by" value={view.sort} onChange={(event) => onView({ ...view, sort: event.target.value as SortKey })}>
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {SORT_LABELS[key]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button sort-direction"
        aria-label="Descending"
        aria-pressed={descending}
        title={descending ? 'Descending (click for ascending)' : 'Ascending (click for descending)'}
        onClick={() => onView({ ...view, direction: descending ? 'asc' : 'desc' })}
      >
        {descending ? '↓' : '↑'}
      </button>
      <label className="check">
        <input type="checkbox" checked={view.groupByFolder} onChange={(event) => onView({ ...view, groupByFolder: event.target.checked })} /> Group by folder
      </label>
      {roots.length > 0 && (
        <MenuButton
          className="library-folders"
          label="Folders"
          title="The imported folders"
          items={roots.map((root) => ({ label: `Remove “${root.name}” from the project…`, disabled: busy, onSelect: () => onRemoveFolder(root) }))}
        />
      )}
    </div>
  )
}
