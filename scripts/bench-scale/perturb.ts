// Makes one perturbed copy of a news article for the scale bench: its lede kept first,
// paragraphs borrowed from same-topic articles up to a drawn length, then people's names,
// numbers, months and weekdays swapped, so the copy reads like another story on the topic.
import type { Article } from './corpus'
import { pick } from './random'

/** Copies are 2–5 KB, like the news texts the targets are stated for. */
export const COPY_CHARS = { min: 2000, max: 5000 } as const

const MONTHS = 'January February March April May June July August September October November December'.split(' ')
const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ')

/** Paragraphs: the base's lede first, the rest of it and runs of 1–3 paragraphs of others mixed after it. */
function compose(random: () => number, base: Article, group: readonly Article[]): string[] {
  const target = COPY_CHARS.min + random() * (COPY_CHARS.max - COPY_CHARS.min)
  const [lede, ...rest] = base.paragraphs
  const body = [...rest]
  let length = base.paragraphs.reduce((sum, paragraph) => sum + paragraph.length + 2, base.title.length)
  for (let tries = 0; length < target && tries < 40; tries++) {
    const other = pick(random, group)
    if (other === base || other.paragraphs.length === 0) continue
    const from = Math.floor(random() * other.paragraphs.length)
    const run = other.paragraphs.slice(from, from + 1 + Math.floor(random() * 3))
    body.splice(Math.floor(random() * (body.length + 1)), 0, ...run)
    length += run.reduce((sum, paragraph) => sum + paragraph.length + 2, 0)
  }
  // A long base (polnear runs to 10 KB) loses paragraphs after its lede until it fits.
  while (length > COPY_CHARS.max && body.length > 1) {
    const [dropped] = body.splice(1 + Math.floor(random() * (body.length - 1)), 1)
    length -= (dropped?.length ?? 0) + 2
  }
  const opening = base.dateline === null ? [] : [base.dateline]
  return lede === undefined ? [...opening, ...body] : [...opening, lede, ...body]
}

/** Each quoted person named in the text becomes, with probability 0.7, another person of the corpus (surname alone too). */
function swapNames(random: () => number, text: string, names: readonly string[], known: ReadonlySet<string>): string {
  const present = new Set<string>()
  for (const match of text.matchAll(/\b[A-Z][a-z]{1,14} [A-Z][a-z]{2,16}\b/g)) if (known.has(match[0])) present.add(match[0])
  const replacements = new Map<string, string>()
  for (const name of [...present].sort()) {
    if (random() >= 0.7) continue
    const other = pick(random, names)
    if (other === name) continue
    replacements.set(name, other)
    const surname = name.split(' ')[1] as string
    if (!replacements.has(surname)) replacements.set(surname, other.split(' ')[1] as string)
  }
  if (replacements.size === 0) return text
  // Longest first, so a full name is replaced before its surname alone.
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(`\\b(?:${keys.join('|')})\\b`, 'g')
  return text.replace(pattern, (found) => replacements.get(found) ?? found)
}

/** Years move a few years; other numbers keep their digit count; about half of them change. */
function swapNumbers(random: () => number, text: string): string {
  return text.replace(/\d+/g, (digits) => {
    if (random() < 0.5) return digits
    if (/^(?:19|20)\d\d$/.test(digits)) return String(Number(digits) + Math.floor(random() * 7) - 3)
    // No leading zero: "120" stays a three-digit number.
    let out = digits.length > 1 ? String(1 + Math.floor(random() * 9)) : ''
    while (out.length < digits.length) out += String(Math.floor(random() * 10))
    return out
  })
}

/** In half the copies every month (and weekday) moves by the same step: dates stay consistent within the story. */
function swapDates(random: () => number, text: string): string {
  if (random() < 0.5) return text
  const monthStep = 1 + Math.floor(random() * 11)
  const dayStep = 1 + Math.floor(random() * 6)
  return text
    .replace(new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'g'), (month) => MONTHS[(MONTHS.indexOf(month) + monthStep) % 12] as string)
    .replace(new RegExp(`\\b(?:${WEEKDAYS.join('|')})\\b`, 'g'), (day) => WEEKDAYS[(WEEKDAYS.indexOf(day) + dayStep) % 7] as string)
}

export interface CopyContext {
  names: readonly string[]
  knownNames: ReadonlySet<string>
  groups: ReadonlyMap<string, readonly Article[]>
}

/** The text of one copy of `base` (title line, blank line, paragraphs separated by blank lines). */
export function perturbedCopy(random: () => number, base: Article, context: CopyContext): string {
  const group = context.groups.get(base.group) ?? [base]
  const text = [base.title, ...compose(random, base, group)].join('\n\n') + '\n'
  return swapDates(random, swapNumbers(random, swapNames(random, text, context.names, context.knownNames)))
}
