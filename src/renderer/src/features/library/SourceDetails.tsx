// A source's citation details — title, outlet, author, date, URL — prefilled from the
// file and corrected by the user. Edited fields survive re-imports.
import { useId, useRef, useState } from 'react'
import { displayDate } from '../../../../shared/domain/citation'
import { describeOcr } from '../../../../shared/domain/ocr-caveat'
import type { Source } from '../../../../shared/domain/source'
import { parseSourceDate, type SourceDateReading } from '../../../../shared/text/dates'
import { useWorkbench } from '../../app/workbench-store'
import { SourceTagsRow } from './SourceTagsRow'

const FIELDS = [
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['date', 'Date'],
  ['url', 'URL']
] as const

/** How the typed date reads in the reader's locale (03/04/2026 is 4 March in en-US); null while empty. */
function readDate(typed: string): SourceDateReading | null {
  return typed.trim() === '' ? null : parseSourceDate(typed, { locale: navigator.language })
}

/** Under the date field: the day it will be saved as, or why it cannot be (only once the user changed it). */
function DateReading({ id, reading, problem }: { id: string; reading: SourceDateReading | null; problem: string | null }) {
  const text = problem ?? (reading?.ok === true ? `→ ${displayDate(reading.iso, navigator.language, 'long')}` : '')
  return (
    <span id={id} className="hint" aria-live="polite" data-testid="date-reading" style={problem === null ? undefined : { color: 'var(--danger)' }}>
      {text}
    </span>
  )
}

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
  const dateReadingId = useId()
  const dateInput = useRef<HTMLInputElement>(null)
  const dateReading = readDate(meta.date)
  const dateProblem = meta.date.trim() !== opened.meta.date && dateReading?.ok === false ? dateReading.message : null

  async function save(): Promise<void> {
    if (dateProblem !== null) {
      dateInput.current?.focus()
      return
    }
    setSaving(true)
    const edits: Parameters<typeof updateSource>[0] = { sourceId: source.id }
    if (title.trim() !== opened.title) edits.title = title.trim()
    for (const [field] of FIELDS) {
      if (meta[field].trim() !== opened.meta[field]) edits[field] = field === 'date' && dateReading?.ok === true ? dateReading.iso : meta[field]
    }
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
      {FIELDS.map(([field, label]) => {
        const labelled = (
          <label key={field}>
            {label}
            <input
              value={meta[field]}
              placeholder={field === 'date' ? '16 January 2026' : ''}
              onChange={(event) => setMeta({ ...meta, [field]: event.target.value })}
              {...(field === 'date' ? { ref: dateInput, 'aria-describedby': dateReadingId, 'aria-invalid': dateProblem !== null } : {})}
            />
          </label>
        )
        // The reading sits outside the label, so the field's name stays "Date" while it changes.
        return field !== 'date' ? (
          labelled
        ) : (
          <div key={field} style={{ minWidth: 0 }}>
            {labelled}
            <DateReading id={dateReadingId} reading={dateReading} problem={dateProblem} />
          </div>
        )
      })}
      <SourceTagsRow source={source} />
      <p className="hint">
        {source.format.toUpperCase()}
        {source.pageStarts === null ? '' : ` · ${source.pageStarts.length} pages`}
        {source.meta.language === null ? '' : ` · language ${source.meta.language}`}
        {source.ocr === null ? '' : ` · ${describeOcr(source.ocr, false, source.pageStarts?.length)}`} · {source.relativePath}
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
