// Build of the three Electron targets. The main target also emits the browser-mode
// server (out/main/server.js), which runs the same core under plain Node.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// These are ESM-only: bundle them so the CJS main bundle can load them.
const bundledEsmDeps = ['lowdb', 'steno', 'approx-string-match', 'parse5']

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          server: resolve(__dirname, 'src/server/main.ts'),
          // Extraction threads: a separate entry so worker_threads can load it by path.
          'extract-worker': resolve(__dirname, 'src/main/core/library/extract-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()]
  }
})
