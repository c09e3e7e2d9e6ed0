// How far apart two words of a name sound across romanisations: a weighted edit distance where
// vowels, sound-class neighbours (k/g, s/z) and a dropped h, v or glide cost little and any
// other consonant a lot, with the count of those outright consonant changes.
const CLASS: Readonly<Record<string, string>> = { k: 'k', g: 'k', s: 's', z: 's', S: 's', t: 't', d: 't', p: 'p', b: 'p', f: 'p', j: 'j', C: 'j', l: 'l', r: 'l' }
/** Letters romanisations add or drop: h (Hawatma/Hawatmeh), v (Dowlatabadi/Dolatabadi), glides. */
const LIGHT = new Set(['h', 'v', 'i'])
/** What a consonant changed outright costs. */
export const HARD = 1

export const isVowel = (letter: string): boolean => letter === 'a' || letter === 'e' || letter === 'i' || letter === 'o' || letter === 'u'

function substitution(x: string, y: string, korean: boolean, first: boolean): number {
  if (x === y) return 0
  const vx = isVowel(x)
  const vy = isVowel(y)
  if (vx && vy) return (x === 'e' && y === 'i') || (x === 'i' && y === 'e') || (x === 'o' && y === 'u') || (x === 'u' && y === 'o') ? 0.15 : 0.25
  if (vx || vy) return HARD
  // Bachir/Bashir, Darwich/Darwish: French spellings write sh as ch.
  if ((x === 'S' && y === 'C') || (x === 'C' && y === 'S')) return 0.4
  // Mikalai / Nikolai (Belarusian), Dh / Z / D for one Arabic letter (Hafidh / Hafiz, Ramadan / Ramazan).
  if ((x === 'm' && y === 'n') || (x === 'n' && y === 'm')) return 0.7
  if ((x === 'd' && y === 'z') || (x === 'z' && y === 'd')) return 0.5
  if (CLASS[x] !== undefined && CLASS[x] === CLASS[y]) {
    if (x === 'l' || x === 'r') return korean ? 0.4 : HARD
    // McCune-Reischauer and Revised Romanisation differ most in voicing: Cho / Jo, Kil / Gil, Pak / Bak.
    if (korean) return 0.15
    // Elsewhere q/g/k (Qaddafi / Gaddafi) and s/z (Aziz / Azis) vary; t/d and p/b much less (Brooker is not Parker).
    return CLASS[x] === 'k' || CLASS[x] === 's' ? 0.4 : 0.65
  }
  if (korean && ((x === 'z' && y === 'j') || (x === 'j' && y === 'z'))) return 0.3
  // Oleh / Oleg, Hordiyenko / Gordienko (Ukrainian h for g); Mihail / Mikhail (kh written as h), but
  // not as the first sound (Hogan is not Keegan).
  if (x === 'h' || y === 'h') return x === 'g' || y === 'g' || (!first && (x === 'k' || y === 'k')) ? 0.45 : HARD
  return HARD
}

/** A Korean syllable's final l or the g of ng is often left out (Gil / Gi, Yong / Yon). */
const indel = (x: string, korean: boolean): number => (isVowel(x) ? 0.25 : LIGHT.has(x) ? 0.35 : korean && (x === 'l' || x === 'g') ? 0.5 : HARD)

/** Weighted edit distance between two words' sounds, and how many consonants differ outright (on the cheapest path). */
export function wordDistance(a: string, b: string, korean: boolean): { cost: number; hard: number } {
  if (a === b) return { cost: 0, hard: 0 }
  const width = b.length + 1
  let cost = new Float64Array(width)
  let hard = new Int32Array(width)
  let nextCost = new Float64Array(width)
  let nextHard = new Int32Array(width)
  const adds = new Float64Array(width)
  for (let j = 1; j < width; j++) {
    const step = indel(b[j - 1]!, korean)
    adds[j] = step
    cost[j] = cost[j - 1]! + step
    hard[j] = hard[j - 1]! + (step >= HARD ? 1 : 0)
  }
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1]!
    const drop = indel(x, korean)
    nextCost[0] = cost[0]! + drop
    nextHard[0] = hard[0]! + (drop >= HARD ? 1 : 0)
    for (let j = 1; j < width; j++) {
      const sub = substitution(x, b[j - 1]!, korean, i === 1 && j === 1)
      const add = adds[j]!
      let bestCost = cost[j - 1]! + sub
      let bestHard = hard[j - 1]! + (sub >= HARD ? 1 : 0)
      const dropCost = cost[j]! + drop
      const dropHard = hard[j]! + (drop >= HARD ? 1 : 0)
      if (dropCost < bestCost || (dropCost === bestCost && dropHard < bestHard)) {
        bestCost = dropCost
        bestHard = dropHard
      }
      const addCost = nextCost[j - 1]! + add
      const addHard = nextHard[j - 1]! + (add >= HARD ? 1 : 0)
      if (addCost < bestCost || (addCost === bestCost && addHard < bestHard)) {
        bestCost = addCost
        bestHard = addHard
      }
      nextCost[j] = bestCost
      nextHard[j] = bestHard
    }
    ;[cost, nextCost] = [nextCost, cost]
    ;[hard, nextHard] = [nextHard, hard]
  }
  const result = { cost: cost[b.length]!, hard: hard[b.length]! }
  return result
}
