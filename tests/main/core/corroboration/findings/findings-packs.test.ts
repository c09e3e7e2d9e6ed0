import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FindingsPacks, PACK_RECORDS } from '../../../../../src/main/core/corroboration/findings/findings-packs'
import { useTempDirs } from '../../../../helpers/temp-dir'

const hashOf = (index: number): string => index.toString(16).padStart(64, '0')
const record = (index: number): string => JSON.stringify({ quotes: [], names: [{ text: `Person Number${index}`, kind: 'person', count: 1 }] })

async function readAll(packs: FindingsPacks, hashes: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  await packs.read(hashes, (hash, json) => found.set(hash, json))
  return found
}

describe('FindingsPacks', () => {
  const tempDir = useTempDirs()

  it('reads back every record on the next open, a pack at a time, and splits a large batch into bounded packs', async () => {
    const dir = await tempDir()
    const packs = await FindingsPacks.open(dir)
    const hashes = Array.from({ length: PACK_RECORDS + 10 }, (_, index) => hashOf(index))
    for (const [index, hash] of hashes.entries()) await packs.add(hash, record(index))
    await packs.flush()
    const reopened = await FindingsPacks.open(dir)
    expect(reopened.packCount).toBe(2)
    const found = await readAll(reopened, [hashes[3]!, hashes.at(-1)!, hashOf(999_999)])
    expect(found).toEqual(new Map([[hashes[3]!, record(3)], [hashes.at(-1)!, record(hashes.length - 1)]]))
  })

  it('ignores a pack whose index line is damaged or written by another analyser version, and deletes it when tidying', async () => {
    const dir = await tempDir()
    const packs = await FindingsPacks.open(dir)
    await packs.add(hashOf(1), record(1))
    await packs.flush()
    await packs.add(hashOf(2), record(2))
    await packs.flush()
    const [first, second] = (await readdir(join(dir, 'packs'))).sort()
    await writeFile(join(dir, 'packs', first!), '{"format":"sourcebench-findings-pack","analyser":1,"rec')
    const text = await readFile(join(dir, 'packs', second!), 'utf8')
    await writeFile(join(dir, 'packs', second!), text.replace('"analyser":1', '"analyser":999'))
    const reopened = await FindingsPacks.open(dir)
    expect(reopened.has(hashOf(1))).toBe(false)
    expect(reopened.has(hashOf(2))).toBe(false)
    await reopened.compact(new Set([hashOf(1), hashOf(2)]))
    expect(await readdir(join(dir, 'packs'))).toEqual([])
  })

  it('merges the small packs that changes leave behind once enough pile up, keeping live records and dropping the dead', async () => {
    const dir = await tempDir()
    const packs = await FindingsPacks.open(dir)
    // One pack per change, as a source edited again and again leaves.
    const change = async (index: number): Promise<void> => {
      await packs.add(hashOf(index), record(index))
      await packs.flush()
    }
    for (let index = 0; index < 4; index++) await change(index)
    await packs.compact(new Set([hashOf(1), hashOf(2), hashOf(3)]))
    // A dead pack goes at once; three small live ones are not worth a rewrite yet.
    expect(await readdir(join(dir, 'packs'))).toHaveLength(3)
    for (let index = 4; index < 12; index++) await change(index)
    const live = new Set([1, 2, 3, 5, 6, 7, 8, 9, 11].map(hashOf))
    await packs.compact(live)
    expect(await readdir(join(dir, 'packs'))).toHaveLength(1)
    const reopened = await FindingsPacks.open(dir)
    const all = Array.from({ length: 12 }, (_, index) => hashOf(index))
    expect(await readAll(reopened, all)).toEqual(new Map([...live].map((hash) => [hash, record(parseInt(hash, 16))])))
  })

  it('removes the temporary file of a pack write a crash cut short', async () => {
    const dir = await tempDir()
    await FindingsPacks.open(dir)
    await writeFile(join(dir, 'packs', '.00000001.pack.4242.0-1.tmp'), 'half a pa')
    const packs = await FindingsPacks.open(dir)
    expect(packs.packCount).toBe(0)
    expect(await readdir(join(dir, 'packs'))).toEqual([])
  })
})
