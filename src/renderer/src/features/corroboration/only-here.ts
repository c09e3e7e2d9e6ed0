// Which sentences of an aligned comparison only their own source has. The alignment links
// sure pairs only, so most unlinked sentences still have a reworded counterpart elsewhere;
// a sentence is called "only here" when no sentence of any other column shares much of its
// wording. The engine's links stay as they are: this only decides what the view marks.
import type { AlignedSentence } from '../../../../shared/domain/corroboration'
import { terms } from '../../../../shared/search/tokenize'

/** Below this share of its words found in one sentence of another column, a sentence has no counterpart there. */
export const ONLY_HERE_OVERLAP = 0.2
/** Headings, datelines and "Read more" say too little to tell. */
const MIN_WORDS = 4
/** Words are compared by their first letters, so "restore" meets "restoring" and "relations" "relationship". */
const STEM_LENGTH = 5
/** A word in more sentences than this share (the story's who and where) says nothing about a counterpart. */
const COMMON_SHARE = 0.1
const MIN_COMMON = 20
const FUNCTION_WORDS = new Set(
  'about above after again also among being been before both could does doing down during each from further have having here into itself just more most once only other over said same says should some such than that their them then there these they this those through told under until very were what when where which while will with would year years'.split(
    ' '
  )
)

export interface ComparedColumn {
  text: string
  sentences: readonly AlignedSentence[]
}

function contentWords(text: string): string[] {
  const words = new Set<string>()
  for (const term of terms(text)) if (term.length >= 4 && !FUNCTION_WORDS.has(term)) words.add(term.slice(0, STEM_LENGTH))
  return [...words]
}

/** Per column and sentence: whether only that column has the sentence's content. A linked sentence never is. */
export function onlyHere(columns: readonly ComparedColumn[]): boolean[][] {
  const words = columns.map((column) => column.sentences.map((sentence) => contentWords(column.text.slice(sentence.start, sentence.end))))
  // Which sentences of which column hold each word: only sentences sharing a word are compared.
  const postings = new Map<string, number[]>()
  const located: { column: number; sentence: number }[] = []
  words.forEach((sentences, column) =>
    sentences.forEach((list, sentence) => {
      const id = located.push({ column, sentence }) - 1
      for (const word of list) {
        const ids = postings.get(word)
        if (ids === undefined) postings.set(word, [id])
        else ids.push(id)
      }
    })
  )
  const common = Math.max(MIN_COMMON, COMMON_SHARE * located.length)
  return columns.map((column, columnIndex) =>
    column.sentences.map((sentence, sentenceIndex) => {
      if (sentence.link !== null) return false
      const own = (words[columnIndex]?.[sentenceIndex] ?? []).filter((word) => (postings.get(word)?.length ?? 0) <= common)
      if (own.length < MIN_WORDS) return false
      const shared = new Map<number, number>()
      let best = 0
      for (const word of own) {
        for (const id of postings.get(word) ?? []) {
          if (located[id]?.column === columnIndex) continue
          const count = (shared.get(id) ?? 0) + 1
          shared.set(id, count)
          best = Math.max(best, count)
        }
      }
      return best / own.length < ONLY_HERE_OVERLAP
    })
  )
}
