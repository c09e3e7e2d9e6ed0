import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { describeImport } from '../../../src/renderer/src/app/import-summary'
import { MAX_NOTICES, readableMessage } from '../../../src/renderer/src/app/notices-slice'
import { useWorkbench } from '../../../src/renderer/src/app/workbench-store'
import type { ImportReport } from '../../../src/shared/domain/source'

function report(overrides: Partial<ImportReport>): ImportReport {
  return { rootId: 'r', rootPath: '/home/ann/leak', added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: false, seconds: 1.25, ...overrides }
}

describe('notices-slice', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    useWorkbench.setState({ notices: [] })
  })
  afterEach(() => vi.useRealTimers())

  it('lets success fade, keeps warnings longer, and keeps errors until dismissed', () => {
    const { notify } = useWorkbench.getState()
    notify('success', 'Saved.')
    notify('warning', 'library: three files could not be read')
    const error = notify('error', 'store: the stored text was damaged')
    vi.advanceTimersByTime(7000)
    expect(useWorkbench.getState().notices.map((notice) => notice.kind)).toEqual(['warning', 'error'])
    vi.advanceTimersByTime(20000)
    expect(useWorkbench.getState().notices.map((notice) => notice.text)).toEqual(['The stored text was damaged'])
    useWorkbench.getState().dismissNotice(error)
    expect(useWorkbench.getState().notices).toEqual([])
  })

  it('never stacks more than a few, and drops the module prefix engine messages start with', () => {
    for (let index = 0; index < 6; index++) useWorkbench.getState().notify('error', `library: problem ${index}`)
    expect(useWorkbench.getState().notices).toHaveLength(MAX_NOTICES)
    expect(useWorkbench.getState().notices.at(-1)?.text).toBe('Problem 5')
    expect(readableMessage('projects: annotations: no claim c1')).toBe('No claim c1')
    expect(readableMessage('The folder is fine')).toBe('The folder is fine')
  })
})

describe('import-summary', () => {
  it('calls an import with every file read a success, counting every file and naming the types skipped', () => {
    const summary = describeImport(report({ added: 5, unchanged: 2, skipped: [{ extension: '.jpg', count: 12 }, { extension: 'hidden', count: 1 }] }))
    expect(summary).toEqual({
      kind: 'success',
      text: 'Imported “leak” (20 files): 5 new, 2 unchanged; 13 skipped (12 .jpg and 1 hidden) (1.3 s).'
    })
  })

  it('gives the reason when a folder held nothing it could import', () => {
    const summary = describeImport(report({ skipped: [{ extension: '.jpg', count: 3 }], hiddenFolders: 1 }))
    expect(summary).toEqual({ kind: 'error', text: 'Nothing imported from “leak” (3 files); 3 skipped (3 .jpg); 1 hidden folder not opened.' })
  })

  it('calls a mostly successful import a warning, and only one that read nothing an error', () => {
    const some = describeImport(report({ added: 40, errors: [{ relativePath: 'a.pdf', reason: 'damaged PDF' }] }))
    expect(some.kind).toBe('warning')
    expect(some.text).toContain('(41 files): 40 new; 1 could not be read (listed under the import box)')
    expect(describeImport(report({ errors: [{ relativePath: 'a.pdf', reason: 'damaged PDF' }] })).kind).toBe('error')
    expect(describeImport(report({ added: 3, cancelled: true })).text).toBe('Import of “leak” stopped: 3 new kept.')
  })
})

describe('history-slice', () => {
  it('offers Undo after a delete only while that delete is the last change', async () => {
    const undo = vi.fn(async () => undefined)
    useWorkbench.setState({ notices: [], undo, history: { undo: 'Delete claim', redo: null } })
    await useWorkbench.getState().undoable('Deleted the claim.', 'Delete claim', async () => true)
    const notice = useWorkbench.getState().notices[0]!
    notice.action?.run()
    expect(undo).toHaveBeenCalledOnce()
    useWorkbench.setState({ history: { undo: 'New claim', redo: null } })
    notice.action?.run()
    expect(undo).toHaveBeenCalledOnce()
    expect(useWorkbench.getState().notices.at(-1)?.text).toContain('is no longer the last change')
  })
})
