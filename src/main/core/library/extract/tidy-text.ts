// Final clean-up every extractor applies to its text, so the reader gets what the
// contract promises: '\n' line breaks, no trailing spaces, at most one blank line.
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')
}

/** A title as the document states it, or null when it states nothing useful. */
export function cleanTitle(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const clean = collapseWhitespace(value)
  return /[\p{L}\p{N}]/u.test(clean) ? clean : null
}
