// Word documents (.docx): the archive is guarded against zip bombs, then each part is
// streamed through a small WordprocessingML reader. mammoth built a DOM of every part
// (~50 bytes of memory per byte of XML) and compared each new warning with all earlier
// ones (10 s for 12,000 undefined styles). Every <w:body> is read, in order; what the
// text leaves out is said in warnings.
import type { SourceMeta } from '../../../../shared/domain/source'
import { type Block, LeftOut } from './docx-blocks'
import { DEFAULT_BLOCK_LIMIT, DocxBodyReader } from './docx-body'
import { notesReader } from './docx-notes'
import { findWordParts, type PartOutcome, readPart, ReadingBudget } from './docx-parts'
import { readCoreProperties } from './docx-properties'
import { DocxTextWriter } from './docx-render'
import { WordStyles } from './docx-styles'
import { formatCharacters, leftOutWarnings, supportWarnings, type TextPartOutcome } from './docx-warnings'
import type { XmlHandler } from './docx-xml'
import { meaningfulAuthor, meaningfulTitle } from './stored-properties'
import type { ExtractedDocument, ExtractOptions } from './types'
import { unreadable } from './unreadable'
import { DamagedPartError, guardWordArchive, type WordArchive } from './zip-guard'

export interface DocxLimits {
  /**
   * Characters of XML read per file from the parts that hold text (document, notes,
   * headers); past it the text is cut and a warning says so. Styles, numbering and
   * relationships get a quarter of it on top.
   */
  readingLimit: number
  /** Characters one top-level paragraph or table (or note) may hold; past it the block is cut and a warning says so. */
  blockLimit: number
}

/**
 * Above a 1,000-page report (~10–30 MB of XML); keeps one file to about a second and a few
 * hundred MB: ~3 bytes of memory per character of text read, plus ~16 per character of the
 * largest block (at most MAX_BLOCK_CHARS).
 */
export const DOCX_LIMITS: DocxLimits = { readingLimit: 48 * 1024 * 1024, blockLimit: DEFAULT_BLOCK_LIMIT }

async function partText(archive: WordArchive, name: string, budget: ReadingBudget): Promise<string | null> {
  const found = archive.find(name)
  if (found === null) return null
  let text = ''
  try {
    for await (const chunk of archive.chunks(found)) {
      const granted = budget.take(chunk.length)
      text += chunk.slice(0, granted)
      if (granted < chunk.length) break
    }
  } catch (error) {
    // Properties are worth no refusal: a broken part gives none.
    if (error instanceof DamagedPartError) return null
    throw error
  }
  return text
}

/** Whether a header or footer says anything in words (a bare page number is not worth a warning). */
async function marginHasWords(archive: WordArchive, part: string, budget: ReadingBudget): Promise<boolean> {
  let inText = false
  let words = false
  const handler: XmlHandler = {
    open: (name) => (inText = name === 'w:t'),
    close: () => (inText = false),
    text: (value) => (words ||= inText && /\p{L}/u.test(value))
  }
  const outcome = await readPart(archive, part, handler, budget)
  // One not read whole (past the limit, damaged) may have words: it is counted as left out.
  return words || outcome.kind !== 'read'
}

export async function extractDocx(bytes: Uint8Array, options: ExtractOptions, limits: DocxLimits = DOCX_LIMITS): Promise<ExtractedDocument> {
  const archive = guardWordArchive(bytes, options.maxInflatedBytes)
  const support = new ReadingBudget(limits.readingLimit / 4)
  const budget = new ReadingBudget(limits.readingLimit)
  const parts = await findWordParts(archive, support)
  const properties = readCoreProperties(await partText(archive, 'docProps/core.xml', support))
  const styles = new WordStyles()
  const supportOutcomes: TextPartOutcome[] = []
  for (const [part, handler] of [[parts.styles, styles.stylesHandler()], [parts.numbering, styles.numberingHandler()]] as const) {
    if (part !== null) supportOutcomes.push({ part, outcome: await readPart(archive, part, handler, support) })
  }

  const writer = new DocxTextWriter(styles)
  const leftOut = new LeftOut()
  const outcomes: TextPartOutcome[] = []
  const read = async (part: string, handler: XmlHandler): Promise<PartOutcome> => {
    const outcome = await readPart(archive, part, handler, budget)
    outcomes.push({ part, outcome })
    return outcome
  }
  const main = await read(parts.main, new DocxBodyReader((block) => writer.write(block), leftOut, limits.blockLimit))
  if (main.kind === 'damaged' && writer.text().length === 0) throw unreadable(`damaged Word document (${main.detail})`)

  const notes = { footnote: new Map<string, Block[]>(), endnote: new Map<string, Block[]>() }
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = kind === 'footnote' ? parts.footnotes : parts.endnotes
    const wanted = new Set(writer.references.filter((reference) => reference.note === kind).map((reference) => reference.id))
    if (part !== null && wanted.size > 0) await read(part, notesReader(kind, wanted, notes[kind], leftOut, limits.blockLimit))
  }
  writer.writeNotes((reference) => notes[reference.note].get(reference.id))

  let marginsWithText = 0
  for (const part of parts.margins) if (await marginHasWords(archive, part, budget)) marginsWithText += 1

  const text = writer.text()
  if (text.length === 0) {
    if (budget.exhausted || support.exhausted) throw unreadable(`no text within the reading limit of ${formatCharacters(limits.readingLimit)}`)
    throw unreadable('the Word document has no text')
  }
  const meta: Partial<SourceMeta> = {}
  const author = meaningfulAuthor(properties.creator)
  if (author !== null) meta.author = author
  if (properties.created !== null) meta.date = properties.created
  if (properties.language !== null) meta.language = properties.language
  const title = meaningfulTitle(properties.title) ?? writer.firstHeading
  const warnings = [...leftOutWarnings(outcomes, limits, leftOut, marginsWithText), ...supportWarnings(supportOutcomes)]
  return { format: 'docx', text, title, meta, pageStarts: null, warnings }
}
