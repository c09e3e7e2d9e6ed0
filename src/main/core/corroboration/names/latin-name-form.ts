// A Latin-letter name reduced to what survives every romanisation of Russian, Arabic, Persian
// and Korean: words with honorifics and the article al-/el- dropped, "Abdul"/"Abu" joined to the
// name they build, each word as consonants (sound classes applied) plus its vowels.
import { wordClass } from './name-lexicon'

export interface FormWord {
  /** The word after folding, particles and sound classes: "qaddafi" → "kadafi". */
  sound: string
  /** Its consonants in order, doubled ones once: "kdf". */
  skeleton: string
  /** Coarse consonant classes for blocking (voicing, k/q/g, s/z, l/r and h, w, y dropped): "KTP". */
  coarse: string
  /** The first sound's class, any vowel as V: Igor and Ihor, Olga and Olha both start "V". */
  initial: string
  /**
   * What the English lexicon knows the word as, if anything: two different surnames it knows
   * (Davies / Davis, Muller / Miller) are two names, not two spellings, and a plain word
   * ("Indoor", "Film") is no middle name to leave out.
   */
  known: 'surname' | 'name' | 'word' | null
}

export interface NameForm {
  words: FormWord[]
  /** Surname first in the Korean manner (Kim, Ri, Pak…): syllable rules apply, given names may be joined or split. */
  korean: boolean
}

/** Words that say who someone is, not which name they have: left out when names are compared. */
const HONORIFICS = new Set(['dr', 'sheikh', 'shaikh', 'shaykh', 'sheik', 'mullah', 'mulla', 'maulana', 'mawlawi', 'maulvi', 'qari', 'haji', 'hajji', 'imam', 'mufti', 'mr', 'mrs', 'seyed', 'seyyed', 'seyyid', 'sayyid', 'sayyed', 'syed'])
/** The Arabic article, written apart or joined by a hyphen: "al-Zawahiri", "El Khatib", "ad-Din", "a-Din". */
const ARTICLES = new Set(['al', 'el', 'a', 'ul', 'ad', 'ed', 'ud', 'as', 'es', 'us', 'ash', 'esh', 'at', 'et', 'ar', 'er', 'an', 'en', 'az', 'ez', 'adh', 'l'])
/** Words that build one name with the word after them: "Abd al-Aziz" is Abdelaziz, "Abu Bakr" Abubakar. */
const BUILDERS = new Set(['abd', 'abdu', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdur', 'abdar', 'abder', 'abu', 'abou', 'abo', 'abul', 'abdi'])
/** Korean surnames in their common spellings (Chinese ones such as Zhang or Wang are left out: their syllables differ). */
const KOREAN_SURNAMES = new Set(
  ('kim gim lee ri li yi rhee i park pak bak choi choe jung jeong chung jong chong jon chon jeon chun kang cho jo yoon yun jang chang ' +
    'lim rim im han oh o seo suh shin sin kwon hwang ahn an song hong yoo yu ryu ko koh moon mun yang son sohn bae baek paek paik ' +
    'heo ho huh nam noh roh ha kwak sung seong cha joo ju woo koo ku min na jin ji chi eom uhm won chae byun pyon tak ban hyun hyon ' +
    'ryang pang kye myong tong ra sok so kil gil chu choo').split(' ')
)

/** Folded, lower case, no diacritics; apostrophes (ayn, hamza, Korean o') gone, hyphens as spaces. */
export function foldName(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/['\u2018\u2019\u02bc\u02bb\u02bf`´]/g, '')
    .replace(/[^a-z\s]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
}

/** Sound classes shared by the romanisations: "kh"/"q"/"c" → k, "ph" → f, w → v, "dh"/"th" → d/t, y → i. */
export function soundOf(word: string, korean: boolean, first = false): string {
  let sound = word
    // "Alhassan", "Elkaddafi": the article written onto the name.
    .replace(/^[ae]l(?=[bcdfghjklmnpqrstvwxz]{1,2}[aeiouy])(?=[a-z]{3})/, '')
    .replace(/^abd[aeiou]*l+(?=[a-z]{2})/, 'abd')
    .replace(/^abd[aeiou]+(?=([rsdtnz])\1)/, 'abd')
    .replace(/tch/g, 'ch')
    // Slavic j is a glide ("Sergej", "Mihajlovich", "Marija", "Soltajev"); Belarusian dz is d ("Dzmitry", "Lidziya").
    .replace(/(?<=[aeiou])j(?=l|$|e)|(?<=i)j(?=[aeiou])/g, 'i')
    .replace(/^dz|dz(?=[aeiouy])/g, 'd')
    // Belarusian "Stsiapan" / "Karpiankou" for Russian "Stepan" / "Karpenkov"; Serbo-Croatian -ic for -ich.
    .replace(/sts(?=[iy])/g, 'st')
    .replace(/(?<=[bcdfgklmnprstvz])[iy]a(?=[bcdfgklmnprstvz])/g, 'e')
    .replace(/vic$/, 'vich')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/sch|sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/kh|gh|q|ck|c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/([dt])h/g, '$1')
    .replace(/w/g, 'v')
    .replace(/ou|oo|u/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/eo/g, 'o')
    .replace(/ae/g, 'e')
    .replace(/y/g, 'i')
    .replace(/(i[ij]|ei|ii)$/g, 'i')
  if (korean) sound = (first ? sound.replace(/^(ri|li|i|rhi|lei|lii)$/, 'i') : sound).replace(/r/g, 'l')
  return sound.replace(/([a-zSC])\1+/g, '$1').replace(/ii+/g, 'i')
}

// Sibilants share a class: French writes sh as ch (Bachir), Slavic and Arabic names j/zh/dj.
const COARSE: Readonly<Record<string, string>> = { k: 'K', g: 'K', s: 'S', z: 'S', S: 'S', C: 'S', j: 'S', t: 'T', d: 'T', p: 'P', b: 'P', f: 'P', v: '', l: 'L', r: 'L', m: 'M', n: 'N' }

function wordOf(plain: string, sound: string): FormWord {
  const skeleton = sound.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1')
  const coarse = [...skeleton].map((letter) => COARSE[letter] ?? (letter === 'h' ? '' : letter.toUpperCase())).join('').replace(/(.)\1+/g, '$1')
  const first = sound[0] ?? ''
  const initial = /[aeiou]/.test(first) ? 'V' : (COARSE[first] ?? first.toUpperCase())
  const lexical = wordClass(plain)
  const known = lexical === undefined ? null : lexical === 'surname' ? 'surname' : lexical === 'given' ? 'name' : 'word'
  return { sound, skeleton, coarse, initial, known }
}

/** "Dr. 'Abd al-Muhsin Al-Mutayri" → abdmuhsin, mutairi; "Kim Yong-chol" → kim, iong, kol (Korean). */
export function nameForm(text: string): NameForm {
  const folded = foldName(text).filter((word) => !HONORIFICS.has(word))
  const korean = folded.length >= 2 && folded.length <= 4 && KOREAN_SURNAMES.has(folded[0]!)
  const words: string[] = []
  for (let i = 0; i < folded.length; i++) {
    const word = folded[i]!
    if (!korean && ARTICLES.has(word) && i < folded.length - 1) continue
    if (!korean && BUILDERS.has(word) && i < folded.length - 1) {
      let next = i + 1
      while (next < folded.length - 1 && ARTICLES.has(folded[next]!)) next++
      words.push((word.startsWith('abu') || word.startsWith('abo') ? 'abu' : 'abd') + folded[next]!)
      i = next
      continue
    }
    words.push(word)
  }
  return { words: words.map((word, index) => wordOf(word, soundOf(word, korean, index === 0))), korean }
}
