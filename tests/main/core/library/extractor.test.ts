import { getEventListeners } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MessagePort } from 'node:worker_threads'
import { HOLD_ANSWERS, serveExtractions } from '../../../../src/main/core/library/extract-serve'
import { FILES_AHEAD, InProcessExtractor, WorkerPoolExtractor, type ExtractReply, type WorkerMessage } from '../../../../src/main/core/library/extractor'
import { importLanes } from '../../../../src/main/core/library/import-folder'
import { documentTerms } from '../../../../src/main/core/search/document-terms'
import { countWords } from '../../../../src/shared/text/words'
import { parseQuery } from '../../../../src/shared/search/query'
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { decodeSegment } from '../../../../src/main/core/search/segment-file'
import { sha256 } from '../../../../src/main/core/store/content-hash'

function parseOk(input: string) {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.query
}
import { useTempDirs } from '../../../helpers/temp-dir'

const script = {
  path: resolve(__dirname, '../../../helpers/ts-worker.mjs'),
  workerData: { script: resolve(__dirname, '../../../../src/main/core/library/extract-worker.ts') }
}
const options = { maxInflatedBytes: 10 * 1024 * 1024 }

describe('WorkerPoolExtractor', () => {
  const tempDir = useTempDirs()
  const pools: WorkerPoolExtractor[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()))
  })

  it('extracts many files on two threads, passing each file its own reason when it fails', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 6; index++) await writeFile(join(folder, `ok-${index}.txt`), `Article ${index}.\n`)
    await writeFile(join(folder, 'bad.pdf'), 'this is not a PDF at all')
    const pool = new WorkerPoolExtractor(script, 2, options)
    pools.push(pool)
    const texts = await Promise.all(Array.from({ length: 6 }, (_, index) => pool.extract(join(folder, `ok-${index}.txt`), `ok-${index}.txt`).then(({ document }) => document.text)))
    expect(texts).toEqual(Array.from({ length: 6 }, (_, index) => `Article ${index}.\n`))
    await expect(pool.extract(join(folder, 'bad.pdf'), 'bad.pdf')).rejects.toThrow(/damaged PDF/)
    await expect(pool.extract(join(folder, 'gone.txt'), 'gone.txt')).rejects.toMatchObject({ code: 'ENOENT' })
  }, 30_000)

  it('reads the text on the thread when asked: the same terms, words and title the importer would work out', async () => {
    const folder = await tempDir()
    const text = 'Short\nSeoul talks resume after Korea\u2019s long pause\n\nThe talks, the first in years, resume.\n'
    await writeFile(join(folder, 'talks.txt'), text)
    const pool = new WorkerPoolExtractor(script, 1, options)
    pools.push(pool)
    const { reading } = await pool.extract(join(folder, 'talks.txt'), 'talks.txt', undefined, { readText: true })
    expect(reading?.words).toBe(countWords(text))
    expect(reading?.textTitle).toBe('Seoul talks resume after Korea\u2019s long pause')
    expect(reading?.terms).toEqual(documentTerms(text))
    expect((await pool.extract(join(folder, 'talks.txt'), 'talks.txt')).reading).toBeUndefined()
  }, 30_000)

  it('indexes the texts of a batch on the threads when asked, and hands over the segment of them each thread built', async () => {
    const folder = await tempDir()
    const texts = ['Seoul talks resume.\n', 'Kyiv talks stall.\n', 'Talks in Geneva.\n', 'Nothing new.\n']
    for (const [k, text] of texts.entries()) await writeFile(join(folder, `${k}.txt`), text)
    const pool = new WorkerPoolExtractor(script, 2, options)
    pools.push(pool)
    const extractions = await Promise.all(
      texts.map((_, k) => pool.extract(join(folder, `${k}.txt`), `${k}.txt`, undefined, { readText: true, storeTextIn: folder, indexIn: { batch: 'b1', key: `src-${k}` } }))
    )
    for (const extraction of extractions) {
      expect(extraction.indexed).toBe(true)
      // Packed, read and indexed on the thread: the text need not come back.
      expect(extraction.textOmitted).toBe(true)
      expect(extraction.document.text).toBe('')
      expect(extraction.reading?.terms).toBeUndefined()
      expect(extraction.reading?.words).toBeGreaterThan(1)
    }
    const segments = (await pool.flushIndex('b1')).map(decodeSegment)
    expect(segments.length).toBeGreaterThan(0)
    expect(segments.flatMap((segment) => segment.keys).sort()).toEqual(['src-0', 'src-1', 'src-2', 'src-3'])
    expect(segments.flatMap((segment) => segment.tags).sort()).toEqual(texts.map((text) => sha256(text)).sort())
    const index = new SearchIndex()
    for (const segment of segments) index.addSegment(segment)
    expect(index.search(parseOk('talks'), { limit: 10 }).results.map((result) => result.key).sort()).toEqual(['src-0', 'src-1', 'src-2'])
    // Handed over once: the batch is forgotten.
    expect(await pool.flushIndex('b1')).toEqual([])
  }, 30_000)

  it('indexes texts the project stores, packed or in a file of their own, and refuses one that no longer matches its hash', async () => {
    const folder = await tempDir()
    const texts = join(folder, 'texts')
    await mkdir(texts)
    const sources = ['Seoul talks resume.\n', 'Kyiv talks stall.\n', 'Talks in Geneva.\n']
    for (const [k, text] of sources.entries()) await writeFile(join(folder, `${k}.txt`), text)
    const pool = new WorkerPoolExtractor(script, 2, options)
    pools.push(pool)
    // Stored in the threads' packs, as an import stores them.
    const stored = await Promise.all(sources.map((_, k) => pool.extract(join(folder, `${k}.txt`), `${k}.txt`, undefined, { readText: true, storeTextIn: texts })))
    for (const extraction of stored) expect(extraction.textPlace).toBeDefined()
    const loose = 'A scan of the Geneva talks, recognised.\n'
    await writeFile(join(texts, `${sha256(loose)}.txt`), loose)
    const refs = [
      ...stored.map((extraction) => ({ textsDir: texts, contentHash: extraction.storedText ?? '', place: extraction.textPlace ?? null, ocr: null })),
      { textsDir: texts, contentHash: sha256(loose), place: null, ocr: { recognised: true } as const }
    ]
    const filled = await Promise.all(refs.map((ref, k) => pool.indexStored(ref, { batch: 'late', key: `src-${k}` })))
    expect(filled.every((segment) => segment === null)).toBe(true)
    const damaged = { textsDir: texts, contentHash: sha256('what the file said before'), place: null, ocr: null }
    await writeFile(join(texts, `${damaged.contentHash}.txt`), 'what the file says now')
    await expect(pool.indexStored(damaged, { batch: 'late', key: 'src-damaged' })).rejects.toThrow(/no longer matches its hash/)
    const segments = (await pool.flushIndex('late')).map(decodeSegment)
    const index = new SearchIndex()
    for (const segment of segments) index.addSegment(segment)
    expect(segments.flatMap((segment) => segment.keys).sort()).toEqual(['src-0', 'src-1', 'src-2', 'src-3'])
    expect(index.search(parseOk('talks'), { limit: 10 }).results.map((result) => result.key).sort()).toEqual(['src-0', 'src-1', 'src-2', 'src-3'])
    // Tagged with each text's hash, as the search service tags what it indexes.
    expect(index.tagOf('src-3')).toBe(sha256(loose))
  }, 30_000)

  it('gives up on a file that takes too long, and the next file gets a fresh thread', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'slow.txt'), 'Slow only because the timeout is tiny.\n')
    const pool = new WorkerPoolExtractor(script, 1, options, 1)
    pools.push(pool)
    await expect(pool.extract(join(folder, 'slow.txt'), 'slow.txt')).rejects.toThrow(/gave up after 0 s: the file takes too long to read/)
    await expect(pool.extract(join(folder, 'slow.txt'), 'slow.txt')).rejects.toThrow(/gave up/)
  }, 30_000)
})

describe('WorkerPoolExtractor, with a file waiting in each thread', () => {
  const fake = { path: script.path, workerData: { script: resolve(__dirname, 'fake-extract-worker.ts') } }
  const tempDir = useTempDirs()
  const pools: WorkerPoolExtractor[] = []
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()))
  })
  const pool = (threads: number, timeoutMs?: number): WorkerPoolExtractor => {
    const made = new WorkerPoolExtractor(fake, threads, options, timeoutMs)
    pools.push(made)
    return made
  }
  const text = (extraction: Promise<{ document: { text: string } }>): Promise<string> => extraction.then(({ document }) => document.text)

  it('reads again, on a fresh thread, the file that waited behind one that hung', async () => {
    const extractor = pool(1, 1000)
    const hung = extractor.extract('hang.txt', 'hang.txt')
    const next = text(extractor.extract('next.txt', 'next.txt'))
    await expect(hung).rejects.toThrow(/gave up after 1 s/)
    expect(await next).toBe('next.txt')
  }, 30_000)

  it('reads again, on a fresh thread, the file that waited behind one that crashed the thread', async () => {
    const extractor = pool(1)
    const crashed = extractor.extract('crash.txt', 'crash.txt')
    const next = text(extractor.extract('next.txt', 'next.txt'))
    await expect(crashed).rejects.toThrow(/the extractor crashed on this file/)
    expect(await next).toBe('next.txt')
  }, 30_000)

  // A thread holds answers back to send several in one message (HOLD_ANSWERS): the files it read before the crash are not to blame.
  it('reports the file that crashed the thread, not the files read before it whose answers it held back; those are read again', async () => {
    const extractor = pool(1)
    const names = ['a.txt', 'b.txt', 'c.txt']
    const read = names.map((name) => text(extractor.extract(name, name)))
    const crashed = extractor.extract('crash.txt', 'crash.txt')
    const after = text(extractor.extract('after.txt', 'after.txt'))
    await expect(crashed).rejects.toThrow(/the extractor crashed on this file/)
    expect(await Promise.all(read)).toEqual(names)
    expect(await after).toBe('after.txt')
  }, 30_000)

  it('reports the file a thread got stuck on, not the files read before it whose answers it held back', async () => {
    // Long enough for a thread starting on a busy machine to read a.txt in time.
    const extractor = pool(1, 5000)
    const names = ['a.txt', 'b.txt']
    const read = names.map((name) => text(extractor.extract(name, name)))
    const stuck = extractor.extract('spin.txt', 'spin.txt')
    await expect(stuck).rejects.toThrow(/gave up after 5 s/)
    expect(await Promise.all(read)).toEqual(names)
  }, 30_000)

  it('answers every file of a stopped import, the one a thread is stuck on behind answers it holds back too', async () => {
    const extractor = pool(1)
    const stop = new AbortController()
    const stuckAt = join(await tempDir(), 'spin.txt')
    const files = ['a.txt', 'b.txt', stuckAt].map((path) => extractor.extract(path, basename(path), undefined, { signal: stop.signal }))
    await vi.waitFor(() => expect(existsSync(stuckAt)).toBe(true), { timeout: 10_000 })
    stop.abort()
    for (const file of files) await expect(file).rejects.toThrow('the import was stopped')
    expect(await text(extractor.extract('after.txt', 'after.txt'))).toBe('after.txt')
  }, 30_000)

  it('hands a file waiting behind a slow one to a thread that is free', async () => {
    const extractor = pool(2)
    const done: string[] = []
    const read = (name: string): Promise<void> => text(extractor.extract(name, name)).then((got) => void done.push(got))
    // slow.txt goes to the first thread, quick.txt to the second, late.txt waits behind slow.txt until it is handed back.
    await Promise.all([read('slow.txt'), read('quick.txt'), read('late.txt')])
    expect(done).toEqual(['quick.txt', 'late.txt', 'slow.txt'])
  }, 30_000)

  it('answers a flush after the files sent before it, and with nothing for a thread that crashed', async () => {
    const extractor = pool(1)
    const slow = text(extractor.extract('slow.txt', 'slow.txt'))
    const after = text(extractor.extract('after.txt', 'after.txt'))
    const flushed = extractor.flushIndex('b')
    expect(await slow).toBe('slow.txt')
    expect(await after).toBe('after.txt')
    expect((await flushed).map((bytes) => new TextDecoder().decode(bytes))).toEqual(['b:slow.txt,after.txt'])
    const crashed = extractor.extract('crash.txt', 'crash.txt').catch(() => 'crashed')
    const lost = extractor.flushIndex('c')
    expect(await crashed).toBe('crashed')
    expect(await lost).toEqual([])
  }, 30_000)

  // hang-waiting.txt would never finish (a scan's OCR, page after page): stopped before its turn, it must never be started.
  it.each(['waiting.txt', 'hang-waiting.txt'])('stops %s waiting in a thread at once, never starts it, and the next file is read', async (name) => {
    const extractor = pool(1)
    const stop = new AbortController()
    const slow = text(extractor.extract('slow.txt', 'slow.txt'))
    const waiting = extractor.extract(name, name, undefined, { signal: stop.signal })
    stop.abort()
    await expect(waiting).rejects.toThrow('the import was stopped')
    expect(await slow).toBe('slow.txt')
    expect(await text(extractor.extract('after.txt', 'after.txt'))).toBe('after.txt')
  }, 30_000)

  it("stops all of an import's files at once, read, waiting or queued, through one listener on its signal", async () => {
    const extractor = pool(2)
    const stop = new AbortController()
    // Two being read, FILES_AHEAD waiting behind each, the rest queued: as many as an import keeps in flight.
    const names = Array.from({ length: 2 * (FILES_AHEAD + 1) + 2 }, (_, k) => (k < 2 ? `slow-${k}.txt` : `hang-${k}.txt`))
    const files = names.map((name) => extractor.extract(name, name, undefined, { signal: stop.signal }))
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1)
    stop.abort()
    for (const file of files) await expect(file).rejects.toThrow('the import was stopped')
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0)
    expect(await text(extractor.extract('after.txt', 'after.txt'))).toBe('after.txt')
  }, 30_000)

  it("lets go of the signal once the import's files are answered", async () => {
    const extractor = pool(2)
    const stop = new AbortController()
    const names = ['a.txt', 'b.txt', 'c.txt', 'slow.txt']
    expect(await Promise.all(names.map((name) => text(extractor.extract(name, name, undefined, { signal: stop.signal }))))).toEqual(names)
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0)
    // A later file of the same import is watched again.
    const later = extractor.extract('hang.txt', 'hang.txt', undefined, { signal: stop.signal })
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1)
    stop.abort()
    await expect(later).rejects.toThrow('the import was stopped')
  }, 30_000)
})

describe('serveExtractions', () => {
  it('takes files sent together and answers them several to a message, posting what it holds once nothing waits', async () => {
    const posted: ExtractReply[] = []
    let deliver: (message: WorkerMessage) => void = () => undefined
    const port = { on: (_event: string, handler: (message: WorkerMessage) => void) => (deliver = handler), postMessage: (reply: ExtractReply) => posted.push(reply) }
    serveExtractions(port as unknown as MessagePort, async (request) => ({ document: { format: 'text', text: request.fileName, title: null, meta: {}, pageStarts: null, warnings: [] }, fileHash: 'f' }))
    const files = HOLD_ANSWERS + 2
    deliver({ files: Array.from({ length: files }, (_, k) => ({ id: k + 1, path: `${k}.txt`, fileName: `${k}.txt`, options })) })
    const ids = (): number[] => posted.flatMap((reply) => ('answers' in reply ? reply.answers : [reply])).map((reply) => ('id' in reply ? reply.id : -1))
    await vi.waitFor(() => expect(ids()).toHaveLength(files))
    expect(ids()).toEqual(Array.from({ length: files }, (_, k) => k + 1))
    // HOLD_ANSWERS in the first message; the last two once no file was left to read.
    expect(posted.map((reply) => ('answers' in reply ? reply.answers.length : 1))).toEqual([HOLD_ANSWERS, 2])
  })
})

describe('importLanes', () => {
  it("keeps each thread's file and the files waiting behind it in flight, and two more being stored", async () => {
    const pool = new WorkerPoolExtractor(script, 2, options)
    expect(pool.filesAhead).toBe(FILES_AHEAD)
    expect(importLanes(pool)).toBe(2 * (FILES_AHEAD + 1) + 2)
    // An extractor without a queue of its own: one file reading, one more waiting, two being stored.
    expect(importLanes(new InProcessExtractor(options))).toBe(4)
    await pool.close()
  })
})

describe('extractFile and the imported folder', () => {
  const tempDir = useTempDirs()

  it('refuses a file whose path now leads out of the imported folder (a link swapped in after the walk)', async () => {
    const folder = await realpath(await tempDir())
    const outside = await realpath(await tempDir())
    await writeFile(join(outside, 'secret.txt'), 'Not for import.\n')
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    await symlink(join(outside, 'secret.txt'), join(folder, 'swapped.txt'))
    const extractor = new InProcessExtractor(options)
    expect((await extractor.extract(join(folder, 'story.txt'), 'story.txt', folder)).document.text).toBe('A story.\n')
    await expect(extractor.extract(join(folder, 'swapped.txt'), 'swapped.txt', folder)).rejects.toThrow('the file now leads outside the imported folder: not read')
  })
})
