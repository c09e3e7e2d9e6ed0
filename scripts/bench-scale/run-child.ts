// The scale bench runs each measurement in a child Node process of its own: start-up time
// and peak memory are then the child's, and one step's heap never inflates the next one's.
// Children run from a bundle built like the app's main bundle (dependencies external, the
// ESM-only ones inside), so a cold start costs what the app's does, not tsx compiling sources.
import { spawn } from 'node:child_process'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { builtWorkersEnv, extractWorkerPath } from './child'

const REPO = resolve(__dirname, '../..')
/** Inside node_modules, so the bundles find the app's dependencies as the built app does. */
export const BUNDLES = join(REPO, 'node_modules', '.cache', 'bench-scale')
/** Where runChild finds the bundles: the folder the last bundleChildren wrote; and the built workers, if copied. */
let bundles = BUNDLES
let builtWorkers: string | null = null
const CHILDREN = ['import-child', 'start-child', 'session-child'] as const
export type ChildScript = (typeof CHILDREN)[number]
/** As electron.vite.config.ts: these are ESM-only, so they go inside the bundle. */
const BUNDLED_ESM_DEPS = new Set(['lowdb', 'steno', 'approx-string-match', 'parse5'])

export const REPO_EXTRACT_WORKER = extractWorkerPath(REPO)

/**
 * Bundles the child scripts with the engine's current sources (about a second). A long run
 * bundles into a folder of its own, so the engine it measures stays the one it started with
 * while the sources change and other runs bundle.
 */
export async function bundleChildren(outdir = BUNDLES): Promise<void> {
  bundles = outdir
  if (outdir !== BUNDLES) {
    // The workers as built now (electron-vite's out/main, chunks included), beside the bundles.
    builtWorkers = join(outdir, 'out-main')
    await cp(join(REPO, 'out', 'main'), builtWorkers, { recursive: true })
  }
  const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object }
  const packages = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})].filter((name) => !BUNDLED_ESM_DEPS.has(name))
  await build({
    entryPoints: CHILDREN.map((name) => join(__dirname, `${name}.ts`)),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...packages, ...packages.map((name) => `${name}/*`)],
    // Code that finds its packages through import.meta.url (pdf.js, OCR data) keeps working in CJS.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: 'warning'
  })
}

/**
 * Runs a bundled child with its input in a file, and returns the JSON it prints on the
 * last line of stdout; its stderr goes to ours.
 */
export async function runChild<T>(script: ChildScript, input: unknown, inputFile: string): Promise<T> {
  await writeFile(inputFile, JSON.stringify(input))
  const child = spawn(process.execPath, ['--expose-gc', join(bundles, `${script}.cjs`), inputFile], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: builtWorkers === null ? process.env : { ...process.env, ...builtWorkersEnv(builtWorkers) } })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail)
    child.on('close', done)
  })
  const last = out.trim().split('\n').at(-1) ?? ''
  if (code !== 0 || !last.startsWith('{')) throw new Error(`bench-scale: ${script} ended with code ${code}${last === '' ? '' : `: ${last}`}`)
  return JSON.parse(last) as T
}
