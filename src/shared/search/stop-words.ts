// Words so common that a query made only of them matches most of a library: the parser
// warns about such queries. They are still indexed, so phrases like "of the" stay exact.
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he',
  'her', 'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'no', 'not', 'of', 'on', 'or', 's', 'said',
  'she', 'so', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'we', 'were', 'which', 'will', 'with', 'would', 'you'
])

/** True for a normalised English term common enough to occur in most news articles. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term)
}
