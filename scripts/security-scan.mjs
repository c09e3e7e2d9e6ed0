#!/usr/bin/env node
// `npm run security:scan`: Electronegativity's static Electron checks over src/, for the Electron
// version we build with. Fails on a HIGH or MEDIUM finding that docs/electronegativity-baseline.json
// has not accepted; findings match on check id and file, never on line numbers.
// Exit codes: 0 clean (offline too), 1 an unaccepted finding, 2 the scan itself could not run.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

const root = join(import.meta.dirname, '..')
const sourceDir = join(root, 'src')
const baselinePath = join(root, 'docs', 'electronegativity-baseline.json')
const GATING = new Set(['HIGH', 'MEDIUM'])

function fail(message) {
  console.error(`security-scan: ${message}`)
  process.exit(2)
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf-8'))
  } catch (error) {
    fail(`cannot read ${relative(root, path)}: ${error.message}`)
  }
}

/** The Electron version installed, else the one package.json asks for with its range stripped. */
function electronVersion() {
  const installed = join(root, 'node_modules', 'electron', 'package.json')
  if (existsSync(installed)) return readJson(installed).version
  const manifest = readJson(join(root, 'package.json'))
  const range = manifest.devDependencies?.electron ?? manifest.dependencies?.electron
  const version = typeof range === 'string' ? /\d+\.\d+\.\d+/.exec(range)?.[0] : undefined
  if (version === undefined) fail(`package.json names no usable electron version (${range})`)
  return version
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''))
}

/** A finding's file as the baseline names it: relative to the repository, with forward slashes. */
function repositoryPath(file) {
  if (file === '' || file === 'N/A') return 'N/A'
  const absolute = isAbsolute(file) ? file : resolve(sourceDir, file)
  return relative(root, absolute).split(sep).join('/')
}

/** Runs the CLI once; `output` (a .csv or .sarif path) or null for its console report. */
function electronegativity(version, output) {
  const args = ['-i', sourceDir, '-e', version, ...(output === null ? [] : ['-o', output])]
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity')
  const [command, commandArgs] = existsSync(bin) ? [bin, args] : ['npx', ['--no-install', 'electronegativity', ...args]]
  return new Promise((resolvePromise) => {
    // English messages whatever the machine's locale, so parse errors can be recognised.
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' }, shell: process.platform === 'win32' })
    let log = ''
    child.stdout.on('data', (chunk) => (log += chunk))
    child.stderr.on('data', (chunk) => (log += chunk))
    const timer = setTimeout(() => child.kill(), 300_000)
    child.on('error', (error) => fail(`cannot run electronegativity: ${error.message}`))
    child.on('close', (status, signal) => {
      clearTimeout(timer)
      const report = output !== null && existsSync(output) ? readFileSync(output, 'utf-8') : null
      if (status !== 0 || (output !== null && report === null)) fail(`electronegativity exited with ${status ?? signal} and wrote no report:\n${log}`)
      resolvePromise({ report, log })
    })
  })
}

/** What identifies one finding across the CSV and SARIF reports (SARIF counts lines from 1, columns from 1). */
function keyOf(finding) {
  const number = (value) => (Number.isFinite(Number(value)) ? Number(value) : 0)
  return `${finding.check}|${finding.file}|${Math.max(1, number(finding.line))}:${number(finding.column)}`
}

function readSarif(text) {
  const results = JSON.parse(text).runs?.[0]?.results
  if (!Array.isArray(results)) fail('the SARIF report has no results list')
  return results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    return {
      check: result.ruleId,
      file: repositoryPath(location?.artifactLocation?.uri === 'file:///' ? 'N/A' : (location?.artifactLocation?.uri ?? 'N/A')),
      line: String(location?.region?.startLine ?? 0),
      column: String((location?.region?.startColumn ?? 1) - 1)
    }
  })
}

/**
 * The findings with their severity. Electronegativity 1.10 writes its CSV header and rows with two
 * concurrent un-awaited writes, so a CSV can lose or garble rows; the SARIF report (written once,
 * but without severities) is the reference, and the CSV is taken again until both agree.
 */
async function scan(version) {
  const outputDir = mkdtempSync(join(tmpdir(), 'sourcebench-scan-'))
  try {
    const [sarif, consoleRun, firstCsv] = await Promise.all([
      electronegativity(version, join(outputDir, 'findings.sarif')),
      electronegativity(version, null),
      electronegativity(version, join(outputDir, 'findings-0.csv'))
    ])
    const expected = readSarif(sarif.report).map(keyOf).sort()
    let csv = firstCsv
    for (let attempt = 1; ; attempt++) {
      const findings = readFindings(csv.report)
      if (JSON.stringify(findings.map(keyOf).sort()) === JSON.stringify(expected)) {
        const log = `${sarif.log}${consoleRun.log}${csv.log}`
        return { findings, offline: /no connectivity/i.test(log), parseErrors: [...new Set(consoleRun.log.match(/^.*Error parsing .*$/gm) ?? [])] }
      }
      if (attempt === 4) fail(`electronegativity's CSV report disagrees with its SARIF report ${attempt} times running`)
      csv = await electronegativity(version, join(outputDir, `findings-${attempt}.csv`))
    }
  } finally {
    rmSync(outputDir, { recursive: true, force: true })
  }
}

function readFindings(csv) {
  const [header, ...rows] = parseCsv(csv)
  if (header === undefined) return []
  const column = Object.fromEntries(header.map((name, index) => [name.trim().toLowerCase(), index]))
  for (const name of ['issue', 'severity', 'filename', 'location', 'description']) {
    if (column[name] === undefined) return [{ check: 'UNREADABLE_CSV', file: '', line: '', column: '', severity: '', description: '' }]
  }
  return rows.map((cells) => {
    const cell = (name) => (cells[column[name]] ?? '').trim()
    const [line = '', position = ''] = cell('location').split(':')
    return { check: cell('issue'), severity: cell('severity').toUpperCase(), file: repositoryPath(cell('filename')), line, column: position, description: cell('description') }
  })
}

function readBaseline() {
  const baseline = readJson(baselinePath)
  const entries = baseline.findings
  if (!Array.isArray(entries)) fail(`${relative(root, baselinePath)} has no "findings" list`)
  for (const [index, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') fail(`baseline entry ${index} has no "${key}"`)
    }
  }
  return entries
}

function printTable(rows) {
  const headings = ['status', 'severity', 'check', 'where', 'why']
  const cells = rows.map((row) => headings.map((key) => String(row[key])))
  const widths = headings.map((heading, index) => Math.min(index === 4 ? 90 : 60, Math.max(heading.length, ...cells.map((cell) => cell[index].length))))
  const line = (values) => values.map((value, index) => (value.length > widths[index] ? `${value.slice(0, widths[index] - 1)}…` : value.padEnd(widths[index]))).join('  ').trimEnd()
  console.log(line(headings))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of cells) console.log(line(row))
}

const version = electronVersion()
const baseline = readBaseline()
console.log(`security-scan: Electronegativity over src/ for Electron ${version}`)
const { findings, offline, parseErrors } = await scan(version)
if (offline) console.log('security-scan: offline (Electronegativity could not fetch the list of Electron releases); the checks ran all the same.')
// A file the tool cannot parse is a file nobody checked: that is a failed scan, not a clean one.
if (parseErrors.length > 0) fail(`some files were not checked:\n${parseErrors.join('\n')}`)
const acceptedBy = (finding) => baseline.find((entry) => entry.check === finding.check && entry.file === finding.file)

const rows = findings.map((finding) => {
  const accepted = acceptedBy(finding)
  const status = accepted !== undefined ? 'accepted' : GATING.has(finding.severity) ? 'NEW' : 'info'
  return { status, severity: finding.severity, check: finding.check, where: `${finding.file}:${finding.line}`, why: accepted?.reason ?? finding.description }
})
const statusOrder = ['NEW', 'accepted', 'info']
const severityOrder = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
const rank = (list, value) => (list.includes(value) ? list.indexOf(value) : list.length)
rows.sort((a, b) => rank(statusOrder, a.status) - rank(statusOrder, b.status) || rank(severityOrder, a.severity) - rank(severityOrder, b.severity) || a.check.localeCompare(b.check))
if (rows.length > 0) printTable(rows)

const stale = baseline.filter((entry) => !findings.some((finding) => finding.check === entry.check && finding.file === entry.file))
for (const entry of stale) console.log(`security-scan: baseline entry ${entry.check} in ${entry.file} matched nothing; remove it if the code changed.`)

const unaccepted = rows.filter((row) => row.status === 'NEW')
if (unaccepted.length > 0) {
  console.log(`\nsecurity-scan: ${unaccepted.length} HIGH/MEDIUM finding(s) not in ${relative(root, baselinePath)}.`)
  console.log('Fix them, or, if one is a false positive, add it to the baseline with the reason and explain it in docs/security.md.')
  process.exit(1)
}
console.log(`\nsecurity-scan: ${findings.length} finding(s), none HIGH or MEDIUM outside the baseline.`)
