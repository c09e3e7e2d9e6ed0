import { execFileSync } from 'node:child_process'
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { walkFolder } from '../../../../src/main/core/library/walk-folder'
import { useTempDirs } from '../../../helpers/temp-dir'

const extensions = new Set(['.txt', '.md'])
const onLinux = process.platform === 'linux'

describe('walkFolder', () => {
  const tempDir = useTempDirs()

  it('counts the files a browser saved beside a web page as part of that page, not as sources', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'Harbour reopens.html'), '<html><body><p>Story.</p></body></html>')
    await mkdir(join(folder, 'Harbour reopens_files', 'nested'), { recursive: true })
    await writeFile(join(folder, 'Harbour reopens_files', 'chart.png'), 'png')
    await writeFile(join(folder, 'Harbour reopens_files', 'frame.html'), '<p>An advert.</p>')
    await writeFile(join(folder, 'Harbour reopens_files', 'nested', 'notes.txt'), 'Part of the page.\n')
    // A folder named like that without its page beside it is an ordinary folder.
    await mkdir(join(folder, 'Orphan_files'))
    await writeFile(join(folder, 'Orphan_files', 'kept.txt'), 'Kept.\n')
    const walked = await walkFolder(folder, { extensions: new Set(['.html', '.txt', '.png']) })
    expect(walked.files.map((file) => file.relativePath).sort()).toEqual(['Harbour reopens.html', 'Orphan_files/kept.txt'])
    expect(Object.fromEntries(walked.skipped)).toEqual({ 'page-files': 3 })
  })

  it('follows a link that stays inside the folder without listing a file twice', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'stories'))
    await mkdir(join(folder, '.archive'))
    await writeFile(join(folder, 'stories', 'one.txt'), 'One.\n')
    await writeFile(join(folder, '.archive', 'old.txt'), 'Old.\n')
    await symlink(join(folder, 'stories', 'one.txt'), join(folder, 'a-link-to-one.txt'))
    await symlink(join(folder, 'stories'), join(folder, 'also-stories'))
    await symlink(join(folder, '.archive'), join(folder, 'archive'))
    const walked = await walkFolder(folder, { extensions })
    expect(walked.files.map((file) => file.relativePath).sort()).toEqual(['archive/old.txt', 'stories/one.txt'])
    expect(walked.errors).toEqual([])
  })

  it('refuses links that leave the folder, naming where they lead, and lists the rest', async () => {
    const folder = await tempDir()
    // Real paths: on macOS the temporary folder /var/… is /private/var/….
    const elsewhere = await realpath(await tempDir())
    await writeFile(join(elsewhere, 'passwd'), 'root:x:0:0\n')
    await mkdir(join(elsewhere, 'private'))
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    await symlink(join(elsewhere, 'passwd'), join(folder, 'secrets.txt'))
    await symlink(join(elsewhere, 'private'), join(folder, 'private'))
    await symlink(join(elsewhere, 'passwd'), join(folder, 'picture.jpg'))
    const walked = await walkFolder(folder, { extensions })
    expect(walked.files.map((file) => file.relativePath)).toEqual(['story.txt'])
    expect(walked.errors).toEqual([
      { relativePath: 'private', reason: `symbolic link to ${join(elsewhere, 'private')}, outside the imported folder: not followed` },
      { relativePath: 'secrets.txt', reason: `symbolic link to ${join(elsewhere, 'passwd')}, outside the imported folder: not followed` }
    ])
  })

  it.skipIf(!onLinux)('never reads /proc or /etc through a link, and never follows a link to the root of the disk', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    await symlink('/proc/self/pagemap', join(folder, 'x.txt'))
    await symlink('/proc/self/status', join(folder, 'status.txt'))
    await symlink('/etc/passwd', join(folder, 'passwd.txt'))
    await symlink('/', join(folder, 'everything'))
    const walked = await walkFolder(folder, { extensions })
    expect(walked.files.map((file) => file.relativePath)).toEqual(['story.txt'])
    expect(walked.errors.map((error) => error.relativePath).sort()).toEqual(['everything', 'passwd.txt', 'status.txt', 'x.txt'])
    expect(walked.folders).toBe(1)
  })

  it.skipIf(!onLinux)('refuses a named pipe with a reason instead of waiting on it', async () => {
    const folder = await tempDir()
    execFileSync('mkfifo', [join(folder, 'pipe.txt')])
    await writeFile(join(folder, 'story.txt'), 'A story.\n')
    const walked = await walkFolder(folder, { extensions })
    expect(walked.files.map((file) => file.relativePath)).toEqual(['story.txt'])
    expect(walked.errors).toEqual([{ relativePath: 'pipe.txt', reason: 'not a regular file (a named pipe)' }])
  })

  it.skipIf(!onLinux)('lists a file whose name is not valid UTF-8, with a caveat and a path that opens it', async () => {
    const folder = await tempDir()
    const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')])
    await writeFile(Buffer.concat([Buffer.from(`${folder}/`), name]), 'Un café.\n')
    const walked = await walkFolder(folder, { extensions })
    expect(walked.files).toHaveLength(1)
    expect(walked.files[0]?.relativePath).toBe('caf\uFFFD.txt')
    expect(Buffer.isBuffer(walked.files[0]?.fsPath)).toBe(true)
    expect(walked.warnings).toEqual([{ relativePath: 'caf\uFFFD.txt', reason: 'the file name is not valid UTF-8; bytes that could not be read are shown as �' }])
  })

  it('stops as soon as it is asked to, between folders', async () => {
    const folder = await tempDir()
    for (let index = 0; index < 50; index++) {
      await mkdir(join(folder, `d${index}`))
      await writeFile(join(folder, `d${index}`, 'a.txt'), 'A.\n')
    }
    const controller = new AbortController()
    const walked = await walkFolder(folder, { extensions, signal: controller.signal, onProgress: (found) => found >= 3 && controller.abort() })
    expect(walked.cancelled).toBe(true)
    expect(walked.files.length).toBeLessThan(10)
  })

  it('counts the folders it walked and gives each file its size and time', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'a', 'b'), { recursive: true })
    await writeFile(join(folder, 'a', 'b', 'deep.md'), '# Deep\n')
    const walked = await walkFolder(folder, { extensions })
    expect(walked.folders).toBe(3)
    expect(walked.files[0]).toMatchObject({ relativePath: 'a/b/deep.md', size: 7 })
    expect(walked.files[0]?.mtimeMs).toBeGreaterThan(0)
  })

  it('never lists through a link what a nested import root holds, and reads a link by the type of its target', async () => {
    const folder = await tempDir()
    await mkdir(join(folder, 'nested'))
    await writeFile(join(folder, 'nested', 'own.txt'), 'The nested root keeps this.\n')
    await symlink(join(folder, 'nested', 'own.txt'), join(folder, 'through-link.txt'))
    await mkdir(join(folder, '.drafts'))
    await mkdir(join(folder, 'reports'))
    await writeFile(join(folder, '.drafts', 'report.md'), '# The report\n')
    await symlink(join(folder, '.drafts', 'report.md'), join(folder, 'reports', 'latest'))
    const walked = await walkFolder(folder, { extensions, skip: new Set([await realpath(join(folder, 'nested'))]) })
    expect(walked.files.map((file) => [file.relativePath, file.formatName])).toEqual([['reports/latest', 'report.md']])
  })
})
