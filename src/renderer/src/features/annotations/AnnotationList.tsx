// Every annotation in the project, grouped by source, newest source first in reading order.
import { useMemo, useState } from 'react'
import type { Annotation } from '../../../../shared/domain/annotation'
import type { Source } from '../../../../shared/domain/source'
import { sourcesById } from '../../app/sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { AnnotationCard } from './AnnotationCard'
import { pageLabel } from './page-label'

/**
 * Not placed in its source's current text (or its source is gone): kept and listed, never
 * dropped. While the sources of highlights are still arriving (a large library opening), one
 * not here yet is not judged.
 */
function isOrphan(annotation: Annotation, source: Source | undefined, arriving: boolean): boolean {
  return source === undefined ? !arriving : source.contentHash !== annotation.target.contentHash
}

export function AnnotationList() {
  const annotations = useWorkbench((state) => state.annotations)
  const sources = useWorkbench((state) => state.sources)
  const arriving = useWorkbench((state) => state.sourcesArriving)
  const groups = useMemo(() => {
    const byId = sourcesById(sources)
    const grouped = new Map<string, typeof annotations>()
    for (const annotation of annotations) {
      const list = grouped.get(annotation.target.sourceId) ?? []
      list.push(annotation)
      grouped.set(annotation.target.sourceId, list)
    }
    return [...grouped.entries()].map(([sourceId, list]) => ({
      source: byId.get(sourceId),
      list: [...list].sort((a, b) => a.target.selectors[1].start - b.target.selectors[1].start)
    }))
  }, [annotations, sources])

  const [onlyOrphans, setOnlyOrphans] = useState(false)
  const orphanCount = groups.reduce((count, group) => count + group.list.filter((annotation) => isOrphan(annotation, group.source, arriving)).length, 0)
  const removedCount = arriving ? 0 : groups.reduce((count, group) => count + (group.source === undefined ? group.list.length : 0), 0)
  const shown = groups
    .map((group) => ({ ...group, list: onlyOrphans ? group.list.filter((annotation) => isOrphan(annotation, group.source, arriving)) : group.list }))
    .filter((group) => group.list.length > 0)

  if (annotations.length === 0) {
    return <p className="empty-hint">Select text in a pane and pick a colour to highlight it. Highlights appear here, ready to link to claims.</p>
  }
  return (
    <div className="annotation-list">
      {orphanCount > 0 && (
        <label className="orphan-filter">
          <input type="checkbox" checked={onlyOrphans} onChange={(event) => setOnlyOrphans(event.target.checked)} />
          Only the {orphanCount} not found in their source’s current text{removedCount > 0 ? ' or whose source was removed' : ''}
        </label>
      )}
      {shown.map(({ source, list }) => (
        <section key={source?.id ?? list[0]?.target.sourceId}>
          <h3 className="group-title">{source?.title ?? (arriving ? 'Opening the library…' : 'Source removed from the project')}</h3>
          {list.map((annotation) => (
            <AnnotationCard
              key={annotation.id}
              annotation={annotation}
              sourceTitle={source === undefined ? '' : pageLabel(source.pageStarts, annotation.target.selectors[1].start)}
              orphaned={isOrphan(annotation, source, arriving)}
              sourceRemoved={source === undefined && !arriving}
            />
          ))}
        </section>
      ))}
    </div>
  )
}
