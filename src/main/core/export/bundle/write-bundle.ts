// Writes a project bundle (.sourcebench zip): the manifest first, then library.json and
// notes.json as stored, every stored text the library and notes refer to, and optionally
// the original files. Built in memory, so every entry is hashed before the manifest is written.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ZipFile } from 'yazl'
import type { ProjectEntry } from '../../../../shared/domain/project'
import { sha256Bytes } from '../../store/content-hash'
import type { ProjectStore } from '../../store/project-store'
import { formatBytes } from '../../library/read-file-capped'
import {
  BUNDLE_FORMAT,
  BUNDLE_LIMITS,
  BUNDLE_VERSION,
  LIBRARY_ENTRY,
  MANIFEST_NAME,
  NOTES_ENTRY,
  originalEntry,
  textEntry,
  unsafePath,
  type BundleFile,
  type BundleManifest
} from './bundle-manifest'

export interface BundleInput {
  store: ProjectStore
  entry: ProjectEntry
  exportedAt: Date
  appVersion: string
  includeOriginals: boolean
}

/** yazl holds an entry in one buffer of at most this size; a larger original is named as not packed. */
const LARGEST_PACKED_FILE = Math.min(BUNDLE_LIMITS.entryBytes, 0x3fffffff)

interface PackedEntry {
  path: string
  data: Buffer
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the file is not in its folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

/** Every stored text the library and the notes name, sorted so the same project gives the same bundle. */
async function packTexts(store: ProjectStore, notPacked: string[]): Promise<PackedEntry[]> {
  const hashes = new Set(store.library.data.sources.map((source) => source.contentHash))
  for (const annotation of store.notes.data.annotations) hashes.add(annotation.target.contentHash)
  const packed: PackedEntry[] = []
  for (const hash of [...hashes].sort()) {
    try {
      packed.push({ path: textEntry(hash), data: Buffer.from(await store.readText(hash), 'utf-8') })
    } catch (error: unknown) {
      notPacked.push(`not packed: text ${hash.slice(0, 12)}… (${error instanceof Error ? error.message : String(error)})`)
    }
  }
  return packed
}

/** The original files, read from their folders as they are now; a file that cannot be read is named, not fatal. */
async function packOriginals(store: ProjectStore, budget: number, notPacked: string[]): Promise<PackedEntry[]> {
  const roots = new Map(store.library.data.roots.map((root) => [root.id, root]))
  const packed: PackedEntry[] = []
  let left = budget
  for (const source of store.library.data.sources) {
    const root = roots.get(source.rootId)
    const shown = root === undefined ? source.relativePath : `${root.name}/${source.relativePath}`
    const problem = root === undefined ? 'its folder is no longer in the project' : unsafePath(source.relativePath)
    if (root === undefined || problem !== null) {
      notPacked.push(`not packed: ${shown} (${problem ?? ''})`)
      continue
    }
    const path = join(root.path, source.relativePath)
    try {
      const info = await stat(path)
      if (!info.isFile()) throw new Error('not a file')
      if (info.size > LARGEST_PACKED_FILE) throw new Error(`larger than the ${formatBytes(LARGEST_PACKED_FILE + 1)} a bundle packs`)
      if (info.size > left) throw new Error(`the bundle would grow past ${formatBytes(BUNDLE_LIMITS.totalBytes)}`)
      const data = await readFile(path)
      left -= data.byteLength
      packed.push({ path: originalEntry(root.id, source.relativePath), data })
    } catch (error: unknown) {
      notPacked.push(`not packed: ${shown} (${reasonOf(error)})`)
    }
  }
  return packed
}

function zipOf(entries: PackedEntry[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile()
  for (const entry of entries) zip.addBuffer(entry.data, entry.path, { mtime, compress: true })
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('error', reject)
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

export async function writeBundle(input: BundleInput): Promise<{ data: Uint8Array; contents: string[] }> {
  const { store, entry } = input
  const library = store.library.data
  const notes = store.notes.data
  const notPacked: string[] = []
  const data: PackedEntry[] = [
    { path: LIBRARY_ENTRY, data: Buffer.from(JSON.stringify(library), 'utf-8') },
    { path: NOTES_ENTRY, data: Buffer.from(JSON.stringify(notes), 'utf-8') }
  ]
  const texts = await packTexts(store, notPacked)
  data.push(...texts)
  const used = data.reduce((sum, packed) => sum + packed.data.byteLength, 0)
  const originals = input.includeOriginals ? await packOriginals(store, BUNDLE_LIMITS.totalBytes - BUNDLE_LIMITS.manifestBytes - used, notPacked) : []
  data.push(...originals)

  const files: BundleFile[] = data.map((packed) => ({ path: packed.path, size: packed.data.byteLength, sha256: sha256Bytes(packed.data) }))
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    appVersion: input.appVersion,
    project: { id: entry.id, name: entry.name, createdAt: entry.createdAt },
    exportedAt: input.exportedAt.toISOString(),
    counts: { sources: library.sources.length, annotations: notes.annotations.length, claims: notes.claims.length, texts: texts.length, originals: originals.length },
    files
  }
  const zip = await zipOf([{ path: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf-8') }, ...data], input.exportedAt)

  const bytes = (entries: PackedEntry[]): string => formatBytes(entries.reduce((sum, packed) => sum + packed.data.byteLength, 0))
  const contents = [
    `${MANIFEST_NAME} — what the bundle holds, with a checksum of each file`,
    `${LIBRARY_ENTRY} — ${plural(library.sources.length, 'source')} in ${plural(library.roots.length, 'folder')}`,
    `${NOTES_ENTRY} — ${plural(notes.annotations.length, 'highlight')}, ${plural(notes.claims.length, 'claim')}`,
    `texts/ — ${plural(texts.length, 'text')}, ${bytes(texts)}`,
    ...(input.includeOriginals ? [`originals/ — ${plural(originals.length, 'file')}, ${bytes(originals)}`] : []),
    ...notPacked
  ]
  return { data: new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), contents }
}
