// Reads a source's original for the original view: a PDF's bytes, an image, or a saved web
// page's article; or, in a sentence, why there is none. Only files inside the source's
// imported folder are read, never through a link that leads out of it, and only while their
// bytes are still the ones that were imported (else the view would not match the text).
import { realpath, stat } from 'node:fs/promises'
import { basename, resolve, sep } from 'node:path'
import type { OcrLayout, OriginalDocument } from '../../../shared/domain/original'
import type { ImportRoot, Source, SourceFormat } from '../../../shared/domain/source'
import { UserError } from '../../../shared/ipc/result'
import { sha256Bytes } from '../store/content-hash'
import type { ProjectStore } from '../store/project-store'
import { IMAGE_LIMITS, type ImageLimits, localImageResolver } from './original-images'
import { DEFAULT_MAX_FILE_BYTES, readFileCapped } from './read-file-capped'

/** What the OCR side gives the original view; the defaults are the OCR modules', tests may pass their own. */
export interface OriginalOcr {
  /** The recognised words' boxes of the file with these bytes, for the text with this hash; null when none are cached. */
  layout(projectDir: string, fileHash: string, contentHash: string): Promise<OcrLayout | null>
  /** An image file as a browser shows it (TIFF converted); a UserError when it cannot be. */
  imageForDisplay(bytes: Uint8Array, fileName: string): Promise<{ mime: 'image/png' | 'image/jpeg' | 'image/webp'; bytes: Uint8Array }>
}

export interface ReadOriginalOptions {
  ocr?: OriginalOcr
  images?: ImageLimits
  maxFileBytes?: number
}

export const NO_ORIGINAL_VIEW = 'this format has no original view'
export const NOT_HERE = 'the original file is not on this computer: this source came in a project bundle'
export const CHANGED = 'the file changed on disk since it was imported; import the folder again to see it'

const VIEWABLE: ReadonlySet<SourceFormat> = new Set(['pdf', 'image', 'html'])

const unavailable = (reason: string): OriginalDocument => ({ kind: 'unavailable', reason })

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

/** Why a file cannot be reached, as the view says it. */
class Unreachable extends Error {}

function missing(source: Source): Unreachable {
  return new Unreachable(`the original file is no longer in its folder: ${source.relativePath}`)
}

/** The file's real path, refused when its name or a link on the way leads outside the folder. */
async function realFile(root: ImportRoot, source: Source): Promise<{ file: string; realRoot: string }> {
  const realRoot = await realpath(root.path).catch(() => {
    throw new Unreachable(`the imported folder is not on this computer any more: ${root.path}`)
  })
  const wanted = resolve(realRoot, ...source.relativePath.split('/'))
  // A name with "..", or a link inside the folder whose target is outside it: never read.
  if (!isInside(wanted, realRoot)) throw new Unreachable(`the file's name leads outside the imported folder: not read`)
  const file = await realpath(wanted).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    throw code === 'ENOENT' || code === 'ENOTDIR' ? missing(source) : new Unreachable(`the original file cannot be opened (${code ?? 'error'})`)
  })
  if (!isInside(file, realRoot)) throw new Unreachable('the file now leads outside the imported folder: not read')
  return { file, realRoot }
}

async function readBytes(file: string, source: Source, maxBytes: number): Promise<Buffer> {
  try {
    // The real path holds no link: one swapped in since it was resolved is refused, not followed.
    return await readFileCapped(file, maxBytes, { noFollow: true })
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw missing(source)
    if (code === 'ELOOP') throw new Unreachable('the file became a link since it was found: not read')
    if (code === 'EACCES' || code === 'EPERM') throw new Unreachable('the original file cannot be read: permission denied')
    if (error instanceof UserError) throw new Unreachable(`the original file cannot be read: ${error.message}`)
    throw error
  }
}

/** Whether the bytes are the ones imported: by their hash, or for a source imported before hashes were kept, by size and time. */
async function unchanged(bytes: Buffer, file: string, source: Source): Promise<boolean> {
  if (source.fileHash !== null) return sha256Bytes(bytes) === source.fileHash
  if (bytes.length !== source.size) return false
  return (await stat(file)).mtimeMs === source.mtimeMs
}

/** The OCR modules, loaded on first use: a folder of web pages never loads the canvas or the recogniser. */
async function defaultOcr(): Promise<OriginalOcr> {
  const { layoutFor, displayImage } = await import('./original-ocr')
  return { layout: layoutFor, imageForDisplay: displayImage }
}

export async function readOriginal(store: ProjectStore, source: Source, options: ReadOriginalOptions = {}): Promise<OriginalDocument> {
  if (!VIEWABLE.has(source.format)) return unavailable(NO_ORIGINAL_VIEW)
  const root = store.library.data.roots.find((candidate) => candidate.id === source.rootId)
  if (root === undefined) throw new UserError('not-found', `original: no imported folder ${source.rootId} for source ${source.id}`)
  if (root.detached === 'not-here') return unavailable(NOT_HERE)
  if (source.missing) return unavailable(missing(source).message)
  let file: string
  let realRoot: string
  let bytes: Buffer
  try {
    ;({ file, realRoot } = await realFile(root, source))
    bytes = await readBytes(file, source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
    if (!(await unchanged(bytes, file, source))) return unavailable(CHANGED)
  } catch (error: unknown) {
    if (error instanceof Unreachable) return unavailable(error.message)
    throw error
  }
  /** Where OCR found the words of this text, when OCR made it. */
  const layout = async (ocr: OriginalOcr): Promise<OcrLayout | null> =>
    source.ocr === null || source.fileHash === null ? null : ocr.layout(store.dir, source.fileHash, source.contentHash)
  switch (source.format) {
    case 'pdf':
      return { kind: 'pdf', data: bytes.toString('base64'), layout: source.ocr === null ? null : await layout(options.ocr ?? (await defaultOcr())) }
    case 'image': {
      const ocr = options.ocr ?? (await defaultOcr())
      let shown: Awaited<ReturnType<OriginalOcr['imageForDisplay']>>
      try {
        shown = await ocr.imageForDisplay(bytes, basename(file))
      } catch (error: unknown) {
        if (error instanceof UserError) return unavailable(`the image cannot be shown: ${error.message}`)
        throw error
      }
      return { kind: 'image', mime: shown.mime, data: Buffer.from(shown.bytes).toString('base64'), layout: await layout(ocr) }
    }
    case 'html': {
      // Parsers load on first use, as in the importer.
      const { articleHtml } = await import('./extract/html-article')
      const article = await articleHtml(bytes, localImageResolver(file, realRoot, options.images ?? IMAGE_LIMITS))
      return { kind: 'web', html: article.html, url: source.meta.url }
    }
    default:
      return unavailable(NO_ORIGINAL_VIEW)
  }
}
