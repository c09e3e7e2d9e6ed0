// The article a saved web page's text was made from, as HTML for the original view: the very
// reading the importer takes (so both views show the same words in the same order), with what
// never shows as text taken out and every image's address handed to the caller to resolve.
import { decodeText } from './decode-text'
import { type DomElement, type DomNode, isElement } from './dom'
import { readHtml } from './html'
import { declaredCharset } from './html-charset'
import { SKIPPED } from './html-to-text'

/** An image address as the page wrote it → the data: URL to show instead, or null to drop it. */
export type ImageResolver = (src: string) => Promise<string | null>

export interface ArticleHtml {
  /** The article's markup, not sanitised (the renderer does that): images inlined or without a source. */
  html: string
  /** The text the importer made of the same page: byte for byte the source's text. */
  text: string
}

/** The slice of linkedom's element the article is edited through (the DOM types the extractors use are read-only). */
interface EditableElement extends DomElement {
  readonly outerHTML: string
  readonly innerHTML: string
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/** Elements the text leaves out that the view keeps: images (resolved below) and <picture>, whose <source>s go. */
const SHOWN_ANYWAY = new Set(['IMG', 'PICTURE'])
/** Never part of an article view: gone with everything inside them. */
const REMOVED = [...SKIPPED].filter((tag) => !SHOWN_ANYWAY.has(tag)).concat(['FRAME', 'FRAMESET', 'BASE', 'PORTAL'])
/** Attributes that would let an image load something other than its resolved src. */
const IMAGE_SOURCES = ['srcset', 'sizes', 'lowsrc', 'longdesc', 'data-src', 'data-srcset', 'data-lazy-src', 'data-original']

function elementsIn(node: DomNode, selector: string): EditableElement[] {
  if (!isElement(node)) return []
  const found = Array.from(node.querySelectorAll(selector)) as EditableElement[]
  return node.tagName.toUpperCase() === selector.toUpperCase() ? [node as EditableElement, ...found] : found
}

/** Takes out elements whose text the importer skipped, so the view shows what the text holds and nothing that could load or run. */
function prune(node: DomNode): void {
  if (!isElement(node)) return
  for (const element of Array.from(node.querySelectorAll(REMOVED.map((tag) => tag.toLowerCase()).join(', ')))) element.remove()
  for (const element of Array.from(node.querySelectorAll('[hidden]'))) element.remove()
}

async function resolveImages(node: DomNode, resolveImage: ImageResolver): Promise<void> {
  for (const image of elementsIn(node, 'img')) {
    for (const name of IMAGE_SOURCES) image.removeAttribute(name)
    const src = image.getAttribute('src')
    const inlined = src === null || src.trim() === '' ? null : await resolveImage(src.trim())
    // An image without a description is decoration (or a tracking pixel): with nothing to show, it goes.
    if (inlined === null && (image.getAttribute('alt') ?? '').trim() === '') image.remove()
    else if (inlined === null) image.removeAttribute('src')
    else image.setAttribute('src', inlined)
  }
}

function markupOf(node: DomNode): string {
  if (!isElement(node)) return ''
  const element = node as EditableElement
  // The body (when Readability found no article) is shown as a block of its own, not a second <body>.
  return element.tagName.toUpperCase() === 'BODY' ? `<div>${element.innerHTML}</div>` : element.outerHTML
}

/** The article of a saved page (its file's bytes), as the importer reads it. */
export async function articleHtml(bytes: Uint8Array, resolveImage: ImageResolver): Promise<ArticleHtml> {
  const decoded = decodeText(bytes, declaredCharset(bytes))
  const { reading } = readHtml(decoded.text)
  const nodes = reading.nodes ?? []
  const parts: string[] = []
  for (const node of nodes) {
    prune(node)
    await resolveImages(node, resolveImage)
    parts.push(markupOf(node))
  }
  return { html: parts.join('\n'), text: reading.text }
}
