// Why two spellings of one person did not land in one group, by the first class that explains
// the difference: segmentation, Korean syllable spelling, -y/-i/-iy endings, w/v or a dropped h,
// vowels only, or other (words added or dropped, different names).
import type { Origin } from './name-pairs'

const letters = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')
const words = (text: string): string[] => text.toLowerCase().normalize('NFD').replace(/[^a-z\s-]/g, '').split(/[\s-]+/).filter((word) => word.length > 0)
const ending = (word: string): string => word.replace(/(iy|yi|ii|ij|y|i)$/, 'i')
const vowelless = (text: string): string => text.replace(/[aeiouy]/g, '')

export function failureClass(a: string, b: string, origin: Origin): string {
  const [wa, wb] = [words(a), words(b)]
  if (wa.length !== wb.length && letters(a) === letters(b)) return 'segmentation'
  if (origin === 'korean') return 'Korean syllable spelling'
  if (wa.length === wb.length) {
    const same = (f: (word: string) => string): boolean => wa.every((word, index) => f(word) === f(wb[index]!))
    if (same(ending) && !same((word) => word)) return '-y/-i/-iy ending'
    if (same((word) => word.replace(/w/g, 'v').replace(/h/g, ''))) return 'w/v or dropped h'
    if (same((word) => vowelless(ending(word).replace(/w/g, 'v').replace(/h/g, '')))) return 'vowel variant'
  } else if (vowelless(letters(a)) === vowelless(letters(b))) return 'segmentation'
  return 'other'
}
