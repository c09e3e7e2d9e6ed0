// Entry point of `npm run export`: see export-cli.ts.
import { runExportCli } from './export-cli'

runExportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`sourcebench export: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
)
