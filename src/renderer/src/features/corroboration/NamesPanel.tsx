// People and organisations named across the library, spelling variants grouped (Lee
// Sok-bae / Lee Seok-pae / Lee Sok‑bae). The reporter merges groups the app kept apart,
// splits off a variant it wrongly joined, confirms a group, or answers the app's possible
// variants; the project keeps the choice. Each project gets a panel of its own: switching
// project clears the last one at once.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { NameDecision, NameGroups } from '../../../../shared/domain/corroboration'
import { NAME_DECISION_LABELS } from '../../../../shared/domain/name-decision-labels'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { countLabel } from './count-label'
import { NAME_DECISION_DONE } from './name-decisions'
import { proposedPairs } from './name-proposals'
import { NameGroupCard } from './NameGroupCard'
import { NameProposals } from './NameProposals'
import { useScanProgress } from './useScanProgress'

const TYPING_PAUSE_MS = 150

/** The panel of the open project: a new project mounts a new one, its filter, selection and results empty, its answers its own. */
export function NamesPanel({ active }: { active: boolean }) {
  const projectId = useWorkbench((state) => state.project?.current.id ?? '')
  return <ProjectNamesPanel key={projectId} active={active} />
}

function ProjectNamesPanel({ active }: { active: boolean }) {
  const sources = useWorkbench((state) => state.sources)
  const byId = useSourcesById()
  const notesVersion = useWorkbench((state) => state.notesVersion)
  const { api, run, undoable } = useWorkbench.getState()
  const [query, setQuery] = useState('')
  const [names, setNames] = useState<NameGroups | null>(null)
  // Shown from the start: a panel mounted for a project that was just opened is waiting for its first answer.
  const [loading, setLoading] = useState(active)
  const scan = useScanProgress(loading)
  // Selected groups with their variant keys, so a selection survives changing the filter.
  const [selected, setSelected] = useState<ReadonlyMap<string, { label: string; keys: string[] }>>(new Map())
  const [version, setVersion] = useState(0)
  const asked = useRef(0)
  // The filter as it is when a decision's answer arrives, which may be after more typing.
  const shownQuery = useRef(query)
  const pairs = useMemo(() => (names === null ? [] : proposedPairs(names)), [names])

  useEffect(() => {
    shownQuery.current = query
  }, [query])

  useEffect(() => {
    if (api === null || !active) return undefined
    const ticket = ++asked.current
    const timer = setTimeout(() => {
      setLoading(true)
      void run(unwrap(api.nameGroups({ query, limit: 500 }))).then((answer) => {
        setLoading(false)
        if (answer !== undefined && ticket === asked.current) setNames(answer)
      })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [api, run, active, query, sources, notesVersion, version])

  /** Records a decision (undoable from its notice); true once the engine has it. */
  async function decide(kind: NameDecision['kind'], variants: string[]): Promise<boolean> {
    if (api === null) return false
    let done = false
    await undoable(NAME_DECISION_DONE[kind], NAME_DECISION_LABELS[kind], async () => {
      const answer = await run(unwrap(api.decideNames({ kind, variants })))
      if (answer === undefined) return false
      done = true
      setSelected(new Map())
      // The answer is the unfiltered list: shown as it is when no filter is set, asked for again otherwise.
      if (shownQuery.current === '') {
        asked.current += 1
        setNames(answer)
      } else setVersion((current) => current + 1)
      return true
    })
    return done
  }

  const chosen = [...selected.values()]
  return (
    <div className="names-panel" data-testid="names-panel">
      <div className="ledger-controls">
        <input className="filter" type="search" aria-label="Filter names" placeholder="Filter names" value={query} onChange={(event) => setQuery(event.target.value)} />
        <div className="names-actions">
          <button
            type="button"
            className="button"
            disabled={chosen.length < 2}
            title={chosen.length > 0 ? `Selected: ${chosen.map((group) => group.label).join(', ')}` : 'Tick two or more names that are the same person or organisation'}
            onClick={() => void decide('merge', chosen.flatMap((group) => group.keys))}
          >
            Merge {chosen.length > 1 ? chosen.length : ''} selected
          </button>
          {names !== null && (
            <span className="hint" data-testid="names-summary">
              {countLabel(names.total, 'name')} in {countLabel(names.sourcesScanned, 'source')}
              {names.total > names.groups.length ? ` · the ${names.groups.length.toLocaleString()} most widely reported shown; filter to find others` : ''}
            </span>
          )}
        </div>
      </div>
      <div className="ledger-groups">
        {names === null && loading && (
          <p className="empty-hint" data-testid="names-loading">
            {scan === null ? 'Finding the names in every source…' : `Finding names: ${scan.done.toLocaleString()} of ${countLabel(scan.total, 'source')}…`}
          </p>
        )}
        <NameProposals pairs={pairs} sources={byId} decide={decide} />
        {names?.groups.map((group) => (
          <NameGroupCard
            key={group.id}
            group={group}
            sources={byId}
            selected={selected.has(group.id)}
            onSelect={(on) => {
              const next = new Map(selected)
              if (on) next.set(group.id, { label: group.label, keys: group.variants.map((variant) => variant.key) })
              else next.delete(group.id)
              setSelected(next)
            }}
            decide={decide}
          />
        ))}
        {names !== null && names.groups.length === 0 && <p className="empty-hint">{query === '' ? 'No names found yet.' : 'No name matches.'}</p>}
      </div>
    </div>
  )
}
