// Finds and reads the parts of a Word file: the relationships say which part is the main
// document and which hold styles, numbering, notes, headers and footers. Every part is
// streamed through the XML scanner under one reading budget per file, so a file whose
// XML is huge is cut short (and says so) instead of taking seconds and hundreds of MB.
import { XmlError, type XmlHandler, XmlScanner } from './docx-xml'
import { DamagedPartError, type WordArchive } from './zip-guard'

/** How many characters of XML one file may have read, all parts together. */
export class ReadingBudget {
  #left: number
  constructor(readonly limit: number) {
    this.#left = limit
  }

  get exhausted(): boolean {
    return this.#left <= 0
  }

  /** How much of a chunk of `length` characters may be read; what is granted is spent. */
  take(length: number): number {
    const granted = Math.max(0, Math.min(length, this.#left))
    this.#left -= granted
    return granted
  }
}

/**
 * read: whole; cut: stopped at the reading limit; skipped: the limit was spent before it;
 * damaged: not well-formed (or not inflatable) from some point. `deepElements` counts the
 * elements passed over for being nested past MAX_DEPTH.
 */
export type PartOutcome = ({ kind: 'read' } | { kind: 'cut' } | { kind: 'skipped' } | { kind: 'damaged'; detail: string }) & { deepElements?: number }

export async function readPart(archive: WordArchive, name: string, handler: XmlHandler, budget: ReadingBudget): Promise<PartOutcome> {
  if (budget.exhausted) return { kind: 'skipped' }
  const scanner = new XmlScanner(handler)
  const outcome = await scan(archive, name, scanner, budget)
  return scanner.deepElements > 0 ? { ...outcome, deepElements: scanner.deepElements } : outcome
}

async function scan(archive: WordArchive, name: string, scanner: XmlScanner, budget: ReadingBudget): Promise<PartOutcome> {
  try {
    for await (const chunk of archive.chunks(name)) {
      const granted = budget.take(chunk.length)
      scanner.write(granted === chunk.length ? chunk : chunk.slice(0, granted))
      if (granted < chunk.length) {
        scanner.abandon()
        return { kind: 'cut' }
      }
    }
    scanner.end()
    return { kind: 'read' }
  } catch (error) {
    // A part the archive cannot inflate is damaged like one that is not XML: what came before it is kept.
    if (!(error instanceof XmlError) && !(error instanceof DamagedPartError)) throw error
    scanner.abandon()
    return { kind: 'damaged', detail: error instanceof DamagedPartError ? error.detail : error.message }
  }
}

export interface WordParts {
  main: string
  styles: string | null
  numbering: string | null
  footnotes: string | null
  endnotes: string | null
  comments: string | null
  /** Headers and footers, in the order the document lists them. */
  margins: string[]
}

interface Relationship {
  type: string
  target: string
}

/** A relationship's target as a part name: relative to the part that names it, or to the root when it starts with '/'. */
function partPath(source: string, target: string): string {
  const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : ''
  const segments: string[] = []
  for (const segment of (target.startsWith('/') ? target : folder + target).split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '' && segment !== '.') segments.push(segment)
  }
  return segments.join('/')
}

async function relationships(archive: WordArchive, source: string, budget: ReadingBudget): Promise<Relationship[]> {
  const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : ''
  const name = archive.find(`${folder}_rels/${source.slice(folder.length)}.rels`)
  const found: Relationship[] = []
  if (name === null) return found
  await readPart(archive, name, {
    open(element, tag) {
      const target = tag.attribute('Target')
      if ((element !== 'rel:Relationship' && element !== 'Relationship') || target === null || tag.attribute('TargetMode') === 'External') return
      found.push({ type: tag.attribute('Type') ?? '', target: partPath(source, decodeURIComponentSafely(target)) })
    },
    close() {},
    text() {}
  }, budget)
  return found
}

function decodeURIComponentSafely(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The parts of each relationship type (matched by the type's last segment, as strict and transitional files differ before it). */
function partsOfType(archive: WordArchive, list: Relationship[], type: string): string[] {
  return list.flatMap((relationship) => {
    if (!relationship.type.endsWith(`/${type}`)) return []
    const name = archive.find(relationship.target)
    return name === null ? [] : [name]
  })
}

export async function findWordParts(archive: WordArchive, budget: ReadingBudget): Promise<WordParts> {
  const main = partsOfType(archive, await relationships(archive, '', budget), 'officeDocument')[0] ?? 'word/document.xml'
  const list = await relationships(archive, main, budget)
  const first = (type: string): string | null => partsOfType(archive, list, type)[0] ?? archive.find(partPath(main, `${type}.xml`))
  return {
    main,
    styles: first('styles'),
    numbering: first('numbering'),
    footnotes: first('footnotes'),
    endnotes: first('endnotes'),
    comments: first('comments'),
    margins: [...new Set([...partsOfType(archive, list, 'header'), ...partsOfType(archive, list, 'footer')])]
  }
}
