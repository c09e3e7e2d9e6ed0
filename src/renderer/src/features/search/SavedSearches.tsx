// Saved searches in the Search tab: "Save search" names the current query (with its
// spelling-variants option) and keeps it in the project; each saved one runs with a
// click and can be deleted (undoably).
import { useState } from 'react'
import type { SavedSearch } from '../../../../shared/domain/saved-search'
import { useSavedSearches } from './useSavedSearches'

interface SavedSearchesProps {
  query: string
  nameVariants: boolean
  onRun(search: SavedSearch): void
}

export function SavedSearches({ query, nameVariants, onRun }: SavedSearchesProps) {
  const { saved, save, remove } = useSavedSearches()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const typed = query.trim()

  async function keep(): Promise<void> {
    if (name.trim() === '' || typed === '') return
    if ((await save({ name: name.trim(), query: typed, nameVariants })) !== undefined) setNaming(false)
  }

  return (
    <section className="saved-searches" aria-label="Saved searches">
      {naming ? (
        <form
          className="saved-search-form"
          onSubmit={(event) => {
            event.preventDefault()
            void keep()
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setNaming(false)
          }}
        >
          <input aria-label="Name of the saved search" value={name} maxLength={120} autoFocus onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="button primary" disabled={name.trim() === ''}>
            Save
          </button>
          <button type="button" className="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="link-button"
          style={{ alignSelf: 'flex-start' }}
          disabled={typed === ''}
          title={typed === '' ? 'Type a search first' : 'Keep this search under a name, to run it again with one click'}
          onClick={() => {
            setName(typed.slice(0, 120))
            setNaming(true)
          }}
        >
          Save search
        </button>
      )}
      {saved.length > 0 && (
        <ul className="saved-search-list" data-testid="saved-searches">
          {saved.map((search) => {
            const current = search.query === typed && search.nameVariants === nameVariants
            return (
              <li key={search.id} className={current ? 'current' : undefined}>
                <button
                  type="button"
                  className="saved-search"
                  aria-current={current ? 'true' : undefined}
                  title={`${search.query}${search.nameVariants ? ' (with spelling variants of confirmed names)' : ''}`}
                  onClick={() => onRun(search)}
                >
                  {search.name}
                </button>
                <button type="button" className="icon-button" aria-label={`Delete the saved search “${search.name}”`} onClick={() => void remove(search)}>
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
