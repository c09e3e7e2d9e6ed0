import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { ExportDialogs } from '../../../../src/renderer/src/features/export/ExportDialogs'
import type { AnnotationImportReport } from '../../../../src/shared/domain/export'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeAnnotation } from '../../../helpers/factories'

/** An API whose calls answer with what the test says; every call is recorded. */
function fakeApi(answers: Partial<Record<keyof Api, (input: unknown) => unknown>>): { api: Api; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => {
      calls.push([method, input])
      const answer = answers[method as keyof Api]
      return Promise.resolve({ ok: true, value: answer === undefined ? null : answer(input) })
    }
  })
  return { api, calls }
}

const project = { current: { id: 'p', name: 'Port deal', dir: '/p', createdAt: '' }, projects: [], warnings: [] }
const HYPOTHESIS = JSON.stringify({ rows: [{ target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'We signed it that night' }] }] }] })

const report: AnnotationImportReport = {
  format: 'hypothesis',
  total: 6,
  imported: 3,
  alreadyPresent: 1,
  reanchored: 1,
  claimsCreated: 0,
  links: 0,
  unmatched: [
    { index: 4, quote: 'a sentence no seed contains', source: 'Reuters, 3 May', reason: 'the quoted words are not in “Port deal signed” any more' },
    { index: 5, quote: '“Already quoted”', source: 'https://example.org/gone', reason: 'no source in the project has this URL or title' }
  ]
}

function pick(file: File): void {
  fireEvent.change(screen.getByLabelText('Annotation file'), { target: { files: [file] } })
}

describe('ImportAnnotationsDialog', () => {
  afterEach(cleanup)

  it('imports the chosen file, shows the new highlights at once, and lists every annotation left out with its reason', async () => {
    const imported = makeAnnotation({ id: 'h1', sourceId: 's1', exact: 'We signed it that night', contentHash: 'c'.repeat(64) })
    const { api, calls } = fakeApi({
      importAnnotations: () => report,
      getProject: () => project,
      listSources: () => ({ roots: [], sources: [], unwatchedRootIds: [], total: 0, revision: 'e:0' }),
      listAnnotations: () => [imported],
      listClaims: () => [],
      claimSupport: () => ({})
    })
    useWorkbench.setState({ api, annotations: [], exportDialog: 'import-annotations' })
    render(<ExportDialogs />)
    const dialog = screen.getByRole('dialog', { name: 'Import annotations' })
    expect(document.activeElement).toBe(screen.getByLabelText('Annotation file'))
    expect(screen.getByLabelText('Annotation file').getAttribute('accept')).toBe('.json,.jsonld')
    pick(new File([HYPOTHESIS], 'hypothesis.json', { type: 'application/json' }))

    const shown = await within(dialog).findByTestId('import-report')
    expect(calls.find(([method]) => method === 'importAnnotations')).toEqual(['importAnnotations', { fileName: 'hypothesis.json', content: HYPOTHESIS }])
    expect(shown.textContent).toContain('6 annotations in hypothesis.json, read as Hypothesis annotations.')
    expect(shown.textContent).toContain('3 new highlights (1 placed on words that moved or changed since the file was written)')
    expect(shown.textContent).toContain('1 highlight already in the project, left as they were')
    expect(within(shown).getByRole('heading', { name: '2 annotations not imported' })).toBeTruthy()
    const [first, second] = within(screen.getByTestId('import-unmatched')).getAllByRole('listitem')
    expect(first?.textContent).toContain('#5 “a sentence no seed contains” — Reuters, 3 May')
    expect(within(first!).getByText('the quoted words are not in “Port deal signed” any more')).toBeTruthy()
    // A quote with its own marks gets no second pair.
    expect(second?.textContent).toContain('#6 “Already quoted” — https://example.org/gone')
    expect(within(second!).getByText('no source in the project has this URL or title')).toBeTruthy()
    await waitFor(() => expect(useWorkbench.getState().annotations.map((annotation) => annotation.id)).toEqual(['h1']))
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy()
  })

  it('opens from the Export dialog’s footer, and Escape gives the focus back to what opened the Export dialog', async () => {
    const api = { previewExport: async () => ({ ok: false, error: { code: 'failed', message: 'not needed here' } }) } as unknown as Api
    useWorkbench.setState({ api, exportDialog: null })
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
    fireEvent.click(await screen.findByRole('button', { name: 'Import annotations…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import annotations' })
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Annotation file')))
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('refuses a file over 20 MB before reading or sending it', async () => {
    const { api, calls } = fakeApi({})
    useWorkbench.setState({ api, exportDialog: 'import-annotations' })
    render(<ExportDialogs />)
    const big = new File(['{}'], 'everything.json', { type: 'application/json' })
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 })
    const read = vi.spyOn(big, 'text')
    pick(big)
    expect((await screen.findByRole('alert')).textContent).toBe('“everything.json” is 21 MB; Sourcebench reads annotation files up to 20 MB.')
    expect(read).not.toHaveBeenCalled()
    expect(calls).toEqual([])
    expect(screen.queryByTestId('import-report')).toBeNull()
  })

  it('shows the engine’s reason when the file is not annotations, and stays open', async () => {
    const api = { importAnnotations: async () => ({ ok: false, error: { code: 'invalid-input', message: 'import: this is not Web Annotation or Hypothesis JSON' } }) } as unknown as Api
    useWorkbench.setState({ api, exportDialog: 'import-annotations' })
    render(<ExportDialogs />)
    pick(new File(['[1, 2]'], 'numbers.json'))
    expect((await screen.findByRole('alert')).textContent).toBe('This is not Web Annotation or Hypothesis JSON')
    expect(screen.getByRole('dialog', { name: 'Import annotations' })).toBeTruthy()
  })
})
