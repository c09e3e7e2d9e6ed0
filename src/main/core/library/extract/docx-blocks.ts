// The little a Word paragraph or table needs to become reader text, built from the XML
// one top-level block at a time (so memory follows the largest block, not the file).

export const LINE_BREAK = { lineBreak: true } as const

export interface NoteReference {
  note: 'footnote' | 'endnote'
  id: string
}

/** Text, a line break (w:br), or a footnote/endnote reference (numbered when written out). */
export type Inline = string | typeof LINE_BREAK | NoteReference

export interface Paragraph {
  kind: 'paragraph'
  styleId: string | null
  numId: string | null
  /** The list level the paragraph names (w:ilvl), as written. */
  level: string | null
  inline: Inline[]
}

export interface Table {
  kind: 'table'
  /** Rows of cells, each cell a list of blocks. */
  rows: Block[][][]
}

export type Block = Paragraph | Table

/**
 * Neighbouring text pieces joined into strings of their own. The scanner hands out text
 * cut from 32K-character chunks of XML, and a kept cut keeps its whole chunk alive:
 * without this a document's text held on to all of its XML until the end.
 */
export function compactInline(pieces: Inline[]): Inline[] {
  const compact: Inline[] = []
  let run: string[] = []
  const flush = (): void => {
    // join() of two or more builds a new string; a lone piece is copied through a concatenation.
    if (run.length > 1) compact.push(run.join(''))
    else if (run.length === 1) compact.push(`${run[0] as string} `.slice(0, -1))
    run = []
  }
  for (const piece of pieces) {
    if (typeof piece === 'string') run.push(piece)
    else {
      flush()
      compact.push(piece)
    }
  }
  flush()
  return compact
}

/** Whether a paragraph would show anything; mammoth dropped those that would not, lists included. */
export function isEmptyParagraph(paragraph: Paragraph): boolean {
  return paragraph.inline.every((piece) => piece === '')
}

export type LeftOutKind = 'comment' | 'equation' | 'chart' | 'diagram' | 'embedded object' | 'symbol' | 'tracked deletion'

/**
 * A paragraph, row or cell counts as this many characters of its block's budget, about what
 * it costs in memory, so a table of a million tiny cells is cut like a long paragraph.
 */
export const STRUCTURE_CHARS = 16

/**
 * What the top-level paragraph or table (or note) being read has spent of the characters one
 * block may hold (memory follows the largest block); `onCut` is told once per block, when it
 * is first cut.
 */
export class BlockBudget {
  #left: number
  #cut = false
  constructor(
    private readonly limit: number,
    private readonly onCut: () => void
  ) {
    this.#left = limit
  }

  /** A new top-level block starts. */
  reset(): void {
    this.#left = this.limit
    this.#cut = false
  }

  /** How much of `cost` fits; what fits is spent. */
  take(cost: number): number {
    const granted = Math.max(0, Math.min(cost, this.#left))
    this.#left -= granted
    if (granted < cost && !this.#cut) {
      this.#cut = true
      this.onCut()
    }
    return granted
  }
}

/** What a reader met and did not turn into text, counted for the "text left out" warning. */
export class LeftOut {
  readonly counts = new Map<LeftOutKind, number>()
  /** Paragraphs and tables cut at the block limit. */
  readonly cutBlocks = { paragraph: 0, table: 0 }
  readonly #comments = new Set<string>()

  add(kind: LeftOutKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1)
  }

  /** A comment is counted once however many times it is referenced. */
  comment(id: string): void {
    if (this.#comments.has(id)) return
    this.#comments.add(id)
    this.add('comment')
  }
}
