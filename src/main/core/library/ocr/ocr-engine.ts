// The recogniser: tesseract.js engines (each its own thread running Tesseract in
// WebAssembly), loaded with the English model shipped in @tesseract.js-data/eng or the
// languages of a prepared folder, never from the network. Engines are kept a little
// while after a file, as loading a model costs a good part of a second.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import type Tesseract from 'tesseract.js'
import type { RecognisedWord } from './ocr-text'

export interface OcrEngineSpec {
  /** Tesseract language codes, in order ('eng', 'chi_sim'). */
  languages: readonly string[]
  /**
   * A folder holding `<code>.traineddata` (plain or gzipped) for every language, English
   * included; null for English alone from the app's own copy.
   */
  langPath: string | null
}

export interface OcrEngine {
  /** The languages actually loaded: the asked ones, or English alone when they would not load. */
  readonly languages: readonly string[]
  /** Why the asked languages could not be loaded, when they could not. */
  readonly problem: string | null
  /**
   * The words on an image (PNG, JPEG, WebP, BMP, TIFF or PGM bytes), as paragraphs of
   * lines. `dpi`: the image's resolution when known (a rendered PDF page), else Tesseract
   * estimates it from the text.
   */
  recognise(image: Uint8Array, dpi: number | null): Promise<RecognisedWord[][][]>
  /**
   * The image decoded by Tesseract's image library (WebAssembly: a damaged file is an error,
   * never a crash) and written as a PNG, in colour or grey, without recognising anything.
   */
  toPng(image: Uint8Array, colour: boolean): Promise<Uint8Array>
  terminate(): Promise<void>
}

type TesseractModule = typeof Tesseract

let tesseract: Promise<TesseractModule> | null = null

function loadTesseract(): Promise<TesseractModule> {
  tesseract ??= import('tesseract.js').then((module) => ((module as { default?: TesseractModule }).default ?? module) as TesseractModule)
  tesseract.catch(() => {
    tesseract = null
  })
  return tesseract
}

/**
 * The folder of the English model shipped with the app (gzipped, "best_int": accurate and
 * quick). In a packaged app it is unpacked beside the archive (build/electron-builder.yml),
 * so it is a real file other folders can link to.
 */
export function builtInLangPath(): string {
  const folder = join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
  const unpacked = folder.replace(`.asar${sep}`, `.asar.unpacked${sep}`)
  return unpacked !== folder && existsSync(unpacked) ? unpacked : folder
}

/** The file of the English model shipped with the app. */
export function builtInEnglishFile(): string {
  return join(builtInLangPath(), 'eng.traineddata.gz')
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function wordsOf(page: Tesseract.Page): RecognisedWord[][][] {
  return (page.blocks ?? []).flatMap((block) =>
    block.paragraphs.map((paragraph) =>
      paragraph.lines.map((line) =>
        line.words.map((word): RecognisedWord => ({ text: word.text, box: [word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1], confidence: word.confidence }))
      )
    )
  )
}

/**
 * Starts an engine with English first, which always loads, then switches to the asked
 * languages: tesseract.js's createWorker never settles when a language fails to load,
 * while a switch to a missing file fails cleanly and leaves a usable engine. (A model
 * that loads but fails to initialise makes tesseract.js throw out of its message
 * handler, ending the thread: ocr-languages offers only files that pass usableModel.)
 */
export async function createOcrEngine(spec: OcrEngineSpec): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = await loadTesseract()
  let failStart: (error: Error) => void = () => undefined
  const startFailed = new Promise<never>((_, reject) => {
    failStart = reject
  })
  let starting = true
  const creating = createWorker('eng', OEM.LSTM_ONLY, {
    langPath: spec.langPath ?? builtInLangPath(),
    gzip: spec.langPath === null,
    // 'none': never read or write a copy of the model in the working folder.
    cacheMethod: 'none',
    logger: () => undefined,
    // Without a handler tesseract.js throws a failed job's error out of its message listener.
    errorHandler: (error: unknown) => {
      if (starting) failStart(new Error(`ocr: the recogniser did not start (${message(error)})`))
    }
  })
  const worker = await Promise.race([creating, startFailed]).catch((error: unknown) => {
    // Should it start after all, it is ended: nobody holds it.
    void creating.then(
      (late) => late.terminate(),
      () => undefined
    )
    throw error
  })
  starting = false
  let languages: readonly string[] = ['eng']
  let problem: string | null = null
  try {
    const wanted = spec.languages.join('+')
    if (wanted !== 'eng' && wanted !== '') {
      try {
        await worker.reinitialize(wanted, OEM.LSTM_ONLY)
        languages = [...spec.languages]
      } catch (error: unknown) {
        problem = `OCR languages ${spec.languages.join(', ')} could not be loaded (${message(error)}): English was used`
        await worker.reinitialize('eng', OEM.LSTM_ONLY)
      }
    }
    // Whole pages: find the columns and paragraphs (Tesseract's library default reads one block).
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO })
  } catch (error: unknown) {
    await worker.terminate()
    throw new Error(`ocr: the recogniser did not start (${message(error)})`)
  }
  return {
    languages,
    problem,
    async recognise(image, dpi) {
      // Tesseract parameters pass through recognize's options (set for this page only), though its types do not say so.
      const options = (dpi === null ? {} : { user_defined_dpi: String(Math.round(dpi)) }) as Partial<Tesseract.RecognizeOptions>
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), options, { blocks: true, text: false })
      return wordsOf(result.data)
    },
    async toPng(image, colour) {
      const output = colour ? { text: false, imageColor: true } : { text: false, imageGrey: true }
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, output)
      const dataUrl = (colour ? result.data.imageColor : result.data.imageGrey) ?? ''
      return new Uint8Array(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
    },
    terminate: async () => {
      await worker.terminate()
    }
  }
}

/** How long an engine no file needs is kept for the next one. */
const IDLE_MS = 20_000

interface Idle {
  key: string
  engine: OcrEngine
  timer: NodeJS.Timeout
}

/** Engines by language set, lent to one file at a time and kept a while for the next. */
class EngineShelf {
  readonly #idle: Idle[] = []
  /** Engines lent out, with the key of their language set. */
  readonly #busy = new Map<OcrEngine, string>()

  async take(spec: OcrEngineSpec): Promise<OcrEngine> {
    const key = `${spec.languages.join('+')}\n${spec.langPath ?? ''}`
    const index = this.#idle.findIndex((idle) => idle.key === key)
    if (index !== -1) {
      const [idle] = this.#idle.splice(index, 1)
      if (idle !== undefined) {
        clearTimeout(idle.timer)
        this.#busy.set(idle.engine, key)
        return idle.engine
      }
    }
    const engine = await createOcrEngine(spec)
    this.#busy.set(engine, key)
    return engine
  }

  /** Back on the shelf, or ended when it was stopped in the middle of a page. */
  give(engine: OcrEngine, usable: boolean): void {
    const key = this.#busy.get(engine)
    this.#busy.delete(engine)
    if (!usable || key === undefined) {
      void engine.terminate()
      return
    }
    const timer = setTimeout(() => {
      const index = this.#idle.findIndex((idle) => idle.engine === engine)
      if (index !== -1) this.#idle.splice(index, 1)
      void engine.terminate()
    }, IDLE_MS)
    // The shelf alone never keeps the process running.
    timer.unref()
    this.#idle.push({ key, engine, timer })
  }

  async closeAll(): Promise<void> {
    for (const idle of this.#idle) clearTimeout(idle.timer)
    const engines = [...this.#idle.splice(0).map((idle) => idle.engine), ...this.#busy.keys()]
    this.#busy.clear()
    await Promise.all(engines.map((engine) => engine.terminate().catch(() => undefined)))
  }
}

export const engines = new EngineShelf()

/** Ends every engine of this thread (the in-process extractor closing). */
export function closeOcrEngines(): Promise<void> {
  return engines.closeAll()
}
