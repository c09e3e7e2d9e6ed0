// The original inside a reading pane: PDF pages, an image or a saved web page's article,
// read once and drawn with the same highlights as the text view. What cannot be shown
// says why, with the way back to the text.
import { useEffect, useState } from 'react'
import { describeOcr } from '../../../../../shared/domain/ocr-caveat'
import { useWorkbench } from '../../../app/workbench-store'
import { ImageOriginal } from './ImageOriginal'
import { loadOriginal, type LoadedOriginal } from './original-document'
import type { OriginalViewProps } from './original-view-props'
import { PdfOriginal } from './PdfOriginal'
import { WebOriginal } from './WebOriginal'

interface OriginalPaneProps extends OriginalViewProps {
  onShowText(): void
}

export function OriginalPane({ onShowText, ...view }: OriginalPaneProps) {
  const { source } = view
  const [original, setOriginal] = useState<LoadedOriginal | null>(null)

  useEffect(() => {
    const api = useWorkbench.getState().api
    setOriginal(null)
    if (api === null) return undefined
    let current = true
    void loadOriginal(api, source).then((loaded) => {
      if (current) setOriginal(loaded)
    })
    return () => {
      current = false
    }
    // Read again only when the file behind the source changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.id, source.contentHash, source.fileHash])

  return (
    <div className="original-pane" data-testid="original-pane">
      {source.ocr !== null && (
        <p className={`ocr-caveat${source.ocr.lowConfidencePages.length > 0 || !source.ocr.recognised ? ' low' : ''}`} data-testid="ocr-caveat">
          {describeOcr(source.ocr, true, source.pageStarts?.length)}
          {!source.ocr.recognised && (
            <button
              type="button"
              className="link-button"
              onClick={(event) => view.onSelect({ start: 0, end: view.text.length, rect: event.currentTarget.getBoundingClientRect() })}
            >
              Highlight the whole {source.format === 'image' ? 'image' : 'document'}
            </button>
          )}
        </p>
      )}
      {original === null && (
        <p className="original-status" role="status">
          Opening the original…
        </p>
      )}
      {original?.kind === 'unavailable' && (
        <div className="original-status" role="status">
          <p>The original cannot be shown: {original.reason}</p>
          <button type="button" onClick={onShowText}>
            Show the text
          </button>
        </div>
      )}
      {original?.kind === 'pdf' && <PdfOriginal {...view} data={original.data} layout={original.layout} />}
      {original?.kind === 'image' && <ImageOriginal {...view} data={original.data} mime={original.mime} layout={original.layout} />}
      {original?.kind === 'web' && <WebOriginal {...view} html={original.html} url={original.url} />}
    </div>
  )
}
