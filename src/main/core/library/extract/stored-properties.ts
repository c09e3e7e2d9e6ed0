// Decides whether a title or author stored in a file's properties (PDF info, Word core
// properties) is real. Producers leave "Untitled", "Microsoft Word - x.doc", the file name
// or "User" there; those are dropped so the importer picks from the text instead.
import { cleanTitle, collapseWhitespace } from './tidy-text'

const PLACEHOLDER = /^(untitled|no title|title|document\d*|presentation\d*|slide \d+|page \d+|unknown|none|null|\(anonymous\)|blank)$/i
const FILE_NAME = /\.(pdf|docx?|dotx?|rtf|odt|pages|xlsx?|pptx?|indd|qxd|qxp|tex|dvi|ps|eps|txt|html?|jpe?g|png|tiff?)$/i
const PLACEHOLDER_AUTHOR = /^(user|admin|administrator|owner|unknown|author|default|windows user|microsoft office user)$/i
const PRODUCER_PREFIX = /^(microsoft (word|powerpoint|excel)|print|pdf) - /i

export function meaningfulTitle(raw: string | null): string | null {
  const title = cleanTitle(raw)
  if (title === null) return null
  if (PLACEHOLDER.test(title) || PRODUCER_PREFIX.test(title) || FILE_NAME.test(title)) return null
  if (/^\S+$/.test(title) && (/[\\/_]/.test(title) || /\.[A-Za-z0-9]{2,4}$/.test(title))) return null // a path or file name
  if (/^[\p{Ll}\d]+(?:-[\p{Ll}\d]+)+$/u.test(title)) return null // a slug
  return title
}

export function meaningfulAuthor(raw: string | null): string | null {
  const author = raw === null ? '' : collapseWhitespace(raw)
  return /\p{L}/u.test(author) && !PLACEHOLDER_AUTHOR.test(author) ? author : null
}
