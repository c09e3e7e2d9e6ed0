// Which OCR languages this computer has and which the user chose. English ships with the
// app (@tesseract.js-data/eng); others come from a folder of .traineddata files, the
// user's or one a system package installed (Debian's tesseract-ocr-*, Homebrew's
// tesseract-lang). The choice is kept app-wide in the data folder.
//
// Tesseract loads every language of a run from ONE folder, so for a run mixing English
// with folder languages the app keeps its own folder (<data>/ocr-languages/) of links:
// eng.traineddata → the shipped model (gzipped; tesseract.js unzips by content), and
// <code>.traineddata → the file in the chosen folder. A link follows the file when a
// package updates it; where links are not allowed (Windows without developer mode, a
// model inside the app's archive) the file is copied, and copied again when it changes.
import { copyFile, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { OcrLanguages } from '../../../../shared/domain/original'
import { UserError } from '../../../../shared/ipc/result'
import { writeFileAtomic } from '../../store/atomic-write'
import { builtInEnglishFile } from './ocr-engine'

const SETTINGS_FILE = 'ocr-languages.json'
const LINKS_FOLDER = 'ocr-languages'
const CODE = /^[a-z][a-z0-9_]{1,31}$/

/** Not languages to offer: orientation detection, and the legacy-only equation model (the LSTM engine cannot load it). */
const NOT_LANGUAGES = new Set(['osd', 'equ'])

const settingsSchema = z.object({
  version: z.literal(1),
  folder: z.string().min(1).nullable(),
  chosen: z.array(z.string().regex(CODE)).min(1).max(12)
})
type Settings = z.infer<typeof settingsSchema>

const DEFAULT_SETTINGS: Settings = { version: 1, folder: null, chosen: ['eng'] }

/** English names of the languages people most often scan; any other is shown by its code. */
const NAMES: Record<string, string> = {
  afr: 'Afrikaans',
  ara: 'Arabic',
  aze: 'Azerbaijani',
  bel: 'Belarusian',
  ben: 'Bengali',
  bul: 'Bulgarian',
  cat: 'Catalan',
  ces: 'Czech',
  chi_sim: 'Chinese (Simplified)',
  chi_tra: 'Chinese (Traditional)',
  dan: 'Danish',
  deu: 'German',
  ell: 'Greek',
  eng: 'English',
  est: 'Estonian',
  eus: 'Basque',
  fas: 'Persian',
  fin: 'Finnish',
  fra: 'French',
  gle: 'Irish',
  glg: 'Galician',
  heb: 'Hebrew',
  hin: 'Hindi',
  hrv: 'Croatian',
  hun: 'Hungarian',
  hye: 'Armenian',
  ind: 'Indonesian',
  isl: 'Icelandic',
  ita: 'Italian',
  jpn: 'Japanese',
  kat: 'Georgian',
  kaz: 'Kazakh',
  kor: 'Korean',
  lat: 'Latin',
  lav: 'Latvian',
  lit: 'Lithuanian',
  mkd: 'Macedonian',
  msa: 'Malay',
  nld: 'Dutch',
  nor: 'Norwegian',
  pol: 'Polish',
  por: 'Portuguese',
  ron: 'Romanian',
  rus: 'Russian',
  slk: 'Slovak',
  slv: 'Slovenian',
  spa: 'Spanish',
  sqi: 'Albanian',
  srp: 'Serbian (Cyrillic)',
  srp_latn: 'Serbian (Latin)',
  swa: 'Swahili',
  swe: 'Swedish',
  tam: 'Tamil',
  tgl: 'Tagalog',
  tha: 'Thai',
  tur: 'Turkish',
  uig: 'Uyghur',
  ukr: 'Ukrainian',
  urd: 'Urdu',
  uzb: 'Uzbek',
  vie: 'Vietnamese'
}

export function languageName(code: string): string {
  return NAMES[code] ?? code
}

/** Where tessdata folders usually are; the first that holds a language is offered. */
export async function systemTessdataFolders(): Promise<string[]> {
  const folders: string[] = []
  const prefix = process.env['TESSDATA_PREFIX']
  if (prefix !== undefined && prefix !== '') folders.push(prefix, join(prefix, 'tessdata'))
  // Debian and Ubuntu: /usr/share/tesseract-ocr/<version>/tessdata, newest first.
  for (const base of ['/usr/share/tesseract-ocr', '/usr/local/share/tesseract-ocr']) {
    const versions = await readdir(base).catch(() => [])
    for (const version of versions.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))) folders.push(join(base, version, 'tessdata'))
  }
  folders.push('/usr/share/tessdata', '/usr/local/share/tessdata', '/opt/homebrew/share/tessdata', '/opt/local/share/tessdata')
  if (process.platform === 'win32') folders.push('C:\\Program Files\\Tesseract-OCR\\tessdata', 'C:\\Program Files (x86)\\Tesseract-OCR\\tessdata')
  return folders
}

/** Where the LSTM recogniser sits in a .traineddata file's table of parts (TESSDATA_LSTM). */
const LSTM_ENTRY = 17
const MAX_ENTRIES = 64

/**
 * Whether a .traineddata file is a model the LSTM engine can load: its table of parts is
 * sound and has an LSTM part. Checked before Tesseract sees it, because tesseract.js
 * throws out of its message handler (killing the thread) when a model fails to initialise.
 */
export async function usableModel(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return false
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return false
    const size = stats.size
    const header = Buffer.alloc(4 + 8 * MAX_ENTRIES)
    const { bytesRead } = await handle.read(header, 0, header.length, 0)
    const entries = bytesRead >= 4 ? header.readInt32LE(0) : 0
    if (entries <= LSTM_ENTRY || entries > MAX_ENTRIES || bytesRead < 4 + 8 * entries) return false
    const offsets = Array.from({ length: entries }, (_, index) => Number(header.readBigInt64LE(4 + 8 * index)))
    const present = offsets.filter((offset) => offset !== -1)
    const lstm = offsets[LSTM_ENTRY] ?? -1
    return lstm >= 4 + 8 * entries && present.every((offset, index) => offset >= 4 + 8 * entries && offset < size && (index === 0 || offset > (present[index - 1] ?? 0)))
  } finally {
    await handle.close()
  }
}

/** The usable language codes a folder holds (its `<code>.traineddata` files), English and non-languages left out, and the files that are not usable models. */
async function folderLanguages(folder: string): Promise<{ codes: string[]; unusable: string[] }> {
  const names = await readdir(folder)
  const candidates = names
    .map((name) => /^(.+)\.traineddata$/.exec(name)?.[1])
    .filter((code): code is string => code !== undefined && CODE.test(code) && code !== 'eng' && !NOT_LANGUAGES.has(code))
    .sort()
  const usable = await Promise.all(candidates.map((code) => usableModel(join(folder, `${code}.traineddata`))))
  return { codes: candidates.filter((_, index) => usable[index]), unusable: candidates.filter((_, index) => !usable[index]) }
}

interface Found {
  settings: Settings
  folder: string | null
  codes: string[]
  problem: string | null
}

/** What the links folder run needs, or why a chosen language was left out. */
export interface PreparedLanguages {
  languages: string[]
  langPath: string | null
  warnings: string[]
}

/** How long a prepared set is trusted before the folder is looked at again (files can vanish). */
const PREPARED_FOR_MS = 10_000

export class OcrLanguageSettings {
  #prepared: { at: number; value: Promise<PreparedLanguages> } | null = null

  constructor(
    private readonly dataDir: string,
    /** Where to look for a tessdata folder when the user chose none (tests pass their own). */
    private readonly systemFolders: () => Promise<string[]> = systemTessdataFolders
  ) {}

  async #settings(): Promise<Settings> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(join(this.dataDir, SETTINGS_FILE), 'utf-8')))
      return parsed.success ? parsed.data : DEFAULT_SETTINGS
    } catch {
      return DEFAULT_SETTINGS
    }
  }

  async #find(settings: Settings): Promise<Found> {
    if (settings.folder !== null) {
      try {
        const { codes, unusable } = await folderLanguages(settings.folder)
        const problem =
          unusable.length > 0
            ? `ocr: not Tesseract 4 (LSTM) models, so not offered: ${unusable.map((code) => `${code}.traineddata`).join(', ')} in ${settings.folder}`
            : codes.length === 0
              ? `ocr: no .traineddata files in ${settings.folder}`
              : null
        return { settings, folder: settings.folder, codes, problem }
      } catch (error: unknown) {
        const code = (error as NodeJS.ErrnoException).code
        const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? error)
        return { settings, folder: settings.folder, codes: [], problem: `ocr: the folder ${settings.folder} cannot be read (${why})` }
      }
    }
    for (const folder of await this.systemFolders()) {
      const { codes } = await folderLanguages(folder).catch(() => ({ codes: [] }))
      if (codes.length > 0) return { settings, folder, codes, problem: null }
    }
    return { settings, folder: null, codes: [], problem: null }
  }

  #describe(found: Found): OcrLanguages {
    return {
      available: [
        { code: 'eng', name: languageName('eng'), from: 'built-in' },
        ...found.codes.map((code) => ({ code, name: languageName(code), from: 'folder' as const }))
      ],
      folder: found.folder,
      chosen: [...found.settings.chosen],
      problem: found.problem
    }
  }

  async get(): Promise<OcrLanguages> {
    return this.#describe(await this.#find(await this.#settings()))
  }

  /**
   * Keeps the user's folder (null: use one found on this system) and languages; a chosen
   * language the folder does not hold is refused before anything is saved.
   */
  async set(folder: string | null, chosen: readonly string[]): Promise<OcrLanguages> {
    const unique = [...new Set(chosen)]
    if (unique.length === 0) throw new UserError('invalid-input', 'ocr: choose at least one language')
    const settings: Settings = { version: 1, folder, chosen: unique }
    const parsed = settingsSchema.safeParse(settings)
    if (!parsed.success) throw new UserError('invalid-input', `ocr: ${parsed.error.issues[0]?.message ?? 'invalid language settings'}`)
    const found = await this.#find(parsed.data)
    const missing = unique.filter((code) => code !== 'eng' && !found.codes.includes(code))
    if (missing.length > 0) {
      const where = found.folder === null ? 'no folder of languages was found' : `not in ${found.folder}`
      throw new UserError('invalid-input', `ocr: no traineddata for ${missing.join(', ')} (${where})`)
    }
    await writeFileAtomic(join(this.dataDir, SETTINGS_FILE), `${JSON.stringify(parsed.data, null, 2)}\n`)
    this.#prepared = null
    return this.#describe(found)
  }

  /**
   * The languages the next files are recognised with, and the folder Tesseract loads them
   * from. A chosen language whose file is gone is left out with a warning; never an error.
   */
  prepare(): Promise<PreparedLanguages> {
    const now = Date.now()
    if (this.#prepared === null || now - this.#prepared.at > PREPARED_FOR_MS) {
      const value = this.#prepare()
      this.#prepared = { at: now, value }
      value.catch(() => (this.#prepared = null))
    }
    return this.#prepared.value
  }

  async #prepare(): Promise<PreparedLanguages> {
    const found = await this.#find(await this.#settings())
    const warnings: string[] = []
    const languages = found.settings.chosen.filter((code) => {
      if (code === 'eng' || found.codes.includes(code)) return true
      const where = found.folder === null ? 'no folder of OCR languages was found' : `${code}.traineddata is not in ${found.folder}`
      warnings.push(`OCR language ${languageName(code)} (${code}) was skipped: ${where}`)
      return false
    })
    if (languages.length === 0) languages.push('eng')
    if (languages.length === 1 && languages[0] === 'eng') return { languages, langPath: null, warnings }
    const linksFolder = join(this.dataDir, LINKS_FOLDER)
    try {
      await mkdir(linksFolder, { recursive: true })
      await linkModel(builtInEnglishFile(), join(linksFolder, 'eng.traineddata'))
    } catch (error: unknown) {
      warnings.push(`OCR languages other than English were skipped: ${linksFolder} could not be prepared (${(error as Error).message})`)
      return { languages: ['eng'], langPath: null, warnings }
    }
    const linked: string[] = []
    for (const code of languages) {
      if (code === 'eng') {
        linked.push(code)
        continue
      }
      const target = join(found.folder ?? '', `${code}.traineddata`)
      try {
        await linkModel(target, join(linksFolder, `${code}.traineddata`))
        linked.push(code)
      } catch (error: unknown) {
        warnings.push(`OCR language ${languageName(code)} (${code}) was skipped: ${target} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
      }
    }
    if (linked.length === 0) linked.push('eng')
    return linked.length === 1 && linked[0] === 'eng' ? { languages: linked, langPath: null, warnings } : { languages: linked, langPath: linksFolder, warnings }
  }
}

/** Points `path` at `target`: a symbolic link when allowed and possible, else a copy with the same time. */
async function linkModel(target: string, path: string): Promise<void> {
  const existing = await lstat(path).catch(() => null)
  if (existing?.isSymbolicLink() === true && (await readlink(path).catch(() => null)) === target) return
  const source = await stat(target)
  if (existing?.isFile() === true && existing.size === source.size && Math.abs(existing.mtimeMs - source.mtimeMs) < 1) return
  const temp = `${path}.${process.pid}.tmp`
  await rm(temp, { force: true })
  // A file inside the app's archive (asar) is readable only through Electron's fs: it cannot be linked to.
  const linkable = !/\.asar[\\/]/.test(target)
  const linked = linkable && (await symlink(target, temp).then(() => true, () => false))
  if (!linked) {
    await copyFile(target, temp)
    await utimes(temp, source.atime, source.mtime)
  }
  await rename(temp, path)
}
