// What a Word file's styles and numbering say about its paragraphs: which are headings
// (Heading 1–6, as mammoth mapped them) and which are list items, at what level and
// whether numbered. Read as streams: only ids, names and list levels are kept.
import type { XmlHandler } from './docx-xml'

export interface ListLevel {
  /** 0 for the outermost list. */
  level: number
  ordered: boolean
}

interface AbstractNumbering {
  levels: Map<string, ListLevel & { paragraphStyle: string | null }>
  styleLink: string | null
}

const HEADING = /^heading ?[1-6]?$/i

export class WordStyles {
  /** Paragraph style id → name. */
  readonly paragraphStyles = new Map<string, string>()
  /** Numbering style id → the numbering it stands for. */
  readonly numberingStyles = new Map<string, string>()
  readonly abstracts = new Map<string, AbstractNumbering>()
  /** Numbering id → abstract numbering id. */
  readonly numberings = new Map<string, string>()

  isHeading(styleId: string | null): boolean {
    if (styleId === null) return false
    return HEADING.test(styleId) || HEADING.test(this.paragraphStyles.get(styleId) ?? '')
  }

  /** The list level of a paragraph with this style and numbering properties, or null when it is no list item. */
  listLevel(styleId: string | null, numId: string | null, level: string | null): ListLevel | null {
    if (numId !== null && level !== null) return this.#levelOf(numId, level)
    if (styleId !== null) {
      const styled = this.#styledLevels().get(styleId)
      if (styled !== undefined) return styled
    }
    return numId === null ? null : this.#levelOf(numId, '0')
  }

  // Both built on first use, once styles and numbering are read: looking them up paragraph by
  // paragraph walked every level of every list, or a whole numStyleLink chain, each time.
  #byParagraphStyle: Map<string, ListLevel> | null = null
  readonly #linkedAbstracts = new Map<string, AbstractNumbering | null>()

  /** Paragraph style → the first list level (in file order) that names it. */
  #styledLevels(): Map<string, ListLevel> {
    if (this.#byParagraphStyle !== null) return this.#byParagraphStyle
    const found = new Map<string, ListLevel>()
    for (const abstract of this.abstracts.values()) {
      for (const candidate of abstract.levels.values()) {
        if (candidate.paragraphStyle !== null && !found.has(candidate.paragraphStyle)) found.set(candidate.paragraphStyle, candidate)
      }
    }
    this.#byParagraphStyle = found
    return found
  }

  #levelOf(numId: string, level: string): ListLevel | null {
    return this.#abstractOf(this.numberings.get(numId) ?? '')?.levels.get(level) ?? null
  }

  /**
   * The abstract numbering that finally defines the levels, following numStyleLink
   * (abstract → numbering style → numbering → abstract…); null for a broken link or a
   * loop. Every abstract on the way is remembered, so each link is followed once.
   */
  #abstractOf(abstractId: string): AbstractNumbering | null {
    const path: string[] = []
    const onPath = new Set<string>()
    let id = abstractId
    let found: AbstractNumbering | null = null
    for (;;) {
      const known = this.#linkedAbstracts.get(id)
      if (known !== undefined) {
        found = known
        break
      }
      const abstract = this.abstracts.get(id)
      if (abstract === undefined || onPath.has(id)) break
      path.push(id)
      onPath.add(id)
      if (abstract.styleLink === null) {
        found = abstract
        break
      }
      const linked = this.numberingStyles.get(abstract.styleLink)
      if (linked === undefined) break
      id = this.numberings.get(linked) ?? ''
    }
    for (const step of path) this.#linkedAbstracts.set(step, found)
    return found
  }

  /** Reads styles.xml: paragraph style names (first definition wins) and numbering styles. */
  stylesHandler(): XmlHandler {
    let style: { type: string | null; id: string } | null = null
    return {
      open: (name, tag) => {
        if (name === 'w:style') style = { type: tag.attribute('type'), id: tag.attribute('styleId') ?? '' }
        else if (style === null) return
        else if (name === 'w:name' && style.type === 'paragraph' && !this.paragraphStyles.has(style.id)) {
          this.paragraphStyles.set(style.id, tag.attribute('val') ?? '')
        } else if (name === 'w:numId' && style.type === 'numbering' && !this.numberingStyles.has(style.id)) {
          this.numberingStyles.set(style.id, tag.attribute('val') ?? '')
        }
      },
      close: (name) => {
        if (name === 'w:style') style = null
      },
      text: () => {}
    }
  }

  /** Reads numbering.xml: each abstract numbering's levels, and which abstract each numbering uses. */
  numberingHandler(): XmlHandler {
    let abstract: AbstractNumbering | null = null
    let level: (ListLevel & { paragraphStyle: string | null }) | null = null
    let numId: string | null = null
    return {
      open: (name, tag) => {
        if (name === 'w:abstractNum') {
          abstract = { levels: new Map(), styleLink: null }
          this.abstracts.set(tag.attribute('abstractNumId') ?? '', abstract)
        } else if (name === 'w:num') numId = tag.attribute('numId')
        else if (name === 'w:abstractNumId' && numId !== null) this.numberings.set(numId, tag.attribute('val') ?? '')
        else if (abstract === null) return
        else if (name === 'w:lvl') {
          // A level without an index stands for the first (some generators leave it out).
          const index = tag.attribute('ilvl') ?? '0'
          level = { level: Math.max(0, Number.parseInt(index, 10) || 0), ordered: true, paragraphStyle: null }
          if (!abstract.levels.has(index)) abstract.levels.set(index, level)
        } else if (name === 'w:numFmt' && level !== null) level.ordered = tag.attribute('val') !== 'bullet'
        else if (name === 'w:pStyle' && level !== null) level.paragraphStyle = tag.attribute('val')
        else if (name === 'w:numStyleLink') abstract.styleLink = tag.attribute('val')
      },
      close: (name) => {
        if (name === 'w:abstractNum') abstract = null
        else if (name === 'w:lvl') level = null
        else if (name === 'w:num') numId = null
      },
      text: () => {}
    }
  }
}
