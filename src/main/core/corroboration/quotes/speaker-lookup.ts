// Which attribution credits a quotation: one right after its closing mark (“…,” Putin said),
// else the last one earlier in its sentence (Putin said: “…”, According to Lavrov, “…”,
// Putin said that “much…” had been “squandered”).
import type { ScannedQuote } from './quote-marks'
import { sentenceStart } from './quote-boundaries'
import type { ResolvedAttribution } from './speaker-resolution'

/** Only punctuation and spaces between a closing mark and the attribution after it. */
const ADJACENT_GAP = /^[ \t\u00a0,;:—–-]{0,6}$/

/** The first index whose value is >= `target` in a sorted list of numbers. */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! < target) low = middle + 1
    else high = middle
  }
  return low
}

export class AttributionIndex {
  readonly #masked: string
  readonly #text: string
  readonly #byStart: readonly ResolvedAttribution[]
  readonly #starts: number[]
  readonly #byEnd: readonly ResolvedAttribution[]
  readonly #ends: number[]

  constructor(masked: string, text: string, attributions: readonly ResolvedAttribution[]) {
    this.#masked = masked
    this.#text = text
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
    if (!ADJACENT_GAP.test(this.#masked.slice(quote.end, candidate.start))) return null
    // After a full stop the next words usually start a new sentence ("…relations.” According
    // to the ambassador, …); only a lower-case "he said" / "said Putin" still belongs to it.
    const lastPart = quote.parts.at(-1)
    const lastChar = lastPart === undefined ? '' : this.#text[lastPart.end - 1]
    if (lastChar === '.' && !/^\p{Ll}/u.test(candidate.text)) return null
    return candidate
  }

  /** The last attribution earlier in the quotation's sentence, if any. */
  before(quote: ScannedQuote): ResolvedAttribution | null {
    const index = lowerBound(this.#ends, quote.open + 1) - 1
    const candidate = this.#byEnd[index]
    if (candidate === undefined) return null
    // "He said:¶“…”": a colon carries the sentence over a line break.
    let anchor = quote.open
    while (anchor > 0 && /\s/.test(this.#masked[anchor - 1]!)) anchor--
    if (this.#masked[anchor - 1] !== ':') anchor = quote.open
    return candidate.start >= sentenceStart(this.#masked, anchor) ? candidate : null
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
