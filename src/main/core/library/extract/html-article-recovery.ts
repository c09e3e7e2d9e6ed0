// Readability sometimes takes a small box (breaking news, an FAQ, a "most read" list) for the
// article, when the story's paragraphs are spread over many small blocks. When the page keeps
// much more paragraph text than it took, read it again without that box, and keep the second
// article if it is much longer, reads as prose and is the story under the page's headline.
import type { DomDocument, DomElement } from './dom'

/** Paragraph text left on the page, as a multiple of the article's, that prompts a second look. */
const LEFT_OVER_RATIO = 2
/** Readability's pick this long is a story, not a box: no second look. */
const STORY_LENGTH = 3000
/** How many times longer than the first the second article must be. */
const LONGER_RATIO = 2
const MIN_PROSE_PARAGRAPHS = 3
const MIN_PROSE_WORDS = 8

export interface ArticleRead {
  text: string
  byline: string | null
  /** Readability's article element, holding the page's own nodes. */
  content: DomElement
}

/** Whether much more paragraph text is left in `document` (after Readability took its article) than it took. */
export function leavesMuchText(document: DomDocument, articleText: string): boolean {
  if (articleText.length >= STORY_LENGTH) return false
  let leftOver = 0
  for (const paragraph of Array.from(document.querySelectorAll('p'))) leftOver += (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().length
  return leftOver >= articleText.length * LEFT_OVER_RATIO
}

/**
 * The longer article in `document` once the element holding `firstText` is removed, or null
 * when there is none that is clearly the story. `document` is a fresh parse of the page.
 */
export function recoverArticle(document: DomDocument, firstText: string, title: string | null, read: (document: DomDocument) => ArticleRead | null): ArticleRead | null {
  const order = new Map<DomElement, number>(Array.from(document.querySelectorAll('*'), (element, index) => [element, index]))
  const box = elementHolding(document, firstText)
  const headline = findHeadline(document, title)
  if (box === null || headline === null || isInside(headline, box)) return null
  const boxAt = order.get(box) ?? -1
  const headlineAt = order.get(headline) ?? -1
  box.remove()
  const second = read(document)
  if (second === null || second.text.length < firstText.length * LONGER_RATIO || !readsAsProse(second.text)) return null
  const found = Array.from(second.content.querySelectorAll('*'), (element) => order.get(element)).filter((index) => index !== undefined)
  if (found.length === 0) return null
  const start = Math.min(...found)
  const end = Math.max(...found)
  // The story is under its headline, with the box not in between: comments below a story are not it.
  if (headlineAt > end || (boxAt > headlineAt && boxAt < start)) return null
  return second
}

/** Letters and digits only, so text compares across markup, list markers and spacing. */
function textKey(text: string): string {
  return text.replace(/^(?:•|\d+\.) /gm, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The smallest element whose text holds the article's longest paragraph, widened until it holds the first and last. */
function elementHolding(document: DomDocument, text: string): DomElement | null {
  const keys = text.split(/\n{2,}/).map(textKey).filter((key) => key.length > 0)
  const longest = keys.reduce((best, key) => (key.length > best.length ? key : best), '')
  const first = keys[0]
  const last = keys.at(-1)
  if (longest.length === 0 || first === undefined || last === undefined) return null
  let holder: DomElement | null = null
  let holderLength = Infinity
  for (const element of Array.from(document.querySelectorAll('p, li, dd, td, pre, blockquote, div, section'))) {
    const key = textKey(element.textContent ?? '')
    if (key.length < holderLength && key.includes(longest)) {
      holder = element
      holderLength = key.length
    }
  }
  while (holder !== null) {
    const key = textKey(holder.textContent ?? '')
    if (key.includes(first) && key.includes(last)) return holder
    holder = holder.parentElement
  }
  return null
}

/** The page's headline: the longest <h1> the title names (not the site's logo), else the first <h1>. */
function findHeadline(document: DomDocument, title: string | null): DomElement | null {
  const headings = Array.from(document.querySelectorAll('h1'), (heading) => ({ heading, key: textKey(heading.textContent ?? '') }))
  const titleKey = textKey(title ?? document.title)
  const named = headings.filter(({ key }) => key.length > 0 && titleKey.length > 0 && (titleKey.includes(key) || key.includes(titleKey)))
  const longest = named.reduce<(typeof named)[number] | undefined>((best, next) => (best === undefined || next.key.length > best.key.length ? next : best), undefined)
  return (longest ?? headings[0])?.heading ?? null
}

function isInside(element: DomElement, container: DomElement): boolean {
  for (let node: DomElement | null = element; node !== null; node = node.parentElement) if (node === container) return true
  return false
}

/** Mostly paragraphs of running text, not a list of links or headlines. */
function readsAsProse(text: string): boolean {
  const paragraphs = text.split(/\n{2,}/)
  const prose = paragraphs.filter((paragraph) => !/^(?:•|\d+\.) /.test(paragraph) && paragraph.split(/\s+/).length >= MIN_PROSE_WORDS)
  const proseLength = prose.reduce((sum, paragraph) => sum + paragraph.length, 0)
  return prose.length >= MIN_PROSE_PARAGRAPHS && proseLength * 2 >= text.length
}
