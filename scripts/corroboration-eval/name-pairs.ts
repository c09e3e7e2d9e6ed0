// The gold of the names evaluation, read from names-dev's CSV files: persons with their spellings
// in natural order, the origin their programme points to, same-person variant pairs, and hard
// negatives. See names.ts for the metric definitions.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export type Origin = 'korean' | 'russian' | 'arabic'

export interface Person {
  id: string
  program: string
  origin: Origin | null
  /** The SDN name first, then each aka alias; natural order ("Kim Yong Chol", "Leonid Slutsky"), no duplicates. */
  spellings: string[]
  /** The listed forms behind `spellings`, index for index ("KIM, Yong Chol"). */
  listed: string[]
}

/** Minimal CSV reader (quoted fields, doubled quotes, commas inside quotes); the files have no line breaks inside fields. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0)
  const rows = lines.map((line) => {
    const fields: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!
      if (quoted && char === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = !quoted
      else if (char === ',' && !quoted) {
        fields.push(field)
        field = ''
      } else field += char
    }
    fields.push(field)
    return fields
  })
  const header = rows[0] ?? []
  return rows.slice(1).map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])))
}

/** difflib.SequenceMatcher(None, a, b).ratio() (no junk; autojunk only acts on strings of 200+ characters). */
export function sequenceRatio(a: string, b: string): number {
  if (a.length + b.length === 0) return 1
  const positions = new Map<string, number[]>()
  for (let j = 0; j < b.length; j++) positions.set(b[j]!, [...(positions.get(b[j]!) ?? []), j])
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let best: [number, number, number] = [alo, blo, 0]
    let lengths = new Map<number, number>()
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>()
      for (const j of positions.get(a[i]!) ?? []) {
        if (j < blo) continue
        if (j >= bhi) break
        const k = (lengths.get(j - 1) ?? 0) + 1
        next.set(j, k)
        if (k > best[2]) best = [i - k + 1, j - k + 1, k]
      }
      lengths = next
    }
    return best
  }
  let matches = 0
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]]
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!
    const [i, j, k] = longest(alo, ahi, blo, bhi)
    if (k === 0) continue
    matches += k
    if (alo < i && blo < j) queue.push([alo, i, blo, j])
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi])
  }
  return (2 * matches) / (a.length + b.length)
}

/** The README's folding for the ratio: lower case, as listed ("KIM, Yong Chol" → "kim, yong chol"). */
export const foldListed = (listed: string): string => listed.normalize('NFKC').toLowerCase()

const KOREAN_SURNAMES = new Set(
  'kim ri li yi pak park choe choi kang jon jong cho jo yu ryu o han hwang jang chang ryang pang paek mun ku ko ho chu chi sin so son song ju cha myong nam ra rim im yun jin kye tong hyon an'.split(' ')
)
const CHINESE_HINT = /^(chen|huang|tsang|tan|cheng|wang|zhang|liu|zhao|zhou|wu|xu|sun|ma|zhu|hu|guo|lin|he|gao|luo|zheng|liang|xie|tang|han)$/
const CYRILLIC_HINT = /(ov|ova|ev|eva|yov|yova|in|ina|enko|vich|vych|vna|sky|skiy|skii|ska|skaya|uk|chuk|yan|dze|shvili)$/
const ARABIC_HINT = /\b(al|el|abu|abd|abdul|abdel|abdal|bin|ibn|bint|muhammad|mohammad|mohammed|muhammed|ahmad|ahmed|ali|hassan|hasan|husayn|hussein|husain|abdallah|abdullah|mahmud|mahmoud|khalil|yusuf|ibrahim|ismail|hamid|rahman|reza|hossein|mohsen|jafar|zadeh)\b/

/** Origin by programme, then kept only when the SDN name does not point elsewhere (documented in names.ts). */
export function originOf(program: string, listedName: string): Origin | null {
  const programs = program.replace(/[[\]]/g, ' ').split(/\s{2,}|\s(?=[A-Z])/).map((part) => part.trim())
  const surname = foldListed(listedName).split(',')[0]!.trim()
  const firstSurnameWord = surname.split(/[\s-]+/)[0] ?? ''
  const lastSurnameWord = surname.split(/[\s-]+/).pop() ?? ''
  const folded = foldListed(listedName)
  if (programs.some((p) => /^DPRK/.test(p))) return KOREAN_SURNAMES.has(firstSurnameWord) && !/,.*\b\w+(ov|vich|ovna|evna)\b/.test(folded) ? 'korean' : null
  const russian = programs.some((p) => /^(RUSSIA|UKRAINE|BELARUS|MAGNIT)/.test(p)) || program.includes('CAATSA - RUSSIA')
  const arabic = programs.some((p) => /^(SDGT|IRAN|IRGC|IFSR|SYRIA|IRAQ|YEMEN|LEBANON|LIBYA|HRIT-IR|NS-PLC|HIZBALLAH)/.test(p)) || program.includes('CAATSA - IRAN')
  const eastAsian = CHINESE_HINT.test(firstSurnameWord) || KOREAN_SURNAMES.has(firstSurnameWord)
  if (russian && !ARABIC_HINT.test(folded) && !eastAsian) return 'russian'
  if (arabic && !CYRILLIC_HINT.test(lastSurnameWord) && !eastAsian) return 'arabic'
  if (russian && arabic) return ARABIC_HINT.test(folded) ? 'arabic' : 'russian'
  return null
}

const titleCase = (word: string): string => word.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())

/** "KIM, Yong Chol" → "Kim Yong Chol" (surname first for Korean or Chinese surnames); "SLUTSKY, Leonid" → "Leonid Slutsky". */
export function naturalOrder(listed: string, origin: Origin | null): string {
  const comma = listed.indexOf(',')
  const fix = (part: string): string => (part === part.toUpperCase() ? titleCase(part) : part).trim()
  if (comma < 0) return fix(listed).replace(/\s+/g, ' ')
  const surname = fix(listed.slice(0, comma))
  const given = fix(listed.slice(comma + 1))
  const head = surname.toLowerCase().split(/[\s-]+/)[0] ?? ''
  const surnameFirst = origin === 'korean' || (origin === null && (KOREAN_SURNAMES.has(head) || CHINESE_HINT.test(head)))
  return (given === '' ? surname : surnameFirst ? `${surname} ${given}` : `${given} ${surname}`).replace(/\s+/g, ' ')
}

export interface NamesData {
  persons: Map<string, Person>
  hardNegatives: { a: string; b: string }[]
}

export async function readNamesData(folder: string): Promise<NamesData> {
  const [names, persons, negatives] = await Promise.all(['names.csv', 'persons.csv', 'hard_negatives.csv'].map((file) => readFile(join(folder, file), 'utf8').then(parseCsv)))
  const byId = new Map<string, Person>()
  for (const row of persons!) {
    const origin = originOf(row.program!, row.name!)
    byId.set(row.entry_id!, { id: row.entry_id!, program: row.program!, origin, spellings: [], listed: [row.name!] })
  }
  for (const row of names!) {
    const person = byId.get(row.entry_id!)
    if (person !== undefined && row.kind === 'aka') person.listed.push(row.alias!)
  }
  for (const person of byId.values()) {
    const seen = new Set<string>()
    const listed: string[] = []
    for (const form of person.listed) {
      const natural = naturalOrder(form, person.origin)
      if (seen.has(natural)) continue
      seen.add(natural)
      listed.push(form)
      person.spellings.push(natural)
    }
    person.listed = listed
  }
  return { persons: byId, hardNegatives: negatives!.map((row) => ({ a: row.entry_id_a!, b: row.entry_id_b! })) }
}
