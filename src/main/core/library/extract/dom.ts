// The slice of the DOM the extractors walk, typed structurally (the main process has no
// DOM lib), and the one place that builds it: linkedom, which never runs scripts (the
// parse5 fallback for malformed pages is read back through it too).
import { parseHTML } from 'linkedom'

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<DomNode>
  readonly textContent: string | null
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly parentElement: DomElement | null
  getAttribute(name: string): string | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  remove(): void
}

export interface DomDocument {
  readonly documentElement: DomElement | null
  readonly body: DomElement | null
  readonly title: string
  readonly childNodes: ArrayLike<DomNode>
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

/**
 * Gives the markup explicit <html> and <body> tags. Browsers infer them when omitted;
 * linkedom does not, and would leave such a page (or a fragment) with an empty body.
 */
export function withPageStructure(html: string): string {
  if (/<body[\s>]/i.test(html) && /<html[\s>]/i.test(html)) return html
  const source = html.replace(/^\s*<!doctype[^>]*>/i, '')
  const htmlOpen = /<html\b[^>]*>/i.exec(source)?.[0] ?? '<html>'
  const inner = source.replace(/<\/?html\b[^>]*>/gi, '')
  if (/<body[\s>]/i.test(inner)) return `<!doctype html>${htmlOpen}${inner}</html>`
  const headEnd = /<\/head\s*>/i.exec(inner)
  if (headEnd !== null) {
    const bodyStart = headEnd.index + headEnd[0].length
    return `<!doctype html>${htmlOpen}${inner.slice(0, bodyStart)}<body>${inner.slice(bodyStart)}</body></html>`
  }
  const title = /<title\b[^>]*>[\s\S]*?<\/title\s*>/i.exec(inner)?.[0] ?? ''
  const body = inner.replace(title, '').replace(/<head\b[^>]*>/gi, '')
  return `<!doctype html>${htmlOpen}<head>${title}</head><body>${body}</body></html>`
}

/** Parses a whole HTML page or a fragment; scripts in it are never run. */
export function parseHtmlDocument(html: string): DomDocument {
  const { document } = parseHTML(withPageStructure(html)) as unknown as { document: DomDocument }
  return document
}
