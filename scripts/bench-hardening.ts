// The hardening part of `npm run bench`: how fast Stop acts while a large folder is walked
// and while it is imported, and what a hostile folder (links to /proc and /etc, a Word
// file with 400,000 unclosed title tags) costs on import and on every later pass.
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Workbench } from '../src/main/core/workbench'

export interface HardeningFigures {
  stopDuringWalkMs: number
  stopDuringImportMs: number
  hostileFolderImportSeconds: number
  hostileFolderRssGrowthMB: number
  hostileFolderRefused: number
  hostileFolderRepassSeconds: number
}

/**
 * Starts an import and presses Stop `delayMs` after the import first reports `phase`
 * (from a timer, as a user would, not from inside the importer's own progress call),
 * then measures how long Stop takes to end it.
 */
async function stopLatency(workbench: Workbench, folder: string, phase: 'listing' | 'importing', delayMs: number): Promise<number> {
  let stoppedAt = 0
  let timer: NodeJS.Timeout | null = null
  let current: string | undefined
  const unsubscribe = workbench.events.on('importProgress', (progress) => {
    current = progress.phase
    if (timer !== null || progress.phase !== phase) return
    timer = setTimeout(() => {
      // Only a Stop pressed during that phase counts.
      if (current !== phase) return
      stoppedAt = performance.now()
      workbench.cancelImport()
    }, delayMs)
  })
  try {
    await workbench.importFolder(folder, true)
    return stoppedAt === 0 ? Number.NaN : performance.now() - stoppedAt
  } finally {
    if (timer !== null) clearTimeout(timer)
    unsubscribe()
  }
}

async function hostileDocx(): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Leaked memo.</w:t></w:r></w:p></w:body></w:document>')
  zip.file('docProps/core.xml', `<cp:coreProperties xmlns:cp="c" xmlns:dc="d">${'<dc:title>'.repeat(400_000)}</cp:coreProperties>`)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

export async function benchHardening(workbench: Workbench, corpora: string): Promise<{ figures: HardeningFigures; rows: Array<[string, string, string]> }> {
  await workbench.createProject('hardening bench')
  // The whole corpora folder: tens of thousands of files in many folders.
  const stopDuringWalkMs = await stopLatency(workbench, corpora, 'listing', 150)
  const stopDuringImportMs = await stopLatency(workbench, join(corpora, 'reuters'), 'importing', 2000)

  const folder = await mkdtemp(join(tmpdir(), 'sourcebench-hostile-'))
  try {
    await cp(join(corpora, 'bbc', 'politics'), join(folder, 'politics'), { recursive: true })
    await writeFile(join(folder, 'memo.docx'), await hostileDocx())
    if (process.platform === 'linux') {
      await symlink('/proc/self/pagemap', join(folder, 'x.txt'))
      await symlink('/proc/self/status', join(folder, 'status.txt'))
      await symlink('/etc/passwd', join(folder, 'passwd.txt'))
      await symlink('/', join(folder, 'everything'))
    }
    await workbench.createProject('hostile folder')
    const rssBefore = process.memoryUsage().rss
    const started = performance.now()
    const report = await workbench.importFolder(folder)
    const hostileFolderImportSeconds = (performance.now() - started) / 1000
    const hostileFolderRssGrowthMB = (process.memoryUsage().rss - rssBefore) / 1024 / 1024
    const repassStarted = performance.now()
    await workbench.importFolder(folder)
    const figures: HardeningFigures = {
      stopDuringWalkMs,
      stopDuringImportMs,
      hostileFolderImportSeconds,
      hostileFolderRssGrowthMB,
      hostileFolderRefused: report.errors.length,
      hostileFolderRepassSeconds: (performance.now() - repassStarted) / 1000
    }
    const rows: Array<[string, string, string]> = [
      ['Stop while a large folder is listed', `${stopDuringWalkMs.toFixed(0)} ms`, '≤ 500 ms'],
      ['Stop while reuters is imported', `${stopDuringImportMs.toFixed(0)} ms`, '≤ 500 ms'],
      ['hostile folder (bbc politics + links + DOCX)', `${hostileFolderImportSeconds.toFixed(2)} s`, `${report.added} imported, ${report.errors.length} refused`],
      ['hostile folder: RSS growth', `${hostileFolderRssGrowthMB.toFixed(0)} MB`, 'was 16 GB through /proc/self/pagemap'],
      ['hostile folder: next pass (nothing changed)', `${figures.hostileFolderRepassSeconds.toFixed(2)} s`, 'was ~120 s per pass for the DOCX']
    ]
    return { figures, rows }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
