import { describe, expect, it } from 'vitest'
import { parseHtmlDocument } from '../../../../../src/main/core/library/extract/dom'
import { statesTitleInMetadata, withoutDashedSiteName } from '../../../../../src/main/core/library/extract/html-title'

describe('html-title', () => {
  it('drops a dash-separated site name, before or after the headline, from a <title> Readability kept whole', () => {
    const title = 'Lorem ipsum dolor sit amet – My website'
    expect(withoutDashedSiteName(title, title)).toBe('Lorem ipsum dolor sit amet')
    expect(withoutDashedSiteName('Site — A long enough headline here', 'Site — A long enough headline here')).toBe('A long enough headline here')
  })

  it('keeps the whole <title> when cutting would leave four words or fewer', () => {
    const title = 'Evolve: Shared Mutable History — evolve extension for Mercurial'
    expect(withoutDashedSiteName('Shared Mutable History — evolve extension for Mercurial', title)).toBe(title)
    expect(withoutDashedSiteName('Short one – Site', 'Short one – Site')).toBe('Short one – Site')
  })

  it('knows when the page states its title in metadata, which is then left alone', () => {
    expect(statesTitleInMetadata(parseHtmlDocument('<head><meta property="og:title" content="x"></head>'))).toBe(true)
    expect(statesTitleInMetadata(parseHtmlDocument('<head><meta name="description" content="x"></head>'))).toBe(false)
  })
})
