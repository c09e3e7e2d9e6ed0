// compromise's lexicon used as a gazetteer: is a word a given name, a surname, a place, an
// organisation or plain English? Running compromise's tagger over a library is too slow
// (seconds for a few hundred articles), so only its word list is read, once, on first use.
import nlp from 'compromise/two'

export type WordClass =
  | 'given'
  | 'surname'
  | 'place'
  | 'org'
  | 'demonym'
  | 'date'
  | 'modal'
  | 'verb'
  | 'participle'
  | 'function'
  | 'common'

// When a word carries several tags the first listed here wins, so "Europe" (Place|ProperNoun)
// is a place and "Oct" (Abbreviation|Month) a date.
const TAG_CLASSES: readonly (readonly [string, WordClass])[] = [
  ['FirstName', 'given'],
  ['MaleName', 'given'],
  ['FemaleName', 'given'],
  ['Person', 'given'],
  ['LastName', 'surname'],
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Place', 'place'],
  ['Organization', 'org'],
  ['Demonym', 'demonym'],
  ['Month', 'date'],
  ['WeekDay', 'date'],
  ['Date', 'date'],
  ['Modal', 'modal'],
  ['Participle', 'participle'],
  ['PastTense', 'verb'],
  ['PresentTense', 'verb'],
  ['Gerund', 'verb'],
  ['Copula', 'verb'],
  ['Verb', 'verb'],
  ['PhrasalVerb', 'verb'],
  ['Auxiliary', 'verb'],
  ['Preposition', 'function'],
  ['Conjunction', 'function'],
  ['Determiner', 'function'],
  ['Pronoun', 'function'],
  ['Adverb', 'function'],
  ['QuestionWord', 'function'],
  ['Negative', 'function'],
  ['Possessive', 'function'],
  ['Expression', 'function'],
  ['Reflexive', 'function'],
  ['Condition', 'function']
]

// Gaps in compromise's lexicon that news text runs into: without these "Britain said" reads
// as a person and "Roman Catholic" as a full name.
const ADDITIONS: readonly (readonly [WordClass, readonly string[]])[] = [
  [
    'place',
    [
    'britain', 'great britain', 'westminster', 'whitehall', 'holyrood', 'stormont', 'donbas', 'kursk', 'eurasia',
    'balkans', 'caucasus', 'middle east', 'far east', 'north america', 'latin america', 'south america',
    'east asia', 'southeast asia', 'northeast asia', 'central asia', 'west bank', 'gaza strip', 'west', 'east'
    ]
  ],
  [
    'demonym',
    [
    'british', 'english', 'irish', 'muslim', 'muslims', 'jewish', 'protestant', 'catholic', 'catholics', 'sunni',
    'shia', 'shiite', 'islamic', 'kurdish', 'kurd', 'kurds', 'soviet', 'nordic', 'baltic', 'arab', 'tory', 'tories',
    'conservative', 'conservatives', 'eurasian'
    ]
  ]
]

export type Gender = 'male' | 'female'

// Names the lexicon gives one gender that news text gives both or the other ("Jesse Jackson",
// "Lindsey Graham", "Adel", Italian "Simone"), and a Korean surname ("Kim"): no constraint beats a wrong one.
const EITHER_GENDER: ReadonlySet<string> = new Set([
  'jesse', 'kelly', 'leslie', 'lesley', 'dana', 'tracy', 'tracey', 'lynn', 'shannon', 'courtney', 'sidney', 'sydney',
  'ashley', 'terry', 'dale', 'jody', 'kim', 'jo', 'jackie', 'avery', 'dominique', 'loren', 'noel', 'carey', 'cary',
  'sasha', 'nikita', 'nicola', 'andrea', 'ariel', 'riley', 'cameron', 'logan', 'hayden', 'frankie', 'stevie',
  'billie', 'bobbie', 'lou', 'val', 'rory', 'kris', 'gale', 'carroll', 'marion', 'emery', 'kay', 'lacy', 'lindsey', 'lindsay',
  'adel', 'nour', 'noor', 'camille', 'michele', 'simone', 'daniele'
])

let classes: Map<string, WordClass> | null = null
let genders: Map<string, Gender> | null = null

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function readLexicon(): Record<string, unknown> {
  const model: unknown = nlp.model()
  const one = isRecord(model) ? model['one'] : undefined
  const lexicon = isRecord(one) ? one['lexicon'] : undefined
  if (!isRecord(lexicon)) throw new Error('name-lexicon: compromise has no lexicon (model().one.lexicon)')
  return lexicon
}

function classOf(tags: unknown): WordClass {
  const list = Array.isArray(tags) ? tags : [tags]
  for (const [tag, wordClass] of TAG_CLASSES) if (list.includes(tag)) return wordClass
  return 'common'
}

function genderOf(tags: unknown): Gender | null {
  const list: unknown[] = Array.isArray(tags) ? tags : [tags]
  const male = list.includes('MaleName')
  return male === list.includes('FemaleName') ? null : male ? 'male' : 'female'
}

function build(): Map<string, WordClass> {
  const map = new Map<string, WordClass>()
  genders = new Map<string, Gender>()
  for (const [word, tags] of Object.entries(readLexicon())) {
    map.set(word, classOf(tags))
    const gender = genderOf(tags)
    if (gender !== null && !EITHER_GENDER.has(word)) genders.set(word, gender)
  }
  for (const [added, words] of ADDITIONS) for (const word of words) map.set(word, added)
  return map
}

/** The class of a lower-case word or space-joined phrase ("south korea"); undefined when the lexicon does not know it. */
export function wordClass(lower: string): WordClass | undefined {
  classes ??= build()
  return classes.get(lower)
}

/** The gender a given name ("Mary", "john") is borne by, from the lexicon's MaleName / FemaleName; null when unknown or either. */
export function givenNameGender(word: string): Gender | null {
  classes ??= build()
  return genders?.get(word.toLowerCase()) ?? null
}
