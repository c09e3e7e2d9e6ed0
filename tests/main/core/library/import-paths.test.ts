import { mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InProcessExtractor, type Extractor } from '../../../../src/main/core/library/extractor'
import { importFolder } from '../../../../src/main/core/library/import-folder'
import { importPaths } from '../../../../src/main/core/library/import-paths'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { useTempDirs } from '../../../helpers/temp-dir'

/** An in-process extractor that keeps the name of every file it was asked to read. */
function countingExtractor(): Extractor & { read: string[] } {
  const inner = new InProcessExtractor({ maxInflatedBytes: 200 * 1024 * 1024 })
  const read: string[] = []
  return {
    read,
    parallelism: 1,
    close: () => inner.close(),
    extract: (path, name, folder, call) => {
      read.push(String(path))
      return inner.extract(path, name, folder, call)
    }
  }
}

const options = (extractor: Extractor) => ({ now: () => new Date('2026-01-16T10:00:00Z'), onProgress: () => undefined, extractor })

describe('importPaths', () => {
  const tempDir = useTempDirs()

  /** A folder of three articles in two subfolders, imported. */
  async function imported() {
    const folder = await realpath(await tempDir())
    await mkdir(join(folder, 'wires', 'tass'), { recursive: true })
    await mkdir(join(folder, 'local'))
    await writeFile(join(folder, 'wires', 'tass', 'one.txt'), 'First wire story about the ceremony.\n')
    await writeFile(join(folder, 'wires', 'two.txt'), 'Second wire story.\n')
    await writeFile(join(folder, 'local', 'three.txt'), 'A local story.\n')
    const store = await ProjectStore.open(await tempDir())
    const extractor = countingExtractor()
    await importFolder(store, folder, options(extractor))
    extractor.read.length = 0
    const byPath = (relativePath: string) => store.library.data.sources.find((source) => source.relativePath === relativePath)
    return { folder, store, extractor, byPath }
  }

  it('reads only the file added, changed or removed, and says which source changed', async () => {
    const { folder, store, extractor, byPath } = await imported()
    const neighbour = structuredClone(byPath('wires/two.txt'))
    const revision = store.sourceChanges.revision
    await writeFile(join(folder, 'wires', 'new.txt'), 'A new story arrives.\n')
    const added = await importPaths(store, [join(folder, 'wires', 'new.txt')], options(extractor))
    expect(added).toMatchObject({ added: 1, updated: 0, missing: 0, errors: [] })
    expect(extractor.read).toEqual([join(folder, 'wires', 'new.txt')])
    expect(store.sourceChanges.since(revision)).toEqual([byPath('wires/new.txt')?.id])

    await writeFile(join(folder, 'wires', 'tass', 'one.txt'), 'First wire story, now corrected.\n')
    const changed = await importPaths(store, [join(folder, 'wires', 'tass', 'one.txt')], options(extractor))
    expect(changed).toMatchObject({ added: 0, updated: 1, changedSourceIds: [byPath('wires/tass/one.txt')?.id] })
    expect(byPath('wires/tass/one.txt')?.title).toBe('First wire story, now corrected.')

    await rm(join(folder, 'wires', 'new.txt'))
    expect(await importPaths(store, [join(folder, 'wires', 'new.txt')], options(extractor))).toMatchObject({ missing: 1 })
    expect(byPath('wires/new.txt')?.missing).toBe(true)
    expect(extractor.read).toHaveLength(2)
    expect(byPath('wires/two.txt')).toEqual(neighbour)
  })

  it('marks every source of a removed folder missing, and walks a folder that appeared', async () => {
    const { folder, store, extractor, byPath } = await imported()
    await rm(join(folder, 'wires'), { recursive: true })
    const removed = await importPaths(store, [join(folder, 'wires')], options(extractor))
    expect(removed).toMatchObject({ missing: 2, foldersChanged: true })
    expect(byPath('wires/tass/one.txt')?.missing).toBe(true)
    expect(byPath('local/three.txt')?.missing).toBe(false)
    await mkdir(join(folder, 'new', 'deeper'), { recursive: true })
    await writeFile(join(folder, 'new', 'deeper', 'four.txt'), 'Moved in with its folder.\n')
    const appeared = await importPaths(store, [join(folder, 'new'), join(folder, 'new', 'deeper', 'four.txt')], options(extractor))
    expect(appeared).toMatchObject({ added: 1, foldersChanged: true })
    expect(extractor.read).toEqual([join(folder, 'new', 'deeper', 'four.txt')])
  })

  it('leaves alone a path in no imported folder, a hidden file, and a file touched but unchanged', async () => {
    const { folder, store, extractor } = await imported()
    const elsewhere = await tempDir()
    await writeFile(join(elsewhere, 'stray.txt'), 'Not in the project.\n')
    await writeFile(join(folder, 'local', '.draft.txt'), 'Hidden.\n')
    const revision = store.sourceChanges.revision
    const outcome = await importPaths(store, [join(elsewhere, 'stray.txt'), join(folder, 'local', '.draft.txt'), join(folder, 'local', 'three.txt')], options(extractor))
    expect(outcome).toMatchObject({ added: 0, updated: 0, missing: 0, errors: [] })
    expect(extractor.read).toEqual([])
    expect(store.sourceChanges.since(revision)).toEqual([])
  })

  it('imports a file reached through a link by walking its folder, as a full import would', async () => {
    const { folder, store, extractor, byPath } = await imported()
    await symlink(join(folder, 'local', 'three.txt'), join(folder, 'wires', 'alias.txt'))
    await importPaths(store, [join(folder, 'wires', 'alias.txt')], options(extractor))
    // The link's target is listed under its own path already: the link adds nothing twice.
    expect(byPath('wires/alias.txt')).toBeUndefined()
    expect(extractor.read).toEqual([])
  })
})
