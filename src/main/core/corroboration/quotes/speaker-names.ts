// Turns a capitalised run found next to a speech verb into the name a reader would use:
// "Russian President Vladimir Putin" → "Vladimir Putin", "Ms Hewitt" → "Hewitt", and a bare
// surname into the full name the same text introduced earlier ("Putin" → "Vladimir Putin").
import { NAME_RUN, WORD_START } from './speaker-patterns'

/** Job titles and honorifics: the name is what follows the last of them. */
const TITLES = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Secretary', 'Ambassador', 'Chancellor', 'Senator', 'Sen', 'Governor', 'Gov',
  'Mayor', 'Chairman', 'Chairwoman', 'Chair', 'Chairperson', 'Director', 'Spokesman', 'Spokeswoman', 'Spokesperson',
  'Envoy', 'Leader', 'King', 'Queen', 'Prince', 'Princess', 'Pope', 'General', 'Gen', 'Colonel', 'Col', 'Captain',
  'Capt', 'Lieutenant', 'Lt', 'Sergeant', 'Sgt', 'Admiral', 'Judge', 'Justice', 'Commissioner', 'Representative',
  'Rep', 'Deputy', 'Premier', 'Chief', 'Pastor', 'Rev', 'Reverend', 'Sheikh', 'Emir', 'Ayatollah', 'Imam', 'Rabbi',
  'Bishop', 'Archbishop', 'Cardinal', 'Coach', 'Speaker', 'Commander', 'Marshal', 'Attorney', 'Inspector',
  'Detective', 'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady', 'Baroness',
  'Baron', 'Officer', 'CEO', 'Head', 'Secretary-General', 'MP', 'MEP', 'MSP', 'Democrat', 'Republican', 'Undersecretary',
  'Under-Secretary'
])

/** Capitalised only because they open a sentence, or plural roles: never a speaker's name. */
const NOT_NAMES = new Set([
  'The', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'As', 'If', 'When', 'While', 'After', 'Before', 'Also',
  'Then', 'Now', 'Still', 'Meanwhile', 'However', 'Earlier', 'Later', 'Last', 'This', 'That', 'These', 'Those', 'It',
  'There', 'We', 'I', 'You', 'Our', 'His', 'Her', 'Their', 'Its', 'My', 'Your', 'A', 'An', 'Former', 'Ex', 'Outgoing',
  'Incoming', 'Acting', 'Officials', 'Analysts', 'Experts', 'Critics', 'Sources', 'Observers', 'Police', 'Residents',
  'Witnesses', 'Others', 'Some', 'Many', 'Both', 'Most', 'Several', 'Few', 'All', 'Speaking', 'According', 'Asked',
  'He', 'She', 'They', 'Ministers', 'MPs', 'Campaigners', 'Voters', 'People', 'Opponents', 'Supporters', 'Leaders',
  // "Sanders on Saturday criticized", "said Friday": a date, never a speaker.
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Americans', 'Democrats',
  'Republicans', 'Amid', 'Despite', 'During', 'Following', 'Under', 'Unlike', 'Like', 'Without', 'With', 'For', 'From',
  'By', 'Through', 'Since', 'Until', 'Although', 'Though', 'Because', 'Among', 'Across', 'Over', 'Instead', 'Yesterday',
  'Today'
])

/** Lower-case words inside a name: "Ludwig van Beethoven", "Osama bin Laden". */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'del', 'della', 'da', 'di', 'du', 'dos', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ter', 'ten'])

/** Letters after a name ("Peter Ainsworth MP"): dropped before looking for titles. */
const POSTNOMINALS = new Set(['MP', 'MEP', 'MSP', 'AM', 'QC', 'KC', 'Jr', 'Jr.', 'Sr', 'Sr.', 'OBE', 'MBE', 'CBE'])

const TRAILING_PUNCTUATION = /[.,;:!?]+$/
const POSSESSIVE = /['’]s?$/

function bare(token: string): string {
  return token.replace(/\.$/, '')
}

/** Whether a capitalised run holds a title ("Harrogate Mr Kennedy"), so it names someone wherever it stands. */
export function hasTitle(run: string): boolean {
  return run.split(/[ \t\u00a0]+/).some((token) => TITLES.has(bare(token)))
}

/** `givenName`: a knight is "Sir Digby", so a lone word after Sir or Dame is a first name. */
export type CleanName = { kind: 'name'; name: string; givenName: boolean } | { kind: 'title-only' } | { kind: 'none' }

/**
 * The person or body a capitalised run names. `afterConnector` says the run follows "to",
 * "of", "and"…: "Ambassador to Russia Park Ro-byug" then loses the place in front.
 */
export function cleanName(run: string, afterConnector = false): CleanName {
  const tokens = run.trim().split(/[ \t\u00a0]+/).filter((token) => token !== '')
  // Sentence openers, and a role in lower case: "consultant Norman DeWitt".
  while (tokens.length > 0 && (NOT_NAMES.has(tokens[0]!) || /^\p{Ll}/u.test(tokens[0]!))) tokens.shift()
  const last = tokens.length - 1
  if (last >= 0) {
    let token = tokens[last]!
    // An initial or "Jr." keeps its period; a sentence period does not.
    if (!/^(?:\p{Lu}\.)+$/u.test(token) && !/^(?:Jr|Sr)\.$/.test(token)) token = token.replace(TRAILING_PUNCTUATION, '')
    tokens[last] = token.replace(POSSESSIVE, '')
  }
  while (tokens.length > 1 && POSTNOMINALS.has(tokens[tokens.length - 1]!)) tokens.pop()
  let cut = -1
  let titled = false
  tokens.forEach((token, index) => {
    if (TITLES.has(bare(token))) {
      cut = index
      titled = true
    } else if (index < tokens.length - 1 && POSSESSIVE.test(token)) cut = index
  })
  // "Clinton ally Jo Carver", "Massachusetts congressman Barney Frank": the name follows the last lower-case word.
  const lower = tokens.findLastIndex((token) => /^\p{Ll}/u.test(token) && !PARTICLES.has(token))
  if (lower > cut) cut = lower
  let rest = tokens.slice(cut + 1).filter((token) => token !== '')
  while (rest.length > 0 && NOT_NAMES.has(rest[0]!)) rest = rest.slice(1)
  if (rest.length === 0) return titled ? { kind: 'title-only' } : { kind: 'none' }
  // Keep an initial with its name: "Secretary of State John F. Kerry".
  if (!titled && afterConnector && rest.length >= 3) rest = rest.slice(/^\p{Lu}\.$/u.test(rest.at(-2)!) ? -3 : -2)
  if (rest.length > 4) rest = rest.slice(-4)
  const givenName = cut >= 0 && (tokens[cut] === 'Sir' || tokens[cut] === 'Dame')
  return { kind: 'name', name: rest.join(' '), givenName }
}

// "Ambassador to Russia Park Ro-byug", "Minister … of Oceans and Fisheries Kim Sung-bum",
// "Chancellor of the Exchequer Nigel Lawson".
const AFTER_TITLED_CONNECTOR = /(?:^|[^\p{L}])(?:Ambassador|Minister|Secretary|Undersecretary|Chancellor|Envoy|Director|President|Chairman|Commissioner|Representative|Governor|Head|Chief|Consul|Spokesman|Spokeswoman)[^,.;:\n]{0,60}[^\p{L}](?:to|of|for|and|at|in|from)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/u

/** Whether a name at `position` follows a title and a connector, so a place may lead the run. */
export function followsConnector(text: string, position: number): boolean {
  return AFTER_TITLED_CONNECTOR.test(text.slice(Math.max(0, position - 90), position))
}

/** Words that make a capitalised run a body rather than a person. */
const ORGANISATION_WORDS = new Set([
  'Commission', 'Committee', 'Association', 'Party', 'Agency', 'Council', 'Office', 'Department', 'Times',
  'News', 'Daily', 'Post', 'Herald', 'Bank', 'Union', 'Institute', 'Center', 'Centre', 'University', 'Court',
  'Parliament', 'Government', 'Company', 'Corporation', 'Group', 'Inc', 'Ltd', 'Organisation', 'Organization',
  'Foundation', 'Federation', 'Assembly', 'Senate', 'House', 'Kremlin', 'Embassy', 'Service', 'Board', 'Authority',
  'Fund', 'Army', 'Police', 'Network', 'Radio', 'Television', 'Executive', 'Treasury', 'Conservatives',
  'Democrats', 'Republicans', 'Tories', 'Labour', 'Greens', 'Reuters', 'Yonhap', 'Xinhua', 'Interfax', 'Chambers',
  'Dems', 'Lib', 'Liberal', 'Tory', 'Conservative', 'Green', 'Ministry', 'Cabinet', 'Whitehall', 'Downing'
])

/** Whether a cleaned name is an organisation ("Equal Opportunities Commission", "TASS"), not a person. */
export function isOrganisation(name: string): boolean {
  return name.split(' ').some((word) => ORGANISATION_WORDS.has(word) || /^\p{Lu}{2,}$/u.test(word))
}

interface FullName {
  position: number
  name: string
}

const RUN_ENDING_HERE = new RegExp(`${WORD_START}${NAME_RUN}$`, 'u')
const RUN_STARTING_HERE = new RegExp(`^${NAME_RUN}`, 'u')
const HYPHENATED_GIVEN_NAME = /^[ \t\u00a0]+(\p{Lu}\p{L}*[-\u2010\u2011]\p{L}+)/u
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u

/**
 * Full names (two or three words) a text introduces, found by the word a later mention
 * uses alone: the surname ("Putin" in "Vladimir Putin"), the first word when a hyphenated
 * given name follows it as in Korean names ("Doo" in "Doo Jin-ho"), or, after Sir or Dame,
 * the given name ("Digby" in "Sir Digby Jones"). Each word is looked up once per text.
 */
export class FullNames {
  readonly #text: string
  readonly #found = new Map<string, FullName[]>()

  constructor(text: string) {
    this.#text = text
  }

  /** `name` as its fullest form introduced before `position`, or unchanged. */
  expand(name: string, position: number, givenName = false): string {
    if (name === '' || name.includes(' ') || /^\p{Lu}+$/u.test(name)) return name
    let best: string | null = null
    for (const candidate of this.#candidates(name, givenName)) {
      if (candidate.position >= position) break
      best = candidate.name
    }
    return best ?? name
  }

  #candidates(word: string, givenName: boolean): FullName[] {
    const key = `${givenName ? 'given' : 'surname'} ${word}`
    const cached = this.#found.get(key)
    if (cached !== undefined) return cached
    const text = this.#text
    const found: FullName[] = []
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length
      if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue
      const full = givenName ? this.#startingWith(word, at) : (this.#korean(word, end) ?? this.#endingWith(word, at, end))
      if (full !== null) found.push({ position: at, name: full })
    }
    this.#found.set(key, found)
    return found
  }

  #endingWith(word: string, at: number, end: number): string | null {
    const from = Math.max(0, at - 80)
    const lineStart = from + this.#text.slice(from, at).lastIndexOf('\n') + 1
    const run = RUN_ENDING_HERE.exec(this.#text.slice(lineStart, end))
    if (run === null || !/[ \t\u00a0]/.test(run[0])) return null
    const cleaned = cleanName(run[0], followsConnector(this.#text, lineStart + run.index))
    if (cleaned.kind !== 'name') return null
    const tokens = cleaned.name.split(' ')
    return tokens.length >= 2 && tokens.length <= 3 && tokens.at(-1) === word ? cleaned.name : null
  }

  #korean(word: string, end: number): string | null {
    const given = HYPHENATED_GIVEN_NAME.exec(this.#text.slice(end, end + 40))
    return given === null ? null : `${word} ${given[1]}`
  }

  #startingWith(word: string, at: number): string | null {
    const run = RUN_STARTING_HERE.exec(this.#text.slice(at, at + 80))
    if (run === null) return null
    const cleaned = cleanName(run[0])
    if (cleaned.kind !== 'name') return null
    const tokens = cleaned.name.split(' ')
    return tokens.length >= 2 && tokens.length <= 3 && tokens[0] === word ? cleaned.name : null
  }
}
