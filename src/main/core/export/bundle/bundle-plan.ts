// What a project bundle holds, worked out from the library: which stored texts and original
// files go in, and the lines the Export dialog lists. The writer packs from this plan, and
// the dialog's preview describes it without packing anything.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SourceFormat } from '../../../../shared/domain/source'
import type { ProjectStore } from '../../store/project-store'
import { formatBytes } from '../../../../shared/text/counts'
import { BUNDLE_LIMITS, LIBRARY_ENTRY, MANIFEST_NAME, NOTES_ENTRY, originalEntry, unsafePath } from './bundle-manifest'
import { plural } from '../../../../shared/text/counts'
import { readAhead } from '../../read-ahead'

export interface OriginalFile {
  /** As the user knows it: folder name and path in it. */
  shown: string
  /** Where it is on disk, and the imported folder it must stay inside. */
  path: string
  rootPath: string
  entry: string
  /** Its size as the library last saw it. */
  size: number
  /** Deflated, unless its format is compressed already. */
  compress: boolean
}

/** PDF and Word files are compressed already: stored as they are, as deflating gigabytes again takes minutes and saves next to nothing. */
const COMPRESSED_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'docx', 'odt'])

export interface PackedTotals {
  count: number
  bytes: number
}


/** Every stored text the library and the notes name, sorted so the same project gives the same bundle. */
export function bundledTexts(store: ProjectStore): string[] {
  const hashes = new Set(store.library.data.sources.map((source) => source.contentHash))
  for (const annotation of store.notes.data.annotations) hashes.add(annotation.target.contentHash)
  return [...hashes].sort()
}

/** The original files of the library, in its order; one that cannot be packed is named in `notPacked`. */
export function originalFiles(store: ProjectStore, notPacked: string[]): OriginalFile[] {
  const roots = new Map(store.library.data.roots.map((root) => [root.id, root]))
  const files: OriginalFile[] = []
  for (const source of store.library.data.sources) {
    const root = roots.get(source.rootId)
    const shown = root === undefined ? source.relativePath : `${root.name}/${source.relativePath}`
    const problem = root === undefined ? 'its folder is no longer in the project' : source.missing ? 'the file is no longer in its folder' : unsafePath(source.relativePath)
    if (root === undefined || problem !== null) {
      notPacked.push(`not packed: ${shown} (${problem ?? ''})`)
      continue
    }
    files.push({ shown, path: join(root.path, source.relativePath), rootPath: root.path, entry: originalEntry(root.id, source.relativePath), size: source.size, compress: !COMPRESSED_FORMATS.has(source.format) })
  }
  return files
}

/** Why a file of `size` bytes is not packed when `left` bytes remain for originals, or null when it is. */
export function sizeProblem(size: number, left: number): string | null {
  if (size > BUNDLE_LIMITS.entryBytes) return `larger than the ${formatBytes(BUNDLE_LIMITS.entryBytes)} a bundle packs per file`
  if (size > left) return `the bundle would grow past ${formatBytes(BUNDLE_LIMITS.totalBytes)}`
  return null
}

/** What the bytes of everything but the originals leave for them. */
export function originalsBudget(packedBytes: number): number {
  return BUNDLE_LIMITS.totalBytes - BUNDLE_LIMITS.manifestBytes - packedBytes
}

/** The lines naming what is packed; the caller adds what was not. */
export function contentsLines(store: ProjectStore, texts: PackedTotals, originals: PackedTotals | null): string[] {
  const library = store.library.data
  const notes = store.notes.data
  return [
    `${MANIFEST_NAME} — what the bundle holds, with a checksum of each file`,
    `${LIBRARY_ENTRY} — ${plural(library.sources.length, 'source')} in ${plural(library.roots.length, 'folder')}`,
    `${NOTES_ENTRY} — ${plural(notes.annotations.length, 'highlight')}, ${plural(notes.claims.length, 'claim')}`,
    `texts/ — ${plural(texts.count, 'text')}, ${formatBytes(texts.bytes)}`,
    ...(originals === null ? [] : [`originals/ — ${plural(originals.count, 'file')}, ${formatBytes(originals.bytes)}`])
  ]
}

/** Zip headers and the central directory line of one entry: a text's name alone is 74 bytes, twice. */
const ENTRY_OVERHEAD = 30 + 16 + 46 + 9
/** Its line in the manifest, deflated: the checksum's hex digits hardly shrink. */
const MANIFEST_LINE = 100
/** How much deflate shrinks each kind: news texts 2–3 times, JSON 4–6. */
const SHRINK = { text: 2, json: 5 } as const

/**
 * The bundle's contents and about how large its file will be, from the library and the size
 * of each stored text on disk: nothing is read, packed or written.
 */
export async function describeBundle(store: ProjectStore, includeOriginals: boolean): Promise<{ bytes: number; contents: string[] }> {
  const notPacked: string[] = []
  const jsonBytes = (await Promise.all([LIBRARY_ENTRY, NOTES_ENTRY].map((name) => stat(join(store.dir, name)).then((info) => info.size, () => 0)))).reduce((a, b) => a + b, 0)
  const texts: PackedTotals = { count: 0, bytes: 0 }
  // A size needs no reading (a file's size, or a packed text's length).
  for await (const found of readAhead(bundledTexts(store), async (hash) => ({ hash, size: await store.textBytes(hash) }))) {
    if (found.size === null) {
      notPacked.push(`not packed: text ${found.hash.slice(0, 12)}… (it is missing from the project; re-import its folder)`)
      continue
    }
    texts.count++
    texts.bytes += found.size
  }
  let estimate = jsonBytes / SHRINK.json + texts.bytes / SHRINK.text + (texts.count + 3) * (ENTRY_OVERHEAD + 74 * 2 + MANIFEST_LINE)
  let originals: PackedTotals | null = null
  if (includeOriginals) {
    originals = { count: 0, bytes: 0 }
    let left = originalsBudget(jsonBytes + texts.bytes)
    for (const file of originalFiles(store, notPacked)) {
      const problem = sizeProblem(file.size, left)
      if (problem !== null) {
        notPacked.push(`not packed: ${file.shown} (${problem})`)
        continue
      }
      left -= file.size
      originals.count++
      originals.bytes += file.size
      estimate += (file.compress ? file.size / SHRINK.text : file.size) + ENTRY_OVERHEAD + file.entry.length * 2 + MANIFEST_LINE
    }
  }
  const bytes = Math.round(estimate)
  return {
    bytes,
    contents: [
      ...contentsLines(store, texts, originals),
      `About ${formatBytes(bytes)} once compressed: an estimate, as the bundle is packed only when you export it`,
      ...notPacked
    ]
  }
}
