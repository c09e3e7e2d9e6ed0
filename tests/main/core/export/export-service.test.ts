import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { STALE_TEMP_MS, TEMP_EXPORT_PREFIX, TempFile } from '../../../../src/main/core/export/bundle/temp-file'
import { discardExport, exportBytes, saveExport } from '../../../../src/main/core/export/export-service'
import { seedsProjectWithClaims } from '../../../helpers/export-fixture'
import { useTempDirs } from '../../../helpers/temp-dir'

const tempDir = useTempDirs()
const BUNDLE = { format: 'bundle', sources: 'cited', includeOriginals: true } as const

/** The system's temporary folder, pointed at a folder of this test's own: what an export leaves there shows. */
let systemTemp = ''
const savedTmpdir = process.env.TMPDIR
beforeEach(async () => {
  systemTemp = await tempDir()
  process.env.TMPDIR = systemTemp
})
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmpdir
})

/** Linux's shared-memory folder is another file system than the temporary folder: a rename there fails with EXDEV. */
const SHM_IS_ANOTHER_DISK = ((): boolean => {
  try {
    return statSync('/dev/shm').isDirectory() && statSync('/dev/shm').dev !== statSync(tmpdir()).dev
  } catch {
    return false
  }
})()

const leftInTemp = async (): Promise<string[]> => (await readdir(systemTemp)).filter((name) => name.startsWith('sourcebench-export-'))

async function manifestPaths(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const manifest = JSON.parse((await zip.file('sourcebench-bundle.json')?.async('string')) ?? '{}') as { files?: Array<{ path: string }> }
  return (manifest.files ?? []).map((file) => file.path)
}

describe('export-service', () => {
  it('previews a bundle from the library without packing one: same counts and sizes, an estimate of the file, nothing written', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const zlibClass = zlib as unknown as { DeflateRaw: new (options?: zlib.ZlibOptions) => Transform }
    const { DeflateRaw } = zlibClass
    let deflates = 0
    zlibClass.DeflateRaw = class extends DeflateRaw {
      constructor(options?: zlib.ZlibOptions) {
        super(options)
        deflates++
      }
    }
    let preview
    try {
      preview = await fixture.api.previewExport(BUNDLE)
    } finally {
      zlibClass.DeflateRaw = DeflateRaw
    }
    expect(deflates).toBe(0)
    expect(await leftInTemp()).toEqual([])
    // Other formats still preview the start of the file itself.
    expect((await fixture.api.previewExport({ format: 'markdown', sources: 'cited', includeOriginals: false })).text).toMatch(/^# Notes: Sample project/)

    const file = await fixture.workbench.exportFile(BUNDLE)
    expect(preview).toMatchObject({ format: 'bundle', fileName: file.fileName, mime: 'application/zip', text: null, summary: file.summary })
    // The lines naming what goes in (texts and originals with their sizes) are the ones the written bundle reports.
    expect(preview.contents.slice(0, 5)).toEqual(file.contents.slice(0, 5))
    expect(preview.contents[4]).toMatch(/^originals\/ — 5 files, /)
    expect(preview.contents).toContainEqual(expect.stringMatching(/^About \d+(\.\d)? KB once compressed: an estimate/))
    const real = exportBytes(file.data)
    expect(preview.bytes).toBeGreaterThan(real / 2)
    expect(preview.bytes).toBeLessThan(real * 2)
    await discardExport(file.data)
    await fixture.workbench.shutdown()
  }, 60_000)

  it('writes a bundle to a private temporary folder that saving moves into place, leaving nothing behind', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const file = await fixture.workbench.exportFile(BUNDLE)
    if (!(file.data instanceof TempFile)) throw new Error('a bundle is written to a temporary file')
    const [folder] = await leftInTemp()
    expect(folder).toMatch(/^sourcebench-export-/)
    expect((await stat(join(systemTemp, folder ?? ''))).mode & 0o077).toBe(0)
    expect(file.data.bytes).toBe((await stat(file.data.path)).size)

    const target = join(await tempDir(), 'for-the-editor.sourcebench')
    await writeFile(target, 'an older bundle the user chose to replace')
    await saveExport(file.data, target)
    expect(await manifestPaths(await readFile(target))).toContain('library.json')
    expect(await leftInTemp()).toEqual([])

    const dropped = await fixture.workbench.exportFile(BUNDLE)
    await discardExport(dropped.data)
    expect(await leftInTemp()).toEqual([])

    // Read through as a stream (fs.writeFile takes it so), it is gone afterwards too.
    const streamed = await fixture.workbench.exportFile(BUNDLE)
    const copy = join(await tempDir(), 'copy.sourcebench')
    await writeFile(copy, streamed.data)
    expect((await stat(copy)).size).toBe(exportBytes(streamed.data))
    expect(await leftInTemp()).toEqual([])
    await fixture.workbench.shutdown()
  }, 60_000)

  it.skipIf(!SHM_IS_ANOTHER_DISK)('copies a bundle to another file system beside its target first, then renames it over', async () => {
    const shm = '/dev/shm'
    const fixture = await seedsProjectWithClaims(await tempDir())
    const file = await fixture.workbench.exportFile(BUNDLE)
    const target = join(shm, `sourcebench-test-${process.pid}-${Date.now()}.sourcebench`)
    try {
      await saveExport(file.data, target)
      expect(await manifestPaths(await readFile(target))).toContain('notes.json')
      expect((await readdir(shm)).filter((name) => name.startsWith(`${target.slice(shm.length + 1)}.tmp-`))).toEqual([])
      expect(await leftInTemp()).toEqual([])
    } finally {
      await discardExport(file.data)
      await rm(target, { force: true })
    }
    await fixture.workbench.shutdown()
  }, 60_000)
})

describe('TempFile.sweepStale', () => {
  const tempDirs = useTempDirs()

  it('removes export folders older than a day that no export of this process holds, and nothing else', async () => {
    const root = await tempDirs()
    const old = join(root, `${TEMP_EXPORT_PREFIX}old`)
    const fresh = join(root, `${TEMP_EXPORT_PREFIX}fresh`)
    const other = join(root, 'someone-else')
    for (const dir of [old, fresh, other]) await mkdir(dir)
    const dayAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000)
    await utimes(old, dayAgo, dayAgo)
    await utimes(other, dayAgo, dayAgo)
    await TempFile.sweepStale(Date.now(), root)
    expect((await readdir(root)).sort()).toEqual(['someone-else', `${TEMP_EXPORT_PREFIX}fresh`])
  })
})
