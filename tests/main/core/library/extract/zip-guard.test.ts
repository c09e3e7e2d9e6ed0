import { describe, expect, it } from 'vitest'
import { guardWordArchive, type WordArchive } from '../../../../../src/main/core/library/extract/zip-guard'
import { formatBytes } from '../../../../../src/shared/text/counts'
import { declareSize, makeDocx } from './make-docx'

const MB = 1024 * 1024

async function readWhole(archive: WordArchive, name: string): Promise<string> {
  let text = ''
  for await (const chunk of archive.chunks(name)) text += chunk
  return text
}

describe('zip-guard', () => {
  it('opens a sound archive and hands out its parts as text, finding names as Office does', async () => {
    const archive = guardWordArchive(await makeDocx({ core: { title: 'Briefing' } }), 10 * MB)
    expect(archive.find('DOCPROPS/Core.xml')).toBe('docProps/core.xml')
    expect(await readWhole(archive, 'docProps/core.xml')).toContain('<dc:title>Briefing</dc:title>')
    expect(archive.find('word/missing.xml')).toBeNull()
  })

  it('hands out a large part a chunk at a time, never whole', async () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, index) => ({ text: `Paragraph number ${index} of a long report.` }))
    const archive = guardWordArchive(await makeDocx({ paragraphs }), 10 * MB)
    const sizes: number[] = []
    for await (const chunk of archive.chunks('word/document.xml')) sizes.push(chunk.length)
    expect(sizes.length).toBeGreaterThan(2)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024)
  })

  it('refuses an archive whose parts would inflate past the limit, saying how big', async () => {
    const docx = await makeDocx({ parts: { 'word/media/zeros.bin': new Uint8Array(2 * MB) } })
    expect(() => guardWordArchive(docx, 1 * MB)).toThrow(/^looks like a zip bomb: would inflate to 2 MB$/)
  })

  it('refuses a part over 10 MB compressed more than 200 times, even under the limit', async () => {
    const docx = await makeDocx({ parts: { 'word/media/zeros.bin': new Uint8Array(11 * MB) } })
    expect(() => guardWordArchive(docx, 500 * MB)).toThrow(/^looks like a zip bomb: one part would inflate \d+× to 11 MB$/)
  })

  it('catches a part that inflates past the size the archive declares for it, as it is read', async () => {
    const archive = guardWordArchive(declareSize(await makeDocx(), 'word/document.xml', 16), 10 * MB)
    await expect(readWhole(archive, 'word/document.xml')).rejects.toThrow(/^looks like a zip bomb: a part inflates past the size it declares$/)
  })

  it('never inflates a part nobody reads, so one that lies about its size does no harm', async () => {
    const docx = declareSize(await makeDocx({ parts: { 'word/media/huge.bin': new Uint8Array(3 * MB) } }), 'word/media/huge.bin', 1024)
    const archive = guardWordArchive(docx, 10 * MB)
    expect(await readWhole(archive, 'word/document.xml')).toContain('First paragraph.')
  })

  it('reads a part written in UTF-16, as its byte order mark says', async () => {
    const xml = '\ufeff<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Tōkyō</w:t></w:r></w:p></w:body></w:document>'
    const archive = guardWordArchive(await makeDocx({ parts: { 'word/document.xml': new Uint8Array(Buffer.from(xml, 'utf16le')) } }), 10 * MB)
    expect(await readWhole(archive, 'word/document.xml')).toContain('<w:t>Tōkyō</w:t>')
  })

  it('tells a cut-short archive from a file that is no zip at all', async () => {
    const docx = await makeDocx()
    expect(() => guardWordArchive(docx.slice(0, docx.length - 40), 10 * MB)).toThrow(/^damaged Word document \(the file is cut short\)$/)
    expect(() => guardWordArchive(new Uint8Array(Buffer.from('plain text')), 10 * MB)).toThrow(/^not a Word document \(not a zip archive\)$/)
  })

  it('recognises password-protected and old-format Word files by their OLE container', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]
    const encrypted = new Uint8Array([...ole, ...Buffer.from('EncryptedPackage', 'utf16le')])
    expect(() => guardWordArchive(encrypted, 10 * MB)).toThrow(/^password-protected Word document$/)
    expect(() => guardWordArchive(new Uint8Array(ole), 10 * MB)).toThrow(/^not a Word document \(old \.doc format; save it as \.docx\)$/)
  })
})

describe('zip-guard sizes in messages (formatBytes)', () => {
  it('writes sizes the way the import report shows them', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(2.1 * 1024 * MB)).toBe('2.1 GB')
  })
})
