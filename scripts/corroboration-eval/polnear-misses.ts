// Sorts a named quotation whose speaker was missed or wrong into a failure class, by looking at
// the gold spans around it (the heuristic is spelled out in polnear.ts's header).
import { FINITE_VERBS, PARTICIPLES } from '../../src/main/core/corroboration/quotes/speaker-patterns'
import type { GoldAttribution, Span } from './polnear-gold'

export type MissClass = 'title of a work' | 'fragment inside reported speech' | 'apposition' | 'unusual verb' | 'pronoun/coref' | 'other'

const KNOWN_VERBS = new Set([...FINITE_VERBS, ...PARTICIPLES, 'according'].flatMap((verb) => verb.split(' ')))
const WORK_BEFORE = /\b(?:book|film|movie|show|song|album|series|titled|entitled|called|memoir|column|op-ed|essay|headline|slogan|program|documentary|novel|play|hashtag|ad|video)\W{0,3}$/i

function joined(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join(' ')
}

function isTitleOfWork(text: string, quoted: readonly Span[]): boolean {
  const words = joined(text, quoted).match(/[\p{L}\p{Nd}'’-]+/gu) ?? []
  if (words.length === 0 || words.length > 8) return false
  const start = quoted[0]!.start
  if (WORK_BEFORE.test(text.slice(Math.max(0, start - 30), start - 1))) return true
  return words.length >= 2 && words.every((word) => /^[\p{Lu}\p{Nd}]/u.test(word) || /^(?:of|the|a|an|and|in|on|to|for)$/.test(word))
}

export function classifyMiss(text: string, gold: GoldAttribution, attribution: string | null): MissClass {
  if (isTitleOfWork(text, gold.quoted)) return 'title of a work'
  const firstContent = gold.content[0]!
  const firstQuoted = gold.quoted[0]!
  if (/[\p{L}]{2}/u.test(text.slice(firstContent.start, Math.max(firstContent.start, firstQuoted.start - 1)))) return 'fragment inside reported speech'
  const source = gold.source ?? []
  const cue = gold.cue ?? []
  if (source.length > 0 && cue.length > 0) {
    const from = Math.min(source[0]!.start, cue[0]!.start)
    const to = Math.max(source.at(-1)!.end, cue[0]!.start)
    if (/[,(\d]/.test(text.slice(from, to)) && to - from < 200) return 'apposition'
  }
  const cueWords = joined(text, cue).toLowerCase().match(/\p{L}+/gu) ?? []
  if (cue.length > 0 && !cueWords.some((word) => KNOWN_VERBS.has(word))) return 'unusual verb'
  if (attribution !== null && /^(?:he|she|they)\b/i.test(attribution)) return 'pronoun/coref'
  const distance = Math.min(...source.map((span) => Math.min(Math.abs(span.start - gold.content.at(-1)!.end), Math.abs(gold.content[0]!.start - span.end))))
  if (distance > 250) return 'pronoun/coref'
  return 'other'
}
