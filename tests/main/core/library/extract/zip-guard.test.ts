import { describe, expect, it } from 'vitest'
import { formatSize, guardWordArchive } from '../../../../../src/main/core/library/extract/zip-guard'
import { declareSize, makeDocx } from './make-docx'

const MB = 1024 * 1024

describe('zip-guard', () => {
  it('opens a sound archive and hands out its XML parts', async () => {
    const archive = guardWordArchive(await makeDocx({ core: { title: 'Briefing' } }), 10 * MB)
    expect(archive.part('docProps/core.xml')).toContain('<dc:title>Briefing</dc:title>')
    expect(archive.part('word/missing.xml')).toBeNull()
  })

  it('refuses an archive whose parts would inflate past the limit, saying how big', async () => {
    const docx = await makeDocx({ parts: { 'word/media/zeros.bin': new Uint8Array(2 * MB) } })
    expect(() => guardWordArchive(docx, 1 * MB)).toThrow(/^looks like a zip bomb: would inflate to 2 MB$/)
  })

  it('refuses a part over 10 MB compressed more than 200 times, even under the limit', async () => {
    const docx = await makeDocx({ parts: { 'word/media/zeros.bin': new Uint8Array(11 * MB) } })
    expect(() => guardWordArchive(docx, 500 * MB)).toThrow(/^looks like a zip bomb: one part would inflate \d+× to 11 MB$/)
  })

  it('catches a part that inflates past the size the archive declares for it', async () => {
    const docx = declareSize(await makeDocx(), 'word/document.xml', 16)
    expect(() => guardWordArchive(docx, 10 * MB)).toThrow(/^looks like a zip bomb: a part inflates past the size it declares$/)
  })

  it('catches a non-XML part that lies about its size (mammoth can be pointed at any part name)', async () => {
    const docx = declareSize(await makeDocx({ parts: { 'word/main.bin': new Uint8Array(3 * MB) } }), 'word/main.bin', 1024)
    expect(() => guardWordArchive(docx, 10 * MB)).toThrow(/^looks like a zip bomb: a part inflates past the size it declares$/)
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

describe('zip-guard formatSize', () => {
  it('writes sizes the way the import report shows them', () => {
    expect(formatSize(512)).toBe('512 bytes')
    expect(formatSize(2.1 * 1024 * MB)).toBe('2.1 GB')
  })
})
