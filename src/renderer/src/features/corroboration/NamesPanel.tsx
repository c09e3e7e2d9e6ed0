// People and organisations named across the library, spelling variants grouped (Lee
// Sok-bae / Lee Seok-pae / Lee Sok‑bae). The reporter merges groups the app kept apart,
// splits off a variant it wrongly joined, or confirms a group; the project keeps the choice.
// Each project gets a panel of its own: switching project clears the last one at once.
import { useEffect, useRef, useState } from 'react'
import type { NameDecision, NameGroup, NameGroups } from '../../../../shared/domain/corroboration'
import type { Source } from '../../../../shared/domain/source'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { countLabel } from './count-label'
import { useScanProgress } from './useScanProgress'

const TYPING_PAUSE_MS = 150
const TYPOGRAPHIC = /[\u2010\u2011\u2012\u2013\u2014\u2019\u00a0]/gu

/** Characters that look like plain ones but are not (U+2011 in "Lee Sok‑bae"), named so the reporter sees why a spelling is listed twice. */
function typographicNote(text: string) {
  const found = [...new Set(text.match(TYPOGRAPHIC) ?? [])]
  if (found.length === 0) return null
  const codes = found.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')
  return <span className="typographic-note"> ({codes})</span>
}

function NameGroupCard({
  group,
  sources,
  selected,
  onSelect,
  decide
}: {
  group: NameGroup
  sources: ReadonlyMap<string, Source>
  selected: boolean
  onSelect: (selected: boolean) => void
  decide: (kind: NameDecision['kind'], variants: string[]) => Promise<void>
}) {
  const { openSource, setFindQuery } = useWorkbench.getState()
  const [showSources, setShowSources] = useState(false)
  const keys = group.variants.map((variant) => variant.key)

  async function openIn(sourceId: string): Promise<void> {
    // Mark this name in the pane as that source spells it.
    const spelling = group.variants.find((variant) => variant.sourceIds.includes(sourceId))?.text ?? group.label
    await openSource(sourceId)
    setFindQuery(spelling)
  }

  return (
    <article className={`name-group${selected ? ' selected' : ''}`} data-testid="name-group" data-group-id={group.id}>
      <header className="name-head">
        <input type="checkbox" aria-label={`Select ${group.label} to merge`} checked={selected} onChange={(event) => onSelect(event.target.checked)} />
        <span className="name-label">{group.label}</span>
        <span className="muted name-kind">{group.kind === 'person' ? 'person' : 'organisation'}</span>
        <span className="spacer" />
        {group.confirmed ? (
          <span className="flag flag-confirmed" title="Search can include every spelling of this name">
            ✓ confirmed
          </span>
        ) : (
          group.variants.length > 1 && (
            <button type="button" className="link-button" title="These spellings are one name: let search include them all" onClick={() => void decide('confirm', keys)}>
              Confirm
            </button>
          )
        )}
      </header>
      <ul className="name-variants">
        {group.variants.map((variant) => (
          <li key={variant.key} className="name-variant" data-testid="name-variant">
            {variant.spellings.map((spelling) => (
              <button key={spelling.text} type="button" className="variant-text" title="Mark this spelling in the open panes" onClick={() => setFindQuery(spelling.text)}>
                {spelling.text}
                {typographicNote(spelling.text)}
              </button>
            ))}
            <span className="muted" title={`${countLabel(variant.mentions, 'mention')} in ${countLabel(variant.sourceIds.length, 'source')}`}>
              ×{variant.mentions.toLocaleString()} in {countLabel(variant.sourceIds.length, 'source')}
            </span>
            {group.variants.length > 1 && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Split ${variant.text} off this group`}
                title="Not the same name: split this spelling off"
                onClick={() => void decide('split', [variant.key])}
              >
                ⤫
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button name-sources-toggle" aria-expanded={showSources} onClick={() => setShowSources(!showSources)}>
        {countLabel(group.sources.length, 'source')} · {countLabel(group.mentions, 'mention')}
      </button>
      {showSources && (
        <ul className="name-sources" data-testid="name-sources">
          {group.sources.map((entry) => {
            const title = sources.get(entry.sourceId)?.title ?? entry.sourceId
            return (
              <li key={entry.sourceId} className="name-source">
                <button type="button" className="link-button name-source-title" title={title} onClick={() => void openIn(entry.sourceId)}>
                  {title}
                </button>
                <span className="name-source-count" title={countLabel(entry.mentions, 'mention')}>
                  ×{entry.mentions.toLocaleString()}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </article>
  )
}

/** The panel of the open project: a new project mounts a new one, its filter, selection and results empty, its answers its own. */
export function NamesPanel({ active }: { active: boolean }) {
  const projectId = useWorkbench((state) => state.project?.current.id ?? '')
  return <ProjectNamesPanel key={projectId} active={active} />
}

function ProjectNamesPanel({ active }: { active: boolean }) {
  const sources = useWorkbench((state) => state.sources)
  const byId = useSourcesById()
  const { api, run, notify } = useWorkbench.getState()
  const [query, setQuery] = useState('')
  const [names, setNames] = useState<NameGroups | null>(null)
  // Shown from the start: a panel mounted for a project that was just opened is waiting for its first answer.
  const [loading, setLoading] = useState(active)
  const scan = useScanProgress(loading)
  // Selected groups with their variant keys, so a selection survives changing the filter.
  const [selected, setSelected] = useState<ReadonlyMap<string, { label: string; keys: string[] }>>(new Map())
  const [version, setVersion] = useState(0)
  const asked = useRef(0)

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
  }, [api, run, active, query, sources, version])

  async function decide(kind: NameDecision['kind'], variants: string[]): Promise<void> {
    if (api === null) return
    const done = await run(unwrap(api.decideNames({ kind, variants })))
    if (done === undefined) return
    setSelected(new Map())
    setVersion((current) => current + 1)
    notify('info', kind === 'merge' ? 'Merged: these spellings now count as one name.' : kind === 'split' ? 'Split off into a name of its own.' : 'Confirmed: search can include every spelling.')
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
