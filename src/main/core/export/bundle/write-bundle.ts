// Writes a project bundle (.sourcebench zip) to a file, streaming: library.json, notes.json, each
// stored text, optionally the original files, and last the manifest with each entry's size and
// checksum as packed (readers find it by the central directory; each original is read just once).
import { constants, readFile } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { promisify } from 'node:util'
import { PassThrough, type Readable } from 'node:stream'
import { deflateRawSync } from 'node:zlib'
import type { ProjectEntry } from '../../../../shared/domain/project'
import { sha256Bytes } from '../../store/content-hash'
import type { ProjectStore } from '../../store/project-store'
import { BUNDLE_FORMAT, BUNDLE_LIMITS, BUNDLE_VERSION, LIBRARY_ENTRY, MANIFEST_NAME, NOTES_ENTRY, textEntry, type BundleManifest } from './bundle-manifest'
import { readAhead } from '../../read-ahead'
import { bundledTexts, contentsLines, originalFiles, originalsBudget, sizeProblem, type OriginalFile, type PackedTotals } from './bundle-plan'
import { ZipWriter, type WrittenEntry } from './zip-writer'

export interface BundleInput {
  store: ProjectStore
  entry: ProjectEntry
  exportedAt: Date
  appVersion: string
  includeOriginals: boolean
}

const readFileOnce = promisify(readFile)

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the file is not in its folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return messageOf(error)
}

const totals = (entries: WrittenEntry[]): PackedTotals => ({ count: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.size, 0) })

/**
 * Each stored text, read a few ahead. Its bytes must hash to its name; one that does not
 * is left to the store, which sets a damaged text aside, and is named as not packed.
 */
async function packTexts(zip: ZipWriter, store: ProjectStore, hashes: readonly string[], notPacked: string[]): Promise<WrittenEntry[]> {
  const read = async (hash: string): Promise<{ hash: string; bytes: Buffer | null; problem: string }> => {
    try {
      // A text of its own (texts/<hash>.txt) as bytes: fs.readFile takes one round trip where the promise API takes four.
      // A packed one (an import's, see text-packs.ts) is read through the store, as a damaged one is.
      const bytes = store.isPacked(hash) ? null : await readFileOnce(join(store.dir, 'texts', `${hash}.txt`)).catch(() => null)
      if (bytes !== null && sha256Bytes(bytes) === hash) return { hash, bytes, problem: '' }
      return { hash, bytes: Buffer.from(await store.readText(hash), 'utf-8'), problem: '' }
    } catch (error: unknown) {
      return { hash, bytes: null, problem: messageOf(error) }
    }
  }
  const packed: WrittenEntry[] = []
  for await (const text of readAhead(hashes, read)) {
    if (text.bytes === null) notPacked.push(`not packed: text ${text.hash.slice(0, 12)}… (${text.problem})`)
    else packed.push(await zip.add(textEntry(text.hash), text.bytes, { compress: !wouldLookLikeABomb(text.bytes) }))
  }
  return packed
}

/**
 * Whether deflating `bytes` would shrink them past the ratio the reader refuses as a zip
 * bomb (a long text of one repeated line, a PDF's dot leaders): such a text is stored as it
 * is, so a bundle always opens where it was made. Checked only above the reader's floor.
 */
function wouldLookLikeABomb(bytes: Uint8Array): boolean {
  if (bytes.byteLength <= BUNDLE_LIMITS.ratioFloorBytes) return false
  return bytes.byteLength > BUNDLE_LIMITS.ratio * deflateRawSync(bytes).byteLength
}

/**
 * A file opened before its entry is started, so one gone or unreadable is named, not fatal.
 * Opened as imports open files: never through a link at its name, never waiting on a pipe,
 * and only when its real place is inside its imported folder (a file swapped for a link to
 * someone's keys must not travel in a bundle).
 */
async function openOriginal(file: OriginalFile, left: number): Promise<{ handle: FileHandle; size: number }> {
  const [real, folder] = await Promise.all([realpath(file.path), realpath(file.rootPath)])
  if (!real.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`)) throw new Error('it leads out of its imported folder')
  const handle = await open(file.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0))
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error('not a file')
    const problem = sizeProblem(info.size, left)
    if (problem !== null) throw new Error(problem)
    return { handle, size: info.size }
  } catch (error: unknown) {
    await handle.close()
    throw error
  }
}

/** The original files, streamed from their folders as they are now, one at a time. */
async function packOriginals(zip: ZipWriter, files: readonly OriginalFile[], budget: number, notPacked: string[]): Promise<WrittenEntry[]> {
  const packed: WrittenEntry[] = []
  let left = budget
  for (const file of files) {
    let opened: { handle: FileHandle; size: number }
    try {
      opened = await openOriginal(file, left)
    } catch (error: unknown) {
      notPacked.push(`not packed: ${file.shown} (${reasonOf(error)})`)
      continue
    }
    // At most the size it had when opened: a file still being written cannot push the bundle past its limits.
    const bytes: Readable = opened.size === 0 ? new PassThrough().end() : opened.handle.createReadStream({ start: 0, end: opened.size - 1 })
    if (opened.size === 0) await opened.handle.close()
    try {
      const written = await zip.add(file.entry, bytes, { compress: file.compress })
      left -= written.size
      packed.push(written)
    } catch (error: unknown) {
      throw new Error(`export: could not pack ${file.shown} (${reasonOf(error)})`)
    }
  }
  return packed
}

/** Writes the bundle to `path` (a new file); on failure the file may be left half written for the caller to remove. */
export async function writeBundle(input: BundleInput, path: string): Promise<{ bytes: number; contents: string[] }> {
  const { store, entry } = input
  const library = store.library.data
  const notes = store.notes.data
  // Everything the bundle says is taken at once, before the first wait: an import or an edit
  // meanwhile must not leave library.json naming a text the bundle does not carry.
  const libraryJson = Buffer.from(JSON.stringify(library), 'utf-8')
  const notesJson = Buffer.from(JSON.stringify(notes), 'utf-8')
  const counts = { sources: library.sources.length, annotations: notes.annotations.length, claims: notes.claims.length }
  const hashes = bundledTexts(store)
  const notPacked: string[] = []
  const originalsToPack = input.includeOriginals ? originalFiles(store, notPacked) : []
  const zip = new ZipWriter(path, input.exportedAt)
  try {
    const data = [await zip.add(LIBRARY_ENTRY, libraryJson), await zip.add(NOTES_ENTRY, notesJson)]
    const texts = await packTexts(zip, store, hashes, notPacked)
    const packedBytes = totals([...data, ...texts]).bytes
    const originals = input.includeOriginals ? await packOriginals(zip, originalsToPack, originalsBudget(packedBytes), notPacked) : []

    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      appVersion: input.appVersion,
      project: { id: entry.id, name: entry.name, createdAt: entry.createdAt },
      exportedAt: input.exportedAt.toISOString(),
      counts: { ...counts, texts: texts.length, originals: originals.length },
      files: [...data, ...texts, ...originals].map(({ path: file, size, sha256 }) => ({ path: file, size, sha256 }))
    }
    await zip.add(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2), 'utf-8'))
    const bytes = await zip.finish()
    return { bytes, contents: [...contentsLines(store, totals(texts), input.includeOriginals ? totals(originals) : null), ...notPacked] }
  } catch (error: unknown) {
    await zip.abort()
    throw error
  }
}
