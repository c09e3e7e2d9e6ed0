// Opens a project bundle as a new project, never merged into one already here. Everything
// is checked and unpacked into a folder beside the projects first; only a bundle that
// passed every check is moved into place, so a refused one leaves nothing behind.
import { mkdir, open, rm, utimes } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { z } from 'zod'
import type { BundleOpenReport } from '../../../../shared/domain/export'
import type { ProjectEntry } from '../../../../shared/domain/project'
import type { ProjectRegistry } from '../../projects/project-registry'
import { writeFileAtomic } from '../../store/atomic-write'
import { readBundleContents, type BundleContents } from './bundle-contents'
import { entryKind, LIBRARY_ENTRY, NOTES_ENTRY, type BundleFile } from './bundle-manifest'
import { BundleZip } from './bundle-zip'
import { bundledRootDir, placedRoots, placeRoots, type RootPlace } from './place-roots'

/** Where a project opened from a bundle came from, kept in its project.json. */
const openedFromSchema = z.object({ bundleProjectId: z.string(), exportedAt: z.string() })
type OpenedFrom = z.infer<typeof openedFromSchema>

/** Writes one entry to a new file (never over one: two names for one file on this disk are refused), flushed to disk. */
async function unpackTo(zip: BundleZip, file: BundleFile, target: string, check?: (chunk: Buffer) => void): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  const handle = await open(target, 'wx').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw zip.refusal(`${file.path} names a file already unpacked (two names for one file on this computer)`)
    throw error
  })
  try {
    await zip.read(file.path, file, async (chunk) => {
      check?.(chunk)
      await handle.write(chunk)
    })
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A stored text: its name is the hash of its words, so its bytes must be valid UTF-8 hashing to that name. */
async function unpackText(zip: BundleZip, file: BundleFile, contentHash: string, target: string): Promise<void> {
  if (file.sha256 !== contentHash) throw zip.refusal(`${file.path} does not hold the text its name promises (its content hash differs)`)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    await unpackTo(zip, file, target, (chunk) => void decoder.decode(chunk, { stream: true }))
    decoder.decode()
  } catch (error: unknown) {
    if (error instanceof TypeError) throw zip.refusal(`${file.path} is not UTF-8 text`)
    throw error
  }
}

interface Unpacked {
  texts: number
  originals: number
}

/** Unpacks the texts, and the originals of the folders placed in the project; every other entry is still checked. */
async function unpackEntries(zip: BundleZip, contents: BundleContents, places: ReadonlyMap<string, RootPlace>, dir: string): Promise<Unpacked> {
  const mtimes = new Map(contents.library.sources.map((source) => [`${source.rootId}/${source.relativePath}`, source.mtimeMs]))
  const unpacked: Unpacked = { texts: 0, originals: 0 }
  for (const file of contents.files.values()) {
    const kind = entryKind(file.path)
    if (kind?.kind === 'text') {
      await unpackText(zip, file, kind.contentHash, join(dir, 'texts', `${kind.contentHash}.txt`))
      unpacked.texts++
    } else if (kind?.kind === 'original' && places.get(kind.rootId) === 'bundled') {
      const folder = bundledRootDir(dir, kind.rootId)
      const target = join(folder, ...kind.relativePath.split('/'))
      if (relative(folder, target).startsWith(`..${sep}`)) throw zip.refusal(`${file.path} would land outside its folder`)
      await unpackTo(zip, file, target)
      // The file's time as the library knows it, so the copy reads as unchanged.
      const mtime = mtimes.get(`${kind.rootId}/${kind.relativePath}`)
      if (mtime !== undefined) await utimes(target, new Date(mtime), new Date(mtime))
      unpacked.originals++
    } else if (kind?.kind === 'original') {
      await zip.read(file.path, file, () => undefined)
    }
  }
  return unpacked
}

/** A project already opened from this very bundle (same project, same export), if any. */
async function openedBefore(registry: ProjectRegistry, origin: OpenedFrom): Promise<ProjectEntry | null> {
  for (const project of registry.projects) {
    const parsed = openedFromSchema.safeParse((((await registry.projectFile(project)) ?? {}) as { openedFrom?: unknown }).openedFrom)
    if (parsed.success && parsed.data.bundleProjectId === origin.bundleProjectId && parsed.data.exportedAt === origin.exportedAt) return project
  }
  return null
}

function warningsFor(contents: BundleContents, registry: ProjectRegistry): string[] {
  const warnings: string[] = []
  const texts = new Set([...contents.files.keys()].map((path) => entryKind(path)).flatMap((kind) => (kind?.kind === 'text' ? [kind.contentHash] : [])))
  const unreadable = contents.library.sources.filter((source) => !texts.has(source.contentHash))
  if (unreadable.length > 0) warnings.push(`${unreadable.length} of its sources came without their text and cannot be read until their folder is imported again.`)
  const original = registry.projects.find((project) => project.id === contents.manifest.project.id)
  if (original !== undefined) warnings.push(`This bundle was made from the project “${original.name}” on this computer; it was opened as a separate project beside it.`)
  return warnings
}

export async function unpackBundle(path: string, registry: ProjectRegistry, now: Date): Promise<{ entry: ProjectEntry; report: BundleOpenReport }> {
  const zip = await BundleZip.open(path)
  let preparing: string | null = null
  try {
    const contents = await readBundleContents(zip)
    const { manifest, library, notes } = contents
    const packed = new Set([...contents.files.keys()].map((file) => entryKind(file)).flatMap((kind) => (kind?.kind === 'original' ? [kind.rootId] : [])))
    const places = await placeRoots(library.roots, library.sources, packed, { home: homedir(), dataDir: registry.dataDir })
    const prepared = await registry.prepare()
    preparing = prepared.dir
    const unpacked = await unpackEntries(zip, contents, places, prepared.dir)
    await writeFileAtomic(join(prepared.dir, LIBRARY_ENTRY), JSON.stringify({ ...library, roots: placedRoots(library.roots, places, prepared.finalDir) }))
    await writeFileAtomic(join(prepared.dir, NOTES_ENTRY), JSON.stringify(notes))

    const openedFrom: OpenedFrom = { bundleProjectId: manifest.project.id, exportedAt: manifest.exportedAt }
    const before = await openedBefore(registry, openedFrom)
    const warnings = warningsFor(contents, registry)
    const entry = await registry.adopt(prepared, registry.freeName(manifest.project.name), now, { openedFrom })
    preparing = null
    const report: BundleOpenReport = {
      projectName: entry.name,
      sources: library.sources.length,
      annotations: notes.annotations.length,
      claims: notes.claims.length,
      texts: unpacked.texts,
      originals: unpacked.originals,
      foldersNotHere: library.roots.filter((root) => places.get(root.id) === 'not-here').map((root) => root.name),
      alreadyOpenedAs: before?.name ?? null,
      warnings
    }
    return { entry, report }
  } finally {
    zip.close()
    if (preparing !== null) await rm(preparing, { recursive: true, force: true, maxRetries: 3 })
  }
}
