// Runs a TypeScript worker_threads entry in tests and scripts: registers tsx for both
// import and require, then loads the script named in workerData. The app itself runs
// the built JavaScript worker.
import { workerData } from 'node:worker_threads'
import { register as registerEsm } from 'tsx/esm/api'
import { register as registerCjs } from 'tsx/cjs/api'

registerEsm()
registerCjs()
await import(workerData.script)
