// The Export dialog's preview: asked of the engine when the dialog opens, and again a
// moment after the format or an option changes; an answer to an earlier choice is dropped.
import { useEffect, useRef, useState } from 'react'
import { readableMessage } from '../../app/notices-slice'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import type { ExportPreview, ExportRequest } from '../../../../shared/domain/export'

/** How long the choice must rest before the preview is asked for (arrow keys run through formats quickly). */
export const PREVIEW_DELAY_MS = 150

export interface PreviewState {
  preview: ExportPreview | null
  loading: boolean
  error: string | null
}

export function useExportPreview({ format, sources, includeOriginals }: ExportRequest): PreviewState {
  const api = useWorkbench((state) => state.api)
  const [state, setState] = useState<PreviewState>({ preview: null, loading: true, error: null })
  const asked = useRef(false)

  useEffect(() => {
    if (api === null) return undefined
    let current = true
    // The last preview stays (dimmed) while an option changes; another format's never stands for this one.
    setState((previous) => ({ preview: previous.preview?.format === format ? previous.preview : null, loading: true, error: null }))
    const timer = setTimeout(
      () => {
        unwrap(api.previewExport({ format, sources, includeOriginals })).then(
          (preview) => current && setState({ preview, loading: false, error: null }),
          (error: unknown) => current && setState({ preview: null, loading: false, error: readableMessage(error instanceof Error ? error.message : String(error)) })
        )
      },
      asked.current ? PREVIEW_DELAY_MS : 0
    )
    asked.current = true
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, format, sources, includeOriginals])

  return state
}
