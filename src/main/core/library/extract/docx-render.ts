// Writes Word blocks as reader text the way mammoth's HTML read: headings and paragraphs
// a blank line apart, list items ("• ", "1. ", nested lists as mammoth nested them) and
// table rows on their own lines, footnote references as [1] with the notes listed last.
import { type Block, type Inline, isEmptyParagraph, type NoteReference, type Paragraph, type Table } from './docx-blocks'
import type { ListLevel, WordStyles } from './docx-styles'
import { TextSink } from './text-sink'
import { cleanTitle } from './tidy-text'

type Place = 'body' | 'cell' | 'note'

/** mammoth's default style map knew list levels 1–5; deeper items became plain paragraphs. */
const DEEPEST_LIST_LEVEL = 4

export class DocxTextWriter {
  readonly #sink = new TextSink()
  /** The lists open around the last list item, outermost first, with their next number. */
  #lists: { ordered: boolean; next: number }[] = []
  readonly references: NoteReference[] = []
  firstHeading: string | null = null

  constructor(private readonly styles: WordStyles) {}

  /** A block of the body, in document order. */
  write(block: Block): void {
    if (block.kind === 'table') {
      this.#closeLists()
      this.#table(block, 'body')
    } else this.#paragraph(block, 'body')
  }

  /**
   * The notes referenced so far, numbered as their references were, each with its blocks (an
   * empty note keeps its number). A note referenced again is written once: its later numbers
   * point back to the first, so a long note referenced thousands of times stays one note.
   */
  writeNotes(noteBlocks: (reference: NoteReference) => Block[] | undefined): void {
    if (this.references.length === 0) return
    this.#closeLists()
    this.#sink.requestBreak(2)
    const firstNumbers = new Map<string, number>()
    this.references.forEach((reference, index) => {
      const key = `${reference.note} ${reference.id}`
      const first = firstNumbers.get(key)
      if (first === undefined) firstNumbers.set(key, index + 1)
      this.#sink.requestBreak(1)
      this.#sink.marker(`${index + 1}. `)
      if (first !== undefined) this.#sink.inline(`see note ${first}`)
      else {
        for (const block of noteBlocks(reference) ?? []) {
          if (block.kind === 'table') this.#table(block, 'note')
          else this.#paragraph(block, 'note')
        }
      }
      this.#sink.marker(null)
      this.#sink.requestBreak(1)
    })
    this.#sink.requestBreak(2)
  }

  text(): string {
    return this.#sink.text()
  }

  #paragraph(paragraph: Paragraph, place: Place): void {
    if (isEmptyParagraph(paragraph)) return
    const heading = this.styles.isHeading(paragraph.styleId)
    if (heading && this.firstHeading === null && place !== 'note') this.firstHeading = cleanTitle(plainText(paragraph.inline))
    if (place === 'cell') {
      this.#sink.space()
      this.#inline(paragraph.inline, place)
      this.#sink.space()
      return
    }
    const list = heading || place === 'note' ? null : this.styles.listLevel(paragraph.styleId, paragraph.numId, paragraph.level)
    const breaks = place === 'note' || (list !== null && list.level <= DEEPEST_LIST_LEVEL) ? 1 : 2
    if (place === 'body') {
      if (list !== null && list.level <= DEEPEST_LIST_LEVEL) this.#listItem(list)
      else this.#closeLists()
    }
    this.#sink.requestBreak(breaks)
    this.#inline(paragraph.inline, place)
    this.#sink.requestBreak(breaks)
    if (breaks === 1 && place === 'body') this.#sink.marker(null)
  }

  /**
   * Opens the item as mammoth's style map did: any open lists above its level are kept
   * whatever their kind (missing ones are opened as bullets), its own level is kept
   * when it has the same kind, and deeper lists are closed.
   */
  #listItem({ level, ordered }: ListLevel): void {
    while (this.#lists.length < level) this.#openList(false)
    const own = this.#lists[level]
    if (own === undefined || own.ordered !== ordered) {
      this.#lists.length = level
      this.#openList(ordered)
    } else this.#lists.length = level + 1
    const list = this.#lists[level] as { ordered: boolean; next: number }
    this.#sink.requestBreak(1)
    this.#sink.marker(ordered ? `${list.next++}. ` : '• ')
  }

  #openList(ordered: boolean): void {
    this.#sink.requestBreak(this.#lists.length === 0 ? 2 : 1)
    this.#lists.push({ ordered, next: 1 })
  }

  #closeLists(): void {
    if (this.#lists.length === 0) return
    this.#lists = []
    this.#sink.requestBreak(2)
  }

  #table(table: Table, place: Place): void {
    const around = (): void => (place === 'cell' ? this.#sink.space() : this.#sink.requestBreak(place === 'note' ? 1 : 2))
    around()
    for (const row of table.rows) {
      if (place === 'cell') this.#sink.space()
      else this.#sink.requestBreak(1)
      for (const cell of row) {
        this.#sink.cellSeparator()
        for (const block of cell) {
          if (block.kind === 'table') this.#table(block, 'cell')
          else this.#paragraph(block, 'cell')
        }
        if (place === 'cell') this.#sink.space()
      }
      if (place === 'cell') this.#sink.space()
      else this.#sink.requestBreak(1)
    }
    around()
  }

  #inline(pieces: Inline[], place: Place): void {
    let run = ''
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        run += piece
        continue
      }
      this.#sink.inline(run)
      run = ''
      if ('lineBreak' in piece) {
        if (place === 'cell') this.#sink.space()
        else this.#sink.lineBreak()
      } else if (place !== 'note') {
        this.references.push(piece)
        this.#sink.inline(`[${this.references.length}]`)
      }
    }
    this.#sink.inline(run)
  }
}

function plainText(pieces: Inline[]): string {
  return pieces.filter((piece): piece is string => typeof piece === 'string').join('')
}
