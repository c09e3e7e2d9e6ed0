// A paragraph of the Word export's body, its runs written out here and docx left to write the
// paragraph around them (its style, spacing, keep-with-next): docx's run and paragraph objects
// cost a long export most of its time. A paragraph with a link is docx's own, its text runs ours.
import { BaseXmlComponent, ExternalHyperlink, Paragraph, TextRun, type IContext, type IParagraphOptions, type IXmlableObject, type ParagraphChild } from 'docx'
import { BREAK, footnoteReferenceObject, runObject } from './docx-run-xml'
import { HYPERLINK, RunWriter, runContent, type RunStyle } from './docx-text'

/** A paragraph's properties, its content left to Runs. */
export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>

/** A text run whose XML is worked out beforehand, for a paragraph that also holds docx's objects. */
class PreparedRun extends TextRun {
  constructor(private readonly xml: IXmlableObject) {
    super({})
  }

  override prepForXml(): IXmlableObject {
    return this.xml
  }
}

/**
 * The properties docx writes for paragraph options, worked out once per document and kind of
 * paragraph (a quote, a detail line…) rather than for each of thousands. Shared, so never
 * changed: docx only adds to a paragraph's output for tables of contents, which the export lacks.
 */
const propertiesOf = new WeakMap<object, Map<string, readonly unknown[]>>()

/**
 * A paragraph of text runs only: the properties docx writes for its options, then the runs as
 * they are. Its own properties stay empty: docx would add a section's to them only at the end of
 * a section followed by another, and the export has one section.
 */
class PreparedParagraph extends Paragraph {
  constructor(
    private readonly shape: ParagraphOptions,
    private readonly runs: IXmlableObject[]
  ) {
    super({})
  }

  override prepForXml(context: IContext): IXmlableObject {
    let known = propertiesOf.get(context.file)
    if (known === undefined) {
      known = new Map()
      propertiesOf.set(context.file, known)
    }
    const key = JSON.stringify(this.shape)
    let properties = known.get(key)
    if (properties === undefined) {
      // docx writes a paragraph with no properties as an empty object, else as the list of its children.
      const content: unknown = new Paragraph(this.shape).prepForXml(context)?.['w:p']
      properties = Array.isArray(content) ? content : []
      known.set(key, properties)
    }
    return { 'w:p': [...properties, ...this.runs] }
  }
}

const isComponent = (child: IXmlableObject | ParagraphChild): child is ParagraphChild => child instanceof BaseXmlComponent

/** A paragraph's content for the body, neighbouring text of one format in one run. */
export class Runs extends RunWriter {
  private readonly content: Array<IXmlableObject | ParagraphChild> = []
  private textOnly = true

  /** Text kept line for line (a verbatim quote): each line break becomes a break in the paragraph. */
  lines(text: string, style?: RunStyle): this {
    this.flush()
    for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) this.content.push(runObject([...(index === 0 ? [] : [BREAK]), ...runContent(line)], style))
    this.used = true
    return this
  }

  /** A line break within the paragraph. */
  lineBreak(): this {
    this.flush()
    this.content.push(runObject([BREAK], undefined))
    this.used = true
    return this
  }

  /** The mark of the footnote with this id. */
  footnoteMark(id: number): this {
    this.flush()
    this.content.push(footnoteReferenceObject(id))
    this.used = true
    return this
  }

  /** One of docx's objects (a link), as it is: the paragraph is then docx's own. */
  private component(child: ParagraphChild): this {
    this.flush()
    this.content.push(child)
    this.textOnly = false
    this.used = true
    return this
  }

  paragraph(options: ParagraphOptions = {}): Paragraph {
    this.flush()
    if (this.textOnly) return new PreparedParagraph(options, this.content.filter((child): child is IXmlableObject => !isComponent(child)))
    return new Paragraph({ ...options, children: this.content.map((child) => (isComponent(child) ? child : new PreparedRun(child))) })
  }

  protected write(text: string, style: RunStyle | undefined): void {
    this.content.push(runObject(runContent(text), style))
  }

  protected link(href: string, text: string): void {
    this.component(new ExternalHyperlink({ link: href, children: [new PreparedRun(runObject(runContent(text), HYPERLINK))] }))
  }
}

/** A paragraph of one run of text on one line. */
export const textParagraph = (text: string, options: ParagraphOptions = {}): Paragraph => new Runs().add(text).paragraph(options)
