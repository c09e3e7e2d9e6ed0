// Citations of the sources as CSL-JSON and BibTeX (biblatex data model), for Zotero, pandoc
// and LaTeX: one CSL item per source, with readable keys, names split only when that is safe.
import { plugins, type CSL, type CSLName } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { ExportSource } from './snapshot'
import { webHref } from './html/html-escape'

/**
 * Whitespace (newlines from a PDF title, tabs) as single spaces and control characters dropped:
 * a citation field is one line, and BibTeX could not keep a newline apart from a space anyway.
 */
function clean(text: string | null): string | null {
  if (text === null) return null
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return cleaned === '' ? null : cleaned
}

/** Words that make a two-word byline an organisation ("Reuters Staff", "BBC News"), not a person. */
const ORGANISATION_WORDS = new Set([
  'agency', 'agence', 'associated', 'bureau', 'committee', 'correspondent', 'correspondents', 'council', 'daily', 'desk',
  'editorial', 'editors', 'group', 'institute', 'media', 'ministry', 'network', 'news', 'newsroom', 'office', 'online',
  'press', 'radio', 'reporters', 'service', 'staff', 'team', 'television', 'times', 'wire', 'writers'
])

/** One word of a person's name: capitalised, at least one lower-case letter (so no acronyms), no digits. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u
const INITIALS = /^(?:\p{Lu}\.-?)+$/u
/** A romanised Korean given name ("Sok-bae", "Jae-myung"): written after the family name. */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u

function isNameWord(word: string): boolean {
  return NAME_WORD.test(word) && /\p{Ll}/u.test(word) && !ORGANISATION_WORDS.has(word.toLowerCase())
}

/** A person's name in the two shapes that can be split without guessing, else null. */
function personName(text: string): CSLName | null {
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(text)
  if (inverted?.[1] !== undefined && inverted[2] !== undefined) {
    // "Teslova, Elena": family first, as library catalogues and PDF metadata write it.
    const family = inverted[1].trim()
    const given = inverted[2].trim()
    const givenWords = given.split(' ')
    return isNameWord(family) && givenWords.length <= 2 && givenWords.every((word) => isNameWord(word) || INITIALS.test(word)) ? { family, given } : null
  }
  const words = text.split(' ')
  const [first, second] = words
  if (words.length !== 2 || first === undefined || second === undefined) return null
  if (!isNameWord(second) || !(isNameWord(first) || INITIALS.test(first))) return null
  return HYPHENATED_GIVEN.test(second) && !INITIALS.test(first) ? { family: first, given: second } : { family: second, given: first }
}

function looksLikeOrganisation(text: string): boolean {
  return text.split(' ').some((word) => ORGANISATION_WORDS.has(word.toLowerCase()) || /^\p{Lu}{2,}$/u.test(word))
}

/**
 * The byline as CSL names. Semicolons always separate people; "and", "&" and commas only when
 * every part is recognisably a person or an organisation ("Smith, John" is one name, and
 * "Procter and Gamble" stays whole). Anything not clearly "Given Family" is kept as written.
 */
function authorNames(author: string, outlet: string | null): CSLName[] {
  const byline = author.replace(/^by\s+(?=\S)/i, '')
  // A byline naming the outlet itself ("Al Jazeera") is the organisation, whatever it looks like.
  const isOrganisation = (name: string): boolean => looksLikeOrganisation(name) || name.toLowerCase() === outlet?.toLowerCase()
  return byline
    .split(/\s*;\s*/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      const pieces = part.split(/\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*/).filter((piece) => piece !== '')
      const safe = pieces.length > 1 && pieces.every((piece) => personName(piece) !== null || isOrganisation(piece))
      return safe ? pieces : [part]
    })
    .map((name) => (isOrganisation(name) ? null : personName(name)) ?? { literal: name })
}

function issued(source: ExportSource): CSL['issued'] {
  if (source.calendarDate !== null) {
    const [year, month, day] = source.calendarDate.split('-').map(Number)
    if (year === undefined) return undefined
    const parts: [number] | [number, number] | [number, number, number] =
      month === undefined ? [year] : day === undefined ? [year, month] : [year, month, day]
    return { 'date-parts': [parts] }
  }
  const written = clean(source.date)
  return written === null ? undefined : { literal: written }
}

/** ASCII letters and digits only: accents folded ("Müller" → "muller"), other scripts dropped. */
function slug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, max)
}

const SKIPPED_TITLE_WORDS = new Set(['a', 'an', 'the'])

/** `<first author or outlet><year><first title word>`, as Better BibTeX and Zotero name keys. */
function baseKey(item: CitationFields, source: ExportSource): string {
  const first = item.author?.[0]
  const who = [first?.family, first?.literal, item['container-title']].map((name) => slug(name ?? '', 24)).find((name) => name !== '') ?? ''
  const year = source.calendarDate?.slice(0, 4) ?? ''
  const word = (item.title ?? '').split(/[\s\p{P}\p{S}]+/u).map((part) => slug(part, 20)).find((part) => part !== '' && !SKIPPED_TITLE_WORDS.has(part)) ?? ''
  const key = who + year + word
  return key === '' ? 'source' : key
}

/** a, b, …, z, aa, ab, …: the suffixes of keys that would otherwise be the same. */
function letterSuffix(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26))
  return index < 26 ? letter : letterSuffix(Math.floor(index / 26) - 1) + letter
}

type CitationFields = Omit<CSL, 'id'>

function cslItem(source: ExportSource): CitationFields {
  const title = clean(source.title)
  const outlet = clean(source.outlet)
  const author = clean(source.author)
  // Only a web address is a citation's URL: a javascript: or file: one from a document's metadata is left out.
  const url = webHref(clean(source.url)) === null ? null : clean(source.url)
  const language = clean(source.language)
  const date = issued(source)
  const path = [source.folder, source.relativePath].filter((part): part is string => part !== null && part !== '').join('/')
  // The kind of item decides how Zotero files it and how a style prints it: a known outlet means
  // a piece it published (these are news sources), a bare URL a web page; a PDF or DOCX with
  // neither is a plain document, which claims no publisher it does not have; an e-mail or
  // newsgroup post is a personal communication (Zotero's "Email").
  const type: CSL['type'] = outlet !== null ? 'article-newspaper' : url !== null ? 'webpage' : source.format === 'email' ? 'personal_communication' : 'document'
  return {
    type,
    ...(title === null ? {} : { title }),
    ...(author === null ? {} : { author: authorNames(author, outlet) }),
    ...(outlet === null ? {} : { 'container-title': outlet }),
    ...(date === undefined ? {} : { issued: date }),
    ...(url === null ? {} : { URL: url }),
    ...(language === null ? {} : { language }),
    ...(path === '' ? {} : { note: `File: ${clean(path) ?? path}` })
  }
}

/** The sources as CSL items, in the order given (order of first citation), with unique keys. */
export function citationItems(sources: readonly ExportSource[]): CSL[] {
  const used = new Set<string>()
  // The next suffix to try per base key, so a thousand untitled sources do not each recount.
  const nextSuffix = new Map<string, number>()
  return sources.map((source) => {
    const item = cslItem(source)
    const base = baseKey(item, source)
    let key = base
    let index = nextSuffix.get(base) ?? 0
    while (used.has(key)) key = base + letterSuffix(index++)
    nextSuffix.set(base, index)
    used.add(key)
    return { id: key, 'citation-key': key, ...item }
  })
}

export function renderCslJson(sources: readonly ExportSource[]): string {
  return JSON.stringify(citationItems(sources), null, 2) + '\n'
}

const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // citation-js would read <i>…</i> in a title as italics; these are the source's characters.
  '<': '\\textless{}',
  '>': '\\textgreater{}'
}

/** Whether every brace in the text closes one opened before it. */
function bracesBalance(text: string): boolean {
  let depth = 0
  for (const char of text) {
    if (char === '{') depth++
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}

/** Text for a BibTeX field: LaTeX's special characters escaped, everything else as UTF-8. */
function latex(text: string): string {
  // \{ and \} are what Zotero, pandoc and biber read back as braces, but classic BibTeX counts
  // them like any brace: a stray one would swallow the rest of the file, so text whose braces
  // do not pair gets the \textbrace commands instead.
  const [open, close] = bracesBalance(text) ? ['\\{', '\\}'] : ['\\textbraceleft{}', '\\textbraceright{}']
  return (
    text
      .replace(/[\\{}&%$#_~^<>]/g, (char) => (char === '{' ? open : char === '}' ? close : (LATEX_SPECIALS[char] ?? char)))
      // TeX turns -- `` '' ,, !` ?` into other characters; an empty group keeps them as typed.
      .replace(/([-`',])(?=\1)|[!?](?=`)/g, '$&{}')
  )
}

/** A URL is written verbatim; the characters that would end or confuse the field are percent-encoded. */
function verbatimUrl(url: string): string {
  return url.replace(/[\s{}\\"]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

/** The CSL item with its text escaped for LaTeX, the form citation-js's writer expects when asciiOnly is off. */
function escapedForBibtex(item: CSL): CSL {
  const names = item.author?.map((name): CSLName => {
    const escaped: CSLName = {}
    for (const part of ['family', 'given', 'literal'] as const) {
      const value = name[part]
      if (value !== undefined) escaped[part] = latex(value)
    }
    return escaped
  })
  const { issued: date, ...rest } = item
  return {
    ...rest,
    ...(item.title === undefined ? {} : { title: latex(item.title) }),
    ...(item['container-title'] === undefined ? {} : { 'container-title': latex(item['container-title']) }),
    ...(item.note === undefined ? {} : { note: latex(item.note) }),
    ...(item.language === undefined ? {} : { language: latex(item.language) }),
    ...(item.URL === undefined ? {} : { URL: verbatimUrl(item.URL) }),
    ...(names === undefined ? {} : { author: names }),
    // A date that is not a calendar date goes in `year` below: biblatex's `date` takes ISO only.
    ...(date?.['date-parts'] === undefined ? {} : { issued: date })
  }
}

interface BibtexEntry {
  type: string
  label: string
  properties: Record<string, string>
}

function writeEntry(entry: BibtexEntry): string {
  const fields = Object.entries(entry.properties).map(([field, value]) => `\t${field} = {${value}},\n`)
  return `@${entry.type}{${entry.label},\n${fields.join('')}}\n`
}

/**
 * biblatex fields rather than classic BibTeX ones, for Zotero first: its BibTeX import reads
 * `date = {2026-01-16}` whole (classic `month` cannot hold a day), `journaltitle` as the
 * publication and `@online` as a web page (classic `@misc` becomes a book); pandoc and biber
 * read the same. UTF-8 throughout, so Korean, Arabic and emoji stay as written.
 */
export function renderBibtex(sources: readonly ExportSource[]): string {
  const items = citationItems(sources)
  const header = '% Citations exported by Sourcebench: biblatex fields, UTF-8.\n'
  if (items.length === 0) return header + '% No sources to cite.\n'
  const config = plugins.config.get('@bibtex')
  const asciiOnly = config.format.asciiOnly
  // citation-js's ASCII escaping drops every character outside its table (Korean, Arabic,
  // emoji); the text is escaped above instead and written as UTF-8.
  config.format.asciiOnly = false
  let entries: BibtexEntry[] | string
  try {
    entries = plugins.output.format('biblatex', items.map(escapedForBibtex), { format: 'object' })
  } finally {
    config.format.asciiOnly = asciiOnly
  }
  if (typeof entries === 'string') throw new Error('export: citation-js gave text where BibTeX entries were asked for')
  const byKey = new Map(items.map((item) => [item.id, item]))
  const body = entries.map((entry) => {
    const item = byKey.get(entry.label)
    const properties = { ...entry.properties }
    // biblatex's mark of a newspaper article, which its styles print as one (Zotero's BibTeX
    // import still files any @article as a journal article; the CSL-JSON keeps the type).
    if (item?.type === 'article-newspaper') properties['entrysubtype'] = 'newspaper'
    const written = item?.issued?.literal
    if (written !== undefined) properties['year'] = latex(written)
    return writeEntry({ ...entry, properties })
  })
  return [header, ...body].join('\n')
}
