// Readability 0.6 cuts a "Headline | Site" <title> to the headline but not "Headline –
// Site" (an en or em dash: WordPress's default); later versions do. This applies that
// rule to dash-separated <title>s, never to titles a page states in its metadata.
import type { DomDocument } from './dom'
import { collapseWhitespace } from './tidy-text'

const DASH_SEPARATOR = /\s[–—]\s/g
const MIN_HEADLINE_WORDS = 3
const SHORT_TITLE_WORDS = 4
/** The meta tags Readability takes a title from (og:title, twitter:title, dc:title, name="title", …). */
const TITLE_PROPERTY = /^\s*(?:article|dc|dcterm|og|twitter)\s*:\s*title\s*$/i
const TITLE_NAME = /^\s*(?:(?:dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?title\s*$/i

/** Whether Readability will have taken the title from metadata rather than from <title>. */
export function statesTitleInMetadata(document: DomDocument): boolean {
  const metas = Array.from(document.querySelectorAll('meta'))
  const tagged = metas.some((meta) => TITLE_PROPERTY.test(meta.getAttribute('property') ?? '') || TITLE_NAME.test(meta.getAttribute('name') ?? ''))
  if (tagged) return true
  return Array.from(document.querySelectorAll('script[type="application/ld+json"]')).some((script) => /"(headline|name)"\s*:/.test(script.textContent ?? ''))
}

function wordCount(value: string): number {
  return value.split(/\s+/).filter((word) => word.length > 0).length
}

/**
 * The title later Readability versions give a <title> with a spaced en/em dash: the part
 * before the last dash, unless that leaves a few words only (then the whole <title>).
 * 0.6 returned such a <title> whole, or cut at its colon ("Evolve: Shared … — Site").
 */
export function withoutDashedSiteName(title: string, pageTitle: string | null): string {
  const readabilityTitle = collapseWhitespace(title)
  if (pageTitle === null) return title
  const keptWhole = readabilityTitle === pageTitle
  const cutAtColon = pageTitle.includes(': ') && pageTitle.endsWith(readabilityTitle)
  const separators = Array.from(pageTitle.matchAll(DASH_SEPARATOR))
  const last = separators.at(-1)
  if (last === undefined || !(keptWhole || cutAtColon)) return title
  let headline = pageTitle.slice(0, last.index)
  if (wordCount(headline) < MIN_HEADLINE_WORDS) headline = pageTitle.slice((separators[0]?.index ?? 0) + 3)
  headline = collapseWhitespace(headline)
  return wordCount(headline) <= SHORT_TITLE_WORDS ? pageTitle : headline
}
