import { describe, expect, it } from 'vitest'
import { parseHtmlDocument, withPageStructure } from '../../../../../src/main/core/library/extract/dom'
import { htmlToText } from '../../../../../src/main/core/library/extract/html-to-text'

describe('dom', () => {
  it('gives a fragment a body, so its text is found', () => {
    const body = parseHtmlDocument('<div><p>a fragment</p></div>').body
    expect(body === null ? '' : htmlToText(body)).toBe('a fragment')
  })

  it('gives a page without <html>/<body> tags a body, keeping its <title> as the page title', () => {
    const page = parseHtmlDocument('<!doctype html><title>Page title</title><p>no body tag</p>')
    expect(page.title).toBe('Page title')
    expect(page.body === null ? '' : htmlToText(page.body)).toBe('no body tag')
  })

  it('leaves a page that has both tags as it is', () => {
    expect(withPageStructure('<html><body>x</body></html>')).toBe('<html><body>x</body></html>')
  })
})
