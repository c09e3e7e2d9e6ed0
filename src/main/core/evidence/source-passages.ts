// The sentences of a source's text with their folded words, kept for the texts asked about
// most recently: suggesting evidence for claim after claim re-reads the same candidates, and
// splitting and folding them was most of the work.
import type { TextRange } from '../../../shared/text/find'
import { splitSentences } from '../../../shared/text/sentences'
import { evidenceTerms } from './passage-terms'

/** Shorter sentences are headings, datelines and menu items, not evidence. */
export const MIN_PASSAGE_CHARS = 20
/** Sentences kept, whatever the number of texts: about 25 MB at most (measured on WiCE). */
const CACHE_SENTENCES = 100_000
/** Distinct words kept once for all cached sentences, which then hold references, not copies. */
const VOCABULARY_LIMIT = 300_000

export interface SourcePassages {
  /** The sentences of at least MIN_PASSAGE_CHARS, in text order. */
  ranges: TextRange[]
  terms: string[][]
}

export class PassageCache {
  readonly #byHash = new Map<string, SourcePassages>()
  readonly #vocabulary = new Map<string, string>()
  #sentences = 0

  #interned(words: string[]): string[] {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string
      const known = this.#vocabulary.get(word)
      if (known !== undefined) words[i] = known
      else if (this.#vocabulary.size < VOCABULARY_LIMIT) this.#vocabulary.set(word, word)
    }
    // A copy is exactly as long as it needs to be; the array grown word by word is not.
    return words.slice()
  }

  /** The passages of the text with this hash (the text is split only when not cached). */
  get(contentHash: string, text: string): SourcePassages {
    const cached = this.#byHash.get(contentHash)
    if (cached !== undefined) {
      this.#byHash.delete(contentHash)
      this.#byHash.set(contentHash, cached)
      return cached
    }
    const ranges = splitSentences(text).filter((range) => range.end - range.start >= MIN_PASSAGE_CHARS)
    const passages = { ranges, terms: ranges.map((range) => this.#interned(evidenceTerms(text.slice(range.start, range.end)))) }
    this.#byHash.set(contentHash, passages)
    this.#sentences += ranges.length
    for (const [hash, old] of this.#byHash) {
      if (this.#sentences <= CACHE_SENTENCES || hash === contentHash) break
      this.#byHash.delete(hash)
      this.#sentences -= old.ranges.length
    }
    return passages
  }
}
