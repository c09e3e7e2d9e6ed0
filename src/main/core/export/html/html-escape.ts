// Text from documents, the disk and the user, made safe to write into the HTML report: it
// reads as exactly its characters and can never open an element, attribute or link.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * C0 controls (tab and line breaks aside) and DEL are invalid in HTML and some are dropped by
 * the parser (NUL), so each is shown as its control picture: the text stays visibly whole.
 */
function showControls(text: string): string {
  let shown = ''
  let from = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      shown += text.slice(from, index) + (code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code))
      from = index + 1
    }
  }
  return from === 0 ? text : shown + text.slice(from)
}

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return showControls(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** Bidirectional overrides and isolates: in a file name they can make the rest of it read backwards. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A name from the disk (path, folder): bidi controls are shown as <U+XXXX>, so a name cannot pass for another. */
export function escapeDiskName(text: string): string {
  return escapeHtml(text.replace(BIDI_CONTROL, (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`))
}

/**
 * The URL as a link target when it is a well-formed http(s) URL, else null (shown as text):
 * `javascript:`, `data:` and `file:` URLs from a source's details never become links.
 */
export function webHref(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** The host a link leads to, for a short link text ("aa.com.tr"). */
export function linkHost(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '')
}

/** A BCP 47 tag for `lang` (so screen readers and fonts read a Korean quote as Korean), or null. */
export function langTag(language: string | null): string | null {
  return language !== null && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language) ? language : null
}
