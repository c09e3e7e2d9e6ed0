// The quote ledger: every quotation in the library, grouped across sources, the groups
// carried by most sources first. Filters pick out what a fact-checker checks first:
// quotes only one source carries, and quotes whose wording or speaker differs. Each
// project gets a ledger of its own: switching project clears the last one at once.
import { useEffect, useRef, useState } from 'react'
import type { QuoteLedger as Ledger, QuoteLedgerFilter } from '../../../../shared/domain/corroboration'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { countLabel } from './count-label'
import { QuoteGroupCard } from './QuoteGroupCard'
import { useScanProgress } from './useScanProgress'

const TYPING_PAUSE_MS = 150
const LIMIT = 300
const FILTERS: { value: QuoteLedgerFilter; label: string }[] = [
  { value: 'all', label: 'All quotes' },
  { value: 'single-source', label: 'Single source' },
  { value: 'differs', label: 'Wording or speaker differs' }
]

/** The panel of the open project: a new project mounts a new one, its filters and results empty, its answers its own. */
export function QuoteLedger({ active }: { active: boolean }) {
  const projectId = useWorkbench((state) => state.project?.current.id ?? '')
  return <ProjectQuoteLedger key={projectId} active={active} />
}

function ProjectQuoteLedger({ active }: { active: boolean }) {
  const sources = useWorkbench((state) => state.sources)
  const byId = useSourcesById()
  const { api, run } = useWorkbench.getState()
  const [filter, setFilter] = useState<QuoteLedgerFilter>('all')
  const [query, setQuery] = useState('')
  const [scareQuotes, setScareQuotes] = useState(false)
  const [ledger, setLedger] = useState<Ledger | null>(null)
  // Shown from the start: a panel mounted for a project that was just opened is waiting for its first answer.
  const [loading, setLoading] = useState(active)
  const asked = useRef(0)
  const scan = useScanProgress(loading)
  const reading = scan === null ? 'Reading the quotations of every source…' : `Reading quotations: ${scan.done.toLocaleString()} of ${countLabel(scan.total, 'source')}…`

  useEffect(() => {
    // Built when first shown, and again when the library or the filters change while shown.
    if (api === null || !active) return undefined
    const ticket = ++asked.current
    const timer = setTimeout(() => {
      setLoading(true)
      void run(unwrap(api.quoteLedger({ filter, query, minWords: scareQuotes ? 1 : 3, limit: LIMIT }))).then((answer) => {
        // Any answer ends the wait shown; only the latest is shown.
        setLoading(false)
        if (answer !== undefined && ticket === asked.current) setLedger(answer)
      })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [api, run, active, filter, query, scareQuotes, sources])

  return (
    <div className="ledger-panel" data-testid="quote-ledger">
      <div className="ledger-controls">
        <div className="segmented" role="radiogroup" aria-label="Which quotes">
          {FILTERS.map((option) => (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={filter === option.value}
              className={filter === option.value ? 'active' : ''}
              onClick={() => setFilter(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <input
          className="filter"
          type="search"
          aria-label="Filter quotes"
          placeholder="Filter by words or speaker"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <label className="check" title="Quotes of one or two words, often scare quotes such as “unfriendly”">
          <input type="checkbox" checked={scareQuotes} onChange={(event) => setScareQuotes(event.target.checked)} /> Include one- and two-word quotes
        </label>
        {ledger !== null && (
          <p className="hint" data-testid="ledger-summary">
            {ledger.total === 0 ? 'No quote matches.' : countLabel(ledger.total, 'group')}
            {ledger.total > ledger.groups.length ? ` · first ${ledger.groups.length.toLocaleString()} shown` : ''}
            {` · ${countLabel(ledger.quotations, 'quotation')} in ${countLabel(ledger.sourcesScanned, 'source')}`}
            {loading ? (scan === null ? ' · updating…' : ` · ${reading}`) : ''}
          </p>
        )}
        {ledger !== null && ledger.unreadable.length > 0 && (
          <p className="hint search-problem">
            Not read: {ledger.unreadable.map((entry) => `${byId.get(entry.sourceId)?.title ?? entry.sourceId} (${entry.reason})`).join('; ')}
          </p>
        )}
      </div>
      {ledger === null ? (
        <p className="empty-hint ledger-empty" data-testid="ledger-loading">
          {loading ? reading : ''}
        </p>
      ) : (
        <div className="ledger-groups">
          {ledger.groups.map((group) => (
            <QuoteGroupCard key={group.id} group={group} sources={byId} />
          ))}
          {ledger.sourcesScanned === 0 && <p className="empty-hint">Import sources to see their quotations here.</p>}
        </div>
      )}
    </div>
  )
}
