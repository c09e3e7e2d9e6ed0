import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InProcessExtractor } from '../../../../src/main/core/library/extractor'
import { importFolder } from '../../../../src/main/core/library/import-folder'
import { CHANGED, NO_ORIGINAL_VIEW, NOT_HERE, readOriginal, type OriginalOcr } from '../../../../src/main/core/library/read-original'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import type { OcrLayout } from '../../../../src/shared/domain/original'
import type { Source } from '../../../../src/shared/domain/source'
import { useTempDirs } from '../../../helpers/temp-dir'
import { makePdf } from './extract/make-pdf'

const extractor = new InProcessExtractor({ maxInflatedBytes: 200 * 1024 * 1024 })
const importOptions = { now: () => new Date('2026-01-16T10:00:00Z'), onProgress: () => undefined, extractor }

/** A PNG as far as the view checks: its signature, then bytes that tell images apart. */
const png = (marker: string): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker)])

const PROSE = Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1}: the ambassadors presented their credentials in the Kremlin, and the president spoke about trade.`)

function savedPage(images: string): string {
  return `<!doctype html><html lang="en"><head><title>Credentials ceremony</title>
<meta property="og:url" content="https://news.example/ceremony">
<script>fetch('https://tracker.example/')</script></head>
<body><article><h1>Credentials ceremony</h1>
${PROSE.slice(0, 6).map((line) => `<p>${line}</p>`).join('\n')}
${images}
${PROSE.slice(6).map((line) => `<p>${line}</p>`).join('\n')}
<p>Read <a href="https://news.example/more" target="_blank">more</a>.</p>
</article></body></html>`
}

describe('readOriginal', () => {
  const tempDir = useTempDirs()

  async function imported(files: Record<string, string | Uint8Array>): Promise<{ store: ProjectStore; folder: string; source: (path: string) => Source }> {
    const parent = await tempDir()
    const folder = join(parent, 'library')
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(folder, path, '..'), { recursive: true })
      await writeFile(join(folder, path), content)
    }
    const store = await ProjectStore.open(await tempDir())
    await importFolder(store, folder, importOptions)
    const source = (path: string): Source => {
      const found = store.library.data.sources.find((candidate) => candidate.relativePath === path)
      if (found === undefined) throw new Error(`test: ${path} was not imported`)
      return found
    }
    return { store, folder, source }
  }

  it('says a text file has no original view', async () => {
    const { store, source } = await imported({ 'note.txt': 'Plain words about the ceremony.\n' })
    expect(await readOriginal(store, source('note.txt'))).toEqual({ kind: 'unavailable', reason: NO_ORIGINAL_VIEW })
  })

  it('returns the bytes of a PDF, with no layout when its text came from a text layer', async () => {
    const pdf = makePdf({ pages: [['The ambassadors presented their credentials.'], ['Page two of the report.']] })
    const { store, source } = await imported({ 'report.pdf': pdf })
    const original = await readOriginal(store, source('report.pdf'))
    expect(original).toEqual({ kind: 'pdf', data: Buffer.from(pdf).toString('base64'), layout: null })
  })

  it('passes the OCR layout of a scanned PDF, found by the hash of its bytes', async () => {
    const pdf = makePdf({ pages: [['Scanned words.']] })
    const { store, source } = await imported({ 'scan.pdf': pdf })
    const scan = source('scan.pdf')
    scan.ocr = { confidence: 91, lowConfidencePages: [], languages: ['eng'], recognised: true, pages: 1 }
    const layout: OcrLayout = { pages: [{ width: 100, height: 140, confidence: 91, words: [[0, 7, 0.1, 0.1, 0.4, 0.15, 91]] }] }
    const asked: string[][] = []
    const ocr: OriginalOcr = {
      layout: async (_dir, fileHash, contentHash) => (asked.push([fileHash, contentHash]), layout),
      imageForDisplay: async (bytes) => ({ mime: 'image/png', bytes })
    }
    expect(await readOriginal(store, scan, { ocr })).toMatchObject({ kind: 'pdf', layout })
    expect(asked).toEqual([[scan.fileHash, scan.contentHash]])
  })

  it('says the original is not on this computer for a folder that came in a bundle without its files', async () => {
    const { store, source } = await imported({ 'page.html': savedPage('') })
    const root = store.library.data.roots[0]!
    root.detached = 'not-here'
    expect(await readOriginal(store, source('page.html'))).toEqual({ kind: 'unavailable', reason: NOT_HERE })
  })

  it('says the file is missing when it was deleted', async () => {
    const { store, folder, source } = await imported({ 'page.html': savedPage('') })
    await rm(join(folder, 'page.html'))
    const original = await readOriginal(store, source('page.html'))
    expect(original).toEqual({ kind: 'unavailable', reason: 'the original file is no longer in its folder: page.html' })
  })

  it('says the file changed when its bytes are not the ones imported', async () => {
    const { store, folder, source } = await imported({ 'page.html': savedPage('') })
    await writeFile(join(folder, 'page.html'), savedPage('<p>A correction was added.</p>'))
    expect(await readOriginal(store, source('page.html'))).toEqual({ kind: 'unavailable', reason: CHANGED })
  })

  it('refuses a source whose path leads outside the imported folder', async () => {
    const { store, folder, source } = await imported({ 'page.html': savedPage('') })
    // The same bytes outside the folder: only the path check stands between them and the view.
    await writeFile(join(folder, '..', 'secret.html'), savedPage(''))
    const escaped = await readOriginal(store, { ...source('page.html'), relativePath: '../secret.html' })
    expect(escaped).toEqual({ kind: 'unavailable', reason: expect.stringContaining('outside the imported folder') })
  })

  it('does not follow a link that replaced the file and leads out of the folder', async () => {
    const { store, folder, source } = await imported({ 'page.html': savedPage('') })
    await writeFile(join(folder, '..', 'secret.html'), savedPage(''))
    await rm(join(folder, 'page.html'))
    await symlink(join(folder, '..', 'secret.html'), join(folder, 'page.html'))
    const original = await readOriginal(store, source('page.html'))
    expect(original).toEqual({ kind: 'unavailable', reason: expect.stringContaining('outside the imported folder') })
  })

  it("returns a saved page's article with the images saved beside it inlined and every other image dropped", async () => {
    const page = savedPage(`<figure><img src="ceremony_files/hall.png" srcset="ceremony_files/hall-2x.png 2x" alt="The hall"><figcaption>The hall</figcaption></figure>
<img src="https://cdn.example/remote.png" alt="A remote photo">
<img src="//cdn.example/protocol.png" alt="Protocol-relative">
<img src="file:///etc/hostname" alt="A local file by URL">
<img src="../outside.png" alt="Outside the folder">
<img src="ceremony_files/not-an-image.png" alt="Not an image">
<img src="https://tracker.example/pixel.gif" alt="">`)
    const parent = await tempDir()
    await writeFile(join(parent, 'outside.png'), png('outside'))
    const { store, folder, source } = await imported({ 'ceremony.html': page })
    // Written after the import: the view reads them when it opens, and the importer would take them for sources of their own.
    await mkdir(join(folder, 'ceremony_files'))
    await writeFile(join(folder, 'ceremony_files', 'hall.png'), png('hall'))
    await writeFile(join(folder, 'ceremony_files', 'hall-2x.png'), png('hall-2x'))
    await writeFile(join(folder, 'ceremony_files', 'not-an-image.png'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    const ceremony = source('ceremony.html')
    const original = await readOriginal(store, ceremony)
    if (original.kind !== 'web') throw new Error(`expected a web original, got ${original.kind}`)
    expect(original.url).toBe('https://news.example/ceremony')
    expect(original.html).toContain(`src="data:image/png;base64,${png('hall').toString('base64')}"`)
    // Alt text stays for every image; no address of any other image is left.
    for (const alt of ['The hall', 'A remote photo', 'Protocol-relative', 'A local file by URL', 'Outside the folder', 'Not an image']) expect(original.html).toContain(`alt="${alt}"`)
    expect(original.html.match(/src="/g)).toHaveLength(1)
    // An image with no description and nothing to show (a tracking pixel) is gone altogether.
    expect(original.html.match(/<img/g)).toHaveLength(6)
    expect(original.html).not.toMatch(/cdn\.example|srcset|hall-2x|file:|outside\.png|<script|tracker/)
    expect(original.html).toContain('Paragraph 12: the ambassadors')
    expect(original.html).toContain('href="https://news.example/more"')
  })

  it('shows the same words the text was made from', async () => {
    const { store, source } = await imported({ 'ceremony.html': savedPage('') })
    const ceremony = source('ceremony.html')
    const { articleHtml } = await import('../../../../src/main/core/library/extract/html-article')
    const { readFile } = await import('node:fs/promises')
    const root = store.library.data.roots[0]!
    const article = await articleHtml(await readFile(join(root.path, 'ceremony.html')), async () => null)
    expect(article.text).toBe(await store.readText(ceremony.contentHash))
  })

  it('shows an image through the OCR side, which converts what a browser cannot show', async () => {
    const { store, source } = await imported({ 'notes.txt': 'words' })
    const photo: Source = { ...source('notes.txt'), format: 'image', relativePath: 'photo.png', fileHash: null, ocr: null }
    const root = store.library.data.roots[0]!
    const bytes = png('photo')
    await writeFile(join(root.path, 'photo.png'), bytes)
    photo.size = bytes.length
    photo.mtimeMs = (await import('node:fs/promises').then((fs) => fs.stat(join(root.path, 'photo.png')))).mtimeMs
    const names: string[] = []
    const ocr: OriginalOcr = {
      layout: async () => null,
      imageForDisplay: async (given, name) => (names.push(name), { mime: 'image/jpeg', bytes: Buffer.concat([Buffer.from('converted:'), given]) })
    }
    const expected = Buffer.concat([Buffer.from('converted:'), bytes]).toString('base64')
    expect(await readOriginal(store, photo, { ocr })).toEqual({ kind: 'image', mime: 'image/jpeg', data: expected, layout: null })
    expect(names).toEqual(['photo.png'])
  })

  it('shows a PNG as it is through the OCR modules, with the layout cached for its text', async () => {
    const { store, source } = await imported({ 'notes.txt': 'words' })
    const root = store.library.data.roots[0]!
    // A real 4×4 PNG: the OCR side passes what a browser shows untouched.
    const bytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')
    await writeFile(join(root.path, 'chart.png'), bytes)
    const { sha256Bytes } = await import('../../../../src/main/core/store/content-hash')
    const chart: Source = { ...source('notes.txt'), format: 'image', relativePath: 'chart.png', fileHash: sha256Bytes(bytes), size: bytes.length, ocr: null }
    expect(await readOriginal(store, chart)).toEqual({ kind: 'image', mime: 'image/png', data: bytes.toString('base64'), layout: null })
  }, 30_000)
})
