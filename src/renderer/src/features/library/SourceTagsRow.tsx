// A source's tags in its Details form: typed comma separated, saved when the field is
// left or Enter is pressed (undoable, kept on re-import), independently of the form's Save.
import { useEffect, useState } from 'react'
import type { Source } from '../../../../shared/domain/source'
import { parseTags } from '../annotations/tags'
import { markSource } from './library-actions'

export function SourceTagsRow({ source }: { source: Source }) {
  const saved = source.tags.join(', ')
  const [draft, setDraft] = useState(saved)
  // Compared as text, so a reload of the same tags never wipes what is being typed.
  useEffect(() => setDraft(saved), [saved])

  function save(): void {
    const tags = parseTags(draft)
    if (tags.join('\n') !== source.tags.join('\n')) void markSource({ sourceId: source.id, tags })
  }

  return (
    <label className="source-tags-row">
      Tags
      <input
        value={draft}
        placeholder="Tags, comma separated"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          // Enter keeps the tags without submitting the rest of the form.
          if (event.key === 'Enter') {
            event.preventDefault()
            save()
          }
        }}
      />
    </label>
  )
}
