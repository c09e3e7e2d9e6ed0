// `npm run serve`: the workbench in a browser. Starts the engine on a data folder and
// serves the built renderer with the HTTP API on 127.0.0.1, then prints the URL to open.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCoreHandlers } from '../main/core/api-handlers'
import { gateUntilOpen } from '../main/core/projects/project-opening'
import { startWatchingAfter, Workbench } from '../main/core/workbench'
import { createBrowserHandlers } from './browser-handlers'
import { DownloadShelf } from './download-shelf'
import { startBrowserServer } from './http-server'

const USAGE = `usage: npm run serve -- [--data DIR] [--port N] [--seeds DIR]
  --data DIR   where projects are kept (default: ~/.sourcebench-browser)
  --port N     port on 127.0.0.1 (default 5183; 0 picks a free one)
  --seeds DIR  sample articles for a first launch (default: the repository's seeds/)`

const SHUTDOWN_GRACE_MS = 4000

function fail(message: string): never {
  console.error(`sourcebench serve: ${message}\n${USAGE}`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values
  try {
    values = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' }, seeds: { type: 'string' }, help: { type: 'boolean' } }
    }).values
  } catch (error: unknown) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help === true) {
    console.log(USAGE)
    return
  }
  const port = values.port === undefined ? 5183 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`)
  const appRoot = resolve(__dirname, '../..')
  const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf-8')) as { version: string }
  const workbench = new Workbench({
    dataDir: resolve(values.data ?? join(homedir(), '.sourcebench-browser')),
    seedsDir: resolve(values.seeds ?? join(appRoot, 'seeds')),
    extractWorker: { path: join(__dirname, 'extract-worker.js') },
    findingsWorker: { path: join(__dirname, 'findings-worker.js') },
    appVersion: version,
    watchFolders: true
  })
  // The page can be served while the last project opens: its first requests are answered from what has been read.
  const booting = workbench.boot()
  // Awaited once the server listens; a failure before that is not an unhandled rejection.
  booting.catch(() => undefined)
  const downloads = new DownloadShelf()
  const core = createCoreHandlers(workbench)
  // Folders are watched once a browser window has the library listed, not during the cold start.
  const handlers = gateUntilOpen(workbench, { ...core, ...createBrowserHandlers(workbench, version, downloads), listSources: startWatchingAfter(workbench, core.listSources) })
  const running = await startBrowserServer({
    handlers,
    downloads,
    events: workbench.events,
    rendererDir: join(appRoot, 'out', 'renderer'),
    port
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(`port ${port} is in use; pass --port 0 for a free one`)
    throw error
  })
  console.log(`Sourcebench (browser mode) is ready. Open:\n  ${running.url}`)
  // A project that cannot be opened ends the server with the reason (main's catch).
  await booting
  const stop = (): void => {
    // Every acknowledged write is already on disk; shutting down only lets an import save
    // what it did. Whatever still runs after a few seconds is not worth waiting for.
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
    void Promise.all([running.close(), workbench.shutdown()]).then(
      () => process.exit(0),
      () => process.exit(0)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`sourcebench serve: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
