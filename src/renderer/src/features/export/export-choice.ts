// What the user picked in the Export dialog (format, which sources, originals or not),
// remembered across reloads, and the request it makes: options that do not apply to the
// chosen format are sent as their defaults, so they never change the file or its preview.
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../../../../shared/domain/export'

export type ExportChoice = ExportRequest

const KEY = 'sourcebench.export-choice'
export const DEFAULT_CHOICE: ExportChoice = { format: 'markdown', sources: 'cited', includeOriginals: false }

/** Citations can name every source in the project, not only those the notes cite. */
export function choosesSources(format: ExportFormat): boolean {
  return format === 'csl-json' || format === 'bibtex'
}

/** Only a bundle can carry the original files. */
export function packsOriginals(format: ExportFormat): boolean {
  return format === 'bundle'
}

export function requestFor(choice: ExportChoice): ExportRequest {
  return {
    format: choice.format,
    sources: choosesSources(choice.format) ? choice.sources : DEFAULT_CHOICE.sources,
    includeOriginals: packsOriginals(choice.format) ? choice.includeOriginals : DEFAULT_CHOICE.includeOriginals
  }
}

export function loadExportChoice(storage: Storage): ExportChoice {
  try {
    // Whatever is stored is checked: a format a later version dropped, or a hand-edited value, gives the default.
    // By hand, not with the zod schema: zod's first object parse probes for eval, which the page's CSP reports.
    const stored: unknown = JSON.parse(storage.getItem(KEY) ?? 'null')
    if (typeof stored !== 'object' || stored === null) return DEFAULT_CHOICE
    const { format, sources, includeOriginals } = stored as Record<string, unknown>
    const known = EXPORT_FORMATS.find((candidate) => candidate === format)
    if (known === undefined || (sources !== 'cited' && sources !== 'all') || typeof includeOriginals !== 'boolean') return DEFAULT_CHOICE
    return { format: known, sources, includeOriginals }
  } catch {
    return DEFAULT_CHOICE
  }
}

export function saveExportChoice(storage: Storage, choice: ExportChoice): void {
  try {
    storage.setItem(KEY, JSON.stringify(choice))
  } catch {
    // Storage full or refused (private window): the choice lasts for this session only.
  }
}
