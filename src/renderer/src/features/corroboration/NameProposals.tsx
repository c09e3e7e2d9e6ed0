// "Possible variants": pairs of names the matcher is not sure enough to join (Ekaterina /
// Ekateryna Borysovna), for the reporter to work through, each with why it may be one name,
// where both appear, and two answers: the same person (merge) or different people (never asked again).
import { useId, useLayoutEffect, useRef, useState } from 'react'
import type { NameDecision, NameGroup } from '../../../../shared/domain/corroboration'
import type { Source } from '../../../../shared/domain/source'
import { countLabel } from './count-label'
import { bothOrganisations, confidenceWords, pairKeys, sharedSources, type ProposedPair } from './name-proposals'
import { NameSpelling, openNameIn } from './NameSpelling'
import { NAME_GROUPS, useWholeGroup } from './useWholeGroup'

/** Proposals shown before "Show more": enough to work through without burying the names below. */
const PAGE = 20
/** Sources listed per name before "+N more". */
const SOURCES_SHOWN = 3

type Decide = (kind: NameDecision['kind'], variants: string[]) => Promise<boolean>

function sourceTitle(sources: ReadonlyMap<string, Source>, sourceId: string): string {
  return sources.get(sourceId)?.title ?? sourceId
}

function ProposalSide({ group: card, sources }: { group: NameGroup; sources: ReadonlyMap<string, Source> }) {
  const [all, setAll] = useState(false)
  const { group, failed, retry } = useWholeGroup(NAME_GROUPS, card, all)
  // Back to the first few if the whole group cannot be had (a notice says why): the card's dozen are not "all".
  const open = all && !failed
  const spellings = [...new Set(group.variants.flatMap((variant) => variant.spellings.map((spelling) => spelling.text)))]
  const listed = open ? group.sources : group.sources.slice(0, SOURCES_SHOWN)
  return (
    <div className="proposal-side" data-testid="proposal-side">
      <div className="name-head">
        <span className="name-label">{group.label}</span>
        <span className="muted name-kind">{group.kind === 'person' ? 'person' : 'organisation'}</span>
        {group.confirmed && <span className="flag flag-confirmed">✓ confirmed</span>}
      </div>
      <div className="name-variants">
        {spellings.map((text) => (
          <NameSpelling key={text} text={text} />
        ))}
      </div>
      <div className="proposal-sources" data-testid="proposal-sources">
        <span className="muted">
          ×{group.mentions.toLocaleString()} in {countLabel(group.sourceCount, 'source')}:
        </span>
        {listed.map((entry) => {
          const title = sourceTitle(sources, entry.sourceId)
          return (
            <button
              key={entry.sourceId}
              type="button"
              className="link-button proposal-source"
              title={`${title} (${countLabel(entry.mentions, 'mention')}): open it with this name marked`}
              onClick={() => void openNameIn(group, entry.sourceId)}
            >
              {title}
            </button>
          )
        })}
        {group.sourceCount > SOURCES_SHOWN && (
          <button
            type="button"
            className="link-button proposal-source-more"
            aria-expanded={open}
            onClick={() => {
              if (open) return setAll(false)
              if (failed) retry()
              setAll(true)
            }}
          >
            {open ? 'fewer' : `+${(group.sourceCount - SOURCES_SHOWN).toLocaleString()} more`}
          </button>
        )}
      </div>
    </div>
  )
}

function ProposalCard({ pair, sources, busy, answer }: { pair: ProposedPair; sources: ReadonlyMap<string, Source>; busy: boolean; answer: (kind: 'merge' | 'distinct') => void }) {
  const { word, detail } = confidenceWords(pair.proposal.confidence)
  const shared = sharedSources(pair)
  const [same, different] = bothOrganisations(pair) ? ['Same organisation', 'Different organisations'] : ['Same person', 'Different people']
  const names = `${pair.group.label} and ${pair.other.label}`
  return (
    <li>
      {/* Focusable so that, after an answer, focus can move on to the next proposal instead of being lost. */}
      <article className="name-proposal" data-testid="name-proposal" tabIndex={-1} aria-label={`${names}: ${detail}`} aria-busy={busy}>
        <header className="name-head">
          <span className={`flag flag-${word}`} title={detail}>
            {word}
          </span>
          <span className="proposal-reason">{pair.proposal.reason}</span>
        </header>
        <ProposalSide group={pair.group} sources={sources} />
        <ProposalSide group={pair.other} sources={sources} />
        {shared.count > 0 && (
          <p className="hint proposal-shared" title={[...shared.sourceIds.map((sourceId) => sourceTitle(sources, sourceId)), ...(shared.count > shared.sourceIds.length ? [`+${(shared.count - shared.sourceIds.length).toLocaleString()} more`] : [])].join('\n')}>
            Both named in {countLabel(shared.count, 'source')}
            {shared.count === 1 && shared.sourceIds[0] !== undefined ? `: ${sourceTitle(sources, shared.sourceIds[0])}` : ''}
          </p>
        )}
        <div className="proposal-actions">
          {/* aria-disabled, not disabled: a disabled button would drop keyboard focus while the answer is on its way. */}
          <button type="button" className="button" aria-label={`${same}: ${names}`} aria-disabled={busy} onClick={() => answer('merge')}>
            {same}
          </button>
          <button type="button" className="button" aria-label={`${different}: ${names}`} aria-disabled={busy} onClick={() => answer('distinct')}>
            {different}
          </button>
        </div>
      </article>
    </li>
  )
}

/** Nothing at all when there are no proposals; otherwise the section, open, most confident first. */
export function NameProposals({ pairs, sources, decide }: { pairs: readonly ProposedPair[]; sources: ReadonlyMap<string, Source>; decide: Decide }) {
  const [open, setOpen] = useState(true)
  const [shown, setShown] = useState(PAGE)
  // The pair being answered: one answer at a time, each from the list the last one returned.
  const [pending, setPending] = useState<string | null>(null)
  const list = useRef<HTMLUListElement>(null)
  // The position answered: once the new list arrives, focus goes to the proposal now there.
  const refocus = useRef<number | null>(null)
  const headingId = useId()

  // A layout effect, in the same commit that removes the answered card: focus never rests on the page body in between.
  useLayoutEffect(() => {
    const index = refocus.current
    if (index === null) return
    refocus.current = null
    const items = list.current?.querySelectorAll<HTMLElement>('[data-testid="name-proposal"]') ?? []
    items[Math.min(index, items.length - 1)]?.focus()
  }, [pairs])

  if (pairs.length === 0) return null

  async function answer(pair: ProposedPair, index: number, kind: 'merge' | 'distinct'): Promise<void> {
    if (pending !== null) return
    setPending(pair.id)
    refocus.current = index
    if (!(await decide(kind, pairKeys(pair, kind)))) refocus.current = null
    setPending(null)
  }

  return (
    <section className="name-proposals" aria-labelledby={headingId} data-testid="name-proposals">
      <h3 className="name-proposals-title" id={headingId}>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          Possible variants ({pairs.length.toLocaleString()})
        </button>
      </h3>
      {open && (
        <>
          <p className="hint">Names the app is not sure are one: check where each appears, then answer.</p>
          <ul className="name-proposal-list" ref={list}>
            {pairs.slice(0, shown).map((pair, index) => (
              <ProposalCard key={pair.id} pair={pair} sources={sources} busy={pending !== null} answer={(kind) => void answer(pair, index, kind)} />
            ))}
          </ul>
          {pairs.length > shown && (
            <button type="button" className="link-button proposal-more" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, pairs.length - shown).toLocaleString()} more of {pairs.length.toLocaleString()}
            </button>
          )}
        </>
      )}
    </section>
  )
}
