import { describe, expect, it } from 'vitest'
import { sniffFormat } from '../../../../../src/main/core/library/extract/sniff'
import { makePdf } from './make-pdf'

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))

describe('sniff', () => {
  it('recognises documents by their first bytes', () => {
    expect(sniffFormat(makePdf({ pages: [['Text']] }))).toEqual({ format: 'pdf' })
    expect(sniffFormat(bytes('{\\rtf1\\ansi Hello}'))).toEqual({ format: 'rtf' })
    expect(sniffFormat(bytes('<!-- saved -->\n<!DOCTYPE html><html><body>x</body></html>'))).toEqual({ format: 'html' })
    expect(sniffFormat(bytes('From: a@example.org\nSubject: Hi\n\nBody'))).toEqual({ format: 'email' })
    expect(sniffFormat(bytes('Minutes of the council meeting.\n'))).toEqual({ format: 'text' })
  })

  it('names a binary file for the refusal', () => {
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toEqual({ binary: 'a JPEG image' })
    expect(sniffFormat(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).toEqual({ binary: 'a Windows program' })
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ binary: 'a zip archive' })
  })

  it('keeps text that merely starts like a binary signature or quotes a PDF header as text', () => {
    expect(sniffFormat(bytes('MZ Hospital annual report\n'))).toEqual({ format: 'text' })
    expect(sniffFormat(bytes('ID3 tags are metadata in MP3 files.\n'))).toEqual({ format: 'text' })
    expect(sniffFormat(bytes('Notes on file formats:\n%PDF-1.4 is the header of a PDF file.\n'))).toEqual({ format: 'text' })
  })
})
