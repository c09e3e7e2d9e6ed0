// `npm run eval:corroboration -- <corpora folder> [--half tune|report|all] [--only polnear,basil,names]`:
// the quote ledger and the name groups measured on real newsroom copy, through the API the
// Quotes and Names tabs call. Three data sets, each in its own folder under the one given:
//   polnear/data/<split>/…  speakers of quotations (scripts/corroboration-eval/polnear.ts)
//   basil-dev/…             the same quote across three outlets (scripts/corroboration-eval/basil.ts)
//   names-dev/…             spellings of one person's name (scripts/corroboration-eval/names.ts)
// Each module's header defines its figures exactly. Tuning used only the TUNE half
// (scripts/corroboration-eval/half.ts); the REPORT half, the default here, holds everything else,
// including any held-back half given in the same layout. Prints a table per data set and
// half with failures by class, then one JSON line: the report half's figures, and the tune
// half's under "tune" when it was asked for.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { evalBasil } from './corroboration-eval/basil'
import { wantedHalves, type DatasetResult, type Half } from './corroboration-eval/half'
import { evalNames } from './corroboration-eval/names'
import { evalPolnear } from './corroboration-eval/polnear'
import { wilson } from './stats'

type Evaluator = (corporaRoot: string, halves: Half[]) => Promise<DatasetResult[]>
const EVALUATORS: Record<string, Evaluator> = { polnear: evalPolnear, basil: evalBasil, names: evalNames }

/** The figures the targets are stated in, each with the figure counting what it is a share of and its target. */
const HEADLINE: ReadonlyArray<[figure: string, of: string, target: string]> = [
  ['speakerAccuracy', 'namedQuotesFound', '≥ 0.90'],
  ['speakerWrong', 'namedQuotesFound', '≤ 0.03'],
  ['pairRecall', 'goldPairs', '≥ 0.92'],
  ['groupPrecision', 'crossOutletGroups', '≥ 0.95'],
  ['falseSingleSource', 'singleSourceFlags', '≤ 0.02'],
  ['namesKoreanRecall', 'koreanPairs', '≥ 0.85'],
  ['namesRussianRecall', 'russianPairs', '≥ 0.85'],
  ['namesArabicRecall', 'arabicPairs', '≥ 0.85'],
  ['namesFalseMerges', 'hardNegativePairs', '≤ 0.01']
]

function headline(figures: Readonly<Record<string, number>>): void {
  console.log('\nheadline (report half)      value   95 % interval      of     target')
  for (const [key, of, target] of HEADLINE) {
    const value = figures[key]
    const n = figures[of]
    if (value === undefined || n === undefined) {
      console.log(`  ${key.padEnd(22)}  not measured`)
      continue
    }
    const [low, high] = wilson(Math.round(value * n), n)
    console.log(`  ${key.padEnd(22)}  ${value.toFixed(3)}   ${low.toFixed(3)}–${high.toFixed(3)}   ${String(n).padStart(6)}   ${target}`)
  }
}

function print(result: DatasetResult): void {
  const width = Math.max(...result.rows.map(([label]) => label.length), 12)
  console.log(`\n${result.title} (${result.half} half)`)
  for (const [label, value] of result.rows) console.log(`  ${label.padEnd(width)}  ${value}`)
  if (result.failures.length > 0) {
    console.log('  failures by class:')
    for (const [failure, count] of result.failures) console.log(`    ${String(count).padStart(5)}  ${failure}`)
  }
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const root = argv.find((arg, index) => !arg.startsWith('--') && !argv[index - 1]?.startsWith('--'))
  if (root === undefined || !existsSync(root)) {
    console.error('usage: npm run eval:corroboration -- <corpora folder> [--half tune|report|all] [--only polnear,basil,names]')
    process.exit(2)
  }
  const halves = wantedHalves(argv)
  const only = option(argv, '--only')?.split(',') ?? Object.keys(EVALUATORS)
  const unknown = only.filter((name) => !(name in EVALUATORS))
  if (unknown.length > 0) throw new Error(`eval-corroboration: no data set called ${unknown.join(', ')} (polnear, basil, names)`)
  const figures: Record<Half, Record<string, number>> = { tune: {}, report: {} }
  for (const name of only) {
    const started = performance.now()
    const results = await EVALUATORS[name]!(resolve(root), halves)
    for (const result of results) {
      print(result)
      Object.assign(figures[result.half], result.figures)
    }
    figures.report[`${name}Seconds`] = (performance.now() - started) / 1000
  }
  if (halves.includes('report')) headline(figures.report)
  console.log(JSON.stringify(halves.includes('tune') ? { ...figures.report, tune: figures.tune } : figures.report))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
