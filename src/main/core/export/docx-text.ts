// Text for the Word export, made safe to write: characters XML 1.0 cannot hold are dropped
// (so the file always opens), line breaks and tabs become Word's own, and a URL is a link
// only when it is a web address.
import { ExternalHyperlink, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx'

/** Formatting of a run, without its content. */
export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>

/**
 * XML 1.0 forbids C0 controls other than tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF: one of them in document.xml and Word refuses the file. DEL and C1 controls are
 * allowed but "discouraged" and never meant in text an editor reads, so they go too.
 */
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

/** A field on one line (titles, names, claims, comments): whitespace runs read as one space. */
export function inline(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim()
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`

/**
 * A tab stays a tab: Word reads a literal tab in text as a space. Text is also cut after each
 * "{": docx replaces "{key}" tokens (list and image ids) in the finished XML, so text such as
 * "{default-bullet-numbering-0}" would otherwise come out as "1"; split over two w:t it stays.
 */
function tabbed(line: string): Array<string | Tab> {
  return line
    .split('\t')
    .flatMap((part, index) => [...(index === 0 ? [] : [new Tab()]), ...part.split(/(?<=\{)/)])
    .filter((child) => child !== '')
}

/** One run of text on one line. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ ...style, children: tabbed(xmlSafe(text).replace(/[\r\n]+/g, ' ')) })
}

/** Shared so that neighbouring text in one format is recognised as such and joined. */
export const ITALIC: RunStyle = { italics: true }
export const BOLD: RunStyle = { bold: true }

/**
 * A paragraph's content, neighbouring text of the same format joined into one run: docx's
 * time and the file's size grow with the number of runs, and a long export has many.
 */
export class Runs {
  private readonly children: ParagraphChild[] = []
  private text = ''
  private style: RunStyle | undefined = undefined

  /** Text in a format (the same object for the same format; none for plain text). */
  add(text: string, style?: RunStyle): this {
    if (style !== this.style) this.flush()
    this.style = style
    this.text += text
    return this
  }

  /** The URL as written: a hyperlink to it when it is a web address, plain text otherwise. */
  url(url: string): this {
    const link = webLink(url)
    return link === null ? this.add(inline(url)) : this.child(new ExternalHyperlink({ link, children: [run(inline(url), { style: 'Hyperlink' })] }))
  }

  /** A hyperlink, footnote mark or any other child, as it is. */
  child(child: ParagraphChild): this {
    this.flush()
    this.children.push(child)
    return this
  }

  done(): ParagraphChild[] {
    this.flush()
    return this.children
  }

  private flush(): void {
    if (this.text !== '') this.children.push(run(this.text, this.style))
    this.text = ''
  }
}

/** Text kept line for line (a verbatim quote): each line break becomes a break in the paragraph. */
export function lines(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ ...style, ...(index === 0 ? {} : { break: 1 }), children: tabbed(line) }))
}

/** The address to link to: http and https only, normalised as a browser would; null for anything else. */
export function webLink(url: string): string | null {
  try {
    const parsed = new URL(xmlSafe(url).trim())
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}
