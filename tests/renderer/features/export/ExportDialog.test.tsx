import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ExportDialogs } from '../../../../src/renderer/src/features/export/ExportDialogs'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportPreview, type ExportRequest } from '../../../../src/shared/domain/export'
import type { Api, AppInfo, ExportOutcome } from '../../../../src/shared/ipc/contract'
import type { Result } from '../../../../src/shared/ipc/result'

const BROWSER: AppInfo = { version: 't', mode: 'browser', canPickFolder: false }
const ELECTRON: AppInfo = { version: 't', mode: 'electron', canPickFolder: true }
const MARKDOWN = '# Notes on the port deal\n\n## 1. The mayor signed on 3 May\n\n> “We signed it that night”[^1]\n'

function previewOf(request: ExportRequest): ExportPreview {
  const info = EXPORT_FORMAT_INFO[request.format]
  return {
    format: request.format,
    fileName: `port-deal-notes-2025-05-03.${info.extension}`,
    mime: info.mime,
    bytes: 12 * 1024,
    summary: { claims: 2, passages: 4, otherHighlights: 1, sources: request.sources === 'all' ? 5 : 3, notFound: 1 },
    text: info.binary ? null : request.format === 'markdown' ? MARKDOWN : `${request.format} for ${request.sources}`,
    truncated: request.format === 'markdown',
    contents: info.binary ? ['word/document.xml: 2 claims, 4 footnotes', `word/footnotes.xml${request.includeOriginals ? ' + originals' : ''}`] : []
  }
}

/** The engine's answers: previews as built above, and an export outcome the test picks. */
function useFakeApi(appInfo: AppInfo, exportNotes: (request: ExportRequest) => Result<ExportOutcome>) {
  const previewExport = vi.fn(async (request: ExportRequest): Promise<Result<ExportPreview>> => ({ ok: true, value: previewOf(request) }))
  const exported = vi.fn(async (request: ExportRequest) => exportNotes(request))
  const api = { previewExport, exportNotes: exported } as unknown as Api
  useWorkbench.setState({ api, appInfo, exportDialog: 'export', notices: [] })
  return { previewExport, exportNotes: exported }
}

const downloaded = { ok: true as const, value: { kind: 'download' as const, fileName: 'port-deal-notes-2025-05-03.md', url: '/api/export/download/abc123', bytes: 12_288 } }

describe('ExportDialog', () => {
  beforeEach(() => window.localStorage.clear())
  afterEach(cleanup)

  it('lists every format with its description and starts on Markdown, the focus on its radio button', async () => {
    useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const radios = within(screen.getByRole('radiogroup', { name: 'Format' })).getAllByRole('radio')
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual([...EXPORT_FORMATS])
    for (const format of EXPORT_FORMATS) {
      const radio = screen.getByRole('radio', { name: EXPORT_FORMAT_INFO[format].label })
      expect(radio.getAttribute('aria-describedby')).not.toBeNull()
      expect(document.getElementById(radio.getAttribute('aria-describedby')!)?.textContent).toBe(EXPORT_FORMAT_INFO[format].description)
    }
    const markdown = screen.getByRole('radio', { name: 'Markdown' })
    expect((markdown as HTMLInputElement).checked).toBe(true)
    expect(document.activeElement).toBe(markdown)
    await screen.findByText('port-deal-notes-2025-05-03.md')
  })

  it('shows the summary, the file name and the start of the text for Markdown, with the passages not found in a warning', async () => {
    useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    const preview = screen.getByRole('region', { name: 'Preview' })
    const summary = await within(preview).findByTestId('export-summary')
    expect(summary.textContent).toBe('2 claims · 4 passages · 1 other highlight · 3 sources · 12 KB · 1 passage not found')
    expect(within(summary).getByText('1 passage not found').className).toBe('export-not-found')
    expect(within(preview).getByText('port-deal-notes-2025-05-03.md')).toBeTruthy()
    expect(within(preview).getByLabelText('Start of the file').textContent).toBe(MARKDOWN)
    expect(preview.textContent).toContain('…preview shows the first 20,000 characters')
    expect(within(preview).queryByLabelText('Inside the file')).toBeNull()
  })

  it('shows what a DOCX file holds instead of text when DOCX is picked', async () => {
    const { previewExport } = useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    await screen.findByLabelText('Start of the file')
    fireEvent.click(screen.getByRole('radio', { name: 'Word (DOCX)' }))
    const contents = await screen.findByRole('list', { name: 'Inside the file' })
    expect(within(contents).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['word/document.xml: 2 claims, 4 footnotes', 'word/footnotes.xml'])
    expect(screen.queryByLabelText('Start of the file')).toBeNull()
    expect(screen.getByText('port-deal-notes-2025-05-03.docx')).toBeTruthy()
    expect(previewExport).toHaveBeenLastCalledWith({ format: 'docx', sources: 'cited', includeOriginals: false })
  })

  it('offers the sources option for citations only and the originals for bundles only, and previews what they change', async () => {
    const { previewExport } = useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    expect(screen.queryByRole('radio', { name: 'Cited only' })).toBeNull()
    expect(screen.queryByRole('checkbox', { name: 'Include the original files' })).toBeNull()

    fireEvent.click(screen.getByRole('radio', { name: 'Citations (BibTeX)' }))
    expect((screen.getByRole('radio', { name: 'Cited only' }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByRole('radio', { name: 'All in project' }))
    await waitFor(() => expect(screen.getByTestId('export-summary').textContent).toContain('5 sources'))
    expect(previewExport).toHaveBeenLastCalledWith({ format: 'bibtex', sources: 'all', includeOriginals: false })
    expect(screen.queryByRole('checkbox', { name: 'Include the original files' })).toBeNull()

    fireEvent.click(screen.getByRole('radio', { name: 'Project bundle' }))
    expect(screen.queryByRole('radio', { name: 'All in project' })).toBeNull()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include the original files' }))
    await screen.findByText('word/footnotes.xml + originals')
    // The sources option belongs to citations: a bundle's request carries the default.
    expect(previewExport).toHaveBeenLastCalledWith({ format: 'bundle', sources: 'cited', includeOriginals: true })
  })

  it('downloads the file in browser mode with the chosen request, closes, and says so', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('port-deal-notes-2025-05-03.md')
      expect(this.href).toBe(`${window.location.origin}/api/export/download/abc123`)
    })
    const { exportNotes } = useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('radio', { name: 'Citations (CSL-JSON)' }))
    fireEvent.click(screen.getByRole('radio', { name: 'All in project' }))
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(exportNotes).toHaveBeenCalledWith({ format: 'csl-json', sources: 'all', includeOriginals: false })
    expect(click).toHaveBeenCalledTimes(1)
    expect(useWorkbench.getState().notices.map((notice) => [notice.kind, notice.text])).toEqual([['success', 'Downloaded port-deal-notes-2025-05-03.md']])
    click.mockRestore()
  })

  it('saves through Electron’s dialog and names the place it was saved', async () => {
    const { exportNotes } = useFakeApi(ELECTRON, () => ({ ok: true, value: { kind: 'saved', path: '/home/ann/port.docx', bytes: 20_000 } }))
    render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('radio', { name: 'Word (DOCX)' }))
    expect(screen.queryByRole('button', { name: 'Download' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(exportNotes).toHaveBeenCalledWith({ format: 'docx', sources: 'cited', includeOriginals: false })
    expect(useWorkbench.getState().notices.at(-1)?.text).toBe('Saved to /home/ann/port.docx')
  })

  it('keeps the dialog open with the engine’s reason when the export fails, and when the save dialog is cancelled', async () => {
    let answer: Result<ExportOutcome> = { ok: false, error: { code: 'failed', message: 'export: cannot write /home/ann/port.md: disk full' } }
    useFakeApi(ELECTRON, () => answer)
    render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Cannot write /home/ann/port.md: disk full')
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Save…' }) as HTMLButtonElement).disabled).toBe(false)
    expect(useWorkbench.getState().notices).toEqual([])

    answer = { ok: true, value: { kind: 'cancelled' } }
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeTruthy()
    expect(useWorkbench.getState().notices).toEqual([])
  })

  it('stays open while the file is being written, Escape and Cancel included, and shows a failure that comes then', async () => {
    let fail: (result: Result<ExportOutcome>) => void = () => undefined
    const api = { previewExport: vi.fn(async (request: ExportRequest) => ({ ok: true, value: previewOf(request) })), exportNotes: vi.fn(() => new Promise<Result<ExportOutcome>>((resolve) => (fail = resolve))) }
    useWorkbench.setState({ api: api as unknown as Api, appInfo: ELECTRON, exportDialog: 'export', notices: [] })
    render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }))
    await waitFor(() => expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true))
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeTruthy()
    await act(async () => fail({ ok: false, error: { code: 'failed', message: 'export: cannot write /media/usb/port.docx: read-only file system' } }))
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot write /media/usb/port.docx: read-only file system')
  })

  it('refuses a download address on another origin', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    useFakeApi(BROWSER, () => ({ ok: true, value: { kind: 'download', fileName: 'x.md', url: 'https://evil.example/x.md', bytes: 1 } }))
    render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The download address is not on this server')
    expect(click).not.toHaveBeenCalled()
    click.mockRestore()
  })

  it('closes on Escape and gives the focus back to what opened it', async () => {
    useFakeApi(BROWSER, () => downloaded)
    useWorkbench.setState({ exportDialog: null })
    render(
      <>
        <button type="button" onClick={() => useWorkbench.getState().setExportDialog('export')}>
          Open export
        </button>
        <ExportDialogs />
      </>
    )
    const opener = screen.getByRole('button', { name: 'Open export' })
    opener.focus()
    fireEvent.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'Export' })
    expect(dialog.contains(document.activeElement)).toBe(true)
    await screen.findByTestId('export-summary')
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('keeps Tab inside the dialog, going round from the last control to the chosen format', async () => {
    useFakeApi(BROWSER, () => downloaded)
    render(<ExportDialogs />)
    await screen.findByTestId('export-summary')
    const download = screen.getByRole('button', { name: 'Download' })
    download.focus()
    fireEvent.keyDown(download, { key: 'Tab' })
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Markdown' }))
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(download)
  })

  it('remembers the last choice, and ignores a stored choice it cannot read', async () => {
    useFakeApi(BROWSER, () => downloaded)
    const first = render(<ExportDialogs />)
    fireEvent.click(screen.getByRole('radio', { name: 'Citations (BibTeX)' }))
    fireEvent.click(screen.getByRole('radio', { name: 'All in project' }))
    first.unmount()
    render(<ExportDialogs />)
    expect((screen.getByRole('radio', { name: 'Citations (BibTeX)' }) as HTMLInputElement).checked).toBe(true)
    expect((screen.getByRole('radio', { name: 'All in project' }) as HTMLInputElement).checked).toBe(true)
    cleanup()

    window.localStorage.setItem('sourcebench.export-choice', JSON.stringify({ format: 'pdf', sources: 'all' }))
    render(<ExportDialogs />)
    expect((screen.getByRole('radio', { name: 'Markdown' }) as HTMLInputElement).checked).toBe(true)
    await screen.findByTestId('export-summary')
  })

  it('shows the preview of the format picked last, not a slower answer for the one before', async () => {
    const held: Array<{ request: ExportRequest; answer: () => Promise<void> }> = []
    const previewExport = vi.fn(
      (request: ExportRequest) =>
        new Promise<Result<ExportPreview>>((resolve) => {
          held.push({ request, answer: () => act(async () => resolve({ ok: true, value: previewOf(request) })) })
        })
    )
    useWorkbench.setState({ api: { previewExport } as unknown as Api, appInfo: BROWSER, exportDialog: 'export' })
    render(<ExportDialogs />)
    await waitFor(() => expect(held).toHaveLength(1))
    expect(within(screen.getByRole('region', { name: 'Preview' })).getByRole('status').textContent).toBe('Preparing the preview…')
    fireEvent.click(screen.getByRole('radio', { name: 'CSV' }))
    await waitFor(() => expect(held).toHaveLength(2))
    await held[1]!.answer()
    await held[0]!.answer()
    expect(screen.getByLabelText('Start of the file').textContent).toBe('csv for cited')
    expect(screen.getByText('port-deal-notes-2025-05-03.csv')).toBeTruthy()
  })

  it('says why the preview could not be made, and still lets the user export', async () => {
    const previewExport = vi.fn(async () => ({ ok: false, error: { code: 'failed', message: 'export: the project could not be read' } }))
    useWorkbench.setState({ api: { previewExport } as unknown as Api, appInfo: BROWSER, exportDialog: 'export' })
    render(<ExportDialogs />)
    const preview = screen.getByRole('region', { name: 'Preview' })
    expect((await within(preview).findByRole('alert')).textContent).toBe('The preview could not be made: The project could not be read')
    expect((screen.getByRole('button', { name: 'Download' }) as HTMLButtonElement).disabled).toBe(false)
  })
})
