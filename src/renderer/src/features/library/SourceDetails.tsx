// A source's citation details — title, outlet, author, date, URL — prefilled from the
// file and corrected by the user. Edited fields survive re-imports.
import { useState } from 'react'
import type { Source } from '../../../../shared/domain/source'
import { useWorkbench } from '../../app/workbench-store'

const FIELDS = [
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['date', 'Date'],
  ['url', 'URL']
] as const

export function SourceDetails({ source, onClose }: { source: Source; onClose: () => void }) {
  const updateSource = useWorkbench((state) => state.updateSource)
  // What the form opened with: only fields the user changed from these are saved as hand edits,
  // even if a re-import updates the source while the form is open.
  const [opened] = useState(() => ({
    title: source.title,
    meta: { outlet: source.meta.outlet ?? '', author: source.meta.author ?? '', date: source.meta.date ?? '', url: source.meta.url ?? '' }
  }))
  const [title, setTitle] = useState(opened.title)
  const [meta, setMeta] = useState(opened.meta)
  const [saving, setSaving] = useState(false)

  async function save(): Promise<void> {
    setSaving(true)
    const edits: Parameters<typeof updateSource>[0] = { sourceId: source.id }
    if (title.trim() !== opened.title) edits.title = title.trim()
    for (const [field] of FIELDS) if (meta[field].trim() !== opened.meta[field]) edits[field] = meta[field]
    const saved = await updateSource(edits)
    setSaving(false)
    if (saved) onClose()
  }

  return (
    <form
      className="source-details"
      aria-label="Source details"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label>
        Title
        <input value={title} onChange={(event) => setTitle(event.target.value)} required />
      </label>
      {FIELDS.map(([field, label]) => (
        <label key={field}>
          {label}
          <input
            value={meta[field]}
            placeholder={field === 'date' ? 'YYYY-MM-DD' : ''}
            onChange={(event) => setMeta({ ...meta, [field]: event.target.value })}
          />
        </label>
      ))}
      <p className="hint">
        {source.format.toUpperCase()}
        {source.pageStarts === null ? '' : ` · ${source.pageStarts.length} pages`}
        {source.meta.language === null ? '' : ` · language ${source.meta.language}`} · {source.relativePath}
        {source.editedFields.length > 0 ? ` · edited by hand: ${source.editedFields.join(', ')}` : ''}
      </p>
      <div className="details-actions">
        <button type="submit" className="button primary" disabled={saving || title.trim() === ''}>
          Save
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
