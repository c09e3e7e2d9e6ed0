// Turns the bytes of a text-like file (plain text, Markdown, HTML) into a string: byte
// order mark first, then a declared charset, then UTF-8, then a guess among the legacy
// encodings journalists still receive (Windows-1252, Windows-1251, ISO-8859-x, CJK).
import iconv from 'iconv-lite'
import jschardet from 'jschardet'
import { unreadable } from './unreadable'

export interface DecodedText {
  /** The text with CRLF/CR turned into LF and no byte order mark. */
  text: string
  /** The encoding used, as iconv-lite names it. */
  encoding: string
  warnings: string[]
}

export const INVALID_UTF8_WARNING = 'contains invalid UTF-8 bytes, shown as �'

const BINARY_PROBE_BYTES = 8192
const DETECTION_SAMPLE_BYTES = 64 * 1024
const LOW_CONFIDENCE = 0.5
const CANDIDATES = 3

/** What jschardet may answer; everything else it knows (EBCDIC-like, UTF-32 guesses) is noise here. */
const GUESSABLE = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1255',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-7',
  'KOI8-R',
  'IBM866',
  'x-mac-cyrillic',
  'SHIFT_JIS',
  'EUC-JP',
  'GB2312',
  'Big5',
  'EUC-KR',
  'TIS-620'
]

/** ISO-8859-x has control codes at 0x80–0x9F where its Windows sibling has letters and quotes. */
const WINDOWS_SIBLING: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'windows-1250',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-9': 'windows-1254'
}

/** Labels browsers treat as another encoding (WHATWG Encoding Standard). */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  // A page that declares UTF-16 yet reached the parser as ASCII-compatible bytes is not UTF-16.
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
  'x-mac-cyrillic': 'maccyrillic'
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed ones, to tell damaged UTF-8 from a legacy encoding. */
export function utf8Census(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    if (lead < 0x80) {
      i += 1
      continue
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k += 1) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80
    if (ok) {
      multibyte += 1
      i += length
    } else {
      invalid += 1
      i += 1
    }
  }
  return { multibyte, invalid }
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function canonicalLabel(label: string): string | null {
  const lower = label.trim().toLowerCase()
  const aliased = LABEL_ALIASES[lower] ?? lower
  return iconv.encodingExists(aliased) ? aliased : null
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)
}

/** Letters of one word should share a script; a wrong single-byte guess mixes them ("Mόller"). */
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Thai}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
]

function implausibility(text: string): number {
  let score = (text.match(/[\uFFFD\u0080-\u009F]/g) ?? []).length
  for (const word of text.match(/\p{L}{2,}/gu) ?? []) {
    if (SCRIPTS.filter((script) => script.test(word)).length > 1) score += 1
  }
  return score
}

interface Guess {
  encoding: string
  confidence: number
  implausibility: number
}

/**
 * jschardet's top answers plus Windows-1252, ranked by how plausible the decoded text is
 * (jschardet alone reads short German as Greek), then by jschardet's confidence.
 */
function guessLegacyEncoding(bytes: Uint8Array): { encoding: string; confident: boolean } {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECTION_SAMPLE_BYTES))
  const guesses = new Map<string, Guess>()
  const consider = (label: string | null, confidence: number): void => {
    if (label === null) return
    const sibling = WINDOWS_SIBLING[label]
    const encoding = sibling !== undefined && hasC1Bytes(sample) ? sibling : label
    const known = guesses.get(encoding)
    if (known !== undefined) known.confidence = Math.max(known.confidence, confidence)
    else guesses.set(encoding, { encoding, confidence, implausibility: implausibility(iconv.decode(sample, encoding)) })
  }
  for (const result of jschardet.detectAll(sample, { detectEncodings: GUESSABLE }).slice(0, CANDIDATES)) {
    consider(canonicalLabel(result.encoding), result.confidence)
  }
  consider('windows-1252', 0)
  const ranked = [...guesses.values()].sort((a, b) => a.implausibility - b.implausibility || b.confidence - a.confidence)
  const best = ranked[0] ?? { encoding: 'windows-1252', confidence: 0, implausibility: 0 }
  const ruledOthersOut = ranked.slice(1).every((other) => other.implausibility > best.implausibility)
  return { encoding: best.encoding, confident: best.confidence >= LOW_CONFIDENCE || (ranked.length > 1 && ruledOthersOut) }
}

function finish(raw: string, encoding: string, warnings: string[]): DecodedText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (text.trim().length === 0) throw unreadable('the file holds only whitespace')
  return { text, encoding, warnings }
}

/**
 * Decodes a text file. `declared` is a charset the file names itself (an HTML <meta>);
 * it is believed unless the bytes are valid UTF-8 with non-ASCII text, which a saved
 * page whose declaration went stale usually is.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  if (bytes.length === 0) throw unreadable('the file is empty')
  const bom = bomEncoding(bytes)
  const utf16 = bom !== null && bom.encoding !== 'utf-8'
  if (!utf16 && bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) throw unreadable('binary content, not text')
  if (bom !== null) return finish(iconv.decode(bytes.subarray(bom.length), bom.encoding), bom.encoding, [])

  const strict = tryStrictUtf8(bytes)
  const declaredLabel = declared === null ? null : canonicalLabel(declared)
  if (declaredLabel !== null && declaredLabel !== 'utf-8' && declaredLabel !== 'utf8') {
    const utf8Evidence = strict !== null && utf8Census(bytes).multibyte > 0
    if (!utf8Evidence) return finish(iconv.decode(bytes, declaredLabel), declaredLabel, [])
  }
  if (strict !== null) return finish(strict, 'utf-8', [])

  const { multibyte, invalid } = utf8Census(bytes)
  if (multibyte >= 2 && multibyte >= 4 * invalid) {
    return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8', [INVALID_UTF8_WARNING])
  }
  const guess = guessLegacyEncoding(bytes)
  const warnings = guess.confident ? [] : [`encoding guessed as ${guess.encoding}; some characters may be wrong`]
  return finish(iconv.decode(bytes, guess.encoding), guess.encoding, warnings)
}
