// Library-wide search: words, "phrases", OR, -exclusion, prefix*, fuzzy~, "near"~N and
// field filters, with ranked results that appear while typing, a page at a time. Opening a
// result shows the source with every hit marked.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { displayDate, outletAndDate } from '../../../../shared/domain/citation'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useUiCommand } from '../../app/ui-commands'
import { useWorkbench } from '../../app/workbench-store'
import { SavedSearches } from './SavedSearches'
import { SnippetText } from './SnippetText'
import { useSearchPages } from './useSearchPages'

const SYNTAX_HELP =
  'Words must all match · "exact phrase" · a OR b · -exclude · prefix* · fuzzy~ · "words near"~5 · title: outlet: folder: format:pdf date:2026-01 date:2025-12-01..2026-01-31'

export function SearchPanel() {
  const byId = useSourcesById()
  const { openSource } = useWorkbench.getState()
  const [query, setQuery] = useState('')
  const [nameVariants, setNameVariants] = useState(false)
  const { shown, hasMore, loadingMore, showMore } = useSearchPages(query, nameVariants)
  const response = shown?.response ?? null
  const list = useRef<HTMLOListElement>(null)
  const input = useRef<HTMLInputElement>(null)
  // Ctrl+Shift+F: the tab shows first, then the box takes the focus (a hidden box cannot).
  const [focusAsked, setFocusAsked] = useState(0)
  useUiCommand('focus-search', () => setFocusAsked((count) => count + 1))
  useEffect(() => {
    if (focusAsked > 0) input.current?.focus()
  }, [focusAsked])

  // A new first page starts at the top; an appended page leaves the list where the user had it.
  // In the same commit as the new rows (a layout effect), so the list never shows them at the old position.
  const firstPage = shown?.firstPage ?? null
  useLayoutEffect(() => {
    if (firstPage !== null && list.current !== null) list.current.scrollTop = 0
  }, [firstPage])
  // Keyboard users continue from the first result "Show more" added (without scrolling the list).
  const appendedFrom = shown?.appendedFrom ?? null
  useEffect(() => {
    if (appendedFrom === null || list.current === null) return
    const items = Array.from(list.current.querySelectorAll<HTMLElement>('li[data-rank]'))
    items.find((item) => Number(item.dataset['rank']) >= appendedFrom)?.querySelector('button')?.focus({ preventScroll: true })
  }, [appendedFrom])

  return (
    <div className="search-panel">
      <input
        ref={input}
        className="filter"
        type="search"
        aria-label="Search the library"
        placeholder='Search all sources, e.g. "positive results" -TASS'
        title={SYNTAX_HELP}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <label className="check search-option" title="Names you merged or confirmed in the Names tab are searched in all their spellings">
        <input type="checkbox" checked={nameVariants} onChange={(event) => setNameVariants(event.target.checked)} /> Include spelling variants of confirmed names
      </label>
      <SavedSearches
        query={query}
        nameVariants={nameVariants}
        onRun={(saved) => {
          setQuery(saved.query)
          setNameVariants(saved.nameVariants)
        }}
      />
      <p className="hint search-help">{SYNTAX_HELP}</p>
      {response?.problem != null && (
        <p className="search-problem" role="alert" data-testid="search-problem">
          {response.problem.message}
        </p>
      )}
      {response !== null && response.problem === null && (
        <p className="hint" data-testid="search-summary">
          {response.total === 0 ? 'No source matches.' : `${response.total.toLocaleString()} source${response.total === 1 ? '' : 's'} · ${response.tookMs.toFixed(0)} ms`}
          {response.warnings.map((warning) => ` · ${warning}`).join('')}
        </p>
      )}
      {response?.indexing !== undefined && (
        <p className="hint search-indexing" role="status" data-testid="search-indexing">
          Search is still indexing this library: {response.indexing.done.toLocaleString()} of {response.indexing.total.toLocaleString()} sources done. Results cover
          what is indexed so far and fill in as it goes.
        </p>
      )}
      {response !== null && response.problem === null && (response.includedVariants?.length ?? 0) > 0 && (
        <p className="hint included-variants" data-testid="included-variants">
          Also searched:{' '}
          {response.includedVariants?.map((included) => `${included.variants.join(' / ')}`).join('; ')}
        </p>
      )}
      <ol className="search-results" data-testid="search-results" ref={list}>
        {shown?.results.map((result, rank) => {
          const source = byId.get(result.sourceId)
          if (source === undefined) return null
          return (
            <li key={result.sourceId} data-rank={rank}>
              <button type="button" className="search-result" onClick={() => void openSource(source.id, undefined, query, nameVariants)}>
                <span className="source-title">{source.title}</span>
                <span className="source-meta">
                  {[outletAndDate(source, displayDate), `${result.hits} hit${result.hits === 1 ? '' : 's'}`, source.missing ? 'file missing on disk' : '']
                    .filter((part) => part !== '')
                    .join(' · ')}
                </span>
                {result.snippets.map((snippet, index) => (
                  <SnippetText key={index} snippet={snippet} />
                ))}
              </button>
            </li>
          )
        })}
      </ol>
      {shown !== null && response !== null && response.problem === null && response.total > 0 && (
        <div className="hint search-paging">
          <span role="status" data-testid="search-paging">
            Showing 1–{shown.results.length.toLocaleString()} of {response.total.toLocaleString()}
          </span>
          {hasMore && (
            // aria-disabled, not disabled: a disabled button would drop the keyboard focus while the page loads.
            <button type="button" className="link-button" aria-disabled={loadingMore} onClick={showMore}>
              {loadingMore ? 'Loading…' : 'Show more'}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
