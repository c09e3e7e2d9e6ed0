// Appears under a text selection: one click on a colour highlights it; a comment and
// tags can be typed first. The new annotation is saved before the toolbar closes.
import { useState, type CSSProperties } from 'react'
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../shared/domain/colors'
import type { TextRange } from '../../../../shared/text/find'
import { useWorkbench } from '../../app/workbench-store'
import { parseTags } from './tags'

interface SelectionToolbarProps {
  sourceId: string
  contentHash: string
  range: TextRange
  style: CSSProperties
  onDone: () => void
}

export function SelectionToolbar({ sourceId, contentHash, range, style, onDone }: SelectionToolbarProps) {
  const createAnnotation = useWorkbench((state) => state.createAnnotation)
  const reattachingId = useWorkbench((state) => state.reattachingId)
  const reattaching = useWorkbench((state) => state.annotations.find((annotation) => annotation.id === state.reattachingId))
  const [comment, setComment] = useState('')
  const [tags, setTags] = useState('')
  const [expanded, setExpanded] = useState(false)
  const [saving, setSaving] = useState(false)

  async function highlight(color: HighlightColor): Promise<void> {
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
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`swatch color-${color}`}
            aria-label={`Highlight ${color}`}
            title={`Highlight ${color}`}
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
        <div className="toolbar-fields">
          <textarea aria-label="Comment" placeholder="Comment (optional)" value={comment} rows={2} onChange={(event) => setComment(event.target.value)} />
          <input aria-label="Tags" placeholder="Tags, comma separated" value={tags} onChange={(event) => setTags(event.target.value)} />
          <span className="hint">Pick a colour to save.</span>
        </div>
      )}
    </div>
  )
}
