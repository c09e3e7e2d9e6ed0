// Two to four sources aligned sentence by sentence: passages with the same or near-same
// content share a colour and follow each other while scrolling; passages no other column
// has a counterpart for are marked, lightly. Clicking a passage brings its counterparts
// into view in every column.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { AlignedSource, SourceAlignment } from '../../../../shared/domain/corroboration'
import { displayDate, outletAndDate } from '../../../../shared/domain/citation'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { ScrollSync, type ColumnElements } from './compare-scroll'
import { onlyHere } from './only-here'

const LINK_COLOURS = 8
/** Narrower than this a column shows a word a line: the columns scroll sideways instead. */
const MIN_COLUMN_WIDTH = '10rem'

interface Segment {
  text: string
  sentence: number | null
  link: number | null
  onlyHere: boolean
}

/** The text cut into sentences and the gaps between them, so nothing of the text is lost. */
function segments(text: string, aligned: AlignedSource, only: readonly boolean[]): Segment[] {
  const result: Segment[] = []
  let cursor = 0
  aligned.sentences.forEach((sentence, index) => {
    if (sentence.start > cursor) result.push({ text: text.slice(cursor, sentence.start), sentence: null, link: null, onlyHere: false })
    result.push({ text: text.slice(sentence.start, sentence.end), sentence: index, link: sentence.link, onlyHere: only[index] === true })
    cursor = sentence.end
  })
  if (cursor < text.length) result.push({ text: text.slice(cursor), sentence: null, link: null, onlyHere: false })
  return result
}

function sentenceClass(segment: Segment, activeLink: number | null): string {
  if (segment.link !== null) return `aligned-sentence link-colour-${segment.link % LINK_COLOURS}${segment.link === activeLink ? ' active-link' : ''}`
  return segment.onlyHere ? 'aligned-sentence only-here' : 'aligned-sentence unlinked'
}

function sentenceTitle(segment: Segment): string | undefined {
  if (segment.link !== null) return 'Click to bring the matching passages into view'
  return segment.onlyHere ? 'Only this source has this passage: no other column shares much of its wording' : undefined
}

export function CompareView({ sourceIds }: { sourceIds: string[] }) {
  const byId = useSourcesById()
  const texts = useWorkbench((state) => state.texts)
  const { api, run, ensureText, closeCompare } = useWorkbench.getState()
  const [alignment, setAlignment] = useState<SourceAlignment | null>(null)
  const [activeLink, setActiveLink] = useState<number | null>(null)
  const [synced, setSynced] = useState(true)
  const scrollers = useRef<(HTMLDivElement | null)[]>([])
  const sync = useMemo(() => new ScrollSync(), [])
  const hashes = sourceIds.map((id) => byId.get(id)?.contentHash ?? '').join(',')

  useEffect(() => {
    if (api === null) return undefined
    let current = true
    setAlignment(null)
    setActiveLink(null)
    void Promise.all(sourceIds.map((id) => ensureText(id))).then(async () => {
      const answer = await run(unwrap(api.alignSources({ sourceIds })))
      if (current && answer !== undefined) setAlignment(answer)
    })
    return () => {
      current = false
    }
    // hashes: a source that changed on disk is aligned again.
  }, [api, run, ensureText, sourceIds, hashes])

  /** The mounted columns (a column removed since keeps a null ref until its slot is reused). */
  function columns(): ColumnElements[] {
    return scrollers.current
      .filter((scroller): scroller is HTMLDivElement => scroller !== null)
      .map((scroller) => ({ scroller, sentences: [...scroller.querySelectorAll<HTMLElement>('[data-sentence]')] }))
  }

  function onScroll(index: number): void {
    const scroller = scrollers.current[index]
    if (!synced || scroller === null || scroller === undefined) return
    const all = columns()
    const source = all.find((column) => column.scroller === scroller)
    if (source !== undefined) sync.follow(source, all.filter((column) => column !== source))
  }

  function showLink(link: number, from: HTMLElement): void {
    setActiveLink(link)
    const fromScroller = from.closest<HTMLElement>('.compare-scroll')
    const offset = fromScroller === null ? 80 : from.offsetTop - fromScroller.scrollTop
    for (const column of columns()) {
      if (column.scroller === fromScroller) continue
      const match = column.sentences.find((element) => element.dataset['link'] === String(link))
      if (match !== undefined) sync.scrollTo(column.scroller, match.offsetTop - offset)
    }
  }

  const ready = alignment !== null && sourceIds.every((id) => texts[id] !== undefined)
  const only = useMemo(
    () => (ready ? onlyHere(alignment.sources.map((aligned) => ({ text: texts[aligned.sourceId]?.text ?? '', sentences: aligned.sentences }))) : []),
    [ready, alignment, texts]
  )
  return (
    <section className="compare" aria-label="Aligned comparison" data-testid="compare-view">
      <header className="compare-bar">
        <strong>Aligned comparison</strong>
        <ul className="compare-legend hint" aria-label="Legend">
          <li>
            <span className="legend-sample link-colour-0">Same colour</span> = the same or a near-same passage
          </li>
          <li>
            <span className="legend-sample only-here">Dotted underline</span> = only this source has it
          </li>
          <li>Click a coloured passage to find it in the others</li>
        </ul>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={synced} onChange={(event) => setSynced(event.target.checked)} /> Scroll together
        </label>
        <button type="button" className="button" onClick={closeCompare}>
          Back to reading panes
        </button>
      </header>
      {!ready ? (
        <p className="empty-pane">Aligning sentences…</p>
      ) : (
        <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${alignment.sources.length}, minmax(${MIN_COLUMN_WIDTH}, 1fr))` }}>
          {alignment.sources.map((aligned, index) => {
            const source = byId.get(aligned.sourceId)
            const text = texts[aligned.sourceId]?.text ?? ''
            const shared = aligned.sentences.filter((sentence) => sentence.link !== null).length
            const unique = (only[index] ?? []).filter(Boolean).length
            return (
              <div key={aligned.sourceId} className="compare-column" data-testid={`compare-column-${index + 1}`}>
                <header className="pane-header">
                  <div className="pane-heading">
                    <span className="pane-title">{source?.title ?? aligned.sourceId}</span>
                    <span className="pane-meta" data-testid="compare-counts">
                      {[source === undefined ? '' : outletAndDate(source, displayDate), `${shared.toLocaleString()} shared · ${unique.toLocaleString()} only here`].filter((part) => part !== '').join(' · ')}
                    </span>
                  </div>
                </header>
                <div
                  className="compare-scroll"
                  // Focusable, so the column scrolls with the arrow keys too.
                  tabIndex={0}
                  aria-label={`Text of ${source?.title ?? 'the source'}, aligned`}
                  ref={(element) => {
                    scrollers.current[index] = element
                  }}
                  onScroll={() => onScroll(index)}
                >
                  <div className="source-text">
                    {segments(text, aligned, only[index] ?? []).map((segment, position) =>
                      segment.sentence === null ? (
                        <span key={position}>{segment.text}</span>
                      ) : (
                        <span
                          key={position}
                          data-sentence={segment.sentence}
                          {...(segment.link === null ? {} : { 'data-link': String(segment.link) })}
                          className={sentenceClass(segment, activeLink)}
                          title={sentenceTitle(segment)}
                          onClick={(event) => segment.link !== null && showLink(segment.link, event.currentTarget)}
                        >
                          {segment.text}
                        </span>
                      )
                    )}
                  </div>
                </div>
              </div>
            )
          })}
        </div>
      )}
    </section>
  )
}
