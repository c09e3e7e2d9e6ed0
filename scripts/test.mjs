#!/usr/bin/env node
// `npm test`: typecheck, lint, the static Electron security scan, build, then every
// vitest project (node, jsdom, smoke, e2e, crash). Runs every step even after a failure, so one run shows everything that is
// wrong, and ends with one line for CI: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reportPath = join(root, 'test-results', 'vitest.json')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

const checks = [
  ['typecheck (node)', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (web)', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['typecheck (e2e)', ['tsc', '--noEmit', '-p', 'tsconfig.e2e.json']],
  ['lint', ['eslint', '.', '--max-warnings', '0']],
  ['security scan (electronegativity)', [process.execPath, 'scripts/security-scan.mjs']],
  ['build', ['electron-vite', 'build']]
]

let passed = 0
let failed = 0
const failures = []

/** Runs a tool from node_modules/.bin through npx, or node itself when the first argument is its path. */
function run(args, env = {}) {
  const [command, rest] = args[0] === process.execPath ? [process.execPath, args.slice(1)] : [npx, args]
  return spawnSync(command, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status
}

for (const [name, args] of checks) {
  console.log(`\n▶ ${name}`)
  if (run(args) === 0) passed++
  else {
    failed++
    failures.push(name)
  }
}

console.log('\n▶ vitest (node, jsdom, smoke, e2e)')
mkdirSync(join(root, 'test-results'), { recursive: true })
rmSync(reportPath, { force: true })
const status = run(['vitest', 'run', ...process.argv.slice(2)], { SOURCEBENCH_TEST_REPORT: reportPath })
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf-8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  // A test file that fails to load has no failed test, only a failed suite.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
  failed += brokenFiles.length
  if (report.numFailedTests > 0 || brokenFiles.length > 0) failures.push('vitest')
} else if (status !== 0) {
  failed++
  failures.push('vitest (no report)')
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || status !== 0 ? 1 : 0)
