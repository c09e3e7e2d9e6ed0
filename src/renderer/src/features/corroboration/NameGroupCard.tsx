// One name in the Names tab: its spellings grouped as one person or organisation, with the
// reporter's controls to select it for a merge, split a spelling off, or confirm the group.
// The tab sends a card (every variant, the first few sources); opening the source list fetches all.
import { useState } from 'react'
import type { NameDecision, NameGroup } from '../../../../shared/domain/corroboration'
import type { Source } from '../../../../shared/domain/source'
import { countLabel } from './count-label'
import { NameSpelling, openNameIn } from './NameSpelling'
import { NAME_GROUPS, useWholeGroup } from './useWholeGroup'

export function NameGroupCard({
  group: card,
  sources,
  selected,
  onSelect,
  decide
}: {
  /** The card the Names tab sent. */
  group: NameGroup
  sources: ReadonlyMap<string, Source>
  selected: boolean
  onSelect: (selected: boolean) => void
  decide: (kind: NameDecision['kind'], variants: string[]) => Promise<boolean>
}) {
  const [showSources, setShowSources] = useState(false)
  const { group, whole, failed, retry } = useWholeGroup(NAME_GROUPS, card, showSources)
  // A card lists every variant: its keys are the whole group's.
  const keys = group.variants.map((variant) => variant.key)

  function toggleSources(): void {
    if (!showSources && failed) retry()
    setShowSources(!showSources)
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
              <NameSpelling key={spelling.text} text={spelling.text} />
            ))}
            <span className="muted" title={`${countLabel(variant.mentions, 'mention')} in ${countLabel(variant.sourceCount, 'source')}`}>
              ×{variant.mentions.toLocaleString()} in {countLabel(variant.sourceCount, 'source')}
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
      <button type="button" className="link-button name-sources-toggle" aria-expanded={showSources} onClick={toggleSources}>
        {countLabel(group.sourceCount, 'source')} · {countLabel(group.mentions, 'mention')}
      </button>
      {showSources && (
        <ul className="name-sources" data-testid="name-sources">
          {group.sources.map((entry) => {
            const title = sources.get(entry.sourceId)?.title ?? entry.sourceId
            return (
              <li key={entry.sourceId} className="name-source">
                <button type="button" className="link-button name-source-title" title={title} onClick={() => void openNameIn(group, entry.sourceId)}>
                  {title}
                </button>
                <span className="name-source-count" title={countLabel(entry.mentions, 'mention')}>
                  ×{entry.mentions.toLocaleString()}
                </span>
              </li>
            )
          })}
          {!whole && (
            <li className="name-source muted" data-testid="name-sources-more">
              +{(group.sourceCount - group.sources.length).toLocaleString()} more…
            </li>
          )}
        </ul>
      )}
    </article>
  )
}
