// `npm run eval:import -- <path>... [--malform]`: measures the import extractors on real corpora.
// A folder of Readability test pages (source.html, expected.html, expected-metadata.json)
// gets title match rate and token F1 against the expected article (with --malform, again
// for each malformation of scripts/malformed-pages.ts applied to every page); any other folder gets
// every file extracted, each either imported with text or refused with a specific reason,
// and is then imported through the workbench (the path the app takes) to check that every
// file on disk is imported, unchanged, refused or skipped: `silentlySkipped` counts the
// ones that are none of these. Prints a table per path, then one JSON line with every figure.
import type { Dirent } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseHtmlDocument } from '../src/main/core/library/extract/dom'
import { htmlToText } from '../src/main/core/library/extract/html-to-text'
import { extractDocument } from '../src/main/core/library/extract/index'
import { importableExtensions, typeExtension } from '../src/main/core/library/extract/formats'
import { Workbench } from '../src/main/core/workbench'
import { MALFORMATIONS } from './malformed-pages'
import { describeSkipped, importCounts } from '../src/shared/domain/import-counts'
import { UserError } from '../src/shared/ipc/result'

const OPTIONS = { maxInflatedBytes: 200 * 1024 * 1024 }
const TITLE_TARGET = 0.95
const F1_TARGET = 0.95

/** Reasons an importer may give; anything else (or an "unknown error" detail) counts as generic. */
const SPECIFIC_REASONS = [
  /^the file is empty$/,
  /^the file holds only (whitespace|front matter, no text)$/,
  /^binary content, not text(: .+ without a file extension)?$/,
  /^password-protected (PDF|Word document|OpenDocument file)$/,
  /^damaged (PDF|Word document|e-mail message|RTF document|OpenDocument file) \((?!unknown error\)).+\)$/,
  /^not an? (RTF document|OpenDocument (text )?file) \(.+\)$/,
  /^the (e-mail message|RTF document|OpenDocument file) has no text$/,
  /^not a Word document \(.+\)$/,
  /^looks like a zip bomb: .+$/,
  /^PDF has no text layer \(scanned images\?\)$/,
  /^the Word document has no text$/,
  /^the web page has no readable text$/
]

interface ReadabilitySection {
  path: string
  kind: 'readability'
  /** 'none', or the malformation applied to every page (--malform). */
  malformation: string
  pages: number
  titleMatches: number
  titleMatchRate: number
  meanTokenF1: number
  pagesBelow095: number
  minTokenF1: number
  errors: number
  seconds: number
  meetsTargets: boolean
}

interface FilesSection {
  path: string
  kind: 'files'
  files: number
  imported: number
  refused: number
  uncaught: number
  genericReasons: number
  totalChars: number
  totalPages: number
  reasons: Record<string, number>
  seconds: number
  /** Entries under the folder (files, links, pipes; hidden folders not opened), counted from the disk. */
  onDisk: number
  /** Through the workbench: every file in exactly one of these four. */
  accounted: { imported: number; unchanged: number; refused: number; skipped: number }
  skippedByType: Record<string, number>
  /** Entries on disk the import report does not account for: must be 0. */
  silentlySkipped: number
  importSeconds: number
  noCrash: boolean
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function tokenF1(ours: string, expected: string): number {
  const expectedCounts = new Map<string, number>()
  const expectedTokens = tokens(expected)
  for (const token of expectedTokens) expectedCounts.set(token, (expectedCounts.get(token) ?? 0) + 1)
  const ourTokens = tokens(ours)
  if (ourTokens.length === 0 || expectedTokens.length === 0) return ourTokens.length === expectedTokens.length ? 1 : 0
  let overlap = 0
  for (const token of ourTokens) {
    const left = expectedCounts.get(token) ?? 0
    if (left > 0) {
      overlap += 1
      expectedCounts.set(token, left - 1)
    }
  }
  const precision = overlap / ourTokens.length
  const recall = overlap / expectedTokens.length
  return overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}

function normaliseTitle(title: string | null | undefined): string {
  return (title ?? '').replace(/\s+/g, ' ').trim()
}

function expectedTitle(json: string): string {
  const parsed: unknown = JSON.parse(json)
  const title = typeof parsed === 'object' && parsed !== null ? (parsed as { title?: unknown }).title : null
  return typeof title === 'string' ? title : ''
}

async function isReadabilityCorpus(path: string): Promise<boolean> {
  const entries = await readdir(path, { withFileTypes: true })
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    const names = await readdir(join(path, entry.name))
    if (names.includes('source.html') && names.includes('expected.html')) return true
  }
  return false
}

function pad(value: string, width: number): string {
  return value.length >= width ? value : value + ' '.repeat(width - value.length)
}

function clip(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, width - 1)}…` : value
}

async function evalReadability(path: string, malformation = 'none'): Promise<ReadabilitySection> {
  const malform = MALFORMATIONS[malformation] ?? ((html: string) => html)
  const started = performance.now()
  const folders = (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  let titleMatches = 0
  let errors = 0
  const scores: number[] = []
  const failures: string[] = []
  for (const folder of folders) {
    const dir = join(path, folder)
    const [source, expectedHtml, metadata] = await Promise.all([
      readFile(join(dir, 'source.html')),
      readFile(join(dir, 'expected.html'), 'utf8'),
      readFile(join(dir, 'expected-metadata.json'), 'utf8')
    ])
    const wantedTitle = normaliseTitle(expectedTitle(metadata))
    const expectedBody = parseHtmlDocument(expectedHtml).body
    const expectedText = expectedBody === null ? '' : htmlToText(expectedBody)
    let ourTitle = ''
    let ourText = ''
    try {
      const document = await extractDocument(new Uint8Array(Buffer.from(malform(source.toString('latin1')), 'latin1')), 'source.html', OPTIONS)
      ourTitle = normaliseTitle(document.title)
      ourText = document.text
    } catch (error) {
      errors += 1
      failures.push(`${pad(folder, 44)} ERROR ${error instanceof Error ? error.message : String(error)}`)
    }
    const f1 = tokenF1(ourText, expectedText)
    scores.push(f1)
    if (ourTitle === wantedTitle) titleMatches += 1
    else failures.push(`${pad(folder, 44)} title  ours: ${JSON.stringify(clip(ourTitle, 70))}\n${' '.repeat(52)}want: ${JSON.stringify(clip(wantedTitle, 70))}`)
    if (f1 < F1_TARGET) failures.push(`${pad(folder, 44)} F1     ${f1.toFixed(3)}`)
  }
  const pages = folders.length
  const meanTokenF1 = scores.reduce((sum, score) => sum + score, 0) / Math.max(pages, 1)
  const section: ReadabilitySection = {
    path,
    kind: 'readability',
    malformation,
    pages,
    titleMatches,
    titleMatchRate: titleMatches / Math.max(pages, 1),
    meanTokenF1,
    pagesBelow095: scores.filter((score) => score < F1_TARGET).length,
    minTokenF1: Math.min(...scores),
    errors,
    seconds: (performance.now() - started) / 1000,
    meetsTargets: false
  }
  section.meetsTargets = section.titleMatchRate >= TITLE_TARGET && section.meanTokenF1 >= F1_TARGET && errors === 0
  console.log(`\n== ${path} (Readability pages${malformation === 'none' ? '' : `, each ${malformation}`})`)
  // Per-page failures of the malformed runs would repeat the list; their figures say enough.
  if (malformation === 'none') console.log(failures.length === 0 ? 'no failures' : failures.join('\n'))
  console.log(
    `pages ${pages} · titles ${titleMatches}/${pages} (${(section.titleMatchRate * 100).toFixed(1)}%, target ≥ ${TITLE_TARGET * 100}%)` +
      ` · mean token F1 ${meanTokenF1.toFixed(5)} (target ≥ ${F1_TARGET}) · below ${F1_TARGET}: ${section.pagesBelow095}` +
      ` · ${section.seconds.toFixed(1)} s · ${section.meetsTargets ? 'MEETS TARGETS' : 'MISSES TARGETS'}`
  )
  return section
}

/** Files the importer reads (supported types, and files named without a type), hidden ones left out as it does. */
async function importableFiles(dir: string): Promise<string[]> {
  const wanted = importableExtensions()
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await importableFiles(full)))
    else if (entry.isFile() && wanted.has(typeExtension(entry.name))) found.push(full)
  }
  return found.sort()
}

/** Every entry that is not a folder, straight from the disk; hidden folders are not opened (as the importer does not). */
async function countEntries(dir: string): Promise<number> {
  let count = 0
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isDirectory()) count++
    else if (!entry.name.startsWith('.')) count += await countEntries(join(dir, entry.name))
  }
  return count
}

/** Imports the folder into a throw-away project, as the app does, and reads the four counts off the report. */
async function accountThroughWorkbench(path: string, section: FilesSection): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sourcebench-eval-import-'))
  const workbench = new Workbench({ dataDir, seedsDir: null })
  const started = performance.now()
  try {
    await workbench.boot()
    const report = await workbench.importFolder(resolve(path), true)
    const counts = importCounts(report)
    section.accounted = { imported: counts.imported, unchanged: counts.unchanged, refused: counts.refused, skipped: counts.skipped }
    section.skippedByType = Object.fromEntries((report.skipped ?? []).map(({ extension, count }) => [extension, count]))
    section.silentlySkipped = section.onDisk - counts.files
    console.log(
      `through the workbench: ${counts.files} of ${section.onDisk} entries accounted for · imported ${counts.imported} · unchanged ${counts.unchanged}` +
        ` · refused ${counts.refused} · skipped ${counts.skipped}${counts.skipped > 0 ? ` (${describeSkipped(report.skipped ?? [])})` : ''}` +
        ` · silently skipped ${section.silentlySkipped}`
    )
  } finally {
    section.importSeconds = (performance.now() - started) / 1000
    await workbench.shutdown()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** Above this many files only the refusals are listed one per line. */
const LIST_EVERY_FILE_UP_TO = 300

async function evalFiles(path: string): Promise<FilesSection> {
  const started = performance.now()
  const isDir = (await stat(path)).isDirectory()
  const files = isDir ? await importableFiles(path) : [path]
  const section: FilesSection = {
    path,
    kind: 'files',
    files: files.length,
    imported: 0,
    refused: 0,
    uncaught: 0,
    genericReasons: 0,
    totalChars: 0,
    totalPages: 0,
    reasons: {},
    seconds: 0,
    onDisk: isDir ? await countEntries(path) : 1,
    accounted: { imported: 0, unchanged: 0, refused: 0, skipped: 0 },
    skippedByType: {},
    silentlySkipped: 0,
    importSeconds: 0,
    noCrash: false
  }
  const listAll = files.length <= LIST_EVERY_FILE_UP_TO
  console.log(`\n== ${path} (${files.length} files to read${listAll ? '' : '; only refusals listed'})`)
  for (const file of files) {
    const name = relative(path, file) || file
    const fileStarted = performance.now()
    let line: string
    let ok = false
    try {
      const document = await extractDocument(new Uint8Array(await readFile(file)), file, OPTIONS)
      ok = true
      section.imported += 1
      section.totalChars += document.text.length
      section.totalPages += document.pageStarts?.length ?? 0
      const pages = document.pageStarts === null ? '' : `, ${document.pageStarts.length} pages`
      const warnings = document.warnings.length === 0 ? '' : `, ${document.warnings.length} warnings`
      line = `ok      ${document.format} ${document.text.length} chars${pages}${warnings}; title ${JSON.stringify(clip(document.title ?? '—', 50))}`
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      if (error instanceof UserError) {
        section.refused += 1
        const generic = !SPECIFIC_REASONS.some((pattern) => pattern.test(reason))
        if (generic) section.genericReasons += 1
        const kind = reason.replace(/ \(.*\)$/, '').replace(/: .*$/, '')
        section.reasons[kind] = (section.reasons[kind] ?? 0) + 1
        line = `${generic ? 'GENERIC' : 'refused'} ${reason}`
      } else {
        section.uncaught += 1
        line = `CRASH   ${error instanceof Error ? `${error.name}: ${error.message}` : reason}`
      }
    }
    if (listAll || !ok) console.log(`${pad(clip(name, 60), 61)} ${pad(`${Math.round(performance.now() - fileStarted)} ms`, 8)} ${line}`)
  }
  section.seconds = (performance.now() - started) / 1000
  if (isDir) await accountThroughWorkbench(path, section)
  section.noCrash = section.uncaught === 0 && section.genericReasons === 0 && section.imported + section.refused === section.files && section.silentlySkipped === 0
  const reasons = Object.entries(section.reasons).map(([reason, count]) => `${count}× ${reason}`).join(', ')
  console.log(
    `files ${section.files} · imported ${section.imported} · refused ${section.refused}${reasons === '' ? '' : ` (${reasons})`}` +
      ` · uncaught ${section.uncaught} · generic reasons ${section.genericReasons} · silently skipped ${section.silentlySkipped}` +
      ` · ${section.seconds.toFixed(1)} s · ${section.noCrash ? 'NO CRASH' : 'CRASHES, GENERIC REASONS OR FILES UNACCOUNTED FOR'}`
  )
  return section
}

async function main(): Promise<void> {
  const malform = process.argv.includes('--malform')
  const paths = process.argv.slice(2).filter((arg) => arg !== '--' && arg !== '--malform')
  if (paths.length === 0) {
    console.error('eval-import: usage: npm run eval:import -- <readability corpus or folder of files>... [--malform]')
    process.exitCode = 2
    return
  }
  const started = performance.now()
  const sections: (ReadabilitySection | FilesSection)[] = []
  for (const path of paths) {
    const isDir = (await stat(path)).isDirectory()
    if (isDir && (await isReadabilityCorpus(path))) {
      sections.push(await evalReadability(path))
      if (malform) for (const malformation of Object.keys(MALFORMATIONS)) sections.push(await evalReadability(path, malformation))
    } else sections.push(await evalFiles(path))
  }
  const passed = sections.every((section) => (section.kind === 'readability' ? section.meetsTargets : section.noCrash))
  const seconds = (performance.now() - started) / 1000
  console.log(`\n${passed ? 'PASS' : 'FAIL'} · ${sections.length} path(s) · ${seconds.toFixed(1)} s`)
  const round = (value: number): number => Math.round(value * 1e6) / 1e6
  const rounded = sections.map((section) =>
    Object.fromEntries(Object.entries(section).map(([key, value]) => [key, typeof value === 'number' ? round(value) : value]))
  )
  console.log(JSON.stringify({ passed, seconds: round(seconds), sections: rounded }))
  if (!passed) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(`eval-import: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
})
