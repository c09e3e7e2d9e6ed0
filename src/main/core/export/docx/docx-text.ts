// Text for the Word export, made safe to write: characters XML 1.0 cannot hold are dropped
// (so the file always opens), line breaks and tabs become Word's own, and a URL is a link
// only when it is a web address; and the writer that joins a paragraph's text into runs.
import type { IRunOptions } from 'docx'
import { TAB, type RunContent } from './docx-run-xml'

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


/**
 * One line of text as a run holds it: a tab stays a tab (Word reads a literal tab in text as
 * a space), other line breaks become spaces. Text is also cut after each "{" when docx writes
 * it: docx replaces "{key}" tokens (list and image ids) in the finished XML, so text such as
 * "{default-bullet-numbering-0}" would otherwise come out as "1"; split over two w:t it stays.
 */
export function runContent(line: string, forDocx = true): RunContent {
  const safe = xmlSafe(line)
  // Most text has none of these: spare it the splitting.
  if (!/[\t\r\n{]/.test(safe)) return safe === '' ? [] : [safe]
  return safe
    .replace(/[\r\n]+/g, ' ')
    .split('\t')
    .flatMap((part, index) => [...(index === 0 ? [] : [TAB]), ...(forDocx ? part.split(/(?<=\{)/) : [part])])
    .filter((piece) => piece !== '')
}

/** Shared so that neighbouring text in one format is recognised as such and joined. */
export const ITALIC: RunStyle = { italics: true }
export const BOLD: RunStyle = { bold: true }
export const HYPERLINK: RunStyle = { style: 'Hyperlink' }

/**
 * A paragraph's content, neighbouring text of the same format joined into one run: the time
 * to write the file and its size grow with the number of runs, and a long export has many.
 * Written for docx in the body (Runs) and as XML text in the footnotes (FootnoteParagraph).
 */
export abstract class RunWriter {
  private text = ''
  private style: RunStyle | undefined = undefined
  protected used = false

  /** Whether nothing was added yet. */
  get isEmpty(): boolean {
    return !this.used && this.text === ''
  }

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
    if (link === null) return this.add(inline(url))
    this.flush()
    this.link(link, inline(url))
    this.used = true
    return this
  }

  /** Writes the text gathered so far as one run. */
  protected flush(): void {
    if (this.text !== '') {
      this.write(this.text, this.style)
      this.used = true
    }
    this.text = ''
  }

  protected abstract write(text: string, style: RunStyle | undefined): void
  protected abstract link(href: string, text: string): void
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
