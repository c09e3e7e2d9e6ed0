// An image source (a photo, a scanned page) as it looks, with the words OCR recognised
// laid over it so it can be selected and highlighted like a PDF page.
import { useEffect, useMemo, useState } from 'react'
import type { OcrLayout } from '../../../../../shared/domain/original'
import { buildWordLayer } from './ocr-word-layer'
import { OffsetLayer } from './offset-layer'
import type { OriginalViewProps } from './original-view-props'
import type { RenderPage } from './pdf-page-content'
import type { PageSize } from './pdf-page-layout'
import { PdfPageViewer } from './PdfPageViewer'

export interface ImageOriginalProps extends OriginalViewProps {
  data: Uint8Array
  mime: string
  layout: OcrLayout | null
}

type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; url: string; size: PageSize }

const ONE_PAGE_STARTS = [0]

/** A data: URL, which the app's policy allows for images (blob: it does not). */
function dataUrl(data: Uint8Array, mime: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('image: unreadable data')))
    reader.onerror = () => reject(reader.error ?? new Error('image: unreadable data'))
    reader.readAsDataURL(new Blob([data.slice()], { type: mime }))
  })
}

async function naturalSize(url: string): Promise<PageSize> {
  const image = new Image()
  image.src = url
  await image.decode()
  return { width: image.naturalWidth, height: image.naturalHeight }
}

export function ImageOriginal({ data, mime, layout, ...props }: ImageOriginalProps) {
  const { source, text } = props
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    setLoaded({ status: 'loading' })
    void (async () => {
      try {
        const url = await dataUrl(data, mime)
        const size = await naturalSize(url)
        if (!cancelled) setLoaded({ status: 'ready', url, size })
      } catch {
        if (!cancelled) setLoaded({ status: 'failed' })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [data, mime])

  const url = loaded.status === 'ready' ? loaded.url : null
  const renderPage = useMemo<RenderPage | null>(() => {
    if (url === null) return null
    return (_index, slots) => {
      const document = slots.visual.ownerDocument
      const image = document.createElement('img')
      image.className = 'page-image'
      image.src = url
      image.alt = source.title
      image.draggable = false
      slots.visual.append(image)
      const page = layout?.pages[0]
      let layer: OffsetLayer | null = null
      if (page !== undefined) {
        const words = buildWordLayer(document, text, page)
        slots.text.append(words.element)
        layer = OffsetLayer.fromWords(words.nodes, words.starts)
      }
      return {
        text: Promise.resolve(layer),
        // The image and the words are sized in CSS: a zoom needs nothing redrawn.
        setScale: () => undefined,
        destroy: () => {
          slots.visual.replaceChildren()
          slots.text.replaceChildren()
        }
      }
    }
  }, [url, layout, text, source.title])

  const sizes = useMemo(() => (loaded.status === 'ready' ? [loaded.size] : []), [loaded])
  if (loaded.status === 'failed') {
    return (
      <p className="original-status" role="alert">
        This image cannot be shown.
      </p>
    )
  }
  if (renderPage === null) return <p className="original-status">Opening the image…</p>
  return <PdfPageViewer {...props} sizes={sizes} pageStarts={ONE_PAGE_STARTS} renderPage={renderPage} label={`Image: ${source.title}`} />
}
