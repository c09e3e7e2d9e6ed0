import { existsSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { GlobalFonts } from '@napi-rs/canvas'
import { afterEach, describe, expect, it } from 'vitest'
import { Workbench } from '../../../../../src/main/core/workbench'
import { makeScannedPdf } from '../../../../helpers/scanned-pdf'
import { useTempDirs } from '../../../../helpers/temp-dir'

const workerScript = {
  path: resolve(__dirname, '../../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../../src/main/core/library/extract-worker.ts') }
}

/** Debian's tesseract-ocr-chi-sim puts the model here. */
function chineseModelFolder(): string | null {
  const base = '/usr/share/tesseract-ocr'
  const versions = existsSync(base) ? readdirSync(base) : []
  const found = versions.map((version) => join(base, version, 'tessdata')).find((folder) => existsSync(join(folder, 'chi_sim.traineddata')))
  return found ?? null
}

/** A font that can draw the test's Chinese page (Debian: fonts-wqy-microhei or fonts-noto-cjk). */
const chineseFont = GlobalFonts.families.map((family) => family.family).find((family) => /WenQuanYi|Noto (Sans|Serif) CJK|Source Han|Droid Sans Fallback/i.test(family))
const folder = chineseModelFolder()
const ready = folder !== null && chineseFont !== undefined
if (!ready) {
  console.log(
    `ocr-chinese: skipped: needs ${folder === null ? 'Chinese traineddata (apt-get install tesseract-ocr-chi-sim)' : ''}${folder === null && chineseFont === undefined ? ' and ' : ''}${chineseFont === undefined ? 'a CJK font (apt-get install fonts-wqy-microhei)' : ''}`
  )
}

describe('importing a Chinese scan', () => {
  const tempDir = useTempDirs()
  const open: Workbench[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((workbench) => workbench.shutdown()))
  })

  it.skipIf(!ready)('reads it with the Chinese model from the system folder once Chinese is chosen', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: null, extractWorker: workerScript, extractThreads: 1 })
    open.push(workbench)
    await workbench.boot()
    const languages = await workbench.getOcrLanguages()
    expect(languages.folder).toBe(folder)
    expect(languages.available).toContainEqual({ code: 'chi_sim', name: 'Chinese (Simplified)', from: 'folder' })
    expect(await workbench.setOcrLanguages(null, ['chi_sim'])).toMatchObject({ chosen: ['chi_sim'] })
    const scans = await tempDir()
    await writeFile(join(scans, 'statement.pdf'), await makeScannedPdf([['外交部发言人表示，双方关系可以恢复。', '首尔官员拒绝置评。']], { font: `"${chineseFont}"`, pointSize: 14, dpi: 300 }))
    expect(await workbench.importFolder(scans)).toMatchObject({ added: 1, errors: [] })
    const source = workbench.project.store.library.data.sources[0]
    expect(source?.ocr).toMatchObject({ recognised: true, languages: ['chi_sim'] })
    const { text } = await workbench.project.library.sourceText(source?.id ?? '')
    // The model Debian ships is the fast one: a character may come out wrong, most do not.
    expect(text).toContain('发言人表示')
    expect(text).toContain('拒绝置评')
  }, 120_000)
})
