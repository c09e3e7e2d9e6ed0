// Decides who each attribution names, in text order: a name as cleaned and completed from earlier
// mentions; "he"/"she"/"they", "the ambassador" and a subject-less ", adding" as the most recent named
// speaker (else the latest name acting as a subject) a pronoun's gender allows; anything else as written.
import type { AttributionMatch } from './speaker-attribution'
import { subjectKind } from './speaker-attribution'
import { cleanName, followsConnector, FullNames, hasTitle, isOrganisation } from './speaker-names'
import { sentenceStart } from './quote-boundaries'
import { sentenceHead } from './speaker-apposition'
import { disagrees, personGender, pronounGender, type Gender } from './speaker-gender'
import { ADVS, AFTER_PREPOSITION, NAME_RUN, ORG_NP, SEP, SUBJECT, VERB_LIKE, WORD_START } from './speaker-patterns'

export interface ResolvedAttribution {
  start: number
  end: number
  /** The attributing words as written, white space collapsed. */
  text: string
  speaker: string | null
  /** False for a bare ", adding": it can credit a quote before it, never one after. */
  hasSubject: boolean
  /** The sentence's subject, not a speech verb's: only for a quotation nothing else credits. */
  fallback: 'before' | 'after' | null
}

// A bracketed party may sit between a name and its verb: "Sen. Rand Paul (R-Ky.) said".
const CLAUSE_SUBJECT = new RegExp(`${WORD_START}(${SUBJECT})(?:${SEP}\\([^()\\n]{1,30}\\))?${SEP}${ADVS}${VERB_LIKE}`, 'gu')
const OPENING_SUBJECT = new RegExp(`^[ \\t\\u00a0]*(${NAME_RUN})(?:${SEP}\\([^()\\n]{1,30}\\))?${SEP}${ADVS}${VERB_LIKE}`, 'u')
const NAMED_SUBJECT = new RegExp(`${WORD_START}(${NAME_RUN})${SEP}${ADVS}${VERB_LIKE}`, 'gu')
const ORG_ONLY = new RegExp(`^${ORG_NP}$`, 'u')
const PERSON_AND_COMMA = new RegExp(`${WORD_START}(${NAME_RUN}),${SEP}$`, 'u')
/** A comma or a lower-case word right before a run: it is inside a sentence, not after a headline. */
const GLUED_BEFORE = /(?:,|\p{Ll})[ \t\u00a0]+$/u
/** How far back a pronoun may look for a name when no speaker has been named yet. */
const FALLBACK_WINDOW = 3000
/** Text already scanned for names is scanned again this far back, for a name cut by the last window's end. */
const RESCAN = 80
/** Distinct speakers kept for a pronoun the latest cannot mean: an earlier one is taken only when no other kept one fits. */
const HISTORY = 4

interface Candidate {
  name: string
  gender: Gender | null
  position: number
}

function collapse(words: string): string {
  return words.replace(/\s+/g, ' ').trim()
}

/** A role or body kept as written, its article in lower case ("the ambassador"). */
function asWritten(subject: string): string {
  return collapse(subject).replace(/^(?:The|A|An|One)\b/, (article) => article.toLowerCase())
}

class SpeakerResolver {
  readonly #masked: string
  readonly #names: FullNames
  #lastNamed: string | null = null
  /** Distinct speakers named so far, the latest (#lastNamed) first. */
  #recent: Candidate[] = []
  #previous: { start: number; speaker: string | null } | null = null
  #person: { name: string; run: string; position: number } | null = null
  #scannedTo = 0

  constructor(masked: string, flat: string) {
    this.#masked = masked
    this.#names = new FullNames(flat)
  }

  resolve(match: AttributionMatch): string | null {
    if (match.kind === 'none') return this.#sentenceSubject(match.start)
    const speaker = this.#subject(match.subject, match.subjectStart)
    this.#previous = { start: match.start, speaker }
    return speaker
  }

  #subject(subject: string, position: number): string | null {
    switch (subjectKind(subject)) {
      case 'name':
        return this.#name(subject, position)
      case 'pronoun':
        return this.#pronoun(pronounGender(subject), position)
      case 'role':
        // "the ambassador" is someone already named; "a company executive" or "the ministry" is not.
        if (/^the\s/i.test(subject) && !ORG_ONLY.test(subject)) return this.#lastNamed ?? asWritten(subject)
        return asWritten(subject)
      case 'office':
        return asWritten(subject)
      case 'none':
        return null
    }
  }

  #name(subject: string, position: number): string | null {
    const cleaned = cleanName(subject.replace(/^the\s+/, ''), followsConnector(this.#masked, position))
    if (cleaned.kind === 'title-only') return this.#lastNamed ?? asWritten(subject)
    if (cleaned.kind === 'none') return null
    // "Colin Asplin, Blackpool Hotel Association said": the person, not the body.
    if (isOrganisation(cleaned.name)) return this.#personBefore(position) ?? cleaned.name
    const name = this.#complete(cleaned.name, position, cleaned.givenName)
    return this.#remember({ name, gender: personGender(subject, name), position })
  }

  #remember(speaker: Candidate): string {
    this.#lastNamed = speaker.name
    this.#recent = [speaker, ...this.#recent.filter((other) => other.name !== speaker.name)].slice(0, HISTORY)
    return speaker.name
  }

  #personBefore(position: number): string | null {
    const from = Math.max(0, position - 60)
    const match = PERSON_AND_COMMA.exec(this.#masked.slice(from, position))
    if (match === null) return null
    const cleaned = cleanName(match[1]!)
    if (cleaned.kind !== 'name' || isOrganisation(cleaned.name)) return null
    const at = from + match.index
    const name = this.#complete(cleaned.name, at, cleaned.givenName)
    return this.#remember({ name, gender: personGender(match[1]!, name), position: at })
  }

  /**
   * A surname completed from earlier mentions. A run of three or more words may have a
   * headline glued in front ("…Tangible Trade Gains Putin recalled"): when its last word is
   * someone the text already introduced, that person is meant.
   */
  #complete(name: string, position: number, givenName = false): string {
    const words = name.split(' ')
    if (words.length < 3) return this.#names.expand(name, position, givenName)
    // "his wife, Gabriela Violeta Lazar, wrote": mid-sentence a full name is no headline.
    if (GLUED_BEFORE.test(this.#masked.slice(Math.max(0, position - 3), position))) return name
    const surname = words.at(-1)!
    const known = this.#names.expand(surname, position)
    return known !== surname ? known : name
  }

  /**
   * The speaker of ", noting that …" or "… and said": whoever an attribution earlier in the
   * sentence named ("Putin recalled …, noting"), else the name opening the sentence before a
   * comma ("Tracy Martin, Trayvon's father, issued …, saying"), else the first clause subject
   * that names someone, else — only when the sentence opens with it ("Adding, …") — the last
   * speaker. Mid-sentence with no subject found, nobody: an empty speaker beats a wrong one.
   */
  #sentenceSubject(position: number): string | null {
    const start = sentenceStart(this.#masked, position)
    if (this.#previous !== null && this.#previous.start >= start) return this.#previous.speaker
    const head = sentenceHead(this.#masked, position)
    if (head !== null && head.start < position) {
      const speaker = this.#subject(head.subject, head.start)
      if (speaker !== null) return speaker
    }
    const window = this.#masked.slice(start, position)
    CLAUSE_SUBJECT.lastIndex = 0
    for (let clause = CLAUSE_SUBJECT.exec(window); clause !== null; clause = CLAUSE_SUBJECT.exec(window)) {
      // "Trump's comments": a possessive is no subject.
      if (subjectKind(clause[1]!) === 'name' && (cleanName(clause[1]!).kind === 'none' || /['’]s$/.test(clause[1]!))) continue
      return this.#subject(clause[1]!, start + clause.index)
    }
    return /[\p{L}]/u.test(window) ? null : this.#antecedent(position)
  }

  /**
   * "he" / "she": the person opening the same sentence ("Bush went after Trump …, when he
   * called"), else the last speaker, unless `wanted` says it cannot be them.
   */
  #pronoun(wanted: Gender | null, position: number): string | null {
    const start = sentenceStart(this.#masked, position)
    const opening = OPENING_SUBJECT.exec(this.#masked.slice(start, position))
    if (opening !== null && subjectKind(opening[1]!) === 'name') {
      const at = start + opening.index
      const cleaned = cleanName(opening[1]!)
      if (cleaned.kind === 'name' && !isOrganisation(cleaned.name)) {
        if (!disagrees(wanted, personGender(opening[1]!, this.#complete(cleaned.name, at, cleaned.givenName)))) return this.#name(opening[1]!, at)
        return this.#antecedent(position, wanted, true)
      }
    }
    return this.#antecedent(position, wanted)
  }

  /** `nearerRefused`: a nearer person was passed over for their gender, so the last speaker too must be the only one who fits. */
  #antecedent(position: number, wanted: Gender | null = null, nearerRefused = false): string | null {
    if (this.#lastNamed !== null) return this.#agreeing(position, wanted, nearerRefused)
    const person = this.#latestPerson(position)
    if (person === null) return null
    const name = this.#complete(person.name, person.position)
    const gender = personGender(person.run, name)
    if (disagrees(wanted, gender) || (nearerRefused && gender !== wanted)) return null
    return this.#remember({ name, gender, position: person.position })
  }

  /**
   * The latest speaker, or when a pronoun cannot mean them ("she said" after "John Brown said"),
   * an earlier one it can, only if that one is known to fit and no other speaker or person
   * acting since could be meant: an empty speaker beats a wrong one.
   */
  #agreeing(position: number, wanted: Gender | null, nearerRefused: boolean): string | null {
    const nearest = this.#recent[0]
    if (nearest !== undefined && !nearerRefused && !disagrees(wanted, nearest.gender)) return nearest.name
    const fitting = this.#recent.slice(nearerRefused ? 0 : 1).filter((speaker) => !disagrees(wanted, speaker.gender))
    const only = fitting.length === 1 ? fitting[0]! : null
    if (only === null || only.gender !== wanted || position - only.position > FALLBACK_WINDOW) return null
    return this.#othersSince(only, wanted, position) ? null : this.#remember(only)
  }

  /** Whether someone other than `speaker` who may fit `wanted` acts as a subject between them and `position`. */
  #othersSince(speaker: Candidate, wanted: Gender | null, position: number): boolean {
    const window = this.#masked.slice(speaker.position, position)
    const surname = speaker.name.split(' ').at(-1)
    NAMED_SUBJECT.lastIndex = 0
    for (let match = NAMED_SUBJECT.exec(window); match !== null; match = NAMED_SUBJECT.exec(window)) {
      const person = this.#personAt(match[1]!, speaker.position + match.index)
      if (person === null || person.name.split(' ').at(-1) === surname) continue
      if (!disagrees(wanted, personGender(person.run, this.#complete(person.name, person.position)))) return true
    }
    return false
  }

  /** The person a capitalised run before a verb names, unless it is a body or the object of a preposition. */
  #personAt(run: string, at: number): { name: string; run: string; position: number } | null {
    if (AFTER_PREPOSITION.test(this.#masked.slice(Math.max(0, at - 8), at)) && !hasTitle(run)) return null
    const cleaned = cleanName(run, followsConnector(this.#masked, at))
    return cleaned.kind === 'name' && !isOrganisation(cleaned.name) ? { name: cleaned.name, run, position: at } : null
  }

  /**
   * The last person-like name acting as a subject before `position` ("Putin highlighted").
   * Calls come in text order, so each stretch of text is scanned once.
   */
  #latestPerson(position: number): { name: string; run: string; position: number } | null {
    const from = Math.max(0, position - FALLBACK_WINDOW, this.#scannedTo - RESCAN)
    const window = this.#masked.slice(from, position)
    NAMED_SUBJECT.lastIndex = 0
    for (let match = NAMED_SUBJECT.exec(window); match !== null; match = NAMED_SUBJECT.exec(window)) {
      const at = from + match.index
      if (this.#person !== null && at <= this.#person.position) continue
      this.#person = this.#personAt(match[1]!, at) ?? this.#person
    }
    this.#scannedTo = Math.max(this.#scannedTo, position)
    const person = this.#person
    return person !== null && person.position < position && position - person.position <= FALLBACK_WINDOW ? person : null
  }
}

/**
 * Each attribution with its speaker resolved. `flat` is the text with line breaks inside
 * paragraphs read as spaces, `masked` the same with quoted words blanked out.
 */
export function resolveAttributions(masked: string, text: string, flat: string, matches: readonly AttributionMatch[]): ResolvedAttribution[] {
  const resolver = new SpeakerResolver(masked, flat)
  return matches.map((match) => ({
    start: match.start,
    end: match.end,
    text: collapse(text.slice(match.start, match.end)),
    speaker: resolver.resolve(match),
    hasSubject: match.kind !== 'none',
    fallback: match.fallback ?? null
  }))
}
