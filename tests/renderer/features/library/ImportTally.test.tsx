import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ImportTally } from '../../../../src/renderer/src/features/library/ImportTally'
import type { ImportReport } from '../../../../src/shared/domain/source'

function report(overrides: Partial<ImportReport>): ImportReport {
  return { rootId: 'r1', rootPath: '/home/ann/leak', added: 0, updated: 0, unchanged: 0, missing: 0, errors: [], warnings: [], cancelled: false, seconds: 0.1, ...overrides }
}

describe('ImportTally', () => {
  afterEach(cleanup)

  it('shows the four counts, which add up to the files of the folder', () => {
    render(
      <ImportTally
        report={report({
          added: 3,
          updated: 1,
          unchanged: 5,
          errors: [{ relativePath: 'a.pdf', reason: 'damaged PDF' }, { relativePath: 'locked', reason: 'cannot read folder (EACCES)', folder: true }],
          skipped: [{ extension: '.jpg', count: 2 }]
        })}
      />
    )
    const tally = screen.getByTestId('import-tally')
    expect(tally.textContent).toContain('12 files:')
    expect(tally.querySelector('[data-count="imported"]')?.textContent).toBe('4 imported')
    expect(tally.querySelector('[data-count="unchanged"]')?.textContent).toBe('5 unchanged')
    expect(tally.querySelector('[data-count="refused"]')?.textContent).toBe('1 not read')
    expect(tally.querySelector('[data-count="skipped"]')?.textContent).toContain('2 skipped')
  })

  it('opens the skipped files into a list by type', () => {
    render(<ImportTally report={report({ skipped: [{ extension: '.jpg', count: 12 }, { extension: 'hidden', count: 2 }], hiddenFolders: 1 })} />)
    expect(screen.queryByRole('list', { name: 'Skipped files by type' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /14 skipped/ }))
    const items = screen.getAllByRole('listitem').map((item) => item.textContent)
    expect(items).toEqual(['.jpg 12', 'hidden files 2', '1 hidden folder not opened'])
  })

  it('shows nothing for a report that met no file, or for an import that was stopped', () => {
    const { container } = render(<ImportTally report={report({})} />)
    expect(container.textContent).toBe('')
    cleanup()
    const stopped = render(<ImportTally report={report({ added: 3, cancelled: true })} />)
    expect(stopped.container.textContent).toBe('')
  })
})
