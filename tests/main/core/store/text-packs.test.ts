import { appendFile, mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../../../../src/main/core/store/content-hash'
import { PACKS_FOLDER, PackAppender, readPackIndex, readPlace, TextPacks, type TextPlace } from '../../../../src/main/core/store/text-packs'
import { useTempDirs } from '../../../helpers/temp-dir'

const TEXTS = ['Seoul, 3 March. Talks resumed.\n', 'Kyiv — the mayor’s office said… «nothing».\n', 'A third story, longer than the others by a line or two.\n']

describe('text packs', () => {
  const tempDir = useTempDirs()

  /** A project's texts/ folder with TEXTS appended by one thread's appender and adopted by a store's packs (not yet synced). */
  async function packed(limit?: number) {
    const textsDir = await tempDir()
    const appender = new PackAppender(join(textsDir, PACKS_FOLDER), limit)
    const packs = new TextPacks(textsDir)
    await packs.load()
    const places: TextPlace[] = []
    for (const text of TEXTS) {
      const place = appender.append(sha256(text), Buffer.from(text))
      places.push(place)
      expect(packs.adopt(sha256(text), place)).toBe(true)
    }
    return { textsDir, packsDir: join(textsDir, PACKS_FOLDER), appender, packs, places }
  }

  async function reopened(textsDir: string): Promise<TextPacks> {
    const packs = new TextPacks(textsDir)
    await packs.load()
    return packs
  }

  it('reads a text from its pack as soon as it is adopted, and names it in the index only once synced', async () => {
    const { textsDir, packsDir, packs } = await packed()
    for (const text of TEXTS) expect((await packs.read(sha256(text)))?.toString('utf8')).toBe(text)
    expect((await readdir(packsDir)).filter((name) => name.endsWith('.idx'))).toEqual([])
    expect((await readPackIndex(packsDir)).places.size).toBe(0)
    await packs.sync()
    const later = await reopened(textsDir)
    expect(later.size).toBe(TEXTS.length)
    for (const text of TEXTS) expect((await later.read(sha256(text)))?.toString('utf8')).toBe(text)
  })

  it('refuses a text it knows already, and a place outside the packs', async () => {
    const { packs, places } = await packed()
    expect(packs.adopt(sha256(TEXTS[0] ?? ''), places[1] as TextPlace)).toBe(false)
    expect(() => packs.adopt(sha256('other'), { pack: '../../etc/passwd', offset: 0, bytes: 4 })).toThrow(/bad place/)
  })

  it('after a crash: removes a pack no index names, ignores a torn entry and entries past the pack end, and an index whose pack is gone', async () => {
    const { textsDir, packsDir, packs, appender } = await packed()
    await packs.sync()
    const [idx] = (await readdir(packsDir)).filter((name) => name.endsWith('.idx'))
    const pack = (idx ?? '').slice(0, -4)
    // A text appended after the last commit: bytes in the pack, no entry.
    appender.append(sha256('late'), Buffer.from('late'))
    // A torn entry (half written), and an entry naming bytes the pack never got.
    await appendFile(join(packsDir, idx ?? ''), Buffer.alloc(17, 1))
    const beyond = Buffer.alloc(40)
    beyond.write(sha256('beyond'), 0, 32, 'hex')
    beyond.writeUInt32LE(1_000_000, 32)
    beyond.writeUInt32LE(10, 36)
    const torn = await readFile(join(packsDir, idx ?? ''))
    await writeFile(join(packsDir, idx ?? ''), Buffer.concat([torn.subarray(0, torn.length - 17), beyond, Buffer.alloc(17, 1)]))
    // A pack a killed import never committed, and an index left without its pack.
    await writeFile(join(packsDir, 'zzz-1-2-abcd.pack'), 'never indexed')
    await writeFile(join(packsDir, 'yyy-1-2-abcd.idx'), Buffer.alloc(40))
    const later = await reopened(textsDir)
    expect(later.size).toBe(TEXTS.length)
    expect(later.has(sha256('late'))).toBe(false)
    expect(later.has(sha256('beyond'))).toBe(false)
    expect((await readdir(packsDir)).sort()).toEqual([`${pack}.idx`, `${pack}.pack`])
    for (const text of TEXTS) expect((await later.read(sha256(text)))?.toString('utf8')).toBe(text)
  })

  it('drops texts from the index, and removes a pack with its last text', async () => {
    const { textsDir, packsDir, packs } = await packed()
    await packs.sync()
    expect(await packs.remove([sha256(TEXTS[0] ?? ''), sha256('never stored')])).toBe(1)
    expect(packs.has(sha256(TEXTS[0] ?? ''))).toBe(false)
    const later = await reopened(textsDir)
    expect([...later.hashes()].sort()).toEqual([sha256(TEXTS[1] ?? ''), sha256(TEXTS[2] ?? '')].sort())
    expect(await later.remove(later.hashes())).toBe(2)
    expect(await readdir(packsDir)).toEqual([])
  })

  it('keeps a pack whose indexed texts are all dropped while it holds a text not indexed yet', async () => {
    const textsDir = await tempDir()
    const appender = new PackAppender(join(textsDir, PACKS_FOLDER))
    const packs = new TextPacks(textsDir)
    await packs.load()
    const [first, second, pending] = TEXTS.map((text) => ({ hash: sha256(text), place: appender.append(sha256(text), Buffer.from(text)) }))
    packs.adopt(first!.hash, first!.place)
    packs.adopt(second!.hash, second!.place)
    await packs.sync()
    packs.adopt(pending!.hash, pending!.place)
    expect(await packs.remove([first!.hash, second!.hash])).toBe(2)
    await packs.sync()
    const later = await reopened(textsDir)
    expect([...later.hashes()]).toEqual([pending!.hash])
    expect((await later.read(pending!.hash))?.toString('utf8')).toBe(TEXTS[2])
    // And once that one goes too, the pack goes with it.
    expect(await later.remove([pending!.hash])).toBe(1)
    expect(await readdir(join(textsDir, PACKS_FOLDER))).toEqual([])
  })

  it('does not index a text dropped before the commit', async () => {
    const { textsDir, packs } = await packed()
    await packs.remove([sha256(TEXTS[1] ?? '')])
    await packs.sync()
    expect((await reopened(textsDir)).has(sha256(TEXTS[1] ?? ''))).toBe(false)
    expect((await reopened(textsDir)).size).toBe(2)
  })

  it('keeps the texts for the next commit when a sync fails, and appends after the last whole entry of a torn index', async () => {
    const { textsDir, packsDir, packs, places } = await packed()
    const index = join(packsDir, `${places[0]?.pack}.idx`)
    // An index that cannot be written now.
    await mkdir(index)
    await expect(packs.sync()).rejects.toThrow()
    await rm(index, { recursive: true })
    // What an append cut short left: part of an entry.
    await writeFile(index, Buffer.alloc(17, 7))
    await packs.sync()
    expect((await readFile(index)).length).toBe(40 * TEXTS.length)
    const later = await reopened(textsDir)
    for (const text of TEXTS) expect((await later.read(sha256(text)))?.toString('utf8')).toBe(text)
  })

  it('drops the texts of a pack removed before they were indexed, so later commits still go through', async () => {
    const { textsDir, packsDir, packs, places, appender } = await packed()
    await rm(join(packsDir, `${places[0]?.pack}.pack`))
    await packs.sync()
    expect(packs.size).toBe(0)
    // The thread starts a new pack rather than answer with places in the removed one.
    const place = appender.append(sha256(TEXTS[0] ?? ''), Buffer.from(TEXTS[0] ?? ''))
    expect(place.pack).not.toBe(places[0]?.pack)
    expect(packs.adopt(sha256(TEXTS[0] ?? ''), place)).toBe(true)
    await packs.sync()
    expect((await (await reopened(textsDir)).read(sha256(TEXTS[0] ?? '')))?.toString('utf8')).toBe(TEXTS[0])
  })

  it('starts a new pack past the limit, and a new one when its pack was removed under it', async () => {
    const { packsDir, appender, places } = await packed(40)
    expect(new Set(places.map((place) => place.pack)).size).toBeGreaterThan(1)
    const last = places[places.length - 1] as TextPlace
    await truncate(join(packsDir, `${last.pack}.pack`), 0)
    await rm(join(packsDir, `${last.pack}.pack`))
    // Not even a text it wrote there is answered with its old place.
    const again = appender.append(sha256(TEXTS[2] ?? ''), Buffer.from(TEXTS[2] ?? ''))
    expect(again.pack).not.toBe(last.pack)
    expect(again.offset).toBe(0)
    expect((await readPlace(packsDir, again)).toString()).toBe(TEXTS[2])
  })

  it('answers a text it has just appended with its place, and forgets it once the pack is closed', async () => {
    const { packsDir, appender, places } = await packed()
    const first = places[0] as TextPlace
    expect(appender.append(sha256(TEXTS[0] ?? ''), Buffer.from(TEXTS[0] ?? ''))).toEqual(first)
    // Closed (no text came for a second, or its project closed): the thread keeps no list of what it wrote.
    appender.close()
    const again = appender.append(sha256(TEXTS[0] ?? ''), Buffer.from(TEXTS[0] ?? ''))
    expect(again.pack).toBe(first.pack)
    expect(again.offset).toBeGreaterThan(first.offset)
    expect((await readPlace(packsDir, again)).toString()).toBe(TEXTS[0])
  })
})
