// The fallback parse for saved pages whose markup linkedom builds wrongly (text or PHP warnings
// before <html>, a <head> before it, several <html> documents in one file): parse5 builds the
// tree a browser builds, and linkedom re-reads its serialisation for Readability.
import { type DefaultTreeAdapterTypes, defaultTreeAdapter, parse, serialize } from 'parse5'
import { type DomDocument, type DomNode, isElement, parseHtmlDocument, TEXT_NODE } from './dom'
import { tagsOnly } from './html-documents'

type Parse5Node = DefaultTreeAdapterTypes.Node
type Parse5Element = DefaultTreeAdapterTypes.Element

/** Reader text under this share of the text the markup shows means the article was lost (normal pages: ≥ 5 %). */
const LITTLE_TEXT_SHARE = 0.02
/** Reader text this long is an article, whatever else the page holds. */
const ARTICLE_LENGTH = 1000
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE'])

/** How linkedom's tree for a page departs from the one a browser builds, if it does. */
export type Malformation = { kind: 'stray-content' } | { kind: 'several-documents'; documents: number }

/**
 * Several <html> documents in one file; or text before the page's <head> (or before <html>),
 * or something other than <html> as the root. Cheap, and null for well-formed pages, so the
 * fallback never runs on them.
 */
export function findMalformation(document: DomDocument, html: string): Malformation | null {
  // Counting <html> tags in the markup is cheaper than in the DOM; the DOM has the last word.
  const documents = /<html[\s/>][\s\S]*<html[\s/>]/i.test(html) ? document.querySelectorAll('html').length : 1
  if (documents > 1) return { kind: 'several-documents', documents }
  const root = document.documentElement
  if (root === null || root.tagName.toUpperCase() !== 'HTML' || hasTextBeforeHead(document.childNodes)) return { kind: 'stray-content' }
  return null
}

/** Whether `text` is little of what the markup shows, estimated from the markup without parsing it. */
export function isLittleOfPage(text: string, html: string): boolean {
  // The markup's length bounds its visible text: most pages are decided without the estimate.
  if (text.length >= ARTICLE_LENGTH || text.length >= html.length * LITTLE_TEXT_SHARE) return false
  const shown = tagsOnly(html).replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, '&').replace(/\s+/g, ' ')
  return text.length < shown.length * LITTLE_TEXT_SHARE
}

/** Whether visible text comes before the first <head> or <body>, walking the tree in order. */
function hasTextBeforeHead(nodes: ArrayLike<DomNode>): boolean {
  const stack = Array.from(nodes).reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() !== '') return true
    if (!isElement(node)) continue
    const tag = node.tagName.toUpperCase()
    if (tag === 'HEAD' || tag === 'BODY') return false
    if (!NOT_SHOWN.has(tag)) stack.push(...Array.from(node.childNodes).reverse())
  }
  return false
}

/** Parses a page as browsers do (HTML5 tree construction), into the DOM the extractors walk. */
export function parseLikeBrowser(html: string): DomDocument {
  const document = parse(html)
  keepOneTitle(document)
  return parseHtmlDocument(serialize(document))
}

/**
 * Puts in <head> the one <title> of the page the text belongs to. A browser leaves the
 * <title>s of a second document (or of a page after stray text) in the body and titles the
 * tab after the first, which for an error page followed by the real page is the error's.
 */
function keepOneTitle(document: DefaultTreeAdapterTypes.Document): void {
  const titles = titlesWithFollowingText(document)
  const head = findElement(document, 'head')
  const best = titles.reduce<(typeof titles)[number] | undefined>((kept, next) => (kept === undefined || next.textLength > kept.textLength ? next : kept), undefined)
  if (head === null || best === undefined) return
  for (const { title } of titles) defaultTreeAdapter.detachNode(title)
  const first = head.childNodes[0]
  if (first === undefined) defaultTreeAdapter.appendChild(head, best.title)
  else defaultTreeAdapter.insertBefore(head, best.title, first)
}

/** Every <title> in tree order, with the length of the shown text between it and the next one. */
function titlesWithFollowingText(document: DefaultTreeAdapterTypes.Document): { title: Parse5Element; textLength: number }[] {
  const titles: { title: Parse5Element; textLength: number }[] = []
  const stack: Parse5Node[] = [...document.childNodes].reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.nodeName === '#text') {
      const last = titles.at(-1)
      if (last !== undefined && 'value' in node) last.textLength += node.value.trim().length
    } else if (node.nodeName === 'title' && 'tagName' in node) {
      titles.push({ title: node, textLength: 0 })
    } else if ('tagName' in node && !NOT_SHOWN.has(node.tagName.toUpperCase())) {
      stack.push(...[...node.childNodes].reverse())
    }
  }
  return titles
}

function findElement(document: DefaultTreeAdapterTypes.Document, tagName: string): Parse5Element | null {
  const html = document.childNodes.find((node): node is Parse5Element => 'tagName' in node && node.tagName === 'html')
  return html?.childNodes.find((node): node is Parse5Element => 'tagName' in node && node.tagName === tagName) ?? null
}
