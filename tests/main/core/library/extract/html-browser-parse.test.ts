import { describe, expect, it } from 'vitest'
import { parseHtmlDocument } from '../../../../../src/main/core/library/extract/dom'
import { findMalformation, isLittleOfPage, parseLikeBrowser } from '../../../../../src/main/core/library/extract/html-browser-parse'
import { htmlToText } from '../../../../../src/main/core/library/extract/html-to-text'

const malformation = (html: string): ReturnType<typeof findMalformation> => findMalformation(parseHtmlDocument(html), html)
const page = '<!DOCTYPE html><html lang="en"><head><title>Bus depot approved</title></head><body><p>The council voted on Tuesday.</p></body></html>'

describe('html-browser-parse', () => {
  it('finds nothing wrong with a well-formed page, even with a script after </html>', () => {
    expect(malformation(page)).toBeNull()
    expect(malformation(`${page}<script>track()</script>`)).toBeNull()
  })

  it('finds text before <html>, a <head> before <html>, and several documents in one file', () => {
    expect(malformation(`<br /><b>Warning</b>: mysql_connect() on line 12<br />${page}`)).toEqual({ kind: 'stray-content' })
    expect(malformation('<head><title>T</title></head><html><body><p>x</p></body></html>')).toEqual({ kind: 'stray-content' })
    expect(malformation(`${page}\n${page}`)).toEqual({ kind: 'several-documents', documents: 2 })
  })

  it('builds the body a browser shows for a page after a PHP warning', () => {
    const document = parseLikeBrowser(`<br /><b>Warning</b>: on line 12<br />${page}`)
    expect(document.body === null ? '' : htmlToText(document.body)).toBe('Warning: on line 12\n\nThe council voted on Tuesday.')
    expect(document.title).toBe('Bus depot approved')
  })

  it('titles a file holding an error page and then the real page after the real page', () => {
    const error = '<html><head><title>Database error</title></head><body><h1>Error</h1></body></html>'
    expect(parseLikeBrowser(`${error}${page}`).title).toBe('Bus depot approved')
  })

  it('tells when reader text is a sliver of what the markup shows', () => {
    const longPage = `<html><body><p>${'The council voted on Tuesday to build the depot. '.repeat(100)}</p></body></html>`
    expect(isLittleOfPage('Error', longPage)).toBe(true)
    expect(isLittleOfPage('The council voted on Tuesday to build the depot. '.repeat(10), longPage)).toBe(false)
  })
})
