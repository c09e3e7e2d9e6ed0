import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, runExportCli } from '../../src/cli/export-cli'
import { EXPORT_DATE, seedsProjectWithClaims } from '../helpers/export-fixture'
import { useTempDirs } from '../helpers/temp-dir'

function capture(cwd: string) {
  const out: Array<string | Uint8Array> = []
  const err: string[] = []
  return { io: { stdout: (text: string | Uint8Array) => void out.push(text), stderr: (text: string) => void err.push(text), cwd, now: () => EXPORT_DATE }, out, err }
}

describe('export-cli', () => {
  const tempDir = useTempDirs()

  async function dataFolderWithClaims(): Promise<{ dataDir: string; markdown: string; csv: string }> {
    const dataDir = await tempDir()
    const fixture = await seedsProjectWithClaims(dataDir)
    const markdown = String((await fixture.workbench.exportFile({ format: 'markdown', sources: 'cited', includeOriginals: false })).data)
    const csv = String((await fixture.workbench.exportFile({ format: 'csv', sources: 'cited', includeOriginals: false })).data)
    await fixture.workbench.shutdown()
    return { dataDir, markdown, csv }
  }

  it('writes the same file the app exports, under the export’s own name, and says what it holds', async () => {
    const { dataDir, markdown, csv } = await dataFolderWithClaims()
    const cwd = await tempDir()
    const run = capture(cwd)
    expect(await runExportCli(['--data', dataDir, '--format', 'markdown'], run.io)).toBe(0)
    const written = join(cwd, 'sample-project-putin-and-south-korea-notes-2026-01-20.md')
    expect(await readFile(written, 'utf-8')).toBe(markdown)
    expect(run.err.join('')).toContain(`Wrote ${written}: 2 claims, 4 passages, 1 other highlights, 3 sources`)

    const toStdout = capture(cwd)
    expect(await runExportCli(['--data', dataDir, '--format', 'csv', '--out', '-', '--project', 'Sample project: Putin and South Korea'], toStdout.io)).toBe(0)
    expect(toStdout.out.join('')).toBe(csv)
  }, 60_000)

  it('writes a bundle to --out or streams it to standard output, leaving no temporary file behind', async () => {
    const { dataDir } = await dataFolderWithClaims()
    const cwd = await tempDir()
    // The system's temporary folder, pointed at one of this test's own: whatever the export leaves there shows.
    const systemTemp = await tempDir()
    const saved = process.env.TMPDIR
    process.env.TMPDIR = systemTemp
    try {
      const run = capture(cwd)
      expect(await runExportCli(['--data', dataDir, '--format', 'bundle', '--originals', '--out', 'for-the-desk.sourcebench'], run.io)).toBe(0)
      const written = await JSZip.loadAsync(await readFile(join(cwd, 'for-the-desk.sourcebench')))
      const manifest = JSON.parse((await written.file('sourcebench-bundle.json')?.async('string')) ?? '{}') as { counts?: Record<string, number> }
      expect(manifest.counts).toMatchObject({ sources: 5, claims: 2, texts: 5, originals: 5 })
      expect(run.err.join('')).toContain(`Wrote ${join(cwd, 'for-the-desk.sourcebench')}: 2 claims`)

      const toStdout = capture(cwd)
      let drains = 0
      // A full standard output (write returns false) makes the next chunk wait for it to drain.
      const io = { ...toStdout.io, stdout: (chunk: string | Uint8Array) => toStdout.out.push(chunk) < 0, drain: async () => void drains++ }
      expect(await runExportCli(['--data', dataDir, '--format', 'bundle', '--out', '-'], io)).toBe(0)
      const streamed = await JSZip.loadAsync(Buffer.concat(toStdout.out.map((chunk) => Buffer.from(chunk))))
      expect(Object.keys(streamed.files)).toEqual(expect.arrayContaining(['sourcebench-bundle.json', 'library.json', 'notes.json']))
      expect(drains).toBe(toStdout.out.length)
      expect((await readdir(systemTemp)).filter((name) => name.startsWith('sourcebench-export-'))).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
    }
  }, 60_000)

  it('refuses a missing format, an unknown one, an unknown project and a folder with no projects, naming what is wrong', async () => {
    const { dataDir } = await dataFolderWithClaims()
    const cases: Array<[string[], RegExp]> = [
      [['--data', dataDir], /--format: required, one of markdown, docx/],
      [['--data', dataDir, '--format', 'pdf'], /--format: /],
      [['--data', dataDir, '--format', 'markdown', '--project', 'Nope'], /no project named or with id “Nope”/],
      [['--data', await tempDir(), '--format', 'markdown'], /no Sourcebench projects in /],
      [['--data', dataDir, '--colour'], /Unknown option '--colour'/]
    ]
    for (const [argv, message] of cases) {
      const run = capture(dataDir)
      expect(await runExportCli(argv, run.io)).not.toBe(0)
      expect(run.err.join('')).toMatch(message)
    }
  }, 60_000)

  it('lists the projects, and refuses while another Sourcebench holds the data folder', async () => {
    const { dataDir } = await dataFolderWithClaims()
    const list = capture(dataDir)
    expect(await runExportCli(['--data', dataDir, '--list'], list.io)).toBe(0)
    expect(list.out.join('')).toMatch(/^\* \S+ {2}Sample project: Putin and South Korea\n$/)
    // PID 1 is always running: the folder is in use.
    await writeFile(join(dataDir, 'sourcebench.lock'), '1')
    const locked = capture(dataDir)
    expect(await runExportCli(['--data', dataDir, '--format', 'markdown'], locked.io)).toBe(1)
    expect(locked.err.join('')).toMatch(/another Sourcebench \(process 1\) is using/)
  }, 60_000)

  it('leaves the project the app opens next as it was, after exporting another one', async () => {
    const dataDir = await tempDir()
    const fixture = await seedsProjectWithClaims(dataDir)
    const desk = await fixture.workbench.createProject('Desk')
    await fixture.workbench.shutdown()
    const run = capture(await tempDir())
    expect(await runExportCli(['--data', dataDir, '--format', 'csv', '--project', 'Sample project: Putin and South Korea', '--out', '-'], run.io)).toBe(0)
    expect(run.out.join('')).toContain('Putin said he hopes to restore relations with South Korea.')
    const registry = JSON.parse(await readFile(join(dataDir, 'projects.json'), 'utf-8')) as { lastProjectId: string }
    expect(registry.lastProjectId).toBe(desk.current.id)
  }, 60_000)

  it('finds the desktop app’s data folder on each system', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Sourcebench')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Sourcebench')
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Sourcebench')
  })
})
