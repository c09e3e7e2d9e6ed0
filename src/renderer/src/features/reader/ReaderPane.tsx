// One reading pane: a source's text with its annotations, find hits and search hits
// marked, a selection toolbar for new highlights, and the flash that shows a linked passage.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { TextRange } from '../../../../shared/text/find'
import type { Pane } from '../../app/pane-layout'
import { sourcesById } from '../../app/sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { displayDate, outletAndDate } from '../../../../shared/domain/citation'
import { IS_MAC } from '../../app/shortcuts'
import { useUiCommand } from '../../app/ui-commands'
import { SelectionToolbar, TOOLBAR_WIDTH } from '../annotations/SelectionToolbar'
import { SourceDetails } from '../library/SourceDetails'
import { ocrLabel } from '../../../../shared/domain/ocr-caveat'
import { Highlighter, selectionOffsets, type AnnotationMark } from './highlighter'
import { extendSelection, selectAllText, selectionStep } from './keyboard-selection'
import { OriginalPane } from './original/OriginalPane'
import { hasOriginalView, opensAsOriginal } from './original/original-kinds'
import type { OriginalSelection } from './original/original-view-props'

export const SOURCE_DRAG_TYPE = 'application/x-sourcebench-source'
const FLASH_MS = 1600

interface ReaderPaneProps {
  pane: Pane
  position: number
  hits: readonly TextRange[]
  currentHit: number
}

export function ReaderPane({ pane, position, hits, currentHit }: ReaderPaneProps) {
  const source = useWorkbench((state) => (pane.sourceId === null ? undefined : sourcesById(state.sources).get(pane.sourceId)))
  const loaded = useWorkbench((state) => (pane.sourceId === null ? undefined : state.texts[pane.sourceId]))
  const text = loaded?.text
  const asking = useWorkbench((state) => pane.sourceId !== null && state.textsAsked.has(pane.sourceId))
  const annotations = useWorkbench((state) => state.annotations)
  const notHere = useWorkbench((state) => state.roots.some((root) => root.id === source?.rootId && root.detached === 'not-here'))
  const flash = useWorkbench((state) => state.flash)
  const focused = useWorkbench((state) => state.focusedPaneId === pane.id)
  const { focusPane, closePane, openSource, selectAnnotation, setPaneView } = useWorkbench.getState()
  const hasOriginal = source !== undefined && hasOriginalView(source)
  const showOriginal = hasOriginal && (pane.view ?? (opensAsOriginal(source) ? 'original' : 'text')) === 'original'
  const originalRef = useRef<HTMLDivElement>(null)
  const [originalSelection, setOriginalSelection] = useState<OriginalSelection | null>(null)
  const containerRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const highlighterRef = useRef<Highlighter | null>(null)
  const [selection, setSelection] = useState<(TextRange & { top: number; left: number; keyboard: boolean }) | null>(null)
  const [dropping, setDropping] = useState(false)
  const [editingDetails, setEditingDetails] = useState(false)
  const [searchHits, setSearchHits] = useState<TextRange[]>([])
  const [searchCursor, setSearchCursor] = useState(0)
  // The render effect rebuilds the text; these let it put the search marks back.
  const searchMarks = useRef({ hits: searchHits, cursor: searchCursor })
  searchMarks.current = { hits: searchHits, cursor: searchCursor }
  // A quotation from the ledger, only on the text it was found in.
  const quoteParts = useMemo<readonly TextRange[]>(
    () => (pane.quote !== undefined && pane.quote.contentHash === loaded?.contentHash ? pane.quote.parts : []),
    [pane.quote, loaded?.contentHash]
  )
  const quoteMarks = useRef(quoteParts)
  quoteMarks.current = quoteParts
  // A selection belongs to the text it was made in: drop it when the pane shows another.
  useEffect(() => {
    setSelection(null)
    setOriginalSelection(null)
  }, [pane.sourceId, loaded?.contentHash, showOriginal])
  useEffect(() => setEditingDetails(false), [pane.sourceId])

  useEffect(() => {
    const api = useWorkbench.getState().api
    setSearchHits([])
    setSearchCursor(0)
    // The text is about to change or the search went away: never redraw the old offsets on it.
    searchMarks.current = { hits: [], cursor: 0 }
    if (api === null || pane.query === undefined || loaded === undefined) return undefined
    let current = true
    void api.searchHits({ query: pane.query, sourceId: loaded.sourceId, nameVariants: pane.nameVariants === true }).then((result) => {
      if (current && result.ok && result.value.contentHash === loaded.contentHash) setSearchHits(result.value.ranges)
    })
    return () => {
      current = false
    }
  }, [pane.query, pane.nameVariants, loaded])

  useEffect(() => {
    const highlighter = highlighterRef.current
    if (highlighter === null) return
    highlighter.markSearchHits(searchHits, searchCursor)
    highlighter.currentSearchHit()?.scrollIntoView({ block: 'center' })
  }, [searchHits, searchCursor])

  const marks = useMemo<AnnotationMark[]>(() => {
    if (source === undefined) return []
    return annotations
      .filter((annotation) => annotation.target.sourceId === source.id && annotation.target.contentHash === source.contentHash)
      .map((annotation) => {
        const position = annotation.target.selectors[1]
        return { start: position.start, end: position.end, annotationId: annotation.id, color: annotation.color }
      })
  }, [annotations, source])

  useEffect(() => {
    const container = containerRef.current
    if (container === null) return
    highlighterRef.current ??= new Highlighter(container)
    highlighterRef.current.render(text ?? '', marks)
    highlighterRef.current.markSearchHits(searchMarks.current.hits, searchMarks.current.cursor)
    highlighterRef.current.markQuote(quoteMarks.current)
    highlighterRef.current.markFindHits(hits, currentHit)
    // Find marks are redrawn below; this effect only redraws when text or annotations change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, marks])

  useEffect(() => {
    const highlighter = highlighterRef.current
    if (highlighter === null) return
    highlighter.markQuote(quoteParts)
    highlighter.firstQuoteMark()?.scrollIntoView({ block: 'center' })
    // The nonce changes with every opening from the ledger, so the same quote scrolls into view again.
  }, [quoteParts, pane.quote?.nonce])

  useEffect(() => {
    const highlighter = highlighterRef.current
    if (highlighter === null) return
    highlighter.markFindHits(hits, currentHit)
    if (currentHit >= 0) highlighter.currentFindHit()?.scrollIntoView({ block: 'center' })
  }, [hits, currentHit])

  useEffect(() => {
    const highlighter = highlighterRef.current
    if (flash === null || highlighter === null) return
    const elements = highlighter.elementsForAnnotation(flash.annotationId)
    if (elements.length === 0) return
    elements[0]?.scrollIntoView({ block: 'center' })
    for (const element of elements) element.classList.add('flash')
    const timer = setTimeout(() => elements.forEach((element) => element.classList.remove('flash')), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flash, text])

  /** Opens the colours under the current selection in this pane; false when there is none here. */
  function openToolbar(keyboard: boolean): boolean {
    const container = containerRef.current
    const scroller = scrollRef.current
    if (container === null || scroller === null || source === undefined) return false
    const offsets = selectionOffsets(container, window.getSelection())
    if (offsets === null) return false
    const box = scroller.getBoundingClientRect()
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect()
    const width = Math.min(TOOLBAR_WIDTH, box.width - 16)
    const top = (rect?.bottom ?? box.top) - box.top + scroller.scrollTop + 6
    // Always inside the pane: never cut off at its right edge.
    const left = Math.max(8, Math.min((rect?.left ?? box.left) - box.left, box.width - width - 8))
    setSelection({ ...offsets, top, left, keyboard })
    return true
  }

  function onMouseUp(event: React.MouseEvent): void {
    if (openToolbar(false)) return
    setSelection(null)
    const mark = (event.target as HTMLElement).closest('mark[data-annotation-id]')
    if (mark instanceof HTMLElement && mark.dataset['annotationId'] !== undefined) selectAnnotation(mark.dataset['annotationId'])
  }

  /** Caret-browsing keys in the text: Shift+arrows select, Ctrl+A selects the pane's text, Enter highlights. */
  function onTextKeyDown(event: React.KeyboardEvent<HTMLDivElement>): void {
    const container = containerRef.current
    const scroller = scrollRef.current
    if (container === null || scroller === null) return
    const step = selectionStep(event, IS_MAC)
    if (step !== null) {
      if (extendSelection(container, scroller, step)) event.preventDefault()
      return
    }
    const mod = IS_MAC ? event.metaKey : event.ctrlKey
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      selectAllText(container)
      openToolbar(true)
    } else if (event.key === 'Enter' && openToolbar(true)) event.preventDefault()
    else if (event.key === 'Escape' && selection !== null) {
      event.preventDefault()
      setSelection(null)
    }
  }

  useUiCommand('focus-pane', ({ pane: wanted }) => {
    if (wanted !== position) return
    focusPane(pane.id)
    if (source !== undefined) containerRef.current?.focus()
    else sectionRef.current?.focus()
  })
  useUiCommand('highlight-selection', () => {
    if (showOriginal ? originalSelection !== null : openToolbar(true)) focusPane(pane.id)
  })

  /** Where the colour toolbar goes under a selection made on the original, inside the pane. */
  function originalToolbarPlace(rect: DOMRect): { top: number; left: number } {
    const box = originalRef.current?.getBoundingClientRect()
    if (box === undefined) return { top: 8, left: 8 }
    const width = Math.min(TOOLBAR_WIDTH, box.width - 16)
    return { top: Math.max(8, Math.min(rect.bottom - box.top + 6, box.height - 60)), left: Math.max(8, Math.min(rect.left - box.left, box.width - width - 8)) }
  }

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className={`reader-pane${focused ? ' focused' : ''}${dropping ? ' dropping' : ''}`}
      aria-label={`Reading pane ${position}`}
      data-testid={`pane-${position}`}
      onFocus={() => focusPane(pane.id)}
      onMouseDown={() => focusPane(pane.id)}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(SOURCE_DRAG_TYPE)) return
        event.preventDefault()
        setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false)
        const sourceId = event.dataTransfer.getData(SOURCE_DRAG_TYPE)
        if (sourceId !== '') void openSource(sourceId, pane.id)
      }}
    >
      <header className="pane-header">
        {source === undefined ? (
          <span className="pane-title muted">Pane {position}</span>
        ) : (
          <div className="pane-heading">
            <span className="pane-title" title={source.title}>
              {source.title}
            </span>
            {/* The title says what it is; the file's path (often a hash-like name) is in the tooltip. */}
            <span className="pane-meta" title={source.relativePath}>
              {[outletAndDate(source, displayDate), `${source.words.toLocaleString()} words`].filter((part) => part !== '').join(' · ')}
              {source.ocr === null ? '' : ` · ${ocrLabel(source.ocr, source.pageStarts?.length)}`}
              {source.missing ? ' · file missing on disk' : ''}
              {notHere ? ' · original not on this computer' : ''}
            </span>
          </div>
        )}
        {hits.length > 0 && <span className="pane-hits">{hits.length} found</span>}
        {pane.query !== undefined && searchHits.length > 0 && (
          <span className="pane-search" data-testid="pane-search" title={`Hits of the search “${pane.query}”`}>
            <button type="button" className="icon-button" aria-label="Previous search hit" onClick={() => setSearchCursor((searchCursor - 1 + searchHits.length) % searchHits.length)}>
              ‹
            </button>
            <span data-testid="search-position">
              {searchCursor + 1} of {searchHits.length}
            </span>
            <button type="button" className="icon-button" aria-label="Next search hit" onClick={() => setSearchCursor((searchCursor + 1) % searchHits.length)}>
              ›
            </button>
          </span>
        )}
        {hasOriginal && (
          <div className="view-switch" role="group" aria-label="Show the source as">
            <button type="button" aria-pressed={!showOriginal} onClick={() => setPaneView(pane.id, 'text')}>
              Text
            </button>
            <button type="button" aria-pressed={showOriginal} onClick={() => setPaneView(pane.id, 'original')} title={originalTitle(source.format)}>
              Original
            </button>
          </div>
        )}
        {source !== undefined && (
          <button type="button" className="link-button" aria-expanded={editingDetails} onClick={() => setEditingDetails(!editingDetails)}>
            Details
          </button>
        )}
        {source !== undefined && (
          <button type="button" className="icon-button" aria-label={`Close pane ${position}`} title="Close" onClick={() => closePane(pane.id)}>
            ×
          </button>
        )}
      </header>
      {editingDetails && source !== undefined && <SourceDetails key={source.id} source={source} onClose={() => setEditingDetails(false)} />}
      {showOriginal && source !== undefined && text !== undefined && loaded !== undefined && (
        <div className="original-wrap" ref={originalRef}>
          <OriginalPane
            key={source.id}
            source={source}
            text={text}
            annotations={marks}
            searchHits={searchHits}
            searchCursor={searchCursor}
            findHits={hits}
            currentFind={currentHit}
            quoteParts={quoteParts}
            flash={flash}
            onSelect={setOriginalSelection}
            onAnnotationClick={selectAnnotation}
            onShowText={() => setPaneView(pane.id, 'text')}
          />
          {originalSelection !== null && (
            <SelectionToolbar
              sourceId={loaded.sourceId}
              contentHash={loaded.contentHash}
              range={originalSelection}
              style={originalToolbarPlace(originalSelection.rect)}
              onDone={() => {
                setOriginalSelection(null)
                window.getSelection()?.removeAllRanges()
              }}
            />
          )}
        </div>
      )}
      <div className="pane-scroll" ref={scrollRef} onMouseUp={onMouseUp} hidden={showOriginal}>
        {source === undefined && (
          <p className="empty-pane">{pane.sourceId === null ? 'Choose a source in the library, or drag one here, to read it in this pane.' : 'Opening this source…'}</p>
        )}
        {source !== undefined && loaded === undefined && asking && <p className="empty-pane shown-late">Loading the text…</p>}
        {/* mark.js owns this element's children; React never renders inside it. */}
        <div
          ref={containerRef}
          className="source-text"
          data-testid="source-text"
          hidden={source === undefined}
          tabIndex={source === undefined ? -1 : 0}
          role="document"
          aria-label={source === undefined ? undefined : `Text of ${source.title}. Shift and the arrow keys select; Enter highlights the selection.`}
          onKeyDown={onTextKeyDown}
        />
        {selection !== null && loaded !== undefined && (
          <SelectionToolbar
            sourceId={loaded.sourceId}
            contentHash={loaded.contentHash}
            range={selection}
            style={{ top: selection.top, left: selection.left }}
            autoFocus={selection.keyboard}
            onDone={() => {
              setSelection(null)
              window.getSelection()?.removeAllRanges()
              // Back where the reader was, so the next selection can start from the keyboard.
              if (selection.keyboard) containerRef.current?.focus({ preventScroll: true })
            }}
          />
        )}
      </div>
    </section>
  )
}

function originalTitle(format: string): string {
  if (format === 'html') return 'The saved web page as it was laid out (article only, nothing loaded from the web)'
  if (format === 'image') return 'The image'
  return 'The PDF’s pages as printed'
}
