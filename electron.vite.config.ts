// Build of the three Electron targets. The main target also emits the browser-mode
// server (out/main/server.js), which runs the same core under plain Node.
import { readdirSync, readFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

// These are ESM-only: bundle them so the CJS main bundle can load them.
const bundledEsmDeps = ['lowdb', 'steno', 'approx-string-match', 'parse5']

/**
 * The data pdf.js fetches at run time in the renderer (CJK character maps, the 14 standard
 * fonts, the JavaScript JPEG 2000 decoder): copied to out/renderer/pdfjs/, served from
 * there in development, so the PDF view never reaches beyond the app's own files. The
 * wasm decoders are left out: the renderer's policy does not let WebAssembly compile.
 */
function pdfJsData(): Plugin {
  const root = resolve(__dirname, 'node_modules/pdfjs-dist')
  const folders = ['cmaps', 'standard_fonts', 'wasm']
  // Licences stay in node_modules; only what pdf.js asks for is shipped.
  const shipped = new Set(['.bcmap', '.pfb', '.ttf', '.js'])
  const files = (): string[] =>
    folders.flatMap((folder) => readdirSync(resolve(root, folder)).filter((name) => shipped.has(extname(name))).map((name) => `${folder}/${name}`))
  return {
    name: 'sourcebench-pdfjs-data',
    configureServer(server) {
      const served = new Set(files())
      server.middlewares.use('/pdfjs/', (request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\//, '')
        if (!served.has(path)) return next()
        response.setHeader('Content-Type', extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream')
        response.end(readFileSync(resolve(root, path)))
      })
    },
    generateBundle() {
      for (const file of files()) this.emitFile({ type: 'asset', fileName: `pdfjs/${file}`, source: readFileSync(resolve(root, file)) })
    }
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          server: resolve(__dirname, 'src/server/main.ts'),
          // Extraction threads: a separate entry so worker_threads can load it by path.
          'extract-worker': resolve(__dirname, 'src/main/core/library/extract-worker.ts'),
          // The corroboration thread: analyses texts and groups quotes and names off the main thread.
          'findings-worker': resolve(__dirname, 'src/main/core/corroboration/findings/findings-worker.ts')
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
    plugins: [react(), pdfJsData()]
  }
})
