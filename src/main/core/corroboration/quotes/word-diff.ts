// The word-level diff of one version of a quotation against its group's reference
// wording, over the passage they share: a truncated quote is not a changed one, so words
// outside the shared passage are "extra", not additions or deletions.
import { diffArrays } from 'diff'
import type { WordDiffPart } from '../../../../shared/domain/corroboration'
import type { LedgerWord } from './ledger-words'
import { alignLocally } from './local-alignment'

export interface DiffSide {
  text: string
  words: readonly LedgerWord[]
  key: string
}

export interface WordingDiff {
  parts: WordDiffPart[]
  differs: boolean
}

const TRAILING_PUNCTUATION = /^[\])]?[,.;:!?\u2026]*/

/** The text of words [from, to), with an editor's bracket around them and the sentence punctuation after. */
function wordsText(side: DiffSide, from: number, to: number): string {
  if (from >= to) return ''
  let start = from === 0 ? 0 : side.words[from]!.start
  if (start > 0 && /[[(]/.test(side.text.charAt(start - 1))) start--
  let end = side.words[to - 1]!.end
  const trailing = TRAILING_PUNCTUATION.exec(side.text.slice(end, end + 8))
  if (trailing !== null) end += trailing[0].length
  if (to >= side.words.length) end = side.text.length
  return side.text.slice(start, end).trim()
}

/** Words only one side has that an editor bracketed ([of Korea]) do not change the quote. */
function editorialOnly(words: readonly LedgerWord[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!words[k]!.editorial) return false
  return true
}

function push(parts: WordDiffPart[], kind: WordDiffPart['kind'], text: string): void {
  if (text === '') return
  const last = parts.at(-1)
  if (last !== undefined && last.kind === kind) last.text = `${last.text} ${text}`
  else parts.push({ kind, text })
}

export function diffWording(version: DiffSide, reference: DiffSide): WordingDiff {
  if (version.key === reference.key || version.words.length === 0) {
    return { parts: [{ kind: 'same', text: version.text }], differs: false }
  }
  // The passage both carry: the shorter side placed within the longer one.
  let versionFrom = 0
  let versionTo = version.words.length
  let referenceFrom = 0
  let referenceTo = reference.words.length
  if (version.words.length < reference.words.length) {
    const match = alignLocally(version.words, reference.words)
    if (match !== null) {
      referenceFrom = Math.max(0, match.longStart - match.shortStart)
      referenceTo = Math.min(reference.words.length, match.longEnd + (version.words.length - match.shortEnd))
    }
  } else {
    const match = alignLocally(reference.words, version.words)
    // The version's words outside the shared passage are extra only where the reference
    // has nothing left on that side; otherwise they are the reference's words, changed.
    if (match !== null) {
      versionFrom = match.shortStart > 0 ? 0 : match.longStart
      versionTo = match.shortEnd < reference.words.length ? version.words.length : match.longEnd
    }
  }
  const parts: WordDiffPart[] = []
  push(parts, 'extra', wordsText(version, 0, versionFrom))
  const changes = diffArrays(
    reference.words.slice(referenceFrom, referenceTo).map((word) => word.term),
    version.words.slice(versionFrom, versionTo).map((word) => word.term)
  )
  let differs = false
  let atVersion = versionFrom
  let atReference = referenceFrom
  for (const change of changes) {
    if (change.removed) {
      push(parts, 'removed', wordsText(reference, atReference, atReference + change.count))
      if (!editorialOnly(reference.words, atReference, atReference + change.count)) differs = true
      atReference += change.count
    } else if (change.added) {
      push(parts, 'added', wordsText(version, atVersion, atVersion + change.count))
      if (!editorialOnly(version.words, atVersion, atVersion + change.count)) differs = true
      atVersion += change.count
    } else {
      push(parts, 'same', wordsText(version, atVersion, atVersion + change.count))
      atVersion += change.count
      atReference += change.count
    }
  }
  push(parts, 'extra', wordsText(version, versionTo, version.words.length))
  return { parts, differs }
}
