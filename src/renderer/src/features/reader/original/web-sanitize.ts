// Cleans a saved page's article (as the engine read it) into nodes safe to show in the app:
// article markup only (headings, paragraphs, lists, tables, figures), no script, handler,
// style, form, frame or embed, images only from data: URLs of raster types, and links kept
// as underlined words whose address is a tooltip, never something to follow.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'

/** The article markup the view keeps; everything else is unwrapped (its text kept) or, for scripts and the like, dropped whole. */
const TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt',
  'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr'
]
/** No style, class, id or name (the page's CSS is gone, and ids could clobber the app's globals), no data-* or event handlers. */
const ATTRIBUTES = ['alt', 'title', 'src', 'href', 'colspan', 'rowspan', 'dir', 'lang', 'start', 'reversed', 'datetime', 'scope', 'headers', 'abbr', 'width', 'height', 'open']
/** What an image may show: bytes inlined by the engine, of a type a browser draws without running anything. */
const SAFE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]*$/i

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: TAGS,
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true
}

export const LINK_CLASS = 'web-link'
export const MISSING_IMAGE_CLASS = 'web-missing-image'

/** Only an http(s) or mail address is worth showing as a link's tooltip; a javascript: one is not shown at all. */
function linkTooltip(href: string): string | null {
  const trimmed = href.trim()
  if (!/^(?:https?:|mailto:)/i.test(trimmed)) return null
  return `${trimmed} (links are not followed in Sourcebench)`
}

const purifiers = new WeakMap<Window, DOMPurify>()
type PageWindow = Window & typeof globalThis

/** One DOMPurify per window, with the view's hooks on it (the global one is left as it is). */
function purifierFor(window: PageWindow): DOMPurify {
  const known = purifiers.get(window)
  if (known !== undefined) return known
  const purify = createDOMPurify(window)
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return
    const element = node as Element
    const tag = element.tagName.toLowerCase()
    if (tag === 'img') {
      const src = element.getAttribute('src')
      if (src !== null && !SAFE_IMAGE.test(src)) element.removeAttribute('src')
    } else if (tag === 'a') {
      // The address goes: nothing in the article can navigate, open a tab or be dragged out as a link.
      const href = element.getAttribute('href')
      element.removeAttribute('href')
      if (href === null) return
      // Still a link to whoever reads the page (role), but one with nowhere to go.
      element.setAttribute('role', 'link')
      element.setAttribute('class', LINK_CLASS)
      const tooltip = linkTooltip(href)
      if (tooltip !== null) element.setAttribute('title', tooltip)
    }
  })
  purifiers.set(window, purify)
  return purify
}

/** An image the page did not store is shown as its description, never as a broken picture. */
function replaceMissingImages(fragment: DocumentFragment): void {
  for (const image of Array.from(fragment.querySelectorAll('img'))) {
    if (image.getAttribute('src') !== null) continue
    const alt = image.getAttribute('alt')?.trim() ?? ''
    // Without a description it is decoration (or a tracking pixel): nothing to stand in for.
    if (alt === '') {
      image.remove()
      continue
    }
    const stand = fragment.ownerDocument.createElement('span')
    stand.className = MISSING_IMAGE_CLASS
    stand.setAttribute('role', 'img')
    stand.setAttribute('aria-label', alt)
    stand.title = 'This image was not saved with the page: Sourcebench loads nothing from the web'
    // Shown by the stylesheet (generated content), so it adds no text to line up with the source's.
    stand.dataset['alt'] = alt
    image.replaceWith(stand)
  }
}

/** The article's markup as nodes of `document`, cleaned. */
export function sanitizeArticle(html: string, document: Document): DocumentFragment {
  const window = document.defaultView
  if (window === null) throw new Error('web-original: the document has no window to sanitise in')
  const fragment = purifierFor(window).sanitize(html, CONFIG)
  replaceMissingImages(fragment)
  return fragment
}
