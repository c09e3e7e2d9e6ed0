// The project bundle's table of contents (sourcebench-bundle.json), its limits, and the
// rules every entry path obeys: shared by the writer and the reader, so a bundle one
// writes is one the other accepts.
import { z } from 'zod'

export const MANIFEST_NAME = 'sourcebench-bundle.json'
export const BUNDLE_FORMAT = 'sourcebench-bundle'
export const BUNDLE_VERSION = 1

const GB = 1024 * 1024 * 1024
const MB = 1024 * 1024

/** What a bundle may hold; beyond this it is refused unread (a zip bomb, or not ours). */
export const BUNDLE_LIMITS = {
  totalBytes: 4 * GB,
  entryBytes: 2 * GB,
  entries: 200_000,
  manifestBytes: 64 * MB,
  /** library.json and notes.json are parsed in memory, as the store does. */
  jsonBytes: 256 * MB,
  /** Text compresses 3–10 times, JSON a little more: a larger ratio is a bomb, not a project. */
  ratio: 200,
  /** Small entries (a run of blanks, an empty list) may compress far better without harm. */
  ratioFloorBytes: MB
} as const

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/)

export const bundleFileSchema = z.object({
  path: z.string().min(1).max(4096),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema
})
export type BundleFile = z.infer<typeof bundleFileSchema>

const count = z.number().int().nonnegative()

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  appVersion: z.string().max(100),
  project: z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(200), createdAt: z.string().max(100) }),
  exportedAt: z.string().max(100),
  counts: z.object({ sources: count, annotations: count, claims: count, texts: count, originals: count }),
  /** Every other entry of the zip, each once: the reader refuses any entry not listed, and any listed one missing. */
  files: z.array(bundleFileSchema).max(BUNDLE_LIMITS.entries)
})
export type BundleManifest = z.infer<typeof bundleManifestSchema>

/** Where a project bundle's entries go. */
export const LIBRARY_ENTRY = 'library.json'
export const NOTES_ENTRY = 'notes.json'
const TEXT_ENTRY = /^texts\/([0-9a-f]{64})\.txt$/
const ORIGINAL_ENTRY = /^originals\/([^/]+)\/(.+)$/

export function textEntry(contentHash: string): string {
  return `texts/${contentHash}.txt`
}

export function originalEntry(rootId: string, relativePath: string): string {
  return `originals/${rootId}/${relativePath}`
}

export type BundleEntryKind =
  | { kind: 'library' }
  | { kind: 'notes' }
  | { kind: 'text'; contentHash: string }
  | { kind: 'original'; rootId: string; relativePath: string }

/** What an entry path is for, or null when a bundle has no such entry. */
export function entryKind(path: string): BundleEntryKind | null {
  if (path === LIBRARY_ENTRY) return { kind: 'library' }
  if (path === NOTES_ENTRY) return { kind: 'notes' }
  const text = TEXT_ENTRY.exec(path)
  if (text?.[1] !== undefined) return { kind: 'text', contentHash: text[1] }
  const original = ORIGINAL_ENTRY.exec(path)
  if (original?.[1] !== undefined && original[2] !== undefined) return { kind: 'original', rootId: original[1], relativePath: original[2] }
  return null
}

/**
 * Why an entry path could land outside the folder it is unpacked into (zip slip), or null
 * when it cannot: only plain relative paths with forward slashes are accepted.
 */
export function unsafePath(path: string): string | null {
  if (path.includes('\0')) return 'it contains a NUL character'
  if (path.includes('\\')) return 'it contains a backslash'
  if (path.startsWith('/')) return 'it is an absolute path'
  if (/^[a-zA-Z]:/.test(path)) return 'it starts with a drive letter'
  const parts = path.split('/')
  if (parts.includes('..')) return 'it climbs out of its folder (“..”)'
  if (parts.some((part) => part === '' || part === '.')) return 'it has an empty or “.” folder name'
  return null
}
