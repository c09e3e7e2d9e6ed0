import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOcrLayout, ocrCacheDir, readOcrResult, writeOcrResult, type OcrResult } from '../../../../../src/main/core/library/ocr/ocr-cache'
import { sha256 } from '../../../../../src/main/core/store/content-hash'
import { useTempDirs } from '../../../../helpers/temp-dir'

const FILE_HASH = 'a'.repeat(64)

function result(text: string, languages = ['eng']): OcrResult {
  return {
    text,
    pageStarts: [0],
    summary: { confidence: 91, lowConfidencePages: [], languages, recognised: true, pages: 1 },
    layout: { pages: [{ width: 2550, height: 3300, confidence: 91, words: [[0, text.indexOf(' '), 0.1, 0.1, 0.2, 0.12, 91]] }] }
  }
}

describe('ocr-cache', () => {
  const tempDir = useTempDirs()

  it('keeps a result under the project by file hash and finds it again for the same languages only', async () => {
    const cacheDir = ocrCacheDir(await tempDir())
    await writeOcrResult(cacheDir, FILE_HASH, ['eng'], result('Officials declined'))
    expect(await readdir(cacheDir)).toEqual([`${FILE_HASH}.json`])
    expect(await readOcrResult(cacheDir, FILE_HASH, ['eng'])).toEqual(result('Officials declined'))
    expect(await readOcrResult(cacheDir, FILE_HASH, ['eng', 'chi_sim'])).toBeNull()
    expect(await readOcrResult(cacheDir, 'b'.repeat(64), ['eng'])).toBeNull()
  })

  it('keeps one result per language set, and gives the original view the layout of the text a source holds', async () => {
    const cacheDir = ocrCacheDir(await tempDir())
    await writeOcrResult(cacheDir, FILE_HASH, ['eng'], result('English reading'))
    await writeOcrResult(cacheDir, FILE_HASH, ['eng', 'chi_sim'], result('Mixed reading', ['eng', 'chi_sim']))
    expect((await readOcrResult(cacheDir, FILE_HASH, ['eng']))?.text).toBe('English reading')
    expect(await loadOcrLayout(cacheDir, FILE_HASH, sha256('English reading'))).toEqual(result('English reading').layout)
    expect(await loadOcrLayout(cacheDir, FILE_HASH)).toEqual(result('Mixed reading').layout)
    expect(await loadOcrLayout(cacheDir, FILE_HASH, sha256('some other text'))).toBeNull()
  })

  it('ignores a damaged or tampered file, so the scan is simply recognised again', async () => {
    const cacheDir = ocrCacheDir(await tempDir())
    await writeOcrResult(cacheDir, FILE_HASH, ['eng'], result('Officials declined'))
    const path = join(cacheDir, `${FILE_HASH}.json`)
    const stored = JSON.parse(await readFile(path, 'utf-8')) as { results: Array<{ text: string }> }
    stored.results[0]!.text = 'Officials agreed!'
    await writeFile(path, JSON.stringify(stored))
    expect(await readOcrResult(cacheDir, FILE_HASH, ['eng'])).toBeNull()
    await writeFile(path, '{"version": 1, "fileHash": "not')
    expect(await readOcrResult(cacheDir, FILE_HASH, ['eng'])).toBeNull()
    expect(await loadOcrLayout(cacheDir, FILE_HASH)).toBeNull()
    expect(await loadOcrLayout(cacheDir, '../../etc/passwd')).toBeNull()
  })
})
