import { execFileSync } from 'node:child_process'
import type { Dirent } from 'node:fs'
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InProcessExtractor } from '../../../../src/main/core/library/extractor'
import { importFolder } from '../../../../src/main/core/library/import-folder'
import { ProjectStore } from '../../../../src/main/core/store/project-store'
import { importCounts } from '../../../../src/shared/domain/import-counts'
import { useTempDirs } from '../../../helpers/temp-dir'
import { makeDocx } from './extract/make-docx'
import { makeOdt } from './extract/make-odt'
import { makePdf } from './extract/make-pdf'

const extractor = new InProcessExtractor({ maxInflatedBytes: 50 * 1024 * 1024 })
const options = { now: () => new Date('2026-01-16T10:00:00Z'), onProgress: () => undefined, extractor }
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const POST = 'From: ann@example.org (Ann Lee)\nSubject: Budget vote\nNewsgroups: talk.politics.misc\nLines: 1\n\nThe vote is on Friday.\n'

/** A folder the way sources hand them over: documents of every kind, mail without extensions, junk. */
async function junkFolder(dir: string): Promise<void> {
  await mkdir(join(dir, 'mail', 'talk.politics'), { recursive: true })
  await mkdir(join(dir, 'docs', 'nested', 'deeper'), { recursive: true })
  await mkdir(join(dir, '.git', 'objects'), { recursive: true })
  const files: Record<string, string | Uint8Array> = {
    'story.txt': 'A story about the vote.\n',
    'notes.md': '# Notes\n\nWhat the clerk said.\n',
    'page.html': '<html><head><title>Page</title></head><body><article><p>The article text of a saved page.</p></article></body></html>',
    'message.eml': POST,
    'letter.rtf': String.raw`{\rtf1\ansi The letter.\par}`,
    'mail/talk.politics/178451': POST,
    'mail/talk.politics/178452': POST.replace('Friday', 'Monday'),
    'mail/talk.politics/README': 'Posts from the group, one per file.\n',
    'mail/talk.politics/archive.0001': 'Older posts, plain text.\n',
    'docs/scan': PNG,
    'docs/photo.jpg': PNG,
    'docs/budget.xlsx': 'PK not really a spreadsheet',
    'docs/empty.txt': '',
    'docs/binary.txt': Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]),
    'docs/nested/broken.docx': 'this is not a zip',
    'docs/nested/deeper/data.csv': 'a,b\n1,2\n',
    'docs/nested/deeper/.DS_Store': 'hidden junk',
    '.hidden-notes.txt': 'hidden',
    '.git/objects/abc': 'a git object',
    '.git/HEAD': 'ref: refs/heads/main'
  }
  for (const [path, content] of Object.entries(files)) await writeFile(join(dir, path), content)
  await writeFile(join(dir, 'docs', 'report.pdf'), makePdf({ pages: [['The report text']] }))
  await writeFile(join(dir, 'docs', 'memo.docx'), await makeDocx())
  await writeFile(join(dir, 'docs', 'minutes.odt'), await makeOdt())
  await symlink('/etc/hostname', join(dir, 'docs', 'outside.txt'))
  await symlink(join(dir, 'does-not-exist.txt'), join(dir, 'docs', 'dangling.txt'))
  if (process.platform === 'linux') execFileSync('mkfifo', [join(dir, 'docs', 'pipe.txt')])
}

/** Every entry that is not a folder, counted straight from the disk; hidden folders are not opened. */
async function countEntries(dir: string): Promise<number> {
  let count = 0
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true })
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) count += await countEntries(join(dir, entry.name))
    } else count++
  }
  return count
}

describe('importFolder accounting', () => {
  const tempDir = useTempDirs()

  it('puts every file of a junk folder in exactly one of imported, unchanged, refused or skipped, and the four add up', async () => {
    const folder = await tempDir()
    await junkFolder(folder)
    const onDisk = await countEntries(folder)
    const store = await ProjectStore.open(await tempDir())
    const { report } = await importFolder(store, folder, options)
    const counts = importCounts(report)
    expect(counts.files).toBe(onDisk)
    expect(counts.imported).toBe(store.library.data.sources.length)
    expect(report.hiddenFolders).toBe(1)

    const formats = Object.fromEntries(store.library.data.sources.map((source) => [source.relativePath, source.format]))
    expect(formats).toMatchObject({
      'message.eml': 'email',
      'letter.rtf': 'rtf',
      'mail/talk.politics/178451': 'email',
      'mail/talk.politics/README': 'text',
      'mail/talk.politics/archive.0001': 'text',
      'docs/minutes.odt': 'odt',
      'docs/report.pdf': 'pdf',
      'docs/memo.docx': 'docx'
    })
    const reasons = Object.fromEntries(report.errors.map((error) => [error.relativePath, error.reason]))
    expect(reasons).toMatchObject({
      'docs/scan': 'binary content, not text: a PNG image without a file extension',
      'docs/photo.jpg': 'damaged image (its header is cut short)',
      'docs/empty.txt': 'the file is empty',
      'docs/binary.txt': 'binary content, not text',
      'docs/dangling.txt': 'broken symbolic link'
    })
    expect(reasons['docs/outside.txt']).toMatch(/outside the imported folder: not followed$/)
    expect(reasons['docs/nested/broken.docx']).toMatch(/^not a Word document/)
    if (process.platform === 'linux') expect(reasons['docs/pipe.txt']).toBe('not a regular file (a named pipe)')
    // Skipped, grouped by type.
    expect(report.skipped).toEqual([
      { extension: 'hidden', count: 2 },
      { extension: '.csv', count: 1 },
      { extension: '.xlsx', count: 1 }
    ])
  })

  it('accounts for every file again on the next import, when nothing changed', async () => {
    const folder = await tempDir()
    await junkFolder(folder)
    const store = await ProjectStore.open(await tempDir())
    const first = importCounts((await importFolder(store, folder, options)).report)
    const second = importCounts((await importFolder(store, folder, options)).report)
    expect(second).toEqual({ ...first, imported: 0, unchanged: first.imported })
  })
})
