import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, INVALID_UTF8_WARNING, utf8Census } from '../../../../../src/main/core/library/extract/decode-text'

function bytes(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding))
}

describe('decode-text', () => {
  it('reads Windows-1252 text (curly quotes, en dash, accents) without mojibake', () => {
    const decoded = decodeText(bytes('Le café – “quoted” and naïve résumé, as written.', 'windows-1252'))
    expect(decoded.text).toBe('Le café – “quoted” and naïve résumé, as written.')
    expect(decoded.encoding).toBe('windows-1252')
  })

  it('reads Windows-1251 Russian text without mojibake', () => {
    const decoded = decodeText(bytes('Посол России в Сеуле', 'windows-1251'))
    expect(decoded.text).toBe('Посол России в Сеуле')
    expect(decoded.encoding).toBe('windows-1251')
  })

  it('reads a longer Windows-1251 article and ISO-8859-1 text as their encodings', () => {
    const russian = 'Посол России в Сеуле Георгий Зиновьев заявил журналистам, что отношения двух стран остаются дружескими.'
    expect(decodeText(bytes(russian, 'windows-1251')).text).toBe(russian)
    expect(decodeText(bytes('Müller zahlt die Größe in Straßburg.', 'latin1')).text).toBe('Müller zahlt die Größe in Straßburg.')
  })

  it('reads Central European Windows-1250 text whose ISO-8859-2 look-alike would garble it', () => {
    expect(decodeText(bytes('Zażółć gęślą jaźń – śmiało.', 'windows-1250')).text).toBe('Zażółć gęślą jaźń – śmiało.')
  })

  it('reads Shift_JIS Japanese text', () => {
    expect(decodeText(bytes('東京で記者会見が開かれました。日本語のテキストです。', 'shift_jis')).text).toBe('東京で記者会見が開かれました。日本語のテキストです。')
  })

  it('follows a UTF-16 byte order mark in either byte order and drops the mark', () => {
    const text = 'Сеул — “quoted”\r\nnext line'
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')])
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')])
    expect(decodeText(le).text).toBe('Сеул — “quoted”\nnext line')
    expect(decodeText(be).text).toBe('Сеул — “quoted”\nnext line')
  })

  it('strips a UTF-8 byte order mark and turns CRLF and CR line breaks into LF', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('one\r\ntwo\rthree\n')]))
    expect(decoded.text).toBe('one\ntwo\nthree\n')
    expect(decoded.warnings).toEqual([])
  })

  it('keeps mostly-UTF-8 text as UTF-8, marking a stray invalid byte with U+FFFD and a warning', () => {
    const good = Buffer.from('Сеул и Москва — “переговоры” ')
    const damaged = new Uint8Array([...good, 0xff, ...Buffer.from(' продолжаются.')])
    const decoded = decodeText(damaged)
    expect(decoded.text).toBe('Сеул и Москва — “переговоры” \uFFFD продолжаются.')
    expect(decoded.warnings).toEqual([INVALID_UTF8_WARNING])
  })

  it('refuses empty, binary and whitespace-only files with reasons a journalist understands', () => {
    expect(() => decodeText(new Uint8Array())).toThrow('the file is empty')
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]))).toThrow('binary content, not text')
    expect(() => decodeText(new Uint8Array(Buffer.from(' \r\n\t \n')))).toThrow('the file holds only whitespace')
  })

  it('believes a declared charset unless the bytes are UTF-8 with non-ASCII text', () => {
    expect(decodeText(bytes('Посол России', 'windows-1251'), 'windows-1251').text).toBe('Посол России')
    expect(decodeText(new Uint8Array(Buffer.from('Посол России')), 'iso-8859-1').text).toBe('Посол России')
    expect(decodeText(bytes('café', 'windows-1252'), 'ISO-8859-1').text).toBe('café')
  })
})

describe('decode-text utf8Census', () => {
  it('counts well-formed multi-byte characters and malformed bytes separately', () => {
    expect(utf8Census(new Uint8Array(Buffer.from('aé€😀')))).toEqual({ multibyte: 3, invalid: 0 })
    expect(utf8Census(bytes('café –', 'windows-1252'))).toEqual({ multibyte: 0, invalid: 2 })
  })
})
