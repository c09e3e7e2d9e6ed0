// One group of the quote ledger: the wording most sources carry, who carries it, the
// flags, and every version diffed against it, each one click away from its passage, from
// a side-by-side reading, or from becoming linked evidence for a claim. The ledger sends a
// card (counts, the first few versions); the whole group is fetched when the reporter opens it.
import { useState } from 'react'
import type { QuoteGroup, QuoteVersion } from '../../../../shared/domain/corroboration'
import type { Source } from '../../../../shared/domain/source'
import { MAX_PANES, useWorkbench } from '../../app/workbench-store'
import { countLabel } from './count-label'
import { WordDiff } from './WordDiff'
import { QUOTE_GROUPS, useWholeGroup } from './useWholeGroup'
import { claimItems, MenuButton } from '../../components/MenuButton'

const NEW_CLAIM = '__new__'
/** Versions listed before "Show all": a quote reprinted by hundreds of sources stays one card. */
const VERSIONS_SHOWN = 6
const HIGHLIGHT_ONLY = '__highlight__'

function sourceLabel(source: Source | undefined): string {
  if (source === undefined) return 'Source no longer in the library'
  return source.meta.outlet ?? source.title
}

/** The longest version of each source (a source may quote a fragment too): what side by side shows. */
function versionPerSource(group: QuoteGroup): QuoteVersion[] {
  const longest = new Map<string, QuoteVersion>()
  for (const version of group.versions) {
    const kept = longest.get(version.sourceId)
    if (kept === undefined || version.text.length > kept.text.length) longest.set(version.sourceId, version)
  }
  return [...longest.values()]
}

function located(version: QuoteVersion): { sourceId: string; contentHash: string; parts: QuoteVersion['parts'] } {
  return { sourceId: version.sourceId, contentHash: version.target.contentHash, parts: version.parts }
}

/** The labels of the sources listed, and how many more there are: a tooltip, not a list of 2,000. */
function sourcesTooltip(group: QuoteGroup, sources: ReadonlyMap<string, Source>): string {
  const more = group.sourceCount - group.sourceIds.length
  return [...group.sourceIds.map((id) => sourceLabel(sources.get(id))), ...(more > 0 ? [`+${more.toLocaleString()} more`] : [])].join('\n')
}

interface Props {
  /** The card the ledger sent. */
  group: QuoteGroup
  sources: ReadonlyMap<string, Source>
}

export function QuoteGroupCard({ group: card, sources }: Props) {
  const claims = useWorkbench((state) => state.claims)
  const { openQuotes, openCompare, createAnnotation, createClaim, linkAnnotation, notify } = useWorkbench.getState()
  const [showAll, setShowAll] = useState(false)
  const { group, failed, retry, load } = useWholeGroup(QUOTE_GROUPS, card, showAll)
  // Differing versions first: they are what the reader came for.
  const ordered = group.versions.length <= VERSIONS_SHOWN ? group.versions : [...group.versions].sort((a, b) => Number(b.differs) - Number(a.differs))
  // Back to the card's first versions if the whole group cannot be had (a notice says why).
  const expanded = showAll && !failed
  const shown = expanded ? ordered : ordered.slice(0, VERSIONS_SHOWN)
  const many = group.sourceCount > 4

  /**
   * The versions Side by side and Compare open: the card's own when they name as many sources as
   * the panes take (or every source); the whole group otherwise, as a card may list two of 2,000.
   */
  async function perSource(): Promise<QuoteVersion[] | undefined> {
    const listed = versionPerSource(group)
    if (listed.length >= Math.min(MAX_PANES, group.sourceCount)) return listed
    const whole = await load()
    return whole === undefined ? undefined : versionPerSource(whole)
  }

  async function annotate(version: QuoteVersion, choice: string): Promise<void> {
    const source = sources.get(version.sourceId)
    if (source === undefined) return
    if (source.contentHash !== version.target.contentHash) {
      notify('error', `“${source.title}” changed since the ledger was built; open the Quotes tab again to see its current quotations.`)
      return
    }
    const position = version.target.selectors[1]
    const annotation = await createAnnotation({
      sourceId: source.id,
      contentHash: version.target.contentHash,
      start: position.start,
      end: position.end,
      color: 'blue',
      comment: '',
      tags: ['quote']
    })
    if (annotation === undefined) return
    if (choice === HIGHLIGHT_ONLY) {
      notify('info', `Highlighted the quote in “${source.title}”.`)
      return
    }
    const claimId = choice === NEW_CLAIM ? (await createClaim(`${version.speaker ?? 'The source'} said: “${group.reference.replace(/[\s,;:]+$/u, '')}”`))?.id : choice
    if (claimId === undefined) return
    await linkAnnotation(claimId, annotation.id)
    notify('info', `Highlighted the quote in “${source.title}” and linked it to the claim.`)
  }

  return (
    <article className="quote-group" data-testid="quote-group" data-group-id={group.id}>
      <header className="quote-group-head">
        <span className="quote-count" title={sourcesTooltip(group, sources)}>
          {countLabel(group.sourceCount, 'source')}
        </span>
        {group.flags.singleSource && (
          <span className="flag flag-single" title="No other source in the library carries these words: check them against the original">
            single source
          </span>
        )}
        {group.flags.wordingDiffers && <span className="flag flag-wording">wording differs</span>}
        {group.flags.speakerDiffers && <span className="flag flag-speaker">speaker differs</span>}
      </header>
      <blockquote className="quote-reference">“{group.reference}”</blockquote>
      {group.speakers.length > 0 && <p className="quote-speakers">Attributed to {group.speakers.join(' · ')}</p>}
      {group.sourceCount > 1 && (
        <div className="quote-actions">
          <button
            type="button"
            className="link-button"
            title={many ? `Open the first four of the ${group.sourceCount.toLocaleString()} sources in panes, each with its quote marked` : 'Open each source in its own pane with the quote marked'}
            onClick={() =>
              void perSource().then(async (versions) => {
                if (versions !== undefined) await openQuotes(versions.map(located))
              })
            }
          >
            Side by side
          </button>
          <button
            type="button"
            className="link-button"
            title={many ? `Align the first four of the ${group.sourceCount.toLocaleString()} sources sentence by sentence` : 'Align these sources sentence by sentence'}
            onClick={() =>
              void perSource().then((versions) => {
                if (versions !== undefined) openCompare(versions.map((version) => version.sourceId))
              })
            }
          >
            Compare
          </button>
        </div>
      )}
      <ol className="quote-versions">
        {shown.map((version) => (
          <li key={`${version.sourceId}:${version.parts[0]?.start ?? 0}`} className="quote-version" data-testid="quote-version">
            <div className="version-head">
              <span className="version-source" title={sources.get(version.sourceId)?.title}>
                {sourceLabel(sources.get(version.sourceId))}
                {version.attribution !== null ? ` · ${version.attribution}` : ''}
              </span>
              {/* A menu, not a select: arrowing through a select's options would act at every step. */}
              <MenuButton
                label="Highlight & link ▾"
                ariaLabel="Highlight this quote and link it to a claim"
                className="version-menu"
                items={[
                  { label: 'Highlight only', onSelect: () => void annotate(version, HIGHLIGHT_ONLY) },
                  ...claimItems(claims, (claimId) => void annotate(version, claimId)),
                  'separator' as const,
                  { label: '+ New claim from this quote', onSelect: () => void annotate(version, NEW_CLAIM) }
                ]}
              />
            </div>
            <button type="button" className="version-open" title="Open the source with this quote marked" onClick={() => void openQuotes([located(version)])}>
              <span className={`version-text${version.differs ? ' differs' : ''}`}>
                <WordDiff parts={version.diff} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {shown.length < group.versionCount && (
        <button
          type="button"
          className="link-button show-all"
          onClick={() => {
            if (failed) retry()
            setShowAll(true)
          }}
        >
          {/* The card's versions are shown until the whole group arrives. */}
          {expanded ? `Loading all ${group.versionCount.toLocaleString()} versions…` : `Show all ${group.versionCount.toLocaleString()} versions`}
        </button>
      )}
    </article>
  )
}
