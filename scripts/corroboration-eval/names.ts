// Name variants across romanisations on names-dev (OFAC SDN persons and their aliases), through
// the Names tab's own path: every spelling in a short news-like document of its own, one library per
// half, hard-negative persons included, then the name groups the app returns.
//
// Gold and metrics:
// - Persons are split by halfOf(entry_id); a hard-negative pair is tuned on only when both its persons
//   are in the tune half (else it is reported), and both
//   its persons' spellings join that half's library. Spellings: the SDN name and each `aka` alias
//   ("SURNAME, Given" in natural order: surname first for Korean and Chinese surnames, given name
//   first otherwise), each in its own document built from a few sentence templates.
// - Origin by programme, then filtered by hints in the SDN name (names of another origin inside a
//   programme are noise): DPRK* → Korean when the surname is a Korean one; RUSSIA*, UKRAINE*,
//   BELARUS*, MAGNIT, CAATSA - RUSSIA → Russian unless the name has an Arabic hint (al-, abu, bin,
//   Muhammad, …) or an East Asian surname; SDGT, IRAN*, IRGC, IFSR, SYRIA*, IRAQ*, YEMEN, LEBANON,
//   LIBYA*, HRIT-IR, NS-PLC, CAATSA - IRAN → Arabic/Persian unless the surname ends like a Slavic one
//   (-ov, -enko, -vich, -sky, …) or is East Asian. Other programmes (Mexican, Balkan, …) are not scored.
// - Variant pairs: every unordered pair of one person's listed spellings (SDN name and aka aliases)
//   whose difflib SequenceMatcher ratio on the lower-cased listed forms is 0.75–0.99 (the README's
//   definition; sequenceRatio reimplements difflib's ratio). Recall per origin = pairs whose two
//   documents' names land in ONE returned group (proposals do not count).
// - A document's name is "found" when a group variant from that document has the key of the whole
//   written name (leading titles such as "Dr." aside); when only part of it was found the pair is
//   judged on the group of the longest part found, and the spelling is counted as "partly extracted"
//   (a missed pair with such a spelling is classed "partly extracted").
// - namesFalseMerges = hard-negative pairs whose two SDN names land in one group / hard-negative pairs.
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { nameKey } from '../../src/main/core/corroboration/names/name-key'
import { halfOf, type DatasetResult, type Half } from './half'
import { withLibrary, type EvalFile } from './library'
import { foldListed, readNamesData, sequenceRatio, type Origin, type Person } from './name-pairs'
import { failureClass } from './name-failures'

const TEMPLATES = [
  (name: string) => `${name} said on Tuesday that the talks would continue.`,
  (name: string) => `The talks were led by ${name}, according to two officials.`,
  (name: string) => `According to the ministry, ${name} arrived in the capital late last week.`,
  (name: string) => `A spokesman for ${name} declined to comment on the report.`
]

const ORIGINS: Origin[] = ['korean', 'russian', 'arabic']
const FIGURE: Record<Origin, string> = { korean: 'namesKoreanRecall', russian: 'namesRussianRecall', arabic: 'namesArabicRecall' }

interface Placed {
  /** Group id the document's name landed in, or null when no name was found in it. */
  group: string | null
  whole: boolean
}

async function evalHalf(half: Half, persons: Person[], negatives: { a: Person; b: Person }[]): Promise<DatasetResult> {
  const files: EvalFile[] = []
  const docOf = new Map<string, string>()
  let count = 0
  for (const person of persons) {
    person.spellings.forEach((spelling, index) => {
      const path = `names/p${person.id}/${index}.txt`
      docOf.set(`${person.id}/${index}`, path)
      files.push({ path, text: `${TEMPLATES[count++ % TEMPLATES.length]!(spelling)}\n` })
    })
  }
  const placed = await withLibrary(`names-${half}`, files, async (library) => {
    const { groups, proposals } = await library.names()
    const bySource = new Map<string, { group: string; key: string }[]>()
    for (const group of groups) {
      for (const variant of group.variants) {
        for (const sourceId of variant.sourceIds) bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), { group: group.id, key: variant.key }])
      }
    }
    const result = new Map<string, Placed>()
    for (const person of persons) {
      person.spellings.forEach((spelling, index) => {
        const path = docOf.get(`${person.id}/${index}`)!
        // The harness keys sources by path with or without the first folder, depending on the importer's relativePath.
        const source = library.sources.get(path) ?? library.sources.get(path.slice(path.indexOf('/') + 1))
        const found = source === undefined ? [] : (bySource.get(source.id) ?? [])
        const best = found.sort((x, y) => y.key.length - x.key.length)[0]
        result.set(`${person.id}/${index}`, { group: best?.group ?? null, whole: best !== undefined && best.key === nameKey(spelling) })
      })
    }
    return { result, proposals: proposals.length }
  })
  const at = (person: Person, index: number): Placed => placed.result.get(`${person.id}/${index}`)!
  const totals = Object.fromEntries(ORIGINS.map((origin) => [origin, { pairs: 0, joined: 0 }]))
  const failures = new Map<string, number>()
  const missed: string[] = []
  for (const person of persons) {
    // Persons of the other half brought in by a hard negative are competition, not scored here.
    if (person.origin === null || halfOf(person.id) !== half) continue
    const folded = person.listed.map(foldListed)
    for (let i = 0; i < folded.length; i++) {
      for (let j = i + 1; j < folded.length; j++) {
        const ratio = sequenceRatio(folded[i]!, folded[j]!)
        if (ratio < 0.75 || ratio > 0.99) continue
        const total = totals[person.origin]!
        total.pairs++
        const [x, y] = [at(person, i), at(person, j)]
        if (x.group !== null && x.group === y.group) total.joined++
        else {
          const why = x.group === null || y.group === null ? 'not extracted' : !x.whole || !y.whole ? 'partly extracted' : failureClass(person.spellings[i]!, person.spellings[j]!, person.origin)
          failures.set(why, (failures.get(why) ?? 0) + 1)
          missed.push(`${person.origin}\t${why}\t${person.spellings[i]!}\t${person.spellings[j]!}`)
        }
      }
    }
  }
  let merged = 0
  for (const { a, b } of negatives) {
    const [x, y] = [at(a, 0), at(b, 0)]
    if (x.group === null || x.group !== y.group) continue
    merged++
    missed.push(`merged\t\t${a.spellings[0]!}\t${b.spellings[0]!}`)
  }
  // Wider than the hard negatives: groups holding whole names of two or more listed persons (some
  // persons share a spelling, e.g. a father and son, so this is an upper bound on wrong joins).
  const personsIn = new Map<string, Set<string>>()
  for (const person of persons) {
    person.spellings.forEach((_, index) => {
      const place = at(person, index)
      if (place.group !== null && place.whole) personsIn.set(place.group, (personsIn.get(place.group) ?? new Set()).add(person.id))
    })
  }
  const mixedGroups = [...personsIn.values()].filter((ids) => ids.size > 1)
  const mixed = mixedGroups.length
  for (const ids of mixedGroups) missed.push(`mixed\t\t${[...ids].map((id) => persons.find((person) => person.id === id)!.spellings[0]!).join('\t')}`)
  // NAMES_EVAL_MISSES=<file>: every missed pair and false merge, one a line, for looking at failures (tune half only!).
  const dump = process.env.NAMES_EVAL_MISSES
  if (dump !== undefined && dump !== '' && half === 'tune') await writeFile(`${dump}.${half}.tsv`, `${missed.join('\n')}\n`)
  let missing = 0
  let partial = 0
  for (const place of placed.result.values()) {
    if (place.group === null) missing++
    else if (!place.whole) partial++
  }
  const figures: Record<string, number> = {}
  const rows: Array<[string, string]> = []
  for (const origin of ORIGINS) {
    const { pairs, joined } = totals[origin]!
    // An origin with no pairs (a held-back file may lack one) is not measured, not a recall of 0.
    if (pairs === 0) {
      rows.push([`${origin} variant pairs joined`, 'no pairs: not measured'])
      continue
    }
    figures[FIGURE[origin]] = joined / pairs
    figures[`${origin}Pairs`] = pairs
    rows.push([`${origin} variant pairs joined`, `${joined}/${pairs} = ${(figures[FIGURE[origin]]!).toFixed(3)}`])
  }
  figures.namesFalseMerges = negatives.length === 0 ? 0 : merged / negatives.length
  figures.hardNegativePairs = negatives.length
  figures.spellingsNotExtracted = missing
  figures.spellingsPartlyExtracted = partial
  figures.nameProposals = placed.proposals
  figures.groupsMixingPersons = mixed
  rows.push(['hard negatives merged', `${merged}/${negatives.length} = ${figures.namesFalseMerges.toFixed(4)}`])
  rows.push(['spellings (documents)', String(placed.result.size)])
  rows.push(['spellings not found / partly found', `${missing} / ${partial}`])
  rows.push(['proposals offered', String(placed.proposals)])
  rows.push(['groups holding whole names of 2+ listed persons', `${mixed} of ${personsIn.size}`])
  return { title: `names-dev ${half}: name variants`, half, rows, figures, failures: [...failures].sort((p, q) => q[1] - p[1]) }
}

export async function evalNames(corporaRoot: string, halves: Half[]): Promise<DatasetResult[]> {
  const folder = join(corporaRoot, 'names-dev')
  if (!(await stat(join(folder, 'names.csv')).then(() => true, () => false))) {
    process.stderr.write(`eval-corroboration: no names-dev/names.csv under ${corporaRoot}: names skipped\n`)
    return []
  }
  const data = await readNamesData(folder)
  const results: DatasetResult[] = []
  for (const half of halves) {
    // A pair is tuned on only when both its persons are in the tune half: no reported person enters tuning.
    const pairHalf = (pair: { a: string; b: string }): Half => (halfOf(pair.a) === 'tune' && halfOf(pair.b) === 'tune' ? 'tune' : 'report')
    const negatives = data.hardNegatives
      .filter((pair) => pairHalf(pair) === half)
      .map((pair) => ({ a: data.persons.get(pair.a), b: data.persons.get(pair.b) }))
      .filter((pair): pair is { a: Person; b: Person } => pair.a !== undefined && pair.b !== undefined)
    const inHalf = new Set([...data.persons.values()].filter((person) => halfOf(person.id) === half))
    for (const { a, b } of negatives) inHalf.add(a).add(b)
    results.push(await evalHalf(half, [...inHalf], negatives))
  }
  return results
}
