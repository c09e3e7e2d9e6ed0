// Does a Latin-letter name show that it was romanised from Russian, Ukrainian, Arabic, Persian or
// Korean? Only then are spellings that differ by vowels and sound classes likely one person:
// in English names the same small differences are other people (Tom / Tim Brady, John Carr /
// John Kerr), so the variant matcher doubts such pairs more (see variant-links.ts).
import { foldName } from './latin-name-form'

// Slavic surname, patronymic and given-name shapes: Ivanov(a), Lukashenko, Yanukovych,
// Borisovna, Slutskiy, Kovalchuk, Zhukov, Khodorkovsky, Yuri, Yekaterina.
const SLAVIC = /(?:[oe]v|[oe]va|yov|yova|enko|chuk|vi?ch|vych|vitch|ovna|evna|ichna|[oa]una|sk[iy]y?|skaya|skaia|kiy|iy|yy)$|^(?:kh|zh|ts|yu|ya|ye|yo|dz)|shch|kh|zh/
/** Slavic given names, whose spellings vary most of all (Sergey / Sergei, Dmitry / Dzmitry, Oleg / Oleh). */
const SLAVIC_GIVEN = new Set(['sergey', 'sergei', 'serhiy', 'serhii', 'denis', 'denys', 'dmitry', 'dmitri', 'dmitriy', 'dzmitry', 'oleg', 'oleh', 'igor', 'ihor', 'andrei', 'andrey', 'andriy', 'andrii', 'aleksandr', 'aleksei', 'alexei', 'alexey', 'oleksandr', 'oleksiy', 'mikhail', 'mykhailo', 'nikolai', 'nikolay', 'mykola', 'mikalai', 'vladimir', 'volodymyr', 'uladzimir', 'yuri', 'yuriy', 'yury', 'viktor', 'pavel', 'pavlo', 'pyotr', 'petr', 'ivan', 'vasily', 'vasili', 'vasiliy', 'vasyl', 'anatoly', 'anatoliy', 'yevgeny', 'evgeny', 'yevhen', 'boris', 'gennady', 'gennadiy', 'valery', 'valeriy', 'vitaly', 'vitaliy', 'irina', 'iryna', 'natalya', 'natalia', 'natallia', 'svetlana', 'sviatlana', 'tatiana', 'tatyana', 'tetiana', 'olga', 'olha', 'elena', 'yelena', 'olena', 'ekaterina', 'yekaterina', 'kateryna', 'anna', 'maria', 'mariya', 'lyudmila', 'liudmyla', 'galina', 'halyna'])
// Arabic and Persian: the article and name builders, q not written as English "qu", letters
// romanised in pairs (kh, dh, a leading gh), long vowels doubled, and common endings of compound names.
const ARABIC_WORDS = new Set(['al', 'el', 'ul', 'ad', 'ud', 'bin', 'ibn', 'bint', 'abu', 'abou', 'abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdur'])
const ARABIC = /q(?!u)|kh|dh|^gh|aa|ii|uu|(?:ullah|allah|ollah|uddin|eddin|eddine|zadeh|zada|pour|nejad|abadi)$|^(?:abd|abu|al[a-z]{3})/
/** Given names so common in Arabic and Persian that their spellings vary more than any (Mohammed / Muhammad). */
const ARABIC_GIVEN = new Set(['mohammed', 'mohammad', 'muhammad', 'muhammed', 'mohamed', 'ahmed', 'ahmad', 'mahmoud', 'mahmud', 'hussein', 'husain', 'hussain', 'hossein', 'hassan', 'hasan', 'ali', 'omar', 'umar', 'osama', 'usama', 'yousef', 'yusuf', 'youssef', 'ibrahim', 'ebrahim', 'khalid', 'khaled', 'mustafa', 'mostafa', 'abdullah', 'abdallah', 'reza', 'mehdi', 'mahdi', 'said', 'saeed', 'sayed', 'faisal', 'faysal', 'fazel', 'fazil', 'yasser', 'yasir', 'jamal', 'gamal', 'nasser', 'nasir', 'walid', 'waleed', 'salim', 'saleem', 'karim', 'kareem', 'tariq', 'tarek', 'hamza', 'hamzah', 'musa', 'moussa', 'issa', 'isa', 'yahya', 'yunus', 'younes', 'idris', 'ismail', 'ismael', 'zakaria', 'zakariya', 'ayman', 'aiman', 'anwar', 'bashir', 'rashid', 'rachid', 'majid', 'hamid', 'aziz', 'nabil', 'jamil', 'salah', 'saleh', 'salih', 'samir', 'zaid', 'zayd', 'ziad', 'ziyad', 'adel', 'adil', 'imad', 'emad', 'fuad', 'fouad', 'fahd', 'fahad', 'khalil', 'yasin', 'yassin', 'waseem', 'wasim', 'nasrallah', 'qasim', 'kasim', 'qassem', 'kassem', 'jafar', 'jaafar', 'hadi', 'mansour', 'mansur'])
/** Korean surnames that lead a name: with a romanised given name after them (Kim Yong Chol, Ri Yong Gi). */
const KOREAN_LEAD = new Set(['kim', 'ri', 'pak', 'park', 'choe', 'choi', 'jong', 'jang', 'chang', 'kang', 'han', 'ryu', 'yun', 'yoon', 'hwang', 'o', 'oh', 'so', 'sin', 'shin', 'kwon', 'hong', 'ho', 'pang', 'jon', 'jeon', 'chon', 'lee', 'yi'])

export function showsRomanisation(text: string, korean: boolean): boolean {
  const words = foldName(text)
  if (korean && words.length >= 2 && KOREAN_LEAD.has(words[0]!)) return true
  return words.some((word) => ARABIC_WORDS.has(word) || ARABIC_GIVEN.has(word) || SLAVIC_GIVEN.has(word) || (word.length >= 3 && (SLAVIC.test(word) || ARABIC.test(word))))
}
