// The search index's commit point: a small JSON file listing, oldest first, the segment
// files that make up the saved index. It is replaced atomically after the segments it
// names are on disk, so a crash leaves either the old list or the new one, each complete.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../store/atomic-write'

export const MANIFEST_FILE = 'manifest.json'
export const MANIFEST_VERSION = 2
const SEGMENT_FILE = /^segment-\d{8,}\.sbs$/

const manifestSchema = z.object({
  format: z.literal('sourcebench-search-index'),
  version: z.number().int(),
  /** The number the next segment file is named with. */
  nextSegment: z.number().int().nonnegative(),
  /** Oldest first; `bytes` is the file's size, checked before a load counts on the file. */
  segments: z.array(z.object({ file: z.string().regex(SEGMENT_FILE), docs: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }))
})

export type Manifest = z.infer<typeof manifestSchema>

export function segmentFileName(sequence: number): string {
  return `segment-${String(sequence).padStart(8, '0')}.sbs`
}

export function isSegmentFile(name: string): boolean {
  return SEGMENT_FILE.test(name)
}

/** The manifest in `dir`, or null when there is none; throws an Error saying what is wrong with a damaged one. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let text: string
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf-8')
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let manifest: Manifest
  try {
    manifest = manifestSchema.parse(JSON.parse(text))
  } catch {
    throw new Error('search-index: the index manifest is damaged (not a list of segments)')
  }
  if (manifest.version !== MANIFEST_VERSION) {
    throw new Error(`search-index: the index manifest has format version ${manifest.version}, this version reads ${MANIFEST_VERSION}`)
  }
  return manifest
}

export function writeManifest(dir: string, manifest: Omit<Manifest, 'format' | 'version'>): Promise<void> {
  const content: Manifest = { format: 'sourcebench-search-index', version: MANIFEST_VERSION, ...manifest }
  return writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(content))
}
