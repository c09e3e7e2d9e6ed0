// Turns RTF tokens (rtf-stream-parser's tokenizer: groups, control words, text) into
// reader text: paragraphs, line breaks, cells; \'hh bytes in the code page of the
// current font or the document; \uN characters with their fallbacks skipped; and every
// destination that is not body text (fonts, styles, info, pictures, headers, field
// codes) left out, while the font table is read for its code pages.
import iconv from 'iconv-lite'
import { Tokenize } from 'rtf-stream-parser'
import { words } from 'rtf-stream-parser/dist/src/words'

const DESTINATION = 5
/** Groups nested deeper are skipped (and said): real files nest a few dozen levels; each level costs a state here. */
const MAX_GROUP_DEPTH = 1000
const GROUP_START = 0
const GROUP_END = 1
const CONTROL = 2
const TEXT = 3

/** Destinations whose text is part of what the reader reads: a field's shown result, footnotes. */
const TEXT_DESTINATIONS = new Set(['fldrslt', 'footnote'])

const SYMBOLS: Record<string, string> = {
  par: '\n\n',
  sect: '\n\n',
  page: '\n\n',
  line: '\n',
  row: '\n',
  tab: '\t',
  cell: '\t',
  nestcell: '\t',
  emdash: '—',
  endash: '–',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  '~': '\u00a0',
  _: '\u2011',
  '\\': '\\',
  '{': '{',
  '}': '}',
  zwj: '\u200d',
  zwnj: '\u200c'
}

/** \fcharset values and the Windows code page each stands for. */
const CHARSET_CODE_PAGES: Record<number, number> = {
  128: 932,
  129: 949,
  130: 1361,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250
}

interface GroupState {
  skip: boolean
  /** How many fallback characters follow each \u. */
  uc: number
  codePage: number
  /** Inside the font table: the font being described. */
  fontTable: boolean
}

export interface RtfText {
  text: string
  /** Some bytes were in a code page iconv-lite does not know. */
  undecodable: boolean
  /** Groups nested past MAX_GROUP_DEPTH were skipped. */
  tooDeep: boolean
}

export function rtfToText(input: Uint8Array | string): RtfText {
  const tokenizer = new Tokenize()
  const out: string[] = []
  const fonts = new Map<number, number>()
  let defaultCodePage = 1252
  let state: GroupState = { skip: false, uc: 1, codePage: defaultCodePage, fontTable: false }
  const stack: GroupState[] = []
  let groupStart = false
  let fallbackLeft = 0
  let undecodable = false
  let fontNumber: number | null = null
  /** Groups opened past MAX_GROUP_DEPTH and not closed yet: counted, not stacked. */
  let overflow = 0
  let skippedDeep = false

  const decode = (bytes: Buffer, codePage: number): string => {
    const encoding = `cp${codePage}`
    if (iconv.encodingExists(encoding)) return iconv.decode(bytes, encoding)
    undecodable = true
    return '\uFFFD'.repeat(bytes.length)
  }
  const emit = (text: string): void => {
    if (!state.skip) out.push(text)
  }
  /** Text after a \u is its fallback for old readers: drop that many characters. */
  const emitText = (text: string): void => {
    if (fallbackLeft === 0) return emit(text)
    const dropped = Math.min(fallbackLeft, text.length)
    fallbackLeft -= dropped
    if (dropped < text.length) emit(text.slice(dropped))
  }

  tokenizer.push = (token: { type: number; word?: string; param?: number; data?: Buffer } | null): boolean => {
    if (token === null) return true
    const starting = groupStart
    groupStart = false
    if (overflow > 0 || (token.type === GROUP_START && stack.length >= MAX_GROUP_DEPTH)) {
      skippedDeep = true
      if (token.type === GROUP_START) overflow++
      else if (token.type === GROUP_END) overflow--
      return true
    }
    if (token.type === GROUP_START) {
      stack.push(state)
      state = { ...state }
      groupStart = true
      fallbackLeft = 0
    } else if (token.type === GROUP_END) {
      if (state.fontTable && fontNumber !== null && !fonts.has(fontNumber)) fonts.set(fontNumber, defaultCodePage)
      state = stack.pop() ?? state
      fallbackLeft = 0
    } else if (token.type === TEXT) {
      emitText(decode(token.data ?? Buffer.alloc(0), state.codePage))
    } else if (token.type === CONTROL) {
      const word = token.word ?? ''
      const param = token.param
      if (starting && word !== 'rtf' && (word === '*' || (words[word] === DESTINATION && !TEXT_DESTINATIONS.has(word)))) {
        state.skip = true
        if (word === 'fonttbl') state.fontTable = true
        return true
      }
      if (word === 'ansicpg' && param !== undefined) defaultCodePage = state.codePage = param
      else if (word === 'uc' && param !== undefined) state.uc = Math.max(0, param)
      else if (word === 'u' && param !== undefined) {
        emit(String.fromCharCode(param < 0 ? param + 65536 : param))
        fallbackLeft = state.uc
      } else if (word === "'") emitText(decode(token.data ?? Buffer.alloc(0), state.codePage))
      else if (word === 'f' && param !== undefined) {
        if (state.fontTable) fontNumber = param
        else state.codePage = fonts.get(param) ?? defaultCodePage
      } else if (word === 'fcharset' && param !== undefined && state.fontTable && fontNumber !== null) {
        fonts.set(fontNumber, param === 0 || param === 1 ? defaultCodePage : (CHARSET_CODE_PAGES[param] ?? defaultCodePage))
      } else if (word === 'plain' && !state.fontTable) state.codePage = defaultCodePage
      else {
        const symbol = SYMBOLS[word]
        if (symbol !== undefined) emitText(symbol)
      }
    }
    return true
  }
  const fail = (error: unknown): void => {
    if (error !== undefined && error !== null) throw error
  }
  tokenizer._transform(typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.length), undefined, fail)
  tokenizer._flush(() => undefined)
  return { text: out.join(''), undecodable, tooDeep: skippedDeep }
}
