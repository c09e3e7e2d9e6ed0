// Every annotation in the project, grouped by source, newest source first in reading order.
import { useMemo } from 'react'
import { sourcesById } from '../../app/sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { AnnotationCard } from './AnnotationCard'
import { pageLabel } from './page-label'

export function AnnotationList() {
  const annotations = useWorkbench((state) => state.annotations)
  const sources = useWorkbench((state) => state.sources)
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

  if (annotations.length === 0) {
    return <p className="empty-hint">Select text in a pane and pick a colour to highlight it. Highlights appear here, ready to link to claims.</p>
  }
  return (
    <div className="annotation-list">
      {groups.map(({ source, list }) => (
        <section key={source?.id ?? list[0]?.target.sourceId}>
          <h3 className="group-title">{source?.title ?? 'Source no longer in the library'}</h3>
          {list.map((annotation) => (
            <AnnotationCard
              key={annotation.id}
              annotation={annotation}
              sourceTitle={source === undefined ? '' : [source.relativePath, pageLabel(source.pageStarts, annotation.target.selectors[1].start)].filter((part) => part !== '').join(' · ')}
              orphaned={source === undefined || source.contentHash !== annotation.target.contentHash}
            />
          ))}
        </section>
      ))}
    </div>
  )
}
