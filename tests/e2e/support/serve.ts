// Starts `node out/main/server.js` (what `npm run serve` runs after building) on a free
// port with a fresh data folder, and hands back the URL it printed, token included.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../..')

export interface ServedApp {
  url: string
  origin: string
  token: string
  /** SIGTERM: the server shuts down in order. */
  stop(): Promise<void>
  /** SIGKILL: the process dies at once, as in a crash or a power cut. */
  kill(): Promise<void>
}

export async function serveApp(dataDir: string): Promise<ServedApp> {
  const entry = join(root, 'out/main/server.js')
  if (!existsSync(join(root, 'out/renderer/index.html')) || !existsSync(entry)) {
    throw new Error('e2e: the app is not built; run `npm run build` first')
  }
  const child: ChildProcess = spawn(process.execPath, [entry, '--data', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`e2e: the server printed no URL in 30 s:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        resolveUrl(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`e2e: the server exited with ${code}:\n${output}`)))
  })
  const parsed = new URL(url)
  const end = (signal: NodeJS.Signals): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done()
      child.once('exit', () => done())
      child.kill(signal)
    })
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL')
  }
}
