import { createHash, randomUUID } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import JSZip from 'jszip'
import { openPromise } from 'yauzl'
import { afterEach, describe, expect, it } from 'vitest'
import { writeBundle } from '../../../../../src/main/core/export/bundle/write-bundle'
import { ProjectRegistry, unlockDataFolder } from '../../../../../src/main/core/projects/project-registry'
import { libraryDataSchema, notesDataSchema, type ProjectStore } from '../../../../../src/main/core/store/project-store'
import { PackAppender, TextPacks } from '../../../../../src/main/core/store/text-packs'
import { Workbench } from '../../../../../src/main/core/workbench'
import { EXPORT_DATE, SEED_FILES, SEEDS_DIR, seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const tempDir = useTempDirs()

function sha256(bytes: Uint8Array | string): string {
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

async function readBack(path: string): Promise<{ zip: JSZip; manifest: Manifest; bytes: (path: string) => Promise<Uint8Array> }> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const bytes = async (entry: string): Promise<Uint8Array> => {
    const file = zip.file(entry)
    if (file === null) throw new Error(`no ${entry} in the bundle`)
    return file.async('uint8array')
  }
  const manifest = JSON.parse(new TextDecoder().decode(await bytes('sourcebench-bundle.json'))) as Manifest
  return { zip, manifest, bytes }
}

/** Writes the bundle into a temp folder and gives its path. */
async function bundleOf(store: ProjectStore, entry: Workbench['project']['entry'], includeOriginals: boolean): Promise<{ path: string; contents: string[]; bytes: number }> {
  const path = join(await tempDir(), 'project.sourcebench')
  const written = await writeBundle({ store, entry, exportedAt: EXPORT_DATE, appVersion: '1.2.3', includeOriginals }, path)
  return { path, ...written }
}

/**
 * Counts the deflates yazl runs (zlib streams, and one-shot deflates of a whole buffer):
 * the old writer started one per entry at once, 20,000 of them, gigabytes of zlib state.
 */
const zlibClasses = zlib as unknown as { DeflateRaw: new (options?: zlib.ZlibOptions) => Transform; deflateRaw: typeof zlib.deflateRaw }
const original = { DeflateRaw: zlibClasses.DeflateRaw, deflateRaw: zlibClasses.deflateRaw }
afterEach(() => Object.assign(zlibClasses, original))

function countDeflates(): { started: () => number; mostAtOnce: () => number } {
  let started = 0
  let running = 0
  let mostAtOnce = 0
  const begin = (): void => {
    started++
    mostAtOnce = Math.max(mostAtOnce, ++running)
  }
  zlibClasses.DeflateRaw = class extends original.DeflateRaw {
    constructor(options?: zlib.ZlibOptions) {
      super(options)
      begin()
      this.once('end', () => running--)
    }
  }
  zlibClasses.deflateRaw = ((buffer: zlib.InputType, options: zlib.ZlibOptions, callback: zlib.CompressCallback) => {
    begin()
    return original.deflateRaw(buffer, options, (error, result) => {
      running--
      callback(error, result)
    })
  }) as typeof zlib.deflateRaw
  return { started: () => started, mostAtOnce: () => mostAtOnce }
}

describe('write-bundle', () => {
  it('packs the library and notes as stored, every text, and a manifest listing each with its size and checksum', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const { path, contents, bytes: written } = await bundleOf(store, entry, false)

    const { zip, manifest, bytes } = await readBack(path)
    expect(written).toBe((await readFile(path)).byteLength)
    expect(manifest).toMatchObject({
      format: 'sourcebench-bundle',
      version: 1,
      appVersion: '1.2.3',
      project: { id: entry.id, name: entry.name, createdAt: entry.createdAt },
      exportedAt: EXPORT_DATE.toISOString(),
      counts: { sources: 5, annotations: 5, claims: 2, texts: 5, originals: 0 }
    })
    const inZip = Object.keys(zip.files).filter((file) => file !== 'sourcebench-bundle.json')
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
    expect(inZip.some((file) => file.startsWith('originals/'))).toBe(false)

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
    // As if it were a PDF: compressed already, so stored as it is rather than deflated again.
    const asPdf = store.library.data.sources.find((source) => source.relativePath === SEED_FILES.anadolu)
    if (asPdf !== undefined) asPdf.format = 'pdf'
    const { path, contents } = await bundleOf(store, entry, true)

    const { manifest, bytes } = await readBack(path)
    expect(manifest.counts.originals).toBe(4)
    const originals = manifest.files.filter((file) => file.path.startsWith('originals/'))
    expect(originals.map((file) => file.path).sort()).toEqual(
      store.library.data.sources
        .filter((source) => source.relativePath !== SEED_FILES.tass)
        .map((source) => `originals/${root?.id}/${source.relativePath}`)
        .sort()
    )
    for (const file of originals) expect(await bytes(file.path)).toEqual(new Uint8Array(await readFile(join(SEEDS_DIR, file.path.split('/').slice(2).join('/')))))
    const zip = await openPromise(path, { lazyEntries: true })
    const methods = new Map<string, number>()
    for await (const zipped of zip.eachEntry()) methods.set(zipped.fileName, zipped.compressionMethod)
    zip.close()
    expect(methods.get(`originals/${root?.id}/${SEED_FILES.anadolu}`)).toBe(0)
    expect(methods.get(`originals/${root?.id}/${SEED_FILES.joongang}`)).toBe(8)
    expect(contents.find((line) => line.startsWith('originals/'))).toMatch(/^originals\/ — 4 files, \d+(\.\d)? KB$/)
    expect(contents).toContain(`not packed: seeds/${SEED_FILES.tass} (the file is not in its folder)`)
    await workbench.shutdown()
  }, 60_000)

  it.skipIf(process.platform !== 'linux')('never packs a file swapped for a link out of its folder, nor waits on a pipe put in its place', async () => {
    const seeds = join(await tempDir(), 'seeds')
    await cp(SEEDS_DIR, seeds, { recursive: true })
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: seeds, now: () => EXPORT_DATE })
    await workbench.boot()
    const secret = join(await tempDir(), 'id_rsa')
    await writeFile(secret, 'PRIVATE KEY')
    await rm(join(seeds, SEED_FILES.tass))
    await symlink(secret, join(seeds, SEED_FILES.tass))
    await rm(join(seeds, SEED_FILES.anadolu))
    execFileSync('mkfifo', [join(seeds, SEED_FILES.anadolu)])
    const { store, entry } = workbench.project
    const { path, contents } = await bundleOf(store, entry, true)

    const { manifest, bytes } = await readBack(path)
    expect(manifest.counts.originals).toBe(3)
    for (const file of manifest.files) expect(new TextDecoder().decode(await bytes(file.path))).not.toContain('PRIVATE KEY')
    expect(contents).toContain(`not packed: seeds/${SEED_FILES.tass} (it leads out of its imported folder)`)
    expect(contents.some((line) => line.startsWith(`not packed: seeds/${SEED_FILES.anadolu} (`))).toBe(true)
    await workbench.shutdown()
  }, 60_000)

  it('writes the same bytes for the same project and date, so a bundle can be compared or checksummed', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const first = await bundleOf(store, entry, true)
    const second = await bundleOf(store, entry, true)
    expect(sha256(await readFile(first.path))).toBe(sha256(await readFile(second.path)))
    await fixture.workbench.shutdown()
  }, 60_000)

  it('fails with the reason, not a hang, when the bundle file cannot be written', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const input = { store, entry, exportedAt: EXPORT_DATE, appVersion: '1.2.3', includeOriginals: true }
    await expect(writeBundle(input, join(await tempDir(), 'no-such-folder', 'project.sourcebench'))).rejects.toThrow(/ENOENT/)
    await fixture.workbench.shutdown()
  }, 60_000)

  it('names a stored text damaged on disk as not packed, and the bundle still opens', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const { store, entry } = fixture.workbench.project
    const damaged = fixture.source(SEED_FILES.joongang).contentHash
    await writeFile(join(store.dir, 'texts', `${damaged}.txt`), 'not the words that were imported')
    const { path, contents } = await bundleOf(store, entry, false)

    expect(contents).toContainEqual(expect.stringMatching(new RegExp(`^not packed: text ${damaged.slice(0, 12)}… \\(store: the stored text .* was damaged`)))
    expect(contents.find((line) => line.startsWith('texts/'))).toMatch(/^texts\/ — 4 texts, /)
    await fixture.workbench.shutdown()
    const elsewhere = await otherComputer(await tempDir())
    const { report } = await elsewhere.openBundle(path)
    expect(report).toMatchObject({ sources: 5, texts: 4, warnings: expect.arrayContaining([expect.stringContaining('1 of its sources came without their text')]) as string[] })
    await elsewhere.shutdown()
  }, 60_000)

  it('packs a text an import left in a pack, as it packs one with a file of its own', async () => {
    const dataDir = await tempDir()
    const fixture = await seedsProjectWithClaims(dataDir)
    const hash = fixture.source(SEED_FILES.joongang).contentHash
    const textsDir = join(fixture.workbench.project.store.dir, 'texts')
    const text = await readFile(join(textsDir, `${hash}.txt`))
    await fixture.workbench.shutdown()
    // As an import's extraction thread leaves it: in a pack its index names, with no file of its own.
    const packs = new TextPacks(textsDir)
    const appender = new PackAppender(packs.dir)
    packs.adopt(hash, appender.append(hash, text))
    appender.close()
    await packs.sync()
    await rm(join(textsDir, `${hash}.txt`))

    const workbench = new Workbench({ dataDir, seedsDir: SEEDS_DIR, now: () => EXPORT_DATE })
    await workbench.boot()
    const { store, entry } = workbench.project
    expect(store.isPacked(hash)).toBe(true)
    const { path, contents } = await bundleOf(store, entry, false)
    expect(contents.filter((line) => line.startsWith('not packed'))).toEqual([])
    const { manifest, bytes } = await readBack(path)
    expect(manifest.counts.texts).toBe(5)
    const packed = manifest.files.find((file) => file.path.startsWith(`texts/${hash}`))
    expect(Buffer.from(await bytes(packed?.path ?? 'missing'))).toEqual(text)
    await workbench.shutdown()
  }, 60_000)

  it('packs 3,000 small texts with one deflate at a time, into a bundle that opens with every text checked', async () => {
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: SEEDS_DIR, now: () => EXPORT_DATE })
    await workbench.boot()
    const { store, entry } = workbench.project
    const [template] = store.library.data.sources
    if (template === undefined) throw new Error('no seed source')
    for (let index = 0; index < 3000; index++) {
      const text = `Dispatch ${index}: the minister said the talks would resume on ${1 + (index % 28)} March. `.repeat(1 + (index % 7))
      const contentHash = sha256(text)
      await writeFile(join(store.dir, 'texts', `${contentHash}.txt`), text)
      store.library.data.sources.push({ ...template, id: randomUUID(), relativePath: `wires/${index}.txt`, title: `Dispatch ${index}`, contentHash })
    }
    const deflates = countDeflates()
    const { path, contents } = await bundleOf(store, entry, false)

    expect(deflates.mostAtOnce()).toBe(1)
    // library.json, notes.json, 3,005 texts and the manifest: each deflated, one after the other.
    expect(deflates.started()).toBe(3008)
    expect(contents).toContainEqual(expect.stringMatching(/^texts\/ — 3,005 texts, /))
    await workbench.shutdown()

    // Opening checks each entry against its size and checksum in the manifest, and each text against its name.
    const elsewhere = await otherComputer(await tempDir())
    const { report } = await elsewhere.openBundle(path)
    expect(report).toMatchObject({ sources: 3005, texts: 3005 })
    const opened = elsewhere.project.store
    const sample = opened.library.data.sources.find((source) => source.relativePath === 'wires/2999.txt')
    expect(await opened.readText(sample?.contentHash ?? '')).toMatch(/^Dispatch 2999: the minister said/)
    await elsewhere.shutdown()
  }, 120_000)
})

/** Another computer's data folder, its open project not the one bundled. */
async function otherComputer(dataDir: string): Promise<Workbench> {
  const registry = await ProjectRegistry.open(dataDir)
  await registry.create('Desk', EXPORT_DATE)
  await unlockDataFolder(dataDir)
  const workbench = new Workbench({ dataDir, seedsDir: null, now: () => EXPORT_DATE })
  await workbench.boot()
  return workbench
}
