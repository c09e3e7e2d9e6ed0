// `npm run export -- …`: the export engine for scripts. Opens a data folder as the app does
// (and refuses while the app has it open), picks a project, and writes one export file with
// exactly the bytes the Export dialog would.
import { once } from 'node:events'
import { access } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EXPORT_FORMATS } from '../shared/domain/export'
import { exportRequestSchema } from '../shared/domain/export-request'
import { discardExport, saveExport, type ExportFile } from '../main/core/export/export-service'
import { Workbench } from '../main/core/workbench'

export const EXPORT_USAGE = `usage: npm run export -- --format FORMAT [--project NAME|ID] [--out FILE|-] [--data DIR] [--sources cited|all] [--originals]
       npm run export -- --list [--data DIR]
  --format     ${EXPORT_FORMATS.join(', ')}
  --project    the project's name or id (default: the one opened last)
  --out        where to write (default: the export's own file name in this folder; - for standard output)
  --data       the data folder (default: the desktop app's, ${defaultDataDir()};
               browser mode keeps its projects in ~/.sourcebench-browser)
  --sources    citations: the sources the notes cite (default) or all in the project
  --originals  bundles: pack the original files too
  --list       list the projects in the data folder`

/** Where the desktop app keeps its projects (Electron's userData for the product name). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sourcebench')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Sourcebench')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Sourcebench')
}

export interface CliIo {
  /** False, as Writable.write says, when the output is full: the next chunk waits for `drain`. */
  stdout: (text: string | Uint8Array) => boolean | void
  stderr: (text: string) => void
  cwd: string
  /** The clock the export is dated by (tests fix it). */
  now?: () => Date
  /** Resolves once a full standard output takes more (default: process.stdout's 'drain'). */
  drain?: () => Promise<void>
}

/** Writes an export to standard output; a bundle is streamed from its temporary file, never read whole. */
async function writeToStdout(data: ExportFile['data'], io: CliIo): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    io.stdout(data)
    return
  }
  const drain = io.drain ?? (async () => void (await once(process.stdout, 'drain')))
  for await (const chunk of data) if (io.stdout(chunk) === false) await drain()
}

class CliError extends Error {}

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        project: { type: 'string' },
        out: { type: 'string' },
        data: { type: 'string' },
        sources: { type: 'string' },
        originals: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean' }
      },
      allowPositionals: false
    }).values
  } catch (error: unknown) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
}

/** Runs the command; the exit code is the return value. */
export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  let workbench: Workbench | null = null
  try {
    const values = options(argv)
    if (values.help === true) {
      io.stdout(`${EXPORT_USAGE}\n`)
      return 0
    }
    const dataDir = resolve(io.cwd, values.data ?? defaultDataDir())
    await access(join(dataDir, 'projects.json')).catch(() => {
      throw new CliError(`no Sourcebench projects in ${dataDir}; pass --data with the folder the app or \`npm run serve -- --data\` uses`)
    })
    const parsed = values.list === true ? null : exportRequestSchema.safeParse({ format: values.format, sources: values.sources, includeOriginals: values.originals === true })
    if (parsed !== null && !parsed.success) {
      const issue = parsed.error.issues[0]
      throw new CliError(`--${String(issue?.path[0] ?? 'format')}: ${values.format === undefined && issue?.path[0] === 'format' ? `required, one of ${EXPORT_FORMATS.join(', ')}` : (issue?.message ?? 'invalid')}`)
    }
    workbench = new Workbench({ dataDir, seedsDir: null, visitOnly: true, appVersion: process.env.npm_package_version ?? '0.0.0', ...(io.now === undefined ? {} : { now: io.now }) })
    await workbench.boot()
    const { projects, current } = workbench.projectInfo()
    if (parsed === null) {
      for (const project of projects) io.stdout(`${project.id === current.id ? '*' : ' '} ${project.id}  ${project.name}\n`)
      return 0
    }
    if (values.project !== undefined) {
      const wanted = values.project
      const matches = projects.filter((project) => project.id === wanted || project.name === wanted)
      if (matches.length === 0) throw new CliError(`no project named or with id “${wanted}”; --list shows them`)
      if (matches.length > 1) throw new CliError(`${matches.length} projects are named “${wanted}”; pass the id instead (--list shows them)`)
      await workbench.openProject(matches[0]?.id ?? '')
    }
    const file = await workbench.exportFile(parsed.data)
    const path = values.out === '-' ? null : resolve(io.cwd, values.out ?? file.fileName)
    try {
      if (path === null) await writeToStdout(file.data, io)
      else await saveExport(file.data, path)
    } finally {
      // A bundle's temporary file is gone once moved or streamed; this removes it after a failure.
      await discardExport(file.data)
    }
    if (path === null) return 0
    const { summary } = file
    io.stderr(`Wrote ${path}: ${summary.claims} claims, ${summary.passages} passages, ${summary.otherHighlights} other highlights, ${summary.sources} sources${summary.notFound > 0 ? `, ${summary.notFound} passages not found` : ''}\n`)
    return 0
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`sourcebench export: ${message}\n${error instanceof CliError ? `\n${EXPORT_USAGE}\n` : ''}`)
    return error instanceof CliError ? 2 : 1
  } finally {
    await workbench?.shutdown()
  }
}

