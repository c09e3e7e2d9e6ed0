// `npm run eval:evidence -- ../shared/corpora/wice/dev.jsonl`: how often the passage the
// app suggests first (hit@1), or one of its first five (hit@5), is a gold supporting
// sentence, on WiCE's supported and partially supported claims. Also runs plain BM25 on
// the same candidates as the baseline. Prints a table, then one JSON line.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rankPassages } from '../src/main/core/evidence/rank-passages'

interface WiceRow {
  label: string
  claim: string
  evidence: string[]
  supporting_sentences: number[][]
}

function hits(ranked: number[], gold: ReadonlySet<number>, k: number): boolean {
  return ranked.slice(0, k).some((index) => gold.has(index))
}

function main(): void {
  const path = resolve(process.argv[2] ?? '../shared/corpora/wice/dev.jsonl')
  const rows = readFileSync(path, 'utf-8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as WiceRow)
    .filter((row) => row.label !== 'not_supported' && row.supporting_sentences.length > 0)
  const started = performance.now()
  let hit1 = 0
  let hit5 = 0
  let plain1 = 0
  let plain5 = 0
  for (const row of rows) {
    const gold = new Set(row.supporting_sentences.flat())
    const ranked = rankPassages(row.claim, row.evidence).map((passage) => passage.index)
    if (hits(ranked, gold, 1)) hit1++
    if (hits(ranked, gold, 5)) hit5++
    const plain = rankPassages(row.claim, row.evidence, { plain: true }).map((passage) => passage.index)
    if (hits(plain, gold, 1)) plain1++
    if (hits(plain, gold, 5)) plain5++
  }
  const seconds = (performance.now() - started) / 1000
  const figures = {
    claims: rows.length,
    hitAt1: hit1 / rows.length,
    hitAt5: hit5 / rows.length,
    plainBm25HitAt1: plain1 / rows.length,
    plainBm25HitAt5: plain5 / rows.length,
    referenceMiniSearchHitAt1: 0.755,
    referenceMiniSearchHitAt5: 0.951,
    msPerClaim: (seconds * 1000) / rows.length / 2
  }
  console.log(`Suggested evidence on WiCE (${rows.length} supported or partially supported claims)\n`)
  console.log('           suggested   plain BM25 (same run)   MiniSearch BM25 (corpus README)')
  console.log(`hit@1      ${figures.hitAt1.toFixed(3)}       ${figures.plainBm25HitAt1.toFixed(3)}                   0.755`)
  console.log(`hit@5      ${figures.hitAt5.toFixed(3)}       ${figures.plainBm25HitAt5.toFixed(3)}                   0.951`)
  console.log(`${figures.msPerClaim.toFixed(2)} ms per claim\n`)
  console.log(JSON.stringify(figures))
}

main()
