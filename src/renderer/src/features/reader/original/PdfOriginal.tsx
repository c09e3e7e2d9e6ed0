// A PDF's pages as they look, drawn by pdf.js, with the source's highlights on them. The
// document opens on its first page's size (every page is assumed that size until its own
// is known, read in the background), so even a 500-page PDF shows at once.
import { useEffect, useMemo, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { OcrLayout } from '../../../../../shared/domain/original'
import { ocrPageStarts, pdfPageText } from './ocr-word-layer'
import type { OriginalViewProps } from './original-view-props'
import type { PageSize } from './pdf-page-layout'
import { pdfPageRenderer, type PageTextSource } from './pdf-page-view'
import { loadPdfJs, openPdf, type OpenedPdf, type PdfJs } from './pdf-runtime'
import { PdfPageViewer } from './PdfPageViewer'

export interface PdfOriginalProps extends OriginalViewProps {
  data: Uint8Array
  /** Where OCR found each word, when some or all of the text came from OCR rather than the PDF's text layer. */
  layout: OcrLayout | null
}

type Opened =
  | { status: 'opening' }
  | { status: 'failed'; reason: string }
  | { status: 'open'; pdfjs: PdfJs; document: PDFDocumentProxy; sizes: PageSize[] }

/** Page sizes are read in batches, and the column redrawn once per batch at most. */
const SIZE_BATCH = 50

function sameSize(a: PageSize, b: PageSize): boolean {
  return Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5
}

async function pageSize(document: PDFDocumentProxy, number: number): Promise<PageSize> {
  const viewport = (await document.getPage(number)).getViewport({ scale: 1 })
  return { width: viewport.width, height: viewport.height }
}

export function PdfOriginal({ data, layout, ...props }: PdfOriginalProps) {
  const { source, text } = props
  const [opened, setOpened] = useState<Opened>({ status: 'opening' })

  useEffect(() => {
    let cancelled = false
    let handle: OpenedPdf | null = null
    setOpened({ status: 'opening' })
    void (async () => {
      try {
        const pdfjs = await loadPdfJs()
        handle = await openPdf(data)
        if (cancelled) return void handle.close()
        const { document } = handle
        const first = await pageSize(document, 1)
        const sizes = Array.from({ length: document.numPages }, () => first)
        if (cancelled) return
        setOpened({ status: 'open', pdfjs, document, sizes })
        let changed = false
        for (let number = 2; number <= document.numPages && !cancelled; number += 1) {
          const size = await pageSize(document, number)
          if (!sameSize(size, first)) {
            sizes[number - 1] = size
            changed = true
          }
          if (changed && (number % SIZE_BATCH === 0 || number === document.numPages) && !cancelled) {
            changed = false
            setOpened({ status: 'open', pdfjs, document, sizes: [...sizes] })
          }
        }
      } catch (error) {
        if (!cancelled) setOpened({ status: 'failed', reason: error instanceof Error ? error.message : String(error) })
      }
    })()
    return () => {
      cancelled = true
      void handle?.close()
    }
  }, [data])

  // Keyed on the offsets, not the array: a library refresh hands out equal sources as new objects,
  // and the pages must not be drawn again (nor the view scrolled back) for that.
  const startsKey = source.pageStarts?.join(',') ?? null
  const pageStarts = useMemo(
    () => source.pageStarts ?? (layout === null ? [0] : ocrPageStarts(layout, text.length)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [startsKey, layout, text.length]
  )
  const document = opened.status === 'open' ? opened.document : null
  const pdfjs = opened.status === 'open' ? opened.pdfjs : null
  const renderPage = useMemo(() => {
    if (document === null || pdfjs === null) return null
    // Per page: a partly scanned PDF has OCR words on its scanned pages and pdf.js's text layer on the others.
    const textOf = (index: number): PageTextSource => pdfPageText(layout, pageStarts, text, index)
    return pdfPageRenderer(pdfjs, document, textOf)
  }, [document, pdfjs, layout, text, pageStarts])

  if (opened.status === 'failed') {
    return (
      <p className="original-status" role="alert">
        The pages of this PDF cannot be shown ({opened.reason}). Its text is in the Text view.
      </p>
    )
  }
  if (opened.status === 'opening' || renderPage === null) return <p className="original-status">Opening the pages…</p>
  return <PdfPageViewer {...props} sizes={opened.sizes} pageStarts={pageStarts} renderPage={renderPage} label={`Pages of ${source.title}`} />
}
