// The one address a saved page may send the user to: its own, in the system browser, after
// the user has read it. Only http and https qualify (never file:, javascript: or data:).

/** The address as it will be opened, or null when it is not a well-formed http(s) one. */
export function openableUrl(url: string | null): string | null {
  if (url === null) return null
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
}
