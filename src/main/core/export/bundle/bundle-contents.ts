// What a bundle says it holds, checked before anything is unpacked: the manifest, every
// entry against it (none unlisted, none missing, sizes agreeing), and library.json and
// notes.json against the store's own schemas.
import type { z } from 'zod'
import { describeIssues } from '../../../../shared/ipc/validation'
import { libraryDataSchema, notesDataSchema, type LibraryData, type NotesData } from '../../store/project-store'
import {
  BUNDLE_FORMAT,
  BUNDLE_LIMITS,
  BUNDLE_VERSION,
  bundleManifestSchema,
  entryKind,
  LIBRARY_ENTRY,
  MANIFEST_NAME,
  NOTES_ENTRY,
  type BundleFile,
  type BundleManifest
} from './bundle-manifest'
import type { BundleZip } from './bundle-zip'

export interface BundleContents {
  manifest: BundleManifest
  library: LibraryData
  notes: NotesData
  /** The manifest's line for each entry, by path. */
  files: Map<string, BundleFile>
}

function decodeJson(bytes: Buffer): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
}

async function readManifest(zip: BundleZip): Promise<BundleManifest> {
  const entry = zip.entries.get(MANIFEST_NAME)
  if (entry === undefined) throw zip.refusal(`it has no ${MANIFEST_NAME}, so it is not a Sourcebench bundle`)
  let raw: unknown
  try {
    raw = decodeJson(await zip.readAll(MANIFEST_NAME, { size: entry.uncompressedSize, sha256: null }, BUNDLE_LIMITS.manifestBytes))
  } catch (error: unknown) {
    if (error instanceof SyntaxError || error instanceof TypeError) throw zip.refusal(`its ${MANIFEST_NAME} is not valid JSON (${error.message})`)
    throw error
  }
  const { format, version } = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown }
  if (format !== BUNDLE_FORMAT) throw zip.refusal(`it is not a Sourcebench bundle (its ${MANIFEST_NAME} says format “${String(format)}”)`)
  if (version !== BUNDLE_VERSION) {
    const newer = typeof version === 'number' && version > BUNDLE_VERSION
    throw zip.refusal(`it is a bundle of version ${String(version)}, and this Sourcebench reads version ${BUNDLE_VERSION}${newer ? ': update Sourcebench to open it' : ''}`)
  }
  const parsed = bundleManifestSchema.safeParse(raw)
  if (!parsed.success) throw zip.refusal(`its ${MANIFEST_NAME} is not valid (${describeIssues(parsed.error)})`)
  return parsed.data
}

/** Every entry of the zip is in the manifest and every file of the manifest in the zip, at the same size. */
function checkListing(zip: BundleZip, manifest: BundleManifest): Map<string, BundleFile> {
  const files = new Map<string, BundleFile>()
  for (const file of manifest.files) {
    if (files.has(file.path)) throw zip.refusal(`its manifest lists ${file.path} twice`)
    if (entryKind(file.path) === null) throw zip.refusal(`its manifest lists ${file.path}, which is not a file a bundle holds`)
    const entry = zip.entries.get(file.path)
    if (entry === undefined) throw zip.refusal(`${file.path} is listed in its manifest but missing from the zip`)
    if (entry.uncompressedSize !== file.size) throw zip.refusal(`${file.path} is ${entry.uncompressedSize} bytes in the zip, where its manifest says ${file.size}`)
    files.set(file.path, file)
  }
  for (const path of zip.entries.keys()) {
    if (path !== MANIFEST_NAME && !files.has(path)) throw zip.refusal(`it holds ${path}, which its manifest does not list`)
  }
  for (const required of [LIBRARY_ENTRY, NOTES_ENTRY]) if (!files.has(required)) throw zip.refusal(`it has no ${required}`)
  return files
}

async function readData<T>(zip: BundleZip, file: BundleFile, schema: z.ZodType<T>, what: string): Promise<T> {
  let raw: unknown
  try {
    raw = decodeJson(await zip.readAll(file.path, file, BUNDLE_LIMITS.jsonBytes))
  } catch (error: unknown) {
    if (error instanceof SyntaxError || error instanceof TypeError) throw zip.refusal(`its ${file.path} is not valid JSON (${error.message})`)
    throw error
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw zip.refusal(`its ${file.path} does not hold ${what} Sourcebench can read (${describeIssues(parsed.error)})`)
  return parsed.data
}

export async function readBundleContents(zip: BundleZip): Promise<BundleContents> {
  const manifest = await readManifest(zip)
  const files = checkListing(zip, manifest)
  const entry = (path: string): BundleFile => {
    const file = files.get(path)
    if (file === undefined) throw zip.refusal(`it has no ${path}`)
    return file
  }
  const library = await readData(zip, entry(LIBRARY_ENTRY), libraryDataSchema, 'a library')
  const notes = await readData(zip, entry(NOTES_ENTRY), notesDataSchema, 'notes')
  const rootIds = new Set(library.roots.map((root) => root.id))
  for (const path of files.keys()) {
    const kind = entryKind(path)
    if (kind?.kind === 'original' && !rootIds.has(kind.rootId)) throw zip.refusal(`${path} belongs to a folder its library does not have`)
  }
  return { manifest, library, notes, files }
}
