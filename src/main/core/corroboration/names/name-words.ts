// Hand-kept word lists for name finding: the things compromise's lexicon does not know or
// tags too coarsely (titles, organisation nouns, Korean and Chinese surnames, acronyms that
// are not organisations). All entries are lower case.

/** Words that carry a role in front of a name; never part of the name itself. */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'ambassador', 'envoy', 'consul', 'diplomat',
  'senator', 'sen', 'governor', 'gov', 'mayor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor',
  'sir', 'dame', 'lord', 'lady', 'baroness', 'baron', 'king', 'queen', 'prince', 'princess', 'pope', 'general',
  'gen', 'admiral', 'colonel', 'col', 'commander', 'lieutenant', 'lt', 'captain', 'capt', 'sergeant', 'sgt',
  'marshal', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chairperson', 'director',
  'commissioner', 'congressman', 'congresswoman', 'rep', 'speaker', 'leader', 'sheikh', 'emir', 'ayatollah',
  'imam', 'rabbi', 'cardinal', 'bishop', 'archbishop', 'rev', 'reverend', 'judge', 'prosecutor', 'mp', 'mep',
  'msp', 'ceo', 'chief', 'justice', 'justices', 'president-elect', 'vice-president', 'deputy'
])

/** Words that qualify a title directly before it ("Deputy Foreign Minister"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'prime', 'foreign', 'deputy', 'vice', 'first', 'acting', 'former', 'interim', 'shadow', 'chief', 'home',
  'defence', 'defense', 'health', 'trade', 'finance', 'culture', 'education', 'justice', 'interior', 'economy',
  'energy', 'environment', 'transport', 'treasury', 'junior', 'senior', 'assistant', 'associate', 'executive',
  'permanent', 'opposition', 'unification', 'attorney', 'state', 'foreign-affairs', 'party', 'ex'
])

/** Abbreviated titles and initials may be followed by a full stop inside a name ("Dr. Kim", "George W. Bush"). */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'rep', 'st', 'jr', 'sr'
])

/** Nouns that make a capitalised run an organisation ("Yonhap News Agency", "Bank of Korea"). */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'agency', 'agence', 'ministry', 'institute', 'institution', 'center', 'centre', 'party', 'bank', 'council',
  'union', 'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'group', 'company', 'committee', 'commission',
  'court', 'parliament', 'office', 'service', 'services', 'university', 'college', 'academy', 'news',
  'association', 'federation', 'confederation', 'foundation', 'fund', 'organisation', 'organization', 'assembly',
  'department', 'motor', 'motors', 'times', 'post', 'daily', 'herald', 'tribune', 'journal', 'gazette',
  'telegraph', 'press', 'broadcasting', 'broadcasting-system', 'network', 'television', 'radio', 'airlines',
  'airways', 'electronics', 'industries', 'holdings', 'bureau', 'authority', 'board', 'army', 'navy', 'police',
  'government', 'secretariat', 'embassy', 'consulate', 'league', 'alliance', 'coalition', 'movement', 'front',
  'democrats', 'dems', 'republicans', 'trust', 'reserve', 'watch', 'society', 'chamber', 'chambers', 'directorate', 'bloc',
  'systems', 'system', 'technologies', 'pharmaceuticals', 'petroleum', 'media', 'partners', 'exchange',
  'congress', 'senate', 'cabinet', 'forces', 'force', 'guard', 'brigade', 'institute'
])

/** Organisations usually named in one word that the lexicon does not know. */
export const KNOWN_ORGS: ReadonlySet<string> = new Set([
  'kremlin', 'pentagon', 'parliament', 'congress', 'senate', 'reuters', 'yonhap', 'xinhua', 'tass', 'interfax',
  'bloomberg', 'anadolu', 'kcna', 'afp', 'ap', 'nato', 'un', 'eu', 'opec', 'imf', 'asean', 'nhs', 'bbc',
  'hamas', 'hezbollah', 'taliban', 'gazprom', 'rosneft', 'rosatom', 'samsung', 'hyundai', 'kia', 'lg',
  'politico', 'ria'
])

/** Final words that make a run a place or a building, not a name ("Alexander Hall", "Korean Peninsula"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  'hall', 'palace', 'square', 'street', 'road', 'avenue', 'lane', 'bridge', 'airport', 'station', 'stadium',
  'arena', 'tower', 'castle', 'cathedral', 'mosque', 'temple', 'island', 'islands', 'peninsula', 'sea', 'ocean',
  'river', 'lake', 'mountain', 'mountains', 'valley', 'strait', 'straits', 'gulf', 'bay', 'coast', 'province',
  'region', 'district', 'county', 'prefecture', 'city', 'territory', 'territories', 'border', 'route', 'canal',
  'park', 'gate', 'plaza', 'hill', 'hills', 'desert', 'forest', 'heights', 'zone', 'corridor', 'building',
  'house', 'republic', 'kingdom', 'emirates', 'states', 'oblast', 'krai', 'peninsula'
])

/** Words that make a run a place wherever they stand ("Republic of Korea", "Mount Everest"). */
export const PLACE_ANYWHERE: ReadonlySet<string> = new Set(['republic', 'kingdom', 'emirates', 'mount', 'lake', 'cape', 'isle', 'gulf', 'sea'])

/** Lower-case words allowed inside an organisation's name when another capital follows. */
export const ORG_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the'])

/** Lower-case particles inside personal names ("Ursula von der Leyen", "Charles de Gaulle"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'del', 'della', 'di', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'la', 'le',
  'bin', 'ibn', 'al', 'el', 'abu', 'ben', 'st'
])

/** A name followed by one of these, as in "Zinoviev noted", is a person. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'stated', 'noted', 'notes', 'stressed', 'argued', 'warned',
  'insisted', 'explained', 'wrote', 'writes', 'recalled', 'emphasised', 'emphasized', 'believes', 'claimed',
  'suggested', 'asked', 'replied', 'announced', 'declared', 'commented', 'admitted', 'acknowledged', 'tweeted',
  'urged', 'criticised', 'criticized', 'conceded', 'vowed', 'pledged'
])

/** Words compromise tags as plain English that are also common given names ("Bill Clinton"). */
export const AMBIGUOUS_GIVEN: ReadonlySet<string> = new Set([
  'bill', 'will', 'pat', 'sue', 'frank', 'grant', 'rose', 'hope', 'ray', 'dean', 'guy', 'rich', 'drew', 'gene',
  'ken', 'ted', 'tom', 'jim', 'joe', 'bob', 'nick', 'pete', 'don', 'art', 'lance', 'chuck', 'robin', 'des',
  'ed', 'al', 'sam', 'dick', 'harry', 'jack', 'mark', 'rob', 'gay', 'joy', 'faith', 'chase', 'sly'
])

/**
 * Surnames written first in Korean and Chinese names, so "Lee" refers back to "Lee Jae-myung".
 * English function words that happen to be surnames (no, do, go, an, he) are left out.
 */
export const SURNAME_FIRST: ReadonlySet<string> = new Set([
  'kim', 'gim', 'lee', 'yi', 'rhee', 'ri', 'park', 'pak', 'bak', 'choi', 'choe', 'jung', 'jeong', 'chung',
  'kang', 'cho', 'jo', 'yoon', 'yun', 'jang', 'chang', 'lim', 'im', 'han', 'oh', 'seo', 'suh', 'shin', 'sin',
  'kwon', 'hwang', 'ahn', 'song', 'jeon', 'chun', 'jun', 'hong', 'yoo', 'yu', 'ryu', 'ko', 'koh', 'moon', 'mun',
  'yang', 'son', 'sohn', 'bae', 'baek', 'paik', 'heo', 'huh', 'nam', 'noh', 'roh', 'ha', 'kwak', 'sung', 'seong',
  'cha', 'joo', 'ju', 'woo', 'koo', 'ku', 'min', 'na', 'jin', 'ji', 'eom', 'uhm', 'won', 'chae', 'byun', 'byeon',
  'doo', 'du', 'pyo', 'tak', 'ban', 'hyun', 'hyeon', 'maeng', 'shim', 'sim', 'yeo', 'yeom', 'gong', 'kong',
  'baik', 'gu', 'gil', 'chu', 'choo', 'wi', 'bang', 'seok', 'suk', 'sun', 'ryoo', 'hahn', 'xi', 'li', 'wang',
  'zhang', 'liu', 'chen', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'hu', 'zhu', 'gao', 'lin', 'guo', 'luo', 'liang',
  'zheng', 'xie', 'tang', 'feng', 'deng', 'xiao', 'cao', 'yuan', 'zeng', 'peng', 'jiang', 'cai', 'jia', 'ding',
  'wei', 'xue', 'pan', 'dai', 'xia', 'zhong', 'wen', 'mao', 'qin', 'tian', 'tsai', 'ma', 'lai'
])

/** Second parts of hyphenated words that show a compound ("Seoul-led"), never a given name. */
export const COMPOUND_SUFFIXES: ReadonlySet<string> = new Set([
  'led', 'based', 'backed', 'born', 'run', 'style', 'era', 'made', 'owned', 'linked', 'related', 'type', 'like',
  'wide', 'free', 'bound', 'held', 'friendly', 'controlled', 'funded', 'focused', 'level', 'class'
])

/** All-caps words that are not organisations (or are places the lexicon misses). */
export const NON_ORG_ACRONYMS: ReadonlySet<string> = new Set([
  'us', 'uk', 'usa', 'uae', 'ussr', 'dprk', 'rok', 'prc', 'roc', 'mp', 'mps', 'mep', 'msp', 'am', 'pm', 'ceo',
  'cfo', 'gdp', 'gnp', 'vat', 'tv', 'id', 'pr', 'qc', 'bst', 'gmt', 'utc', 'est', 'pst', 'cet', 'ok', 'faq',
  'ad', 'bc', 'ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'dna', 'hiv', 'aids', 'covid', 'sars', 'dc', 'ny',
  'la', 'hq', 'pdf', 'url', 'ads', 'ai', 'it', 'ev', 'evs', 'sms', 'vip', 'faqs', 'diy', 'ceos', 'gp', 'gps', 'gcse', 'bse', 'pe', 'ict'
])
