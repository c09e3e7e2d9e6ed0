// Reads the single-file index of format version 1 (search-index.bin with its hashes in
// search-index.json, beside the project's data) as one segment, so an older project keeps
// its index: it is saved once as the first segment and the old files are removed.
import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { decodeIndex } from './index-file'
import { Segment } from './segment'

export const LEGACY_INDEX_FILE = 'search-index.bin'
export const LEGACY_STATE_FILE = 'search-index.json'
const stateSchema = z.object({ version: z.literal(1), hashes: z.record(z.string(), z.string()) })

/** The old index as a segment (tags: the text hashes it was built from), or null when the project has none. Throws when damaged. */
export async function readLegacyIndex(projectDir: string): Promise<Segment | null> {
  let bytes: Buffer
  let state: string
  try {
    ;[bytes, state] = await Promise.all([readFile(join(projectDir, LEGACY_INDEX_FILE)), readFile(join(projectDir, LEGACY_STATE_FILE), 'utf-8')])
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const hashes = stateSchema.parse(JSON.parse(state)).hashes
  const { keys, docLengths, sealed } = decodeIndex(bytes)
  if (new Set(keys).size !== keys.length) throw new Error('search-index: the saved index is damaged (a key appears twice); rebuild it')
  return new Segment({
    keys,
    // A key without a hash is re-indexed by the next sync.
    tags: keys.map((key) => hashes[key] ?? ''),
    docLengths,
    removals: [],
    terms: sealed.terms,
    arenas: sealed
  })
}

/** Removes the old files once their content is saved as segments. */
export async function removeLegacyIndex(projectDir: string): Promise<void> {
  await rm(join(projectDir, LEGACY_INDEX_FILE), { force: true })
  await rm(join(projectDir, LEGACY_STATE_FILE), { force: true })
}

/** Keeps a damaged old index aside (for a look later) and drops its state, so the next sync rebuilds. */
export async function setLegacyIndexAside(projectDir: string): Promise<void> {
  const path = join(projectDir, LEGACY_INDEX_FILE)
  await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
  await rm(join(projectDir, LEGACY_STATE_FILE), { force: true })
}
