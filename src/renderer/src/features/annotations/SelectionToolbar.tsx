// Appears under a text selection: one click on a colour (or its number key) highlights
// it; a comment and tags can be typed first and saved with Save or Enter. The new
// annotation is saved before the toolbar closes.
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../shared/domain/colors'
import type { TextRange } from '../../../../shared/text/find'
import { useWorkbench } from '../../app/workbench-store'
import { parseTags } from './tags'

export const TOOLBAR_WIDTH = 320

interface SelectionToolbarProps {
  sourceId: string
  contentHash: string
  range: TextRange
  style: CSSProperties
  onDone: () => void
  /** Opened from the keyboard: the first colour takes the focus. */
  autoFocus?: boolean
}

/** The colour the Save button uses: the one picked last in this window, yellow at first. */
let lastColor: HighlightColor = 'yellow'

export function SelectionToolbar({ sourceId, contentHash, range, style, onDone, autoFocus = false }: SelectionToolbarProps) {
  const createAnnotation = useWorkbench((state) => state.createAnnotation)
  const reattachingId = useWorkbench((state) => state.reattachingId)
  const reattaching = useWorkbench((state) => state.annotations.find((annotation) => annotation.id === state.reattachingId))
  const [comment, setComment] = useState('')
  const [tags, setTags] = useState('')
  const [expanded, setExpanded] = useState(false)
  const [saving, setSaving] = useState(false)
  const firstSwatch = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (autoFocus) firstSwatch.current?.focus({ preventScroll: true })
  }, [autoFocus])

  async function highlight(color: HighlightColor): Promise<void> {
    lastColor = color
    setSaving(true)
    const created = await createAnnotation({ sourceId, contentHash, start: range.start, end: range.end, color, comment: comment.trim(), tags: parseTags(tags) })
    setSaving(false)
    if (created !== undefined) onDone()
  }

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={style}
      onMouseUp={(event) => event.stopPropagation()}
      onMouseDown={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement
        if (event.key === 'Escape') {
          event.preventDefault()
          onDone()
        } else if (!typing && /^[1-5]$/.test(event.key)) {
          const color = HIGHLIGHT_COLORS[Number(event.key) - 1]
          if (color !== undefined) {
            event.preventDefault()
            void highlight(color)
          }
        }
      }}
    >
      {reattachingId !== null && reattaching !== undefined && (
        <button
          type="button"
          className="button primary reattach-here"
          disabled={saving}
          onClick={() => {
            setSaving(true)
            void useWorkbench
              .getState()
              .reattachAnnotation({ id: reattaching.id, sourceId, contentHash, start: range.start, end: range.end })
              .then((done) => {
                setSaving(false)
                if (done) onDone()
              })
          }}
        >
          Re-attach “{reattaching.target.selectors[0].exact.slice(0, 40)}” here
        </button>
      )}
      <div className="swatches">
        {HIGHLIGHT_COLORS.map((color, index) => (
          <button
            key={color}
            ref={index === 0 ? firstSwatch : undefined}
            type="button"
            className={`swatch color-${color}`}
            aria-label={`Highlight ${color}`}
            aria-keyshortcuts={String(index + 1)}
            title={`Highlight ${color} (${index + 1})`}
            disabled={saving}
            onClick={() => void highlight(color)}
          />
        ))}
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Less' : 'Comment…'}
        </button>
        <button type="button" className="icon-button" aria-label="Cancel" onClick={onDone}>
          ×
        </button>
      </div>
      {expanded && (
        <form
          className="toolbar-fields"
          onSubmit={(event) => {
            event.preventDefault()
            void highlight(lastColor)
          }}
        >
          <textarea
            aria-label="Comment"
            placeholder="Comment (optional)"
            value={comment}
            rows={2}
            autoFocus
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={(event) => {
              // Enter starts a new line in a comment; Ctrl+Enter saves.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault()
                void highlight(lastColor)
              }
            }}
          />
          <input aria-label="Tags" placeholder="Tags, comma separated" value={tags} onChange={(event) => setTags(event.target.value)} />
          <div className="toolbar-save">
            <button type="submit" className="button primary" disabled={saving}>
              Save in {lastColor}
            </button>
            <span className="hint">or pick a colour above · Enter in the tags or Ctrl+Enter saves</span>
          </div>
        </form>
      )}
    </div>
  )
}
