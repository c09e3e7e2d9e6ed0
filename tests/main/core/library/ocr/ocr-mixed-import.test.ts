import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOcrLayout, ocrCacheDir } from '../../../../../src/main/core/library/ocr/ocr-cache'
import type { Workbench } from '../../../../../src/main/core/workbench'
import { sourceAt, useOcrWorkbenches } from './ocr-workbench'
import { makeMixedPdf } from '../../../../helpers/scanned-pdf'
import { useTempDirs } from '../../../../helpers/temp-dir'
import { makePdf } from '../extract/make-pdf'


const TYPED = ['The motion to dismiss is granted in part.', 'The remaining claims proceed to discovery.']

describe('importing partly scanned PDFs (OCR per page)', () => {
  const tempDir = useTempDirs()
  const openWorkbench = useOcrWorkbenches()
  const bench = async (): Promise<Workbench> => openWorkbench(await tempDir())

  it('finds the words of a stamped scan, keeps the typed page exact, and marks the typed page in the layout', async () => {
    const folder = await tempDir()
    const filing = await makeMixedPdf([
      { typed: TYPED },
      { scan: ['The ambassador said relations could be restored.'], stamp: 'Case 1:23-cv-01234 Document 12 Filed 03/04/23 Page 2 of 2' }
    ])
    await writeFile(join(folder, 'filing.pdf'), filing)
    await writeFile(join(folder, 'typed.pdf'), makePdf({ pages: [['Annual Report'], ['The year began with a long negotiation over trade terms.']] }))
    const workbench = await bench()
    expect(await workbench.importFolder(folder)).toMatchObject({ added: 2, errors: [] })

    const source = sourceAt(workbench, 'filing.pdf')
    expect(source.ocr).toMatchObject({ recognised: true, pages: 1, lowConfidencePages: [] })
    const { text } = await workbench.project.library.sourceText(source.id)
    expect(source.pageStarts).toHaveLength(2)
    expect(text.slice(0, source.pageStarts?.[1])).toBe(`${TYPED.join('\n')}\n\n`)
    const found = await workbench.project.search.search('ambassador')
    expect(found.results.map((hit) => hit.sourceId)).toEqual([source.id])

    const layout = await loadOcrLayout(ocrCacheDir(workbench.project.store.dir), source.fileHash ?? '', source.contentHash)
    expect(layout?.pages.map((page) => page.textLayer === true)).toEqual([true, false])
    expect(layout?.pages[1]?.words.length).toBeGreaterThan(5)
    for (const [start, end] of layout?.pages[1]?.words ?? []) {
      expect(start).toBeGreaterThanOrEqual(source.pageStarts?.[1] ?? 0)
      expect(text.slice(start, end)).toMatch(/^\S+$/)
    }

    // A typed PDF with a one-line title page is no scan.
    expect(sourceAt(workbench, 'typed.pdf').ocr).toBeNull()
  }, 60_000)
})
