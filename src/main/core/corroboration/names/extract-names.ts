// Finds person and organisation names in news text by rules over capitalised words, with
// compromise's lexicon as a gazetteer only: its full tagger is far too slow for a library
// and misses hyphenated Korean names such as "Lee Jae-myung". Cyrillic, Hangul, Arabic and
// Chinese words go to readers of their own, which only run when the text uses that script.
import type { NameKind } from '../../../../shared/domain/corroboration'
import { arabicNames } from './arabic-names'
import { cyrillicNames } from './cyrillic-names'
import { hanNames } from './han-names'
import { hangulNames } from './hangul-names'
import { wordClass } from './name-lexicon'
import { inOtherScript, scriptsIn, type NameSpan, type ScriptsUsed } from './name-scripts'
import { capitalRuns, tokenize, type NameToken } from './name-tokens'
import type { FoundName, LoneWord, RunFindings } from './name-piece'
import { readRun } from './read-run'
import { SURNAME_FIRST } from './name-words'

export interface NameMention {
  start: number
  /** Exclusive; offsets in the text. */
  end: number
  /** As written: text.slice(start, end), titles and possessives left out. */
  text: string
  kind: NameKind
}

/** Surnames this text also gives in full: "Putin" after "Vladimir Putin", "Lee" after "Lee Jae-myung". */
function surnamesOf(names: readonly FoundName[]): Set<string> {
  const surnames = new Set<string>()
  for (const name of names) {
    const words = name.tokens.filter((token) => token.cap)
    const first = words[0]
    const last = words[words.length - 1]
    if (name.kind !== 'person' || words.length < 2 || first === undefined || last === undefined) continue
    surnames.add(last.lower)
    if (SURNAME_FIRST.has(first.lower)) surnames.add(first.lower)
  }
  return surnames
}

function isSurname(word: LoneWord, surnames: ReadonlySet<string>): boolean {
  if (word.titled || surnames.has(word.token.lower)) return true
  const known = wordClass(word.token.lower)
  // "Peskov said" is a person, "Observers noted" and "Officials said" are not.
  return known === 'surname' || (known === undefined && word.speech && !word.headline && !/s$/.test(word.token.lower))
}

/** Names in the words of scripts other than Latin; none when the text uses none of them. */
function otherScriptNames(text: string, tokens: readonly NameToken[], scripts: ScriptsUsed | null): NameSpan[] {
  if (scripts === null) return []
  return [
    ...(scripts.cyrillic ? cyrillicNames(text, tokens) : []),
    ...(scripts.hangul ? hangulNames(text, tokens) : []),
    ...(scripts.arabic ? arabicNames(text, tokens) : []),
    ...(scripts.han ? hanNames(text) : [])
  ]
}

export function extractNames(text: string): NameMention[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const tokens = tokenize(text)
  const scripts = scriptsIn(text)
  const latin = scripts === null ? tokens : tokens.filter((token) => !inOtherScript(token.text))
  const findings: RunFindings = { names: [], lone: [] }
  for (const run of capitalRuns(text, latin)) readRun(run, findings)
  const surnames = surnamesOf(findings.names)
  const names: NameSpan[] = findings.names.map((name) => ({ start: name.tokens[0]!.start, end: name.tokens[name.tokens.length - 1]!.end, kind: name.kind }))
  for (const word of findings.lone) if (isSurname(word, surnames)) names.push({ start: word.token.start, end: word.token.end, kind: 'person' })
  names.push(...otherScriptNames(text, tokens, scripts))
  names.sort((a, b) => a.start - b.start || b.end - a.end)
  const mentions: NameMention[] = []
  let covered = -1
  for (const name of names) {
    if (name.start < covered || name.end <= name.start) continue
    mentions.push({ ...name, text: text.slice(name.start, name.end) })
    covered = name.end
  }
  return mentions
}
