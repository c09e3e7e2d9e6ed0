// kill -9 of the browser-mode server at random moments, during edits and during imports,
// then a restart: every write the server acknowledged must be there, nothing may be set
// aside as damaged, and no orphaned text or temporary file may be left once the open has cleaned texts/.
// `npm test` runs a few rounds; `npm run test:crash` runs 60 (CRASH_ROUNDS overrides).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { serveApp, type ServedApp } from '../e2e/support/serve'
import { seededRandom } from '../helpers/seeded-random'
import { useTempDirs } from '../helpers/temp-dir'

const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? (process.env['npm_lifecycle_event'] === 'test:crash' ? 60 : 6))
const SEED = Number(process.env['CRASH_SEED'] ?? 20261201)

interface Source {
  id: string
  rootId: string
  relativePath: string
  contentHash: string
  title: string
}
interface Annotation {
  id: string
  comment: string
  target: { sourceId: string; contentHash: string; selectors: [{ exact: string }, { start: number; end: number }] }
}
interface Claim {
  id: string
  text: string
  annotationIds: string[]
}
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** What the server acknowledged, to be found again after every crash. */
interface Acknowledged {
  annotations: Map<string, { comment: string; sourceId: string; contentHash: string }>
  claims: Map<string, { text: string; links: Set<string> }>
  /** Titles the user corrected (a small library change: the library's journal). */
  titles: Map<string, string>
}

async function call<T>(app: ServedApp, channel: string, input?: unknown): Promise<Reply<T> | null> {
  try {
    const response = await fetch(`${app.origin}/api/${channel.replace(':', '/')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sourcebench-token': app.token },
      body: input === undefined ? '' : JSON.stringify(input)
    })
    return (await response.json()) as Reply<T>
  } catch {
    return null // the server died before it answered: not acknowledged
  }
}

async function mustCall<T>(app: ServedApp, channel: string, input?: unknown): Promise<T> {
  const reply = await call<T>(app, channel, input)
  if (reply === null || !reply.ok) throw new Error(`crash test: ${channel} failed: ${JSON.stringify(reply)}`)
  return reply.value
}

/** Edits as a user makes them, as fast as the server answers, until it dies. */
async function edit(app: ServedApp, ack: Acknowledged, next: () => number, onlyRoot: string | null): Promise<void> {
  for (;;) {
    const listed = await call<{ sources: Source[] }>(app, 'library:list-sources')
    if (listed === null || !listed.ok) return
    const sources = listed.value.sources.filter((source) => onlyRoot === null || source.rootId === onlyRoot)
    const source = sources[Math.floor(next() * sources.length)]
    const choice = next()
    if (source !== undefined && choice >= 0.9) {
      const title = `Corrected ${Math.floor(next() * 1e9)}`
      const before = ack.titles.get(source.id)
      const reply = await call<Source>(app, 'library:update-source', { sourceId: source.id, title })
      if (reply === null) {
        // Unacknowledged: either title may be on disk (and a source an import had not saved yet may be gone).
        if (before !== undefined) ack.titles.set(source.id, `${before}|${title}`)
        return
      }
      if (reply.ok) ack.titles.set(source.id, title)
    } else if (source !== undefined && (choice < 0.45 || ack.annotations.size === 0)) {
      const text = await call<{ text: string; contentHash: string }>(app, 'library:get-text', { sourceId: source.id })
      if (text === null || !text.ok || text.value.text.length < 12) continue
      const start = Math.floor(next() * (text.value.text.length - 10))
      const reply = await call<Annotation>(app, 'annotations:create', {
        sourceId: source.id,
        contentHash: text.value.contentHash,
        start,
        end: start + 8,
        color: 'yellow',
        comment: `comment ${Math.floor(next() * 1e9)}`
      })
      if (reply === null) return
      if (reply.ok) ack.annotations.set(reply.value.id, { comment: reply.value.comment, sourceId: source.id, contentHash: reply.value.target.contentHash })
    } else if (choice < 0.7 && ack.annotations.size > 0) {
      const ids = [...ack.annotations.keys()]
      const id = ids[Math.floor(next() * ids.length)] as string
      const comment = `edited ${Math.floor(next() * 1e9)}`
      const before = ack.annotations.get(id)
      const reply = await call<Annotation>(app, 'annotations:update', { id, comment })
      if (reply === null) {
        // Unacknowledged: either comment may be on disk.
        if (before !== undefined) ack.annotations.set(id, { ...before, comment: `${before.comment}|${comment}` })
        return
      }
      if (reply.ok && before !== undefined) ack.annotations.set(id, { ...before, comment })
    } else if (choice < 0.85 || ack.claims.size === 0) {
      const text = `claim ${Math.floor(next() * 1e9)}`
      const reply = await call<Claim>(app, 'claims:create', { text })
      if (reply === null) return
      if (reply.ok) ack.claims.set(reply.value.id, { text, links: new Set() })
    } else {
      const claimIds = [...ack.claims.keys()]
      const annotationIds = [...ack.annotations.keys()]
      const claimId = claimIds[Math.floor(next() * claimIds.length)] as string
      const annotationId = annotationIds[Math.floor(next() * annotationIds.length)]
      if (annotationId === undefined) continue
      const reply = await call<Claim>(app, 'claims:link', { claimId, annotationId })
      if (reply === null) return
      if (reply.ok) ack.claims.get(claimId)?.links.add(annotationId)
    }
  }
}

async function makeFolder(dir: string, files: number, round: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (let index = 0; index < files; index++) {
    const name = join(dir, `round${round}-${String(index).padStart(4, '0')}.txt`)
    await writeFile(name, `Report ${index} of round ${round}\n\nSEOUL, January ${1 + (index % 28)}. Officials said the talks on trade and business went on for ${index} hours.\n`)
  }
}

async function listFiles(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [])
}

describe(`crash safety (${ROUNDS} rounds of kill -9)`, () => {
  const tempDir = useTempDirs()
  const apps: ServedApp[] = []
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.kill()))
  })

  it('keeps every acknowledged write, sets nothing aside and leaves no orphaned texts or temporary files', async () => {
    const dataDir = await tempDir()
    const foldersDir = await tempDir()
    const next = seededRandom(SEED)
    const ack: Acknowledged = { annotations: new Map(), claims: new Map(), titles: new Map() }
    const folders: Array<{ path: string; files: number }> = []
    let kills = 0

    for (let round = 0; round < ROUNDS; round++) {
      const app = await serveApp(dataDir)
      apps.push(app)
      await verify(app, dataDir, ack)
      const importing = round % 2 === 1
      let onlyRoot: string | null = null
      if (importing) {
        const folder = { path: join(foldersDir, `folder${round}`), files: 400 + Math.floor(next() * 400) }
        await makeFolder(folder.path, folder.files, round)
        folders.push(folder)
        void call(app, 'library:import-folder', { path: folder.path })
        onlyRoot = await waitForRoot(app, folder.path)
      }
      const editing = edit(app, ack, next, onlyRoot)
      // Die at a random moment: early in an import, mid-way, or between edits.
      await new Promise((resolve) => setTimeout(resolve, 50 + next() * (importing ? 1500 : 600)))
      await app.kill()
      kills++
      await editing
      apps.splice(apps.indexOf(app), 1)
    }

    // One last start: every folder an import was killed in is imported again and resumes, once.
    const app = await serveApp(dataDir)
    apps.push(app)
    await verify(app, dataDir, ack)
    for (const folder of folders) {
      const report = await mustCall<{ errors: unknown[]; rootId: string }>(app, 'library:import-folder', { path: folder.path })
      expect(report.errors).toEqual([])
      const { sources } = await mustCall<{ sources: Source[] }>(app, 'library:list-sources')
      expect(sources.filter((source) => source.rootId === report.rootId)).toHaveLength(folder.files)
    }
    // Every source's text reads back whole (the store checks each against its hash), packed or not.
    const { sources } = await mustCall<{ sources: Source[] }>(app, 'library:list-sources')
    for (const source of sources) expect((await call(app, 'library:get-text', { sourceId: source.id }))?.ok, `text of ${source.relativePath}`).toBe(true)
    await app.stop()
    const links = [...ack.claims.values()].reduce((sum, claim) => sum + claim.links.size, 0)
    console.log(
      `crash test: ${kills} kills; ${ack.annotations.size} annotations, ${ack.claims.size} claims, ${links} links and ${ack.titles.size} titles acknowledged and found; ${folders.length} killed imports resumed`
    )
    expect(kills).toBe(ROUNDS)
    expect(ack.annotations.size).toBeGreaterThan(ROUNDS)
  }, 120_000 + ROUNDS * 20_000)
})

/** The root id of a folder once its import has saved it (a kill after that must keep it). */
async function waitForRoot(app: ServedApp, path: string): Promise<string | null> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const listed = await call<{ roots: Array<{ id: string; path: string }> }>(app, 'library:list-sources')
    if (listed === null || !listed.ok) return null
    const root = listed.value.roots.find((candidate) => candidate.path === path)
    if (root !== undefined) return root.id
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return null
}

async function verify(app: ServedApp, dataDir: string, ack: Acknowledged): Promise<void> {
  const project = await mustCall<{ current: { dir: string }; warnings: string[] }>(app, 'projects:get-current')
  expect(project.warnings).toEqual([])
  const { sources } = await mustCall<{ sources: Source[] }>(app, 'library:list-sources')
  const annotations = await mustCall<Annotation[]>(app, 'annotations:list')
  const claims = await mustCall<Claim[]>(app, 'claims:list')
  const sourcesById = new Map(sources.map((source) => [source.id, source]))
  const annotationsById = new Map(annotations.map((annotation) => [annotation.id, annotation]))
  for (const [id, expected] of ack.annotations) {
    const annotation = annotationsById.get(id)
    expect(annotation, `acknowledged annotation ${id}`).toBeDefined()
    expect(expected.comment.split('|')).toContain(annotation?.comment)
    // The source it highlights survived too, with the text it was made on.
    expect(sourcesById.get(expected.sourceId)?.contentHash, `source of annotation ${id}`).toBe(expected.contentHash)
  }
  for (const [id, expected] of ack.titles) expect(expected.split('|'), `acknowledged title of ${id}`).toContain(sourcesById.get(id)?.title)
  const claimsById = new Map(claims.map((claim) => [claim.id, claim]))
  for (const [id, expected] of ack.claims) {
    expect(claimsById.get(id)?.text, `acknowledged claim ${id}`).toBe(expected.text)
    for (const link of expected.links) expect(claimsById.get(id)?.annotationIds).toContain(link)
  }
  const dir = project.current.dir
  const packsDir = join(dir, 'texts', 'packs')
  const everywhere = [...(await listFiles(dataDir)), ...(await listFiles(dir)), ...(await listFiles(join(dir, 'texts'))), ...(await listFiles(packsDir))]
  expect(everywhere.filter((name) => name.includes('.damaged-'))).toEqual([])
  expect([...(await listFiles(dataDir)), ...(await listFiles(dir))].filter((name) => name.endsWith('.tmp'))).toEqual([])
  // Every stored text belongs to a source or an annotation (read from disk, as the next open sees it): a text
  // file of its own, or one a pack's index names.
  // texts/ is listed and cleaned just after the open, while the window is already served: the check waits for that pass.
  const referenced = await referencedTexts(dir)
  const leftovers = async (): Promise<string[]> => [
    ...(await listFiles(join(dir, 'texts'))).filter((name) => name !== 'packs' && (name.endsWith('.tmp') || !referenced.has(name.slice(0, 64)))),
    ...(await listFiles(packsDir)).filter((name) => name.endsWith('.tmp')),
    ...(await packedTexts(packsDir)).filter((hash) => !referenced.has(hash)).map((hash) => `packed ${hash}`)
  ]
  const deadline = Date.now() + 30_000
  while ((await leftovers()).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  expect(await leftovers()).toEqual([])
}

/** The texts the packs' indexes name (texts/packs/<name>.idx: 40 bytes an entry, the SHA-256 first), whole entries only. */
async function packedTexts(packsDir: string): Promise<string[]> {
  const hashes: string[] = []
  for (const name of (await listFiles(packsDir)).filter((file) => file.endsWith('.idx'))) {
    const index = await readFile(join(packsDir, name))
    for (let at = 0; at + 40 <= index.length; at += 40) hashes.push(index.toString('hex', at, at + 32))
  }
  return hashes
}

/**
 * The texts the project's files refer to, read from disk as the next open reads them (without
 * changing anything): the library's segments its manifest lists and its journal, the notes' snapshot and journal.
 */
async function referencedTexts(dir: string): Promise<Set<string>> {
  const manifest = JSON.parse(await readFile(join(dir, 'library', 'manifest.json'), 'utf-8').catch(() => '{"segments": []}')) as {
    segments: Array<{ file: string }>
    journal?: number
  }
  const referenced = new Set<string>()
  for (const segment of manifest.segments) {
    const sources = JSON.parse(await readFile(join(dir, 'library', segment.file), 'utf-8')) as Source[]
    for (const source of sources) referenced.add(source.contentHash)
  }
  // Every journal from the manifest's first; a journal's first line (the generation it began at) puts nothing.
  const journals = (await readdir(join(dir, 'library'))).filter((name) => Number(/^journal-(\d+)\.jsonl$/.exec(name)?.[1] ?? -1) >= (manifest.journal ?? 0))
  for (const name of journals) {
    const libraryJournal = await readFile(join(dir, 'library', name), 'utf-8').catch(() => '')
    for (const line of libraryJournal.split('\n').slice(0, -1)) for (const source of (JSON.parse(line) as { put?: Source[] }).put ?? []) referenced.add(source.contentHash)
  }
  const notes = JSON.parse(await readFile(join(dir, 'notes.json'), 'utf-8').catch(() => '{"annotations": [], "journal": 0}')) as { annotations: Annotation[]; journal?: number }
  for (const annotation of notes.annotations) referenced.add(annotation.target.contentHash)
  const journal = await readFile(join(dir, `notes-journal-${notes.journal ?? 0}.jsonl`), 'utf-8').catch(() => '')
  for (const line of journal.split('\n').slice(0, -1)) {
    const entry = JSON.parse(line) as { annotations?: { put: Annotation[] } }
    for (const annotation of entry.annotations?.put ?? []) referenced.add(annotation.target.contentHash)
  }
  return referenced
}
