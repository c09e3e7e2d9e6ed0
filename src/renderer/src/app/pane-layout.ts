// Which source each reading pane shows, remembered per project across reloads.
export interface Pane {
  id: string
  sourceId: string | null
  /** The library search this source was opened from: its hits stay marked in the pane. */
  query?: string
  /** That search included the other spellings of confirmed names. */
  nameVariants?: boolean
  /** A quotation opened from the quote ledger, marked and scrolled to (not kept across reloads). */
  quote?: PaneQuote
  /**
   * 'original' shows the PDF pages, image or saved web page instead of the extracted text,
   * 'text' the text; unset, the source's own default. The choice sticks to the pane.
   */
  view?: 'text' | 'original'
}

export interface PaneQuote {
  /** The text the offsets belong to: a quote is never drawn on a changed text. */
  contentHash: string
  parts: { start: number; end: number }[]
  /** Changes with every opening, so opening the same quote again scrolls to it again. */
  nonce: number
}

const DEFAULT_PANES: Pane[] = [
  { id: 'pane-1', sourceId: null },
  { id: 'pane-2', sourceId: null }
]

function key(projectId: string): string {
  return `sourcebench.panes.${projectId}`
}

export function loadPanes(storage: Storage, projectId: string, knownSources: ReadonlySet<string>): Pane[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(key(projectId)) ?? 'null')
    if (!Array.isArray(raw) || raw.length < 2) return DEFAULT_PANES
    return raw.slice(0, 4).map((entry: unknown, index) => {
      const candidate = entry as Partial<Pane> | null
      const sourceId = typeof candidate?.sourceId === 'string' && knownSources.has(candidate.sourceId) ? candidate.sourceId : null
      const query = sourceId !== null && typeof candidate?.query === 'string' ? candidate.query : undefined
      const nameVariants = query !== undefined && candidate?.nameVariants === true
      return {
        id: typeof candidate?.id === 'string' ? candidate.id : `pane-${index + 1}`,
        sourceId,
        ...(query === undefined ? {} : { query }),
        ...(nameVariants ? { nameVariants } : {}),
        ...(candidate?.view === 'original' || candidate?.view === 'text' ? { view: candidate.view } : {})
      }
    })
  } catch {
    return DEFAULT_PANES
  }
}

export function savePanes(storage: Storage, projectId: string, panes: readonly Pane[]): void {
  storage.setItem(key(projectId), JSON.stringify(
      panes.map((pane) => {
        const kept = { ...pane }
        delete kept.quote
        return kept
      })
    )
  )
}
