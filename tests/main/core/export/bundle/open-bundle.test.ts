import { createHash } from 'node:crypto'
import { cp, mkdir, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ZipFile } from 'yazl'
import { unpackBundle } from '../../../../../src/main/core/export/bundle/open-bundle'
import { ProjectRegistry, unlockDataFolder } from '../../../../../src/main/core/projects/project-registry'
import { UserError } from '../../../../../src/shared/ipc/result'
import { Workbench } from '../../../../../src/main/core/workbench'
import { EXPORT_DATE, SEEDS_DIR, seedsProjectWithClaims } from '../../../../helpers/export-fixture'
import { useTempDirs } from '../../../../helpers/temp-dir'

const tempDir = useTempDirs()
const MARKDOWN = { format: 'markdown', sources: 'cited', includeOriginals: false } as const

/**
 * The export fixture on a copy of the seeds the test may delete: a first boot imports the
 * copy into the sample project, and the fixture then builds its claims on that project.
 */
async function claimsOnSeedsAt(dataDir: string, seeds: string): ReturnType<typeof seedsProjectWithClaims> {
  await cp(SEEDS_DIR, seeds, { recursive: true, preserveTimestamps: true })
  const first = new Workbench({ dataDir, seedsDir: seeds, now: () => EXPORT_DATE })
  await first.boot()
  await first.shutdown()
  return seedsProjectWithClaims(dataDir)
}

/**
 * Another computer's data folder whose open project is not the sample project, so a bundle
 * of the sample project keeps its own name there (a first boot would make an empty one).
 */
async function otherComputer(dataDir: string, options: { watchFolders?: boolean } = {}): Promise<Workbench> {
  const registry = await ProjectRegistry.open(dataDir)
  await registry.create('Desk', EXPORT_DATE)
  await unlockDataFolder(dataDir)
  const workbench = new Workbench({ dataDir, seedsDir: null, now: () => EXPORT_DATE, ...options })
  await workbench.boot()
  return workbench
}

async function markdownOf(workbench: Workbench): Promise<string> {
  const { data } = await workbench.exportFile(MARKDOWN)
  if (typeof data !== 'string') throw new Error('markdown export is not text')
  return data
}

/** Builds the fixture on a seeds copy, bundles it, and deletes the copy: the folder is not on the next computer. */
async function bundleOfMovedProject(includeOriginals: boolean): Promise<{ bundlePath: string; markdown: string; seeds: string }> {
  const seeds = join(await tempDir(), 'seeds')
  const fixture = await claimsOnSeedsAt(await tempDir(), seeds)
  const markdown = await markdownOf(fixture.workbench)
  const bundle = await fixture.workbench.exportFile({ format: 'bundle', sources: 'cited', includeOriginals })
  await fixture.workbench.shutdown()
  const bundlePath = join(await tempDir(), bundle.fileName)
  await writeFile(bundlePath, bundle.data)
  await rm(seeds, { recursive: true })
  return { bundlePath, markdown, seeds }
}

describe('open-bundle', () => {
  it('opens a bundle with its originals as a new project whose notes export byte for byte the same, the files unpacked in it', async () => {
    const { bundlePath, markdown } = await bundleOfMovedProject(true)
    const workbench = await otherComputer(await tempDir())
    const { project, report } = await workbench.openBundle(bundlePath)

    expect(project.current.name).toBe('Sample project: Putin and South Korea')
    expect(report).toMatchObject({ projectName: project.current.name, sources: 5, annotations: 5, claims: 2, texts: 5, originals: 5, foldersNotHere: [], alreadyOpenedAs: null })
    expect(await markdownOf(workbench)).toBe(markdown)

    const { store, entry } = workbench.project
    const [root] = store.library.data.roots
    expect(root).toMatchObject({ name: 'seeds', path: join(entry.dir, 'originals', root?.id ?? ''), detached: 'bundled' })
    for (const source of store.library.data.sources) {
      expect(await readFile(join(root?.path ?? '', source.relativePath))).toEqual(await readFile(join(SEEDS_DIR, source.relativePath)))
    }
    await workbench.shutdown()
  }, 60_000)

  it('opens a bundle without originals, its folder not on this computer: sources read from stored texts, folder named, never re-scanned', async () => {
    const { bundlePath, markdown, seeds } = await bundleOfMovedProject(false)
    const workbench = await otherComputer(await tempDir(), { watchFolders: true })
    const { report } = await workbench.openBundle(bundlePath)

    expect(report).toMatchObject({ sources: 5, texts: 5, originals: 0, foldersNotHere: ['seeds'], warnings: [] })
    expect(await markdownOf(workbench)).toBe(markdown)
    const { store, library, entry } = workbench.project
    expect(store.library.data.roots).toEqual([expect.objectContaining({ path: await realpathOf(seeds), detached: 'not-here' })])
    for (const source of store.library.data.sources) expect((await library.sourceText(source.id)).text.length).toBeGreaterThan(100)
    await expect(stat(join(entry.dir, 'originals'))).rejects.toThrow()

    // Neither the watcher nor "Check for changes now" touches it, so no source is marked missing.
    expect(workbench.watchedFolders()).toEqual([])
    expect(await workbench.rescan()).toMatchObject({ folders: 0, missing: 0 })
    await workbench.idle()
    expect(store.library.data.sources.filter((source) => source.missing)).toEqual([])

    // The colleague gets the folder later, at the same place, and imports it: it is followed again.
    await cp(SEEDS_DIR, seeds, { recursive: true, preserveTimestamps: true })
    expect(await workbench.importFolder(seeds)).toMatchObject({ added: 0, missing: 0 })
    expect(store.library.data.roots[0]?.detached).toBeUndefined()
    await vi.waitFor(() => expect(workbench.watchedFolders()).toContain(store.library.data.roots[0]?.path))
    await workbench.shutdown()
  }, 60_000)

  it('keeps a folder that is on this computer with its files, and opens the same bundle twice as two projects, the second named “(2)”', async () => {
    const fixture = await seedsProjectWithClaims(await tempDir())
    const bundle = await fixture.workbench.exportFile({ format: 'bundle', sources: 'cited', includeOriginals: true })
    await fixture.workbench.shutdown()
    const bundlePath = join(await tempDir(), bundle.fileName)
    await writeFile(bundlePath, bundle.data)

    const workbench = await otherComputer(await tempDir())
    const first = await workbench.openBundle(bundlePath)
    expect(first.report).toMatchObject({ projectName: 'Sample project: Putin and South Korea', originals: 0, foldersNotHere: [], alreadyOpenedAs: null })
    const firstRoots = workbench.project.store.library.data.roots
    expect(firstRoots).toEqual([expect.objectContaining({ path: await realpath(SEEDS_DIR) })])
    expect(firstRoots[0]?.detached).toBeUndefined()

    const second = await workbench.openBundle(bundlePath)
    expect(second.report).toMatchObject({ projectName: 'Sample project: Putin and South Korea (2)', alreadyOpenedAs: 'Sample project: Putin and South Korea' })
    expect(second.project.projects.map((project) => project.name)).toEqual(['Desk', 'Sample project: Putin and South Korea', 'Sample project: Putin and South Korea (2)'])
    expect(second.project.current.id).not.toBe(first.project.current.id)
    expect(workbench.project.store.notes.data.claims).toHaveLength(2)
    await workbench.openProject(first.project.current.id)
    expect(workbench.project.store.notes.data.claims).toHaveLength(2)
    await workbench.shutdown()
  }, 60_000)

  it('does not take a folder of the same name whose files differ, nor one the bundle lists no file in: both stay detached, never imported', async () => {
    const seeds = join(await tempDir(), 'seeds')
    const fixture = await claimsOnSeedsAt(await tempDir(), seeds)
    const bundle = await fixture.workbench.exportFile({ format: 'bundle', sources: 'cited', includeOriginals: false })
    await fixture.workbench.shutdown()
    const bundlePath = join(await tempDir(), bundle.fileName)
    await writeFile(bundlePath, bundle.data)
    // Same folder, same file names, other words: not the folder the sources were made from.
    for (const name of await readdir(seeds)) await writeFile(join(seeds, name), `Another story entirely, filed as ${name}.`)

    const workbench = await otherComputer(await tempDir(), { watchFolders: true })
    const opened = await workbench.openBundle(bundlePath)
    expect(opened.report.foldersNotHere).toEqual(['seeds'])
    expect(workbench.project.store.library.data.roots[0]).toMatchObject({ path: seeds, detached: 'not-here' })
    expect(workbench.watchedFolders()).toEqual([])
    // The stored texts are what the sources read, not the files now in the folder.
    const source = workbench.project.store.library.data.sources[0]!
    expect((await workbench.project.library.sourceText(source.id)).text).not.toContain('Another story entirely')
    await workbench.shutdown()
  }, 60_000)

  it('opens its own bundle when a text compresses past the zip-bomb ratio (one line repeated for megabytes)', async () => {
    const folder = join(await tempDir(), 'ledger')
    await mkdir(folder)
    await writeFile(join(folder, 'table-of-contents.txt'), `Contents\n${'Chapter one .................................... 1\n'.repeat(60_000)}`)
    const workbench = new Workbench({ dataDir: await tempDir(), seedsDir: folder, now: () => EXPORT_DATE })
    await workbench.boot()
    const bundle = await workbench.exportFile({ format: 'bundle', sources: 'cited', includeOriginals: false })
    await workbench.shutdown()
    const bundlePath = join(await tempDir(), bundle.fileName)
    await writeFile(bundlePath, bundle.data)

    const other = await otherComputer(await tempDir())
    const opened = await other.openBundle(bundlePath)
    expect(opened.report.sources).toBe(1)
    const source = other.project.store.library.data.sources[0]!
    expect((await other.project.library.sourceText(source.id)).text.length).toBeGreaterThan(2_000_000)
    await other.shutdown()
  }, 60_000)

  it('opens a bundle of a project beside that very project, never into it, and says so', async () => {
    const dataDir = await tempDir()
    const fixture = await seedsProjectWithClaims(dataDir)
    const original = fixture.workbench.project.entry
    const bundle = await fixture.workbench.exportFile({ format: 'bundle', sources: 'cited', includeOriginals: false })
    const bundlePath = join(await tempDir(), bundle.fileName)
    await writeFile(bundlePath, bundle.data)
    const { project, report } = await fixture.workbench.openBundle(bundlePath)

    expect(project.current.id).not.toBe(original.id)
    expect(report.projectName).toBe(`${original.name} (2)`)
    expect(report.warnings).toEqual([expect.stringContaining(`made from the project “${original.name}” on this computer`)])
    expect((await readdir(join(dataDir, 'projects'))).sort()).toEqual([original.id, project.current.id].sort())
    await fixture.workbench.shutdown()
  }, 60_000)
})

async function realpathOf(path: string): Promise<string> {
  // The copy is gone; its parent (the temp folder) still resolves the way the import did.
  return join(await realpath(join(path, '..')), 'seeds')
}

// Hostile and damaged bundles, built here entry by entry.

interface RawEntry {
  path: string
  data: string | Buffer
}

const TEXT = 'Seoul and Moscow signed nothing.\n'

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function sizeOf(data: string | Buffer): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
}

/** The entries of a small valid bundle: an empty library and notes, and one stored text. */
function validEntries(): RawEntry[] {
  return [
    { path: 'library.json', data: JSON.stringify({ version: 1, roots: [], sources: [], failedFiles: {} }) },
    { path: 'notes.json', data: JSON.stringify({ version: 1, annotations: [], claims: [], nameDecisions: [], savedSearches: [] }) },
    { path: `texts/${sha256(TEXT)}.txt`, data: TEXT }
  ]
}

function manifestOf(entries: RawEntry[], edit: (manifest: Record<string, unknown>) => void = () => undefined): string {
  const manifest: Record<string, unknown> = {
    format: 'sourcebench-bundle',
    version: 1,
    appVersion: '1.0.0',
    project: { id: 'p-1', name: 'Desk notes', createdAt: EXPORT_DATE.toISOString() },
    exportedAt: EXPORT_DATE.toISOString(),
    counts: { sources: 0, annotations: 0, claims: 0, texts: 1, originals: 0 },
    files: entries.map((entry) => ({ path: entry.path, size: sizeOf(entry.data), sha256: sha256(entry.data) }))
  }
  edit(manifest)
  return JSON.stringify(manifest)
}

/** A zip of the manifest (when given) and the entries; stored uncompressed unless asked, so names can be patched in place. */
function zipOf(entries: RawEntry[], manifest: string | null, compress = false): Promise<Buffer> {
  const zip = new ZipFile()
  const all = manifest === null ? entries : [{ path: 'sourcebench-bundle.json', data: manifest }, ...entries]
  for (const entry of all) zip.addBuffer(Buffer.from(entry.data), entry.path, { compress, mtime: EXPORT_DATE })
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** Every occurrence of one name replaced by another of the same length (headers, central directory, manifest). */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  const source = Buffer.from(from)
  const target = Buffer.from(to)
  expect(target.byteLength).toBe(source.byteLength)
  const copy = Buffer.from(zip)
  let found = 0
  for (let at = copy.indexOf(source); at >= 0; at = copy.indexOf(source, at + 1), found++) target.copy(copy, at)
  expect(found).toBeGreaterThan(0)
  return copy
}

/** The zip with the size its central directory declares for one entry changed (what yauzl trusts). */
function withDeclaredSize(zip: Buffer, path: string, size: number): Buffer {
  const copy = Buffer.from(zip)
  const end = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let offset = copy.readUInt32LE(end + 16)
  for (let index = 0; index < copy.readUInt16LE(end + 10); index++) {
    const nameLength = copy.readUInt16LE(offset + 28)
    if (copy.subarray(offset + 46, offset + 46 + nameLength).toString() === path) copy.writeUInt32LE(size, offset + 24)
    offset += 46 + nameLength + copy.readUInt16LE(offset + 30) + copy.readUInt16LE(offset + 32)
  }
  return copy
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort()
}

/** Opens the bytes as a bundle in a data folder with one project; returns the refusal and checks nothing was written. */
async function refusalOf(bytes: Buffer): Promise<UserError> {
  const dataDir = await tempDir()
  const registry = await ProjectRegistry.open(dataDir)
  await registry.create('Desk', EXPORT_DATE)
  const bundlePath = join(await tempDir(), 'hostile.sourcebench')
  await writeFile(bundlePath, bytes)
  const before = await listing(dataDir)
  const outside = await listing(join(bundlePath, '..'))
  const error: unknown = await unpackBundle(bundlePath, registry, EXPORT_DATE).then(
    () => null,
    (failure: unknown) => failure
  )
  expect(await listing(dataDir)).toEqual(before)
  expect(await listing(join(bundlePath, '..'))).toEqual(outside)
  expect(registry.projects.map((project) => project.name)).toEqual(['Desk'])
  await unlockDataFolder(dataDir)
  expect(error).toBeInstanceOf(UserError)
  expect((error as UserError).code).toBe('invalid-input')
  expect((error as UserError).message).toMatch(/^bundle: cannot open hostile\.sourcebench: .*\. Nothing was written\.$/)
  return error as UserError
}

describe('open-bundle refusals', () => {
  it('leaves nothing of a bundle whose opening a crash cut short, once the app starts again', async () => {
    const dataDir = await tempDir()
    const registry = await ProjectRegistry.open(dataDir)
    const prepared = await registry.prepare()
    await writeFile(join(prepared.dir, 'notes.json'), '{}')
    const reopened = await ProjectRegistry.open(dataDir)
    expect(await readdir(join(dataDir, 'projects'))).toEqual([])
    expect(reopened.projects).toEqual([])
    await unlockDataFolder(dataDir)
  })


  it('opens the unaltered test bundle, so each refusal below is for its one defect', async () => {
    const dataDir = await tempDir()
    const registry = await ProjectRegistry.open(dataDir)
    const bundlePath = join(await tempDir(), 'fine.sourcebench')
    await writeFile(bundlePath, await zipOf(validEntries(), manifestOf(validEntries())))
    const { entry, report } = await unpackBundle(bundlePath, registry, EXPORT_DATE)
    expect(report).toMatchObject({ projectName: 'Desk notes', texts: 1, sources: 0 })
    expect(await readFile(join(entry.dir, 'texts', `${sha256(TEXT)}.txt`), 'utf-8')).toBe(TEXT)
    expect(await listing(join(dataDir, 'projects'))).toEqual(expect.arrayContaining([entry.id]))
    expect((await listing(join(dataDir, 'projects'))).filter((name) => name.startsWith('.'))).toEqual([])
    await unlockDataFolder(dataDir)
  })

  it.each([
    ['../evil.txt', 'xx/evil.txt', 'the entry “../evil.txt” has an unsafe path (it climbs out of its folder (“..”))'],
    ['/tmp/sb-evil.txt', 'xtmp/sb-evil.txt', 'the entry “/tmp/sb-evil.txt” has an unsafe path (it is an absolute path)'],
    ['C:/sb-evil.txt', 'Cx/sb-evil.txt', 'the entry “C:/sb-evil.txt” has an unsafe path (it starts with a drive letter)'],
    ['texts\\..\\evil', 'texts_.._evil', 'the entry “texts\\..\\evil” has an unsafe path (it contains a backslash)'],
    ['texts/evil\0.txt', 'texts/evilx.txt', 'the entry “texts/evil\0.txt” has an unsafe path (it contains a NUL character)']
  ])('refuses an entry named %j (zip slip) before writing anything', async (hostile, placeholder, message) => {
    const entries = [...validEntries(), { path: placeholder, data: 'owned' }]
    const error = await refusalOf(renamed(await zipOf(entries, manifestOf(entries)), placeholder, hostile))
    expect(error.message).toContain(message)
    await expect(stat('/tmp/sb-evil.txt')).rejects.toThrow()
  })

  it('refuses a file that is not a zip, and an empty file', async () => {
    expect((await refusalOf(Buffer.from('# My notes\nThese are not a bundle.\n'))).message).toContain('not a Sourcebench bundle (not a zip file')
    expect((await refusalOf(Buffer.alloc(0))).message).toContain('the file is empty (0 bytes)')
  })

  it('refuses a zip without a manifest, or whose manifest is of another format or a newer version', async () => {
    expect((await refusalOf(await zipOf(validEntries(), null)))).toHaveProperty('message', expect.stringContaining('it has no sourcebench-bundle.json'))
    const otherFormat = manifestOf(validEntries(), (manifest) => (manifest['format'] = 'epub'))
    expect((await refusalOf(await zipOf(validEntries(), otherFormat))).message).toContain('not a Sourcebench bundle (its sourcebench-bundle.json says format “epub”)')
    const newer = manifestOf(validEntries(), (manifest) => (manifest['version'] = 2))
    expect((await refusalOf(await zipOf(validEntries(), newer))).message).toContain('bundle of version 2, and this Sourcebench reads version 1: update Sourcebench')
    expect((await refusalOf(await zipOf(validEntries(), '{"format": "sourcebench-bundle",'))).message).toContain('sourcebench-bundle.json is not valid JSON')
  })

  it('refuses invalid JSON in notes.json, and notes that are JSON but not notes', async () => {
    const broken = validEntries().map((entry) => (entry.path === 'notes.json' ? { ...entry, data: '{"version": 1, "annotations": [' } : entry))
    expect((await refusalOf(await zipOf(broken, manifestOf(broken)))).message).toContain('notes.json is not valid JSON')
    const wrong = validEntries().map((entry) => (entry.path === 'notes.json' ? { ...entry, data: '{"version": 1, "annotations": "all of them"}' } : entry))
    expect((await refusalOf(await zipOf(wrong, manifestOf(wrong)))).message).toMatch(/notes\.json does not hold notes Sourcebench can read \(annotations: /)
  })

  it('refuses an entry whose bytes do not match the checksum in the manifest, removing what it had unpacked', async () => {
    const later = 'Words the bundle was made with.\n'
    const listed = [...validEntries(), { path: `texts/${sha256(later)}.txt`, data: later }]
    const tampered = listed.map((entry) => (entry.data === later ? { ...entry, data: later.replace('made', 'MADE') } : entry))
    expect((await refusalOf(await zipOf(tampered, manifestOf(listed)))).message).toContain(
      `texts/${sha256(later)}.txt does not match its checksum in the manifest: the bundle is damaged or was altered`
    )
    // A checksum that fits the bytes but not the text's name is refused too.
    const misnamed = [...validEntries().slice(0, 2), { path: `texts/${sha256('other words')}.txt`, data: TEXT }]
    expect((await refusalOf(await zipOf(misnamed, manifestOf(misnamed)))).message).toContain('does not hold the text its name promises')
  })

  it('refuses an entry the manifest does not list, and a listed entry that is missing', async () => {
    const extra = [...validEntries(), { path: 'texts/notes-for-later.txt', data: 'hidden' }]
    expect((await refusalOf(await zipOf(extra, manifestOf(validEntries())))).message).toContain('it holds texts/notes-for-later.txt, which its manifest does not list')
    const missing = validEntries().slice(0, 2)
    expect((await refusalOf(await zipOf(missing, manifestOf(validEntries())))).message).toMatch(/texts\/[0-9a-f]{64}\.txt is listed in its manifest but missing from the zip/)
  })

  it('refuses an entry that inflates to another size than the zip declares, and absurd declared sizes', async () => {
    const entries = validEntries()
    const notesSize = sizeOf(entries[1]?.data ?? '')
    const lying = manifestOf(entries, (manifest) => {
      const files = manifest['files'] as Array<{ path: string; size: number }>
      for (const file of files) if (file.path === 'notes.json') file.size = notesSize + 7
    })
    const zip = await zipOf(entries, lying, true)
    expect((await refusalOf(withDeclaredSize(zip, 'notes.json', notesSize + 7))).message).toContain('notes.json is damaged (its size is not the size the zip declares)')
    expect((await refusalOf(withDeclaredSize(zip, 'notes.json', 3 * 1024 ** 3))).message).toContain('declares 3 GB, more than the 2 GB an entry may hold')
  })

  it('refuses a zip bomb: an entry that would inflate hundreds of times over', async () => {
    const entries = [...validEntries(), { path: 'originals/root_1/blank.txt', data: Buffer.alloc(20 * 1024 * 1024) }]
    const bomb = [{ ...entries[0], path: 'library.json', data: JSON.stringify({ version: 1, roots: [{ id: 'root_1', path: '/nowhere', name: 'x', importedAt: '' }], sources: [] }) }, ...entries.slice(1)]
    expect((await refusalOf(await zipOf(bomb, manifestOf(bomb), true))).message).toMatch(/originals\/root_1\/blank\.txt” would inflate \d+ times over \(a zip bomb/)
  }, 30_000)
})
