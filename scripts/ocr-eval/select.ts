// Which PDFs an OCR evaluation run reads: every .pdf under the folders given plus the files
// given, each put in the tune or the report half by the sha1 of its bytes (so a renamed or
// moved file keeps its half). Thresholds and settings are chosen on the tune half only; the
// figures quoted are the report half's (the default).
import { createHash } from 'node:crypto'
import type { Dirent } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { halfOf, type Half } from '../corroboration-eval/half'

export interface EvalPdf {
  /** As printed: relative to the folder it was found in, or the path given. */
  name: string
  path: string
  bytes: Uint8Array
  sha1: string
  half: Half
}

async function pdfsUnder(folder: string): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    throw new Error(`eval-ocr: cannot read folder ${folder} (${error instanceof Error ? error.message : String(error)})`)
  }
  const found: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await pdfsUnder(path)))
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.pdf')) found.push(path)
  }
  return found
}

/** Every PDF named by `paths` (folders searched recursively), in a stable order, with its half; `halves` keeps those halves only. */
export async function selectPdfs(paths: readonly string[], halves: readonly Half[] = ['tune', 'report']): Promise<EvalPdf[]> {
  const pdfs: EvalPdf[] = []
  const seen = new Set<string>()
  for (const given of paths) {
    const root = resolve(given)
    const info = await stat(root).catch(() => null)
    if (info === null) throw new Error(`eval-ocr: no such file or folder ${given}`)
    const files = info.isDirectory() ? await pdfsUnder(root) : [root]
    for (const path of files) {
      if (seen.has(path)) continue
      seen.add(path)
      const bytes = new Uint8Array(await readFile(path))
      const sha1 = createHash('sha1').update(bytes).digest('hex')
      // halfOf over the hex sha1 of the bytes.
      const half = halfOf(sha1)
      if (!halves.includes(half)) continue
      pdfs.push({ name: info.isDirectory() ? relative(root, path) : given, path, bytes, sha1, half })
    }
  }
  return pdfs
}
