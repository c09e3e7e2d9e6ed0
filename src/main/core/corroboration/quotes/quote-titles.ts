// Titles of works in quote marks — the show “Cake Boss”, CNN’s “State of the Union”, the book
// “Backfire” — are no one's words: such a quotation is kept in the ledger but credited to nobody.

/** A work named right before the marks: "the TLC reality show “…”", "his memoir, “…”". */
const WORK_BEFORE = /(?:^|[^\p{L}])(?:book|books|film|films|movie|movies|show|shows|series|sitcom|song|songs|album|novel|memoir|play|musical|documentary|program|programme|podcast|column|op-ed|essay|headline|episode|magazine|newspaper|titled|entitled|anthem|poem|painting|opera)[ \t\u00a0]*,?[ \t\u00a0]*$/iu
/** A channel's or author's possessive right before the marks: "CNN’s “…”", "HBO's “…”". */
const POSSESSIVE_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{L}\d.&-]*['’]s[ \t\u00a0]*$/u
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'vs', 'nor', 'but'])
const MAX_TITLE_WORDS = 8

/** Every word capitalised but the small ones, no sentence inside: "State of the Union", not "we will win". */
function looksLikeTitle(words: string): boolean {
  if (/[,;!?]|\.[ \t\u00a0]*\S/.test(words)) return false
  const tokens = words.match(/[\p{L}\p{Nd}][\p{L}\p{Nd}'’-]*/gu) ?? []
  if (tokens.length === 0 || tokens.length > MAX_TITLE_WORDS) return false
  return tokens.every((token, index) => /^[\p{Lu}\p{Nd}]/u.test(token) || (index > 0 && SMALL_WORDS.has(token)))
}

/**
 * Whether the quotation whose opening mark is at `open` and whose words are `words` names a
 * work: a work noun stands right before it, or a possessive does and the words read as a title.
 */
export function isTitleOfWork(text: string, open: number, words: string): boolean {
  const before = text.slice(Math.max(0, open - 40), open)
  // A title starts with a capital: "called the show “the best on air”" describes, it names nothing.
  if (WORK_BEFORE.test(before) && /^[\p{Lu}\p{Nd}]/u.test(words) && words.split(/\s+/).length <= MAX_TITLE_WORDS + 4) return true
  return POSSESSIVE_BEFORE.test(before) && looksLikeTitle(words)
}
