// Which attribution credits a quotation: one right after its closing mark (“…,” Putin said),
// else the last one earlier in its sentence (Putin said: “…”, According to Lavrov, “…”,
// Putin said that “much…” had been “squandered”).
import type { ScannedQuote } from './quote-marks'
import { isSentenceEnd, sentenceStart } from './quote-boundaries'
import { paraphraseSpeaker } from './speaker-carry-over'
import type { ResolvedAttribution } from './speaker-resolution'
import { lowerBound } from '../../search/lower-bound'
import { PERSON_OBJECT_VERB } from './speaker-patterns'

/** Only punctuation and spaces between a closing mark and the attribution after it. */
const ADJACENT_GAP = /^[ \t\u00a0,;:—–-]{0,6}$/
/** “…,” Senate minority leader Harry Reid told: a job before the name, when the quote ends in a comma. */
/** “…,” while Trump said: a new clause, not a job before a name. */
const LINKING_WORD = /(?:^|[^\p{L}])(?:while|and|but|as|when|after|before|because|if|though|although|so|then|whereas|since|until|where|which|who)(?![\p{L}])/u
/** “…,” Sanders’s campaign manager, Jeff Weaver, said: an apposition's comma may close it. */
const DESCRIBED_GAP = /^[ \t\u00a0,]{0,3}(?:[\p{L}.'’-]+[ \t\u00a0]+){0,4}[\p{L}.'’-]+,?[ \t\u00a0]+$/u

/** “…,” as Cruz said: "as" brings in the attribution rather than a new clause. */
const AS_GAP = /^[ \t\u00a0,]{0,3}as[ \t\u00a0]+$/
/** …and only when the attribution closes the clause: "as he promised to defend …" reports no speech. */
const CLAUSE_ENDS_AFTER = /^(?:[ \t\u00a0]*[.,;:!?]|[ \t\u00a0]+(?:on|in|at|during)[ \t\u00a0])/

const MAX_CLOSING_GAP = 200
/** Words without quotation marks or line breaks, ending in a comma and maybe a job ("…, DFA spokesman Neil Sroka said."). */
const CLOSING_GAP = /^[^\n#"“”«»]*,[ \t\u00a0]*((?:[\p{L}.'’-]+[ \t\u00a0]+){0,3})$/u
/** The attribution ends the sentence, maybe after a day, a place or an apposition: "…, said Geert Wilders, founder of …." */
const ENDS_SENTENCE_AFTER = /^(?:[ \t\u00a0]+(?:on[ \t\u00a0]+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![\p{L}]))?(?:[ \t\u00a0]+(?:in|at)[ \t\u00a0]+\p{Lu}\p{Ll}+)?[ \t\u00a0]*(?:\.|,[ \t\u00a0]+(?:an?|the|\p{Ll}+)[ \t\u00a0])/u

/** A verb whose object is a person (speaker-patterns.ts), anywhere in a clause. */
const PERSON_OBJECT_WORD = new RegExp(`(?<![\\p{L}])${PERSON_OBJECT_VERB.source.replace(/\$$/, '')}(?![\\p{L}])`, 'u')
/** A speech act of that person between the verb and the quote ("accused Smith of calling voters “…”", "criticised Smith, who said “…”"). */
const NESTED_SPEECH = /(?<![\p{L}])(?:who|call(?:s|ed|ing)?|say(?:s|ing)?|said|tell(?:s|ing)?|told|promis(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|writ(?:es|ing)|wrote|tweet(?:s|ed|ing)?|claim(?:s|ed|ing)?|vow(?:s|ed|ing)?|warn(?:s|ed|ing)?|insist(?:s|ed|ing)?)(?![\p{L}])/u
/** Colon and spaces right before an opening mark: the quotation is introduced by what comes before. */
const INTRODUCED = /:[ \t\u00a0]*(?:\n[ \t\u00a0]*)?$/

export class AttributionIndex {
  readonly #masked: string
  readonly #text: string
  readonly #byStart: readonly ResolvedAttribution[]
  readonly #starts: number[]
  readonly #byEnd: readonly ResolvedAttribution[]
  readonly #ends: number[]
  readonly #subjects: readonly ResolvedAttribution[]
  readonly #subjectEnds: number[]
  readonly #mainSubjects: readonly ResolvedAttribution[]
  readonly #mainStarts: number[]

  constructor(masked: string, text: string, all: readonly ResolvedAttribution[]) {
    const attributions = all.filter((attribution) => attribution.fallback === null)
    this.#masked = masked
    this.#text = text
    this.#subjects = all.filter((attribution) => attribution.fallback === 'before')
    this.#mainSubjects = all.filter((attribution) => attribution.fallback === 'after')
    this.#mainStarts = this.#mainSubjects.map((attribution) => attribution.start)
    this.#subjectEnds = this.#subjects.map((attribution) => attribution.end)
    this.#byStart = attributions
    this.#starts = attributions.map((attribution) => attribution.start)
    this.#byEnd = [...attributions].sort((a, b) => a.end - b.end)
    this.#ends = this.#byEnd.map((attribution) => attribution.end)
  }

  /** The attribution right after the closing mark, if any. */
  after(quote: ScannedQuote): ResolvedAttribution | null {
    if (!quote.closed) return null
    const candidate = this.#byStart[lowerBound(this.#starts, quote.end)]
    if (candidate === undefined || !candidate.hasSubject) return null
    const lastPart = quote.parts.at(-1)
    const lastChar = lastPart === undefined ? '' : this.#text[lastPart.end - 1]
    const gap = this.#masked.slice(quote.end, candidate.start)
    const asGap = AS_GAP.test(gap) && CLAUSE_ENDS_AFTER.test(this.#masked.slice(candidate.end, candidate.end + 6))
    if (!ADJACENT_GAP.test(gap) && !asGap && !(/[,?!]/.test(lastChar ?? '') && DESCRIBED_GAP.test(gap) && !LINKING_WORD.test(gap))) return null
    // After a full stop the next words usually start a new sentence ("…relations.” According
    // to the ambassador, …); only a lower-case "he said" / "said Putin" still belongs to it.
    // "…missing.” Trump said.": an attribution that is a whole sentence still belongs to it.
    if (lastChar === '.' && !/^\p{Ll}/u.test(candidate.text) && !/^[ \t\u00a0]*\.(?:[ \t\u00a0]|$)/.test(this.#masked.slice(candidate.end, candidate.end + 2))) return null
    // "The minister said: “Prices will rise.” Smith disagreed.": the colon's speaker, not the next sentence's.
    if (lastChar === '.' && !/^\p{Ll}/u.test(candidate.text) && INTRODUCED.test(this.#masked.slice(Math.max(0, quote.open - 8), quote.open))) return null
    return candidate
  }

  /** The last attribution earlier in the quotation's sentence, if any. */
  before(quote: ScannedQuote): ResolvedAttribution | null {
    const candidate = this.#lastInSentence(this.#byEnd, this.#ends, quote)
    if (candidate === null || !PERSON_OBJECT_VERB.test(candidate.text.trimEnd())) return candidate
    return NESTED_SPEECH.test(this.#masked.slice(candidate.end, quote.open)) ? null : candidate
  }

  /** The person the quotation's sentence is about, when no speech verb credits it (speaker-clause-subject.ts). */
  subject(quote: ScannedQuote): ResolvedAttribution | null {
    const candidate = this.#lastInSentence(this.#subjects, this.#subjectEnds, quote) ?? this.#mainSubjectAfter(quote)
    // A lone capitalised word ("Audiences can", "God wants") is too often no person: only full names.
    if (candidate?.speaker?.includes(' ') !== true) return null
    // "Kowalski accused Smith of calling voters “…”": the person accused spoke, not the subject.
    return candidate.start < quote.open && this.#objectSpeaks(this.#masked.slice(candidate.start, quote.open)) ? null : candidate
  }

  /** Whether `clause` has a verb whose object is a person, then that person's speech act ("accused Smith of calling"). */
  #objectSpeaks(clause: string): boolean {
    const verb = PERSON_OBJECT_WORD.exec(clause)
    return verb !== null && NESTED_SPEECH.test(clause.slice(verb.index + verb[0].length))
  }

  /** The one speaker of an indirect sentence right before a quotation that opens its own (speaker-carry-over.ts). */
  carriedOver(quote: ScannedQuote): ResolvedAttribution | null {
    return paraphraseSpeaker(this.#masked, this.#text, quote, this.#byStart, (position) => lowerBound(this.#starts, position))
  }

  /** The main clause's subject after a quotation inside the clause opening the sentence (speaker-clause-subject.ts finds it for that quotation). */
  #mainSubjectAfter(quote: ScannedQuote): ResolvedAttribution | null {
    const candidate = this.#mainSubjects[lowerBound(this.#mainStarts, quote.end)]
    if (candidate === undefined || candidate.start - quote.end > MAX_CLOSING_GAP) return null
    for (let index = quote.end; index < candidate.start; index++) if (isSentenceEnd(this.#masked, index)) return null
    return candidate
  }

  #lastInSentence(byEnd: readonly ResolvedAttribution[], ends: readonly number[], quote: ScannedQuote): ResolvedAttribution | null {
    const index = lowerBound(ends, quote.open + 1) - 1
    const candidate = byEnd[index]
    if (candidate === undefined) return null
    // "He said:¶“…”": a colon carries the sentence over a line break.
    let anchor = quote.open
    while (anchor > 0 && /\s/.test(this.#masked[anchor - 1]!)) anchor--
    if (this.#masked[anchor - 1] !== ':') anchor = quote.open
    return candidate.start >= sentenceStart(this.#masked, anchor) ? candidate : null
  }

  /**
   * The attribution closing the quotation's sentence: “…” by the shooting in Orlando, Nefzi
   * said. Only across plain words (no other quotation, no sentence end) to a comma before it
   * and a full stop after it.
   */
  closing(quote: ScannedQuote): ResolvedAttribution | null {
    if (!quote.closed) return null
    const candidate = this.#byStart[lowerBound(this.#starts, quote.end)]
    if (candidate === undefined || !candidate.hasSubject || candidate.start - quote.end > MAX_CLOSING_GAP) return null
    const gap = this.#masked.slice(quote.end, candidate.start)
    const job = CLOSING_GAP.exec(gap)
    if (job === null || LINKING_WORD.test(job[1]!) || !ENDS_SENTENCE_AFTER.test(this.#masked.slice(candidate.end, candidate.end + 40))) return null
    for (let index = quote.end; index < candidate.start; index++) if (isSentenceEnd(this.#masked, index)) return null
    return candidate
  }

  /** Whether an attribution naming its speaker starts in [from, to); ", adding" does not count. */
  namedBetween(from: number, to: number): boolean {
    for (let index = lowerBound(this.#starts, from); index < this.#byStart.length; index++) {
      const candidate = this.#byStart[index]!
      if (candidate.start >= to) return false
      if (candidate.hasSubject) return true
    }
    return false
  }
}
