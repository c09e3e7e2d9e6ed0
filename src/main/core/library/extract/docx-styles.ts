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
    if (numId !== null && level !== null) return this.#find(numId, level, new Set())
    if (styleId !== null) {
      for (const abstract of this.abstracts.values()) {
        for (const candidate of abstract.levels.values()) if (candidate.paragraphStyle === styleId) return candidate
      }
    }
    return numId === null ? null : this.#find(numId, '0', new Set())
  }

  #find(numId: string, level: string, seen: Set<string>): ListLevel | null {
    if (seen.has(numId)) return null
    seen.add(numId)
    const abstract = this.abstracts.get(this.numberings.get(numId) ?? '')
    if (abstract === undefined) return null
    if (abstract.styleLink === null) return abstract.levels.get(level) ?? null
    const linked = this.numberingStyles.get(abstract.styleLink)
    return linked === undefined ? null : this.#find(linked, level, seen)
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
          level = { level: Number.parseInt(index, 10) || 0, ordered: true, paragraphStyle: null }
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
