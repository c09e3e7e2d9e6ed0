import { createHash } from 'node:crypto'
import { cp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { writeBundle } from '../../../../../src/main/core/export/bundle/write-bundle'
import { libraryDataSchema, notesDataSchema } from '../../../../../src/main/core/store/project-store'
import { Workbench } from '../../../../../src/main/core/workbench'
import { EXPORT_DATE, SEED_FILES, SEEDS_DIR, seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const tempDir = useTempDirs()

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

interface Manifest {
  format: string
  version: number
  appVersion: string
  project: { id: string; name: string; createdAt: string }
  exportedAt: string
  counts: Record<string, number>
  files: Array<{ path: string; size: number; sha256: string }>
}

async function readBack(data: Uint8Array): Promise<{ zip: JSZip; manifest: Manifest; bytes: (path: string) => Promise<Uint8Array> }> {
  const zip = await JSZip.loadAsync(data)
  const bytes = async (path: string): Promise<Uint8Array> => {
    const file = zip.file(path)
    if (file === null) throw new Error(`no ${path} in the bundle`)
    return file.async('uint8array')
  }
  const manifest = JSON.parse(new TextDecoder().decode(await bytes('sourcebench-bundle.json'))) as Manifest
  return { zip, manifest, bytes }
}

/** The name of the zip's first entry, from its first local file header. */
function firstEntryName(data: Uint8Array): string {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  return view.subarray(30, 30 + view.readUInt16LE(26)).toString('utf-8')
}

describe('write-bundle', () => {
  it('packs the manifest first, the library and notes as stored, and every text, each listed with its size and checksum', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const { data, contents } = await writeBundle({ store, entry, exportedAt: EXPORT_DATE, appVersion: '1.2.3', includeOriginals: false })

    expect(firstEntryName(data)).toBe('sourcebench-bundle.json')
    const { zip, manifest, bytes } = await readBack(data)
    expect(manifest).toMatchObject({
      format: 'sourcebench-bundle',
      version: 1,
      appVersion: '1.2.3',
      project: { id: entry.id, name: entry.name, createdAt: entry.createdAt },
      exportedAt: EXPORT_DATE.toISOString(),
      counts: { sources: 5, annotations: 5, claims: 2, texts: 5, originals: 0 }
    })
    const inZip = Object.keys(zip.files).filter((path) => path !== 'sourcebench-bundle.json')
    expect(manifest.files.map((file) => file.path).sort()).toEqual(inZip.sort())
    for (const file of manifest.files) {
      const packed = await bytes(file.path)
      expect(packed.byteLength, file.path).toBe(file.size)
      expect(sha256(packed), file.path).toBe(file.sha256)
    }

    const library = libraryDataSchema.parse(JSON.parse(new TextDecoder().decode(await bytes('library.json'))))
    const notes = notesDataSchema.parse(JSON.parse(new TextDecoder().decode(await bytes('notes.json'))))
    expect(library).toEqual(store.library.data)
    expect(notes).toEqual(store.notes.data)
    const texts = manifest.files.filter((file) => file.path.startsWith('texts/'))
    expect(texts.map((file) => file.path.slice(6, 70)).sort()).toEqual([...new Set(store.library.data.sources.map((source) => source.contentHash))].sort())
    for (const file of texts) expect(sha256(await bytes(file.path))).toBe(file.path.slice(6, 70))
    expect(inZip.some((path) => path.startsWith('originals/'))).toBe(false)

    expect(contents).toContain('library.json — 5 sources in 1 folder')
    expect(contents).toContain('notes.json — 5 highlights, 2 claims')
    expect(contents.find((line) => line.startsWith('texts/'))).toMatch(/^texts\/ — 5 texts, \d+(\.\d)? KB$/)
    expect(contents.some((line) => line.startsWith('originals/'))).toBe(false)
    await fixture.workbench.shutdown()
  }, 60_000)

  it('packs the original files byte for byte when asked, and names the ones no longer on disk instead of failing', async () => {
    const seeds = join(await tempDir(), 'seeds')
    await cp(SEEDS_DIR, seeds, { recursive: true })
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: seeds, now: () => EXPORT_DATE })
    await workbench.boot()
    await rm(join(seeds, SEED_FILES.tass))
    const { store, entry } = workbench.project
    const [root] = store.library.data.roots
    const { data, contents } = await writeBundle({ store, entry, exportedAt: EXPORT_DATE, appVersion: '1.2.3', includeOriginals: true })

    const { manifest, bytes } = await readBack(data)
    expect(manifest.counts.originals).toBe(4)
    const originals = manifest.files.filter((file) => file.path.startsWith('originals/'))
    expect(originals.map((file) => file.path).sort()).toEqual(
      store.library.data.sources
        .filter((source) => source.relativePath !== SEED_FILES.tass)
        .map((source) => `originals/${root?.id}/${source.relativePath}`)
        .sort()
    )
    for (const file of originals) expect(await bytes(file.path)).toEqual(new Uint8Array(await readFile(join(SEEDS_DIR, file.path.split('/').slice(2).join('/')))))
    expect(contents.find((line) => line.startsWith('originals/'))).toMatch(/^originals\/ — 4 files, \d+(\.\d)? KB$/)
    expect(contents).toContain(`not packed: seeds/${SEED_FILES.tass} (the file is not in its folder)`)
    await workbench.shutdown()
  }, 60_000)

  it('writes the same bytes for the same project and date, so a bundle can be compared or checksummed', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const input = { store, entry, exportedAt: EXPORT_DATE, appVersion: '1.2.3', includeOriginals: true }
    expect(sha256((await writeBundle(input)).data)).toBe(sha256((await writeBundle(input)).data))
    await fixture.workbench.shutdown()
  }, 60_000)
})
