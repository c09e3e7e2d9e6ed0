// Joins the groups of names the matcher is sure of, surest link first, but never two groups
// whose fuller names disagree: "Sergei Lukin" matches both "Sergey Nikolaevich Lukin" and
// "Sergey Anatolyevich Lukin", and must not make those two one person through itself.
import type { NameForm } from './latin-name-form'
import type { NameSets } from './name-sets'
import { AUTO_JOIN, type VariantLink } from './variant-links'
import { matchVariants } from './variant-match'

/** Two names as full as each other matching less than this are two people ("Sergey Nikolaevich" / "Sergey Anatolyevich"). */
const DISAGREE = 0.55
/** Names of a group checked against the other group's before joining: its fullest ones. */
const CHECKED = 6

const size = (form: NameForm): number => form.words.length

/** Would joining these groups put two names together that plainly belong to different people? */
function disagree(a: readonly string[], b: readonly string[], forms: ReadonlyMap<string, NameForm>): boolean {
  for (const x of a) {
    for (const y of b) {
      const [fx, fy] = [forms.get(x)!, forms.get(y)!]
      // Only names as full as each other: a shorter name leaves words out and says nothing against.
      if (size(fx) !== size(fy)) continue
      if ((matchVariants(fx, fy)?.confidence ?? 0) < DISAGREE) return true
    }
  }
  return false
}

export function joinVariants(links: readonly VariantLink[], sets: NameSets, forms: ReadonlyMap<string, NameForm>): void {
  const members = new Map<string, string[]>()
  for (const key of forms.keys()) {
    const root = sets.find(key)
    members.set(root, [...(members.get(root) ?? []), key])
  }
  const fullest = (keys: readonly string[]): string[] => [...keys].sort((x, y) => size(forms.get(y)!) - size(forms.get(x)!)).slice(0, CHECKED)
  for (const link of links) {
    if (link.confidence < AUTO_JOIN) break
    const [rootA, rootB] = [sets.find(link.a), sets.find(link.b)]
    if (rootA === rootB) continue
    const [inA, inB] = [members.get(rootA) ?? [], members.get(rootB) ?? []]
    if (disagree(fullest(inA), fullest(inB), forms) || !sets.union(rootA, rootB)) continue
    const root = sets.find(rootA)
    members.delete(rootA)
    members.delete(rootB)
    members.set(root, [...inA, ...inB])
  }
}
