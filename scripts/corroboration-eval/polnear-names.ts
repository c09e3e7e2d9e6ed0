// Whether a PolNeAR Source span names a person, and whether a predicted speaker is that person.
// Definitions are in polnear.ts's header; this module only implements them.

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor',
  'president', 'vice', 'former', 'secretary', 'chairman', 'chairwoman', 'chair', 'speaker', 'leader', 'mayor', 'judge',
  'justice', 'gen', 'general', 'lt', 'col', 'colonel', 'sgt', 'capt', 'rev', 'reverend', 'pastor', 'sir', 'lord', 'lady',
  'attorney', 'director', 'ambassador', 'candidate', 'nominee', 'democratic', 'republican', 'gop', 'house', 'senate',
  'majority', 'minority', 'whip', 'first', 'presidential', 'press', 'spokesman', 'spokeswoman', 'spokesperson', 'state',
  'campaign', 'manager', 'chief', 'of', 'staff', 'adm', 'admiral', 'pope', 'king', 'queen', 'prince', 'dem', 'the', 'u.s.',
  'independent', 'libertarian', 'green', 'party'
])

/** Capitalised words that end a description, not a person's name. */
const NOT_PERSON = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'him', 'them', 'us', 'me',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'many', 'one', 'both', 'all', 'others', 'other', 'who',
  'campaign', 'committee', 'party', 'department', 'administration', 'house', 'senate', 'congress', 'post', 'times',
  'news', 'journal', 'network', 'inc', 'foundation', 'democrats', 'republicans', 'association', 'council', 'court',
  'office', 'agency', 'bureau', 'institute', 'university', 'center', 'centre', 'group', 'project', 'pac', 'fund', 'club',
  'magazine', 'report', 'media', 'press', 'reuters', 'service', 'commission', 'caucus', 'board', 'team', 'staff',
  'americans', 'democrat', 'conservatives', 'liberals', 'evangelicals', 'voters', 'twitter', 'facebook', 'poll', 'survey', 'state',
  'county', 'city', 'america', 'states', 'nation', 'government', 'organization', 'coalition', 'clintons', 'trumps',
  'corporation', 'company', 'corp', 'llc', 'network', 'channel', 'daily', 'herald', 'tribune', 'gazette', 'review',
  'president', 'senator', 'governor', 'secretary', 'chairman', 'speaker', 'leader', 'mayor', 'nominee', 'candidate'
])

/** Capitalised because they open a sentence or a clause. */
const OPENERS = new Set(['to', 'of', 'from', 'by', 'about', 'against', 'than', 'that', 'vs', 'over', 'under', 'into', 'between', 'but', 'and', 'so', 'if', 'when', 'while', 'as', 'in', 'on', 'at', 'for', 'with', 'after', 'before', 'then', 'now', 'yet', 'also', 'though', 'because', 'since', 'said', 'says', 'told', 'asked', 'mrs', 'mr', 'ms'])

const WORD = /[\p{L}\p{M}][\p{L}\p{M}.'’-]*/gu
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]s$/i, '').replace(/[.'’]+$/, '').toLowerCase()
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

export interface GoldPerson {
  /** Every word of the gold name, titles dropped ("hillary", "rodham", "clinton"). */
  names: string[]
  first: string | null
  surname: string
  /** The one word the Source span gave, when it gave one: a prediction holding it is right too. */
  alone: string | null
}

/** The capitalised run a chunk of a Source span ends in, titles dropped; null when the chunk does not end in a person's name. */
function nameAtEnd(chunk: string): string[] | null {
  const words = (chunk.match(WORD) ?? []).filter((word) => !SUFFIX.test(word))
  const last = words.at(-1)
  if (last === undefined || !isCapitalised(last) || NOT_PERSON.has(fold(last)) || TITLES.has(fold(last))) return null
  // An acronym is a body ("CNN", "FBI"); an initial ("J.") is not the end of a name.
  if (/^\p{Lu}{2,}$/u.test(last.replace(/[.'’s]+$/u, '')) || /^\p{Lu}\.$/u.test(last)) return null
  const run: string[] = []
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!
    if (!isCapitalised(word) || TITLES.has(fold(word)) || NOT_PERSON.has(fold(word))) break
    // "Breitbart’s Joel Pollak": a possessive belongs to someone else.
    if (run.length > 0 && /['’]s$/.test(word)) break
    run.unshift(word)
  }
  return run.length > 0 && run.length <= 4 ? run : null
}

const PREPOSITION = /\s(?:of|from|in|at|with|to|for|who|which|whose|on|about)\s/

/**
 * The name a Source span gives its speaker. Its head is the text before the first comma,
 * bracket or dash, cut at the first preposition or relative word unless only capitalised
 * words stand before that ("Secretary of State John Kerry"); the head must end in a name.
 * Failing that, a second chunk that is a bare name names the head ("The leader of the ADL,
 * Jonathan Greenblatt"). Descriptions ("the former aide to President Bush") are not named.
 */
export function namedSource(source: string): string[] | null {
  const chunks = source.split(/[,()\u2014\u2013]/).map((chunk) => chunk.trim())
  const head = chunks[0] ?? ''
  const cut = PREPOSITION.exec(head)
  // "Secretary of State John Kerry": only a title stands before the preposition.
  const before = cut === null ? head : head.slice(0, cut.index)
  const core = cut !== null && nameAtEnd(before) === null && /^(?:\p{Lu}[\p{L}.'’-]*\s*)+$/u.test(before) ? head : before
  const name = nameAtEnd(core)
  if (name !== null) return name
  const second = chunks[1] ?? ''
  const appositive = nameAtEnd(second)
  return appositive !== null && (second.match(WORD) ?? []).every((word) => isCapitalised(word)) ? appositive : null
}

/**
 * The gold person. A one-word gold name is resolved through the article: when some capitalised
 * word is written right before it on one line ("Tim Kaine"; titles, sentence openers and
 * headline lines aside) it is a surname and stays one; else the word most often right after
 * it ("Hillary" → "Hillary Clinton") gives the surname.
 */
export function goldPerson(run: readonly string[], articleText: string): GoldPerson {
  if (run.length >= 2) return { names: run.map(fold), first: fold(run[0]!), surname: fold(run.at(-1)!), alone: null }
  const key = fold(run[0]!)
  const before = new Map<string, number>()
  const after = new Map<string, number>()
  for (const line of articleText.split('\n')) {
    const words = line.split(/[ \t\u00a0]+/).filter((word) => word !== '')
    if (words.length === 0 || words.every((word) => isCapitalised(word) || !/\p{L}/u.test(word))) continue
    words.forEach((word, index) => {
      if (fold(word) !== key) return
      const previous = words[index - 1]
      const next = words[index + 1]
      const usable = (other: string | undefined): other is string =>
        other !== undefined && isCapitalised(other) && /^[\p{L}.-]+$/u.test(other) && !TITLES.has(fold(other)) && !NOT_PERSON.has(fold(other)) && !OPENERS.has(fold(other))
      // A possessive or a comma ends the name: "Clinton's Kaine" is no first name.
      if (usable(previous) && !/[,;:]$/.test(previous)) before.set(fold(previous), (before.get(fold(previous)) ?? 0) + 1)
      if (!/[,;:.'’]$/.test(word) && !/['’]s$/.test(word) && usable(next?.replace(/[,;:.]+$/, ''))) after.set(fold(next!.replace(/[,;:.]+$/, '')), (after.get(fold(next!.replace(/[,;:.]+$/, ''))) ?? 0) + 1)
    })
  }
  const best = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  // Written before by a first name: the word is a surname, and any bearer of it counts.
  if (before.size > 0) return { names: [key], first: null, surname: key, alone: key }
  const surname = best(after)
  return surname === undefined ? { names: [key], first: null, surname: key, alone: key } : { names: [key, surname], first: key, surname, alone: key }
}

export type SpeakerVerdict = 'right' | 'wrong' | 'described' | 'none'

/**
 * right: the prediction's last word is the gold surname and, when the gold gave a first name,
 * the prediction is that word alone or another of its words is a word of the gold name (or
 * the first name's initial); or the gold was one word
 * and the prediction holds it ("Jack" → "Brian Jack", "Hillary" → "Hillary"). described:
 * a prediction with no capitalised word ("the campaign"). wrong: any other prediction.
 */
export function judgeSpeaker(predicted: string | null, gold: GoldPerson): SpeakerVerdict {
  if (predicted === null || predicted.trim() === '') return 'none'
  const words = (predicted.match(WORD) ?? []).filter((word) => !SUFFIX.test(word) && !TITLES.has(fold(word)))
  if (!words.some(isCapitalised)) return 'described'
  const folded = words.map(fold).filter((word) => word !== '')
  const last = folded.at(-1)
  if (last === undefined) return 'described'
  if (last === gold.surname) {
    if (gold.first === null || folded.length === 1) return 'right'
    // A first name of the prediction's must be one of the gold name's words ("Democrat Hillary Clinton" → "Hillary Clinton").
    const given = folded.slice(0, -1)
    return given.some((word) => gold.names.includes(word) || (word.length === 1 && gold.first!.startsWith(word))) ? 'right' : 'wrong'
  }
  return gold.alone !== null && folded.includes(gold.alone) ? 'right' : 'wrong'
}
