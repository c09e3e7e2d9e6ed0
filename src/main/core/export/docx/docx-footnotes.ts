// The footnotes part of the Word export (word/footnotes.xml and its links), written as XML
// text: a long export has a footnote per cited passage, thousands of them, and docx's object
// writer took a second over them. docx writes the rest of the file; this part replaces its own.
import { STYLE } from './docx-styles'
import { escapeXml, runXml } from './docx-run-xml'
import { HYPERLINK, RunWriter, runContent, type RunStyle } from './docx-text'

/** A file of the package, as docx's Packer takes it to replace the one it writes. */
export interface PackageFile {
  readonly path: string
  readonly data: string
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const LINK_TYPE = `${R}/hyperlink`

/**
 * Word's separators, which it expects as footnotes -1 and 0 before any of the document's own:
 * the short rule above the notes, and the long one when a note runs on to the next page.
 */
const SEPARATORS = ['separator', 'continuationSeparator']
  .map((type, index) => `<w:footnote w:type="${type}" w:id="${index - 1}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${type}/></w:r></w:p></w:footnote>`)
  .join('')

/** The note's own number at its start, in the style Word gives it (superscript). */
const NOTE_MARK = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'

/** One paragraph of a footnote, its content written out as it is added. */
export class FootnoteParagraph extends RunWriter {
  private xml = ''

  constructor(
    private readonly part: FootnotesPart,
    private readonly styleId: string
  ) {
    super()
  }

  /** The paragraph as XML; the first of a note starts with the note's number. */
  toXml(first: boolean): string {
    this.flush()
    return `<w:p><w:pPr><w:pStyle w:val="${escapeXml(this.styleId)}"/></w:pPr>${first ? NOTE_MARK : ''}${this.xml}</w:p>`
  }

  protected write(text: string, style: RunStyle | undefined): void {
    this.xml += runXml(runContent(text, false), style)
  }

  protected link(href: string, text: string): void {
    this.xml += `<w:hyperlink r:id="${this.part.linkId(href)}" w:history="1">${runXml(runContent(text, false), HYPERLINK)}</w:hyperlink>`
  }
}

/** The document's footnotes, numbered from 1 in the order they are added, and the addresses they link to. */
export class FootnotesPart {
  private readonly notes: string[] = []
  /** One relationship per address, however many notes link to it. */
  private readonly links = new Map<string, string>()

  paragraph(style: string = STYLE.footnote): FootnoteParagraph {
    return new FootnoteParagraph(this, style)
  }

  /** Adds a note of these paragraphs; returns the id the body's reference gives. */
  add(first: FootnoteParagraph, ...rest: FootnoteParagraph[]): number {
    const id = this.notes.length + 1
    this.notes.push(`<w:footnote w:id="${id}">${first.toXml(true)}${rest.map((paragraph) => paragraph.toXml(false)).join('')}</w:footnote>`)
    return id
  }

  /** The relationship id of a web address the notes link to. */
  linkId(href: string): string {
    let id = this.links.get(href)
    if (id === undefined) {
      id = `rId${this.links.size + 1}`
      this.links.set(href, id)
    }
    return id
  }

  /** The part and its relationships, to hand to Packer in place of docx's own. */
  files(): PackageFile[] {
    const relationships = [...this.links].map(([href, id]) => `<Relationship Id="${id}" Type="${LINK_TYPE}" Target="${escapeXml(href)}" TargetMode="External"/>`)
    return [
      { path: 'word/footnotes.xml', data: `${DECLARATION}<w:footnotes xmlns:w="${W}" xmlns:r="${R}">${SEPARATORS}${this.notes.join('')}</w:footnotes>` },
      { path: 'word/_rels/footnotes.xml.rels', data: `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">${relationships.join('')}</Relationships>` }
    ]
  }
}
