// Library-wide search: words, "phrases", OR, -exclusion, prefix*, fuzzy~, "near"~N and
// field filters, with ranked results that appear while typing. Opening a result shows
// the source with every hit marked.
import { useEffect, useRef, useState } from 'react'
import { outletAndDate } from '../../../../shared/domain/citation'
import type { SearchResponse } from '../../../../shared/domain/search-results'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { SnippetText } from './SnippetText'

const TYPING_PAUSE_MS = 120
const SYNTAX_HELP =
  'Words must all match · "exact phrase" · a OR b · -exclude · prefix* · fuzzy~ · "words near"~5 · title: outlet: folder: format:pdf date:2026-01 date:2025-12-01..2026-01-31'

export function SearchPanel() {
  const sources = useWorkbench((state) => state.sources)
  const byId = useSourcesById()
  const { api, run, openSource } = useWorkbench.getState()
  const [query, setQuery] = useState('')
  const [nameVariants, setNameVariants] = useState(false)
  const [response, setResponse] = useState<SearchResponse | null>(null)
  const asked = useRef(0)

  useEffect(() => {
    if (api === null) return undefined
    // Every change of the query outdates the answers still on their way, an empty one included.
    const ticket = ++asked.current
    if (query.trim() === '') {
      setResponse(null)
      return undefined
    }
    const timer = setTimeout(() => {
      void run(unwrap(api.search({ query, limit: 30, nameVariants }))).then((answer) => {
        if (answer !== undefined && ticket === asked.current) setResponse(answer)
      })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
    // sources: a new import should refresh the results.
  }, [api, run, query, nameVariants, sources])

  return (
    <div className="search-panel">
      <input
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
      <p className="hint search-help">{SYNTAX_HELP}</p>
      {response?.problem != null && (
        <p className="search-problem" role="alert" data-testid="search-problem">
          {response.problem.message}
        </p>
      )}
      {response !== null && response.problem === null && (
        <p className="hint" data-testid="search-summary">
          {response.total === 0 ? 'No source matches.' : `${response.total.toLocaleString()} source${response.total === 1 ? '' : 's'} · ${response.tookMs.toFixed(0)} ms`}
          {response.total > response.results.length ? ` · best ${response.results.length} shown` : ''}
          {response.warnings.map((warning) => ` · ${warning}`).join('')}
        </p>
      )}
      {response !== null && response.problem === null && (response.includedVariants?.length ?? 0) > 0 && (
        <p className="hint included-variants" data-testid="included-variants">
          Also searched:{' '}
          {response.includedVariants?.map((included) => `${included.variants.join(' / ')}`).join('; ')}
        </p>
      )}
      <ol className="search-results" data-testid="search-results">
        {response?.results.map((result) => {
          const source = byId.get(result.sourceId)
          if (source === undefined) return null
          return (
            <li key={result.sourceId}>
              <button type="button" className="search-result" onClick={() => void openSource(source.id, undefined, query, nameVariants)}>
                <span className="source-title">{source.title}</span>
                <span className="source-meta">
                  {[outletAndDate(source), source.relativePath, `${result.hits} hit${result.hits === 1 ? '' : 's'}`, source.missing ? 'file missing on disk' : '']
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
    </div>
  )
}
