// Where each imported folder of an opened bundle lives on this computer: where it was (the
// same folder is here, with its files), in the project's own folder (its originals came in
// the bundle), or nowhere (its sources are read from their stored texts).
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { ImportRoot, Source } from '../../../../shared/domain/source'
import { realDataDir, refusalOf, type FolderPolicy } from '../../library/import-root'
import { readFileCapped } from '../../library/read-file-capped'
import { sha256Bytes } from '../../store/content-hash'
import { unsafePath } from './bundle-manifest'

export type RootPlace = 'here' | 'bundled' | 'not-here'

/** Whether the file at `path` is the very file the source was made from: same size, and same bytes where their hash is known. */
async function sameFile(path: string, source: Source): Promise<boolean> {
  const bytes = await readFileCapped(path, Math.max(source.size, 1), { noFollow: true }).catch(() => null)
  if (bytes === null || bytes.byteLength !== source.size) return false
  return source.fileHash === null || sha256Bytes(bytes) === source.fileHash
}

/**
 * Whether the folder the bundle names is on this computer with the very files its sources
 * were made from (those not already missing; at least one). A bundle is someone else's file:
 * without that proof a folder of the same name, or one listed with no files at all, would be
 * imported and watched just by opening it. A folder the app would refuse to import (a system
 * folder, the app's own data) is never taken.
 */
async function folderIsHere(root: ImportRoot, sources: readonly Source[], policy: FolderPolicy): Promise<boolean> {
  if (!isAbsolute(root.path)) return false
  const real = await realpath(root.path).catch(() => null)
  if (real === null || (await stat(real).catch(() => null))?.isDirectory() !== true) return false
  if (refusalOf(real, { ...policy, dataDir: await realDataDir(policy) }) !== null) return false
  let present = 0
  for (const source of sources) {
    if (source.rootId !== root.id || source.missing) continue
    if (unsafePath(source.relativePath) !== null || !(await sameFile(join(real, source.relativePath), source))) return false
    present++
  }
  return present > 0
}

/** Each root's place, by root id. `packed` says which roots have original files in the bundle. */
export async function placeRoots(
  roots: readonly ImportRoot[],
  sources: readonly Source[],
  packed: ReadonlySet<string>,
  policy: FolderPolicy
): Promise<Map<string, RootPlace>> {
  const places = new Map<string, RootPlace>()
  for (const root of roots) {
    const place: RootPlace = (await folderIsHere(root, sources, policy)) ? 'here' : packed.has(root.id) ? 'bundled' : 'not-here'
    places.set(root.id, place)
  }
  return places
}

/** The folder a bundled root's originals are unpacked into, inside the project's folder. */
export function bundledRootDir(projectDir: string, rootId: string): string {
  return join(projectDir, 'originals', rootId)
}

/** The roots as the new project keeps them: a folder here is followed as before, any other is detached. */
export function placedRoots(roots: readonly ImportRoot[], places: ReadonlyMap<string, RootPlace>, projectDir: string): ImportRoot[] {
  return roots.map((root) => {
    const rest = { ...root }
    delete rest.detached
    const place = places.get(root.id) ?? 'not-here'
    // Counted again on this computer: the bundle's count would set how much of the watch budget the folder takes.
    delete rest.folders
    if (place === 'here') return rest
    if (place === 'bundled') return { ...rest, path: bundledRootDir(projectDir, root.id), detached: 'bundled' }
    return { ...rest, detached: 'not-here' }
  })
}
