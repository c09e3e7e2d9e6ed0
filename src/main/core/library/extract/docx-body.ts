// Turns the WordprocessingML of the main document (every <w:body>, in order) or of the
// notes into blocks, handed out as each top-level block closes. Text is taken wherever
// it sits (runs, fields, hyperlinks, content controls, text boxes, unknown wrappers);
// deleted and moved-away text, field codes and the alternative a consumer should not
// read are skipped; comments, equations, charts, diagrams and objects are counted.
import { hex as dingbat } from 'dingbat-to-unicode'
import { type Block, BlockBudget, compactInline, type Inline, LeftOut, LINE_BREAK, type Paragraph, STRUCTURE_CHARS, type Table } from './docx-blocks'
import type { XmlHandler, XmlTag } from './docx-xml'

interface ParagraphHolder extends Paragraph {
  deleted: boolean
  /** Whether its properties are read, so it has taken what a deleted paragraph before it left. */
  settled: boolean
  /** Blocks found inside the paragraph (text boxes): they follow it, as mammoth placed them. */
  extras: Block[]
}

type Holder = { kind: 'paragraph'; paragraph: ParagraphHolder } | { kind: 'blocks'; blocks: Block[]; merged?: boolean }

interface OpenTable {
  table: Table
  row: Block[][] | null
}

/** Subtrees whose text is not the document's: field codes, deletions, moves away, property changes, control settings, ruby readings. */
const SKIPPED = new Set([
  'w:instrText', 'w:delText', 'w:delInstrText', 'w:moveFrom', 'w:sdtPr', 'w:rPrChange', 'w:pPrChange', 'w:sectPr',
  'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:tblGrid', 'w:fldData', 'w:binData', 'v:textpath', 'w:rt'
])
/** mc:Choice branches read in place of their fallback: text boxes, shape groups and Word's later markup. */
const UNDERSTOOD = new Set(['w', 'wps', 'wpg', 'wp14', 'w14', 'w15', 'w16se', 'v', 'o', 'a', 'r', 'mc'])
const COUNTED = new Map<string, 'equation' | 'chart' | 'diagram' | 'embedded object'>([
  ['m:oMathPara', 'equation'],
  ['m:oMath', 'equation'],
  ['c:chart', 'chart'],
  ['dgm:relIds', 'diagram'],
  ['o:OLEObject', 'embedded object'],
  // A chunk of another format (HTML, RTF) kept in a part of its own.
  ['w:altChunk', 'embedded object']
])

/** Characters one top-level paragraph or table may hold while read (~16 bytes of memory each); past it the block is cut. */
export const DEFAULT_BLOCK_LIMIT = 8 * 1024 * 1024

const TABLE_PARTS = new Set(['w:tbl', 'w:tr', 'w:tc'])
/** Tables nested deeper than this (only a hostile file has them) are read as text of their cell: writing them out recurses. */
const MAX_TABLE_DEPTH = 32

export class DocxBodyReader implements XmlHandler {
  readonly leftOut: LeftOut
  readonly #path: string[] = []
  /** While ≥ 0: inside a skipped subtree whose root sits at this depth. */
  #skipDepth = -1
  /** Whether that subtree is a paragraph, row or cell left out past the block's budget (its closing tag is passed over too). */
  #skippingCut = false
  /** While ≥ 0: inside a table nested too deep to be one, read as part of its cell; its root sits at this depth. */
  #flatDepth = -1
  #inText = false
  readonly #holders: Holder[] = []
  readonly #tables: OpenTable[] = []
  readonly #alternatives: boolean[] = []
  /** What paragraphs with a deleted mark left for the next paragraph. */
  #deleted: { inline: Inline[]; extras: Block[] } = { inline: [], extras: [] }
  /** Whether the deletion being skipped held any deleted text (w:delText). */
  #deletionHasText = false

  readonly #budget: BlockBudget

  /** `emit` receives each block that closes outside any other. */
  constructor(private readonly emit: (block: Block) => void, leftOut = new LeftOut(), blockLimit = DEFAULT_BLOCK_LIMIT) {
    this.leftOut = leftOut
    this.#budget = new BlockBudget(blockLimit, () => (this.leftOut.cutBlocks[this.#tables.length > 0 ? 'table' : 'paragraph'] += 1))
  }

  /** Collects the blocks of a note (or anything else) until `endCollecting` hands them back. */
  startCollecting(): void {
    this.#budget.reset()
    this.#holders.push({ kind: 'blocks', blocks: [] })
  }

  endCollecting(): Block[] {
    const holder = this.#holders.pop()
    return holder?.kind === 'blocks' ? holder.blocks : []
  }

  open(name: string, tag: XmlTag): void {
    const depth = this.#path.length
    this.#path.push(name)
    if (this.#skipDepth >= 0) {
      if (name === 'w:delText' && this.#path[this.#skipDepth] === 'w:del') this.#deletionHasText = true
      return
    }
    const counted = COUNTED.get(name)
    if (counted !== undefined) {
      this.leftOut.add(counted)
      if (name.startsWith('m:')) this.#skip(depth)
      return
    }
    if (SKIPPED.has(name)) return this.#skip(depth)
    if (TABLE_PARTS.has(name) && (this.#flatDepth >= 0 || (name === 'w:tbl' && this.#tables.length >= MAX_TABLE_DEPTH))) {
      if (this.#flatDepth < 0) this.#flatDepth = depth
      return
    }
    this.#openElement(name, tag, depth)
  }

  #openElement(name: string, tag: XmlTag, depth: number): void {
    const parent = this.#path[depth - 1]
    const paragraph = this.#currentParagraph()
    if (parent === 'w:p' && name !== 'w:pPr' && paragraph !== null && !paragraph.settled) this.#settle(paragraph)
    if ((name === 'w:p' || name === 'w:tr' || name === 'w:tc') && this.#budget.take(STRUCTURE_CHARS) < STRUCTURE_CHARS) {
      this.#skip(depth)
      this.#skippingCut = true
      return
    }
    switch (name) {
      case 'w:p':
        this.#holders.push({ kind: 'paragraph', paragraph: { kind: 'paragraph', styleId: null, numId: null, level: null, inline: [], deleted: false, settled: false, extras: [] } })
        return
      case 'w:pStyle':
      case 'w:ilvl':
      case 'w:numId':
        return this.#paragraphProperty(name, tag.attribute('val'), depth)
      case 'w:del':
        return this.#deletion(depth)
      case 'w:t':
        this.#inText = paragraph !== null
        return
      case 'w:tab':
      case 'w:ptab':
        // Inside w:tabs (tab stops in paragraph properties) w:tab is no character.
        if (parent !== 'w:tabs') this.#append('\t')
        return
      // A page or column break inside a paragraph starts a new line too (mammoth dropped it and joined the words).
      case 'w:br':
      case 'w:cr':
        this.#append(LINE_BREAK)
        return
      case 'w:noBreakHyphen':
        this.#append('\u2011')
        return
      case 'w:softHyphen':
        this.#append('\u00ad')
        return
      case 'w:sym':
        return this.#symbol(tag.attribute('font') ?? '', tag.attribute('char') ?? '')
      case 'w16se:symEx': {
        const code = Number.parseInt(tag.attribute('char') ?? '', 16)
        if (code > 0 && code <= 0x10ffff) this.#append(String.fromCodePoint(code))
        return
      }
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        this.#append({ note: name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: tag.attribute('id') ?? '' })
        return
      case 'w:commentReference':
        this.leftOut.comment(tag.attribute('id') ?? '')
        return
      case 'w:tbl':
        this.#tables.push({ table: { kind: 'table', rows: [] }, row: null })
        return
      case 'w:tr':
        if (this.#tables.length > 0) (this.#tables.at(-1) as OpenTable).row = []
        return
      case 'w:tc':
        this.#holders.push({ kind: 'blocks', blocks: [] })
        return
      case 'w:vMerge': {
        // A cell that continues the one above (a vertical merge) is not a cell of its own.
        const value = tag.attribute('val')
        const cell = this.#holders.at(-1)
        const ownCell = parent === 'w:tcPr' && this.#path[depth - 2] === 'w:tc' && this.#flatDepth < 0 && cell?.kind === 'blocks'
        if (ownCell && (value === null || value === 'continue')) {
          cell.merged = true
          this.#skip(depth - 2)
        }
        return
      }
      case 'mc:AlternateContent':
        this.#alternatives.push(false)
        return
      case 'mc:Choice':
      case 'mc:Fallback':
        return this.#alternative(name, tag, depth)
    }
  }

  close(name: string): void {
    const depth = this.#path.length - 1
    this.#path.pop()
    if (this.#skipDepth >= 0) {
      if (depth !== this.#skipDepth) return
      this.#skipDepth = -1
      if (this.#skippingCut) {
        this.#skippingCut = false
        return
      }
      if (name === 'w:del' && this.#deletionHasText) this.leftOut.add('tracked deletion')
      this.#deletionHasText = false
    }
    if (this.#flatDepth >= 0 && TABLE_PARTS.has(name)) {
      if (depth === this.#flatDepth) this.#flatDepth = -1
      return
    }
    switch (name) {
      case 'w:t':
        this.#inText = false
        return
      case 'w:pPr': {
        const paragraph = this.#currentParagraph()
        if (this.#path[depth - 1] === 'w:p' && paragraph !== null && !paragraph.settled) this.#settle(paragraph)
        return
      }
      case 'w:p':
        return this.#closeParagraph()
      case 'w:body':
      case 'w:footnote':
      case 'w:endnote':
      case 'w:txbxContent':
        return this.#flushDeleted()
      case 'w:tc': {
        this.#flushDeleted()
        const cell = this.#holders.pop()
        const row = this.#tables.at(-1)?.row
        if (cell?.kind === 'blocks' && cell.merged !== true) row?.push(cell.blocks)
        return
      }
      case 'w:tr': {
        const open = this.#tables.at(-1)
        if (open?.row != null) open.table.rows.push(open.row)
        if (open !== undefined) open.row = null
        return
      }
      case 'w:tbl': {
        const open = this.#tables.pop()
        if (open !== undefined) this.#place(open.table)
        return
      }
      case 'mc:AlternateContent':
        this.#alternatives.pop()
    }
  }

  text(value: string): void {
    if (this.#inText && this.#skipDepth < 0) this.#append(value)
  }

  #skip(depth: number): void {
    this.#skipDepth = depth
    this.#inText = false
  }

  /** Adds to the paragraph being read what fits in its block's budget. */
  #append(piece: Inline): void {
    const paragraph = this.#currentParagraph()
    if (paragraph === null) return
    const cost = typeof piece === 'string' ? Math.max(piece.length, 1) : 1
    const granted = this.#budget.take(cost)
    if (granted === cost) paragraph.inline.push(piece)
    else if (typeof piece === 'string' && granted > 0) paragraph.inline.push(piece.slice(0, granted))
  }

  #currentParagraph(): ParagraphHolder | null {
    const top = this.#holders.at(-1)
    return top?.kind === 'paragraph' ? top.paragraph : null
  }

  /** w:pStyle and w:numPr count only as the paragraph's own properties, not those of a numbering level or a change record. */
  #paragraphProperty(name: string, value: string | null, depth: number): void {
    const paragraph = this.#currentParagraph()
    const path = this.#path
    if (paragraph === null) return
    if (name === 'w:pStyle' && path[depth - 1] === 'w:pPr' && path[depth - 2] === 'w:p') paragraph.styleId = value
    else if (path[depth - 1] === 'w:numPr' && path[depth - 2] === 'w:pPr' && path[depth - 3] === 'w:p') {
      if (name === 'w:ilvl') paragraph.level = value
      else paragraph.numId = value
    }
  }

  /** A deleted paragraph mark merges the paragraph into the next; a deleted row goes; deleted text is skipped and counted. */
  #deletion(depth: number): void {
    const path = this.#path
    if (path[depth - 1] === 'w:rPr' && path[depth - 2] === 'w:pPr' && path[depth - 3] === 'w:p') {
      const paragraph = this.#currentParagraph()
      if (paragraph !== null) paragraph.deleted = true
    } else if (path[depth - 1] === 'w:trPr' && path[depth - 2] === 'w:tr') {
      const open = this.#tables.at(-1)
      if (open !== undefined) open.row = null
      // A row deleted with track changes on goes, and is counted like deleted text.
      this.leftOut.add('tracked deletion')
      this.#skip(depth - 2)
    } else if (path[depth - 1] !== 'w:rPr') {
      this.#deletionHasText = false
      this.#skip(depth)
    }
  }

  #symbol(font: string, char: string): void {
    const found = dingbat(font, char) ?? (/^F0[0-9A-F]{2}$/i.test(char) ? dingbat(font, char.slice(2)) : undefined)
    if (found === undefined) this.leftOut.add('symbol')
    else this.#append(found.string)
  }

  /** The first mc:Choice whose markup is understood is read, else the fallback. */
  #alternative(name: string, tag: XmlTag, depth: number): void {
    const taken = this.#alternatives.at(-1)
    if (taken === undefined) return
    const requires = (tag.attribute('Requires') ?? '').split(/\s+/).filter((prefix) => prefix.length > 0)
    const readable = name === 'mc:Fallback' || requires.every((prefix) => UNDERSTOOD.has(tag.resolvePrefix(prefix)))
    if (taken || !readable) return this.#skip(depth)
    this.#alternatives[this.#alternatives.length - 1] = true
  }

  /**
   * A paragraph whose mark is deleted joins the next one, text boxes and all (mammoth's
   * reading of track changes); the next one takes it as soon as its properties are read.
   */
  #settle(paragraph: ParagraphHolder): void {
    paragraph.settled = true
    if (paragraph.deleted) return
    // concat, not unshift(...): a spread of a long paragraph overflows the stack.
    paragraph.inline = this.#deleted.inline.concat(paragraph.inline)
    paragraph.extras = this.#deleted.extras.concat(paragraph.extras)
    this.#deleted = { inline: [], extras: [] }
  }

  /**
   * Text left by a paragraph whose mark is deleted, when no paragraph follows in the same
   * body, cell, note or text box: it stays where it was, as a paragraph of its own.
   */
  #flushDeleted(): void {
    const { inline, extras } = this.#deleted
    if (inline.length === 0 && extras.length === 0) return
    this.#deleted = { inline: [], extras: [] }
    this.#place({ kind: 'paragraph', styleId: null, numId: null, level: null, inline: compactInline(inline) })
    for (const extra of extras) this.#place(extra)
  }

  #closeParagraph(): void {
    const holder = this.#holders.pop()
    if (holder?.kind !== 'paragraph') return
    if (!holder.paragraph.settled) this.#settle(holder.paragraph)
    const { deleted, extras, styleId, numId, level, inline } = holder.paragraph
    if (deleted) {
      // A loop, not push(...): a spread of a long paragraph overflows the stack.
      for (const piece of inline) this.#deleted.inline.push(piece)
      for (const extra of extras) this.#deleted.extras.push(extra)
      return
    }
    this.#place({ kind: 'paragraph', styleId, numId, level, inline: compactInline(inline) })
    for (const extra of extras) this.#place(extra)
  }

  #place(block: Block): void {
    const top = this.#holders.at(-1)
    if (top === undefined) {
      this.emit(block)
      this.#budget.reset()
    }
    else if (top.kind === 'paragraph') top.paragraph.extras.push(block)
    else top.blocks.push(block)
  }
}
