import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStaticFile } from '../../src/server/static-files'
import { useTempDirs } from '../helpers/temp-dir'

describe('static-files', () => {
  const tempDir = useTempDirs()

  it('serves what the PDF view loads: the module worker as JavaScript, character maps and fonts as data', async () => {
    const root = await tempDir()
    await mkdir(join(root, 'assets'))
    await mkdir(join(root, 'pdfjs', 'cmaps'), { recursive: true })
    await mkdir(join(root, 'pdfjs', 'standard_fonts'), { recursive: true })
    await writeFile(join(root, 'assets', 'pdf.worker.min-abc.mjs'), 'export {}')
    await writeFile(join(root, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap'), 'x')
    await writeFile(join(root, 'pdfjs', 'standard_fonts', 'FoxitSerif.pfb'), 'x')
    await writeFile(join(root, 'pdfjs', 'standard_fonts', 'LiberationSans-Regular.ttf'), 'x')
    // A module worker served as anything but JavaScript does not start: every page would stay blank.
    expect((await readStaticFile(root, '/assets/pdf.worker.min-abc.mjs'))?.type).toBe('text/javascript; charset=utf-8')
    expect((await readStaticFile(root, '/pdfjs/cmaps/UniGB-UCS2-H.bcmap'))?.type).toBe('application/octet-stream')
    expect((await readStaticFile(root, '/pdfjs/standard_fonts/FoxitSerif.pfb'))?.type).toBe('application/octet-stream')
    expect((await readStaticFile(root, '/pdfjs/standard_fonts/LiberationSans-Regular.ttf'))?.type).toBe('font/ttf')
  })

  it('still refuses types the app does not ship, and paths outside its folder', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'decoder.wasm'), 'x')
    expect(await readStaticFile(root, '/decoder.wasm')).toBeNull()
    expect(await readStaticFile(root, '/../outside.mjs')).toBeNull()
  })
})
