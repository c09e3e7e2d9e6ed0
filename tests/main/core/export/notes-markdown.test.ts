import { describe, expect, it } from 'vitest'
import { escapeMarkdown, renderNotesMarkdown } from '../../../../src/main/core/export/notes-markdown'
import type { Annotation } from '../../../../src/shared/domain/annotation'
import { EMPTY_META, type Source } from '../../../../src/shared/domain/source'
import { makeAnnotation, makeSource } from '../../../helpers/factories'

const hash = (char: string) => char.repeat(64)

function source(id: string, title: string, relativePath: string, contentHash = hash('a')): Source {
  return makeSource({ id, title, relativePath, contentHash })
}

function annotation(id: string, sourceId: string, exact: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return makeAnnotation({ id, sourceId, exact, start, contentHash: hash('a'), ...extra })
}

describe('renderNotesMarkdown', () => {
  const sources = [source('s1', 'Putin has hope', 'anadolu/002.txt'), source('s2', 'Putin to envoys', 'tass/004.txt')]
  const annotations = [
    annotation('a1', 's1', 'We hope to restore\nrelations', 120, { comment: 'Anadolu wording', tags: ['quote'] }),
    annotation('a2', 's2', 'count on the revival of relations', 40),
    annotation('a3', 's1', 'positive results', 300)
  ]
  const claims = [
    { id: 'c1', text: 'Putin wants relations restored', annotationIds: ['a1', 'a2'], contradicting: [], createdAt: '', updatedAt: '' },
    { id: 'c2', text: 'Nobody backs this yet', annotationIds: [], contradicting: [], createdAt: '', updatedAt: '' },
    { id: 'c3', text: 'Trade results were positive', annotationIds: ['a3', 'gone'], contradicting: [], createdAt: '', updatedAt: '' }
  ]
  const markdown = renderNotesMarkdown({
    projectName: 'Korea story',
    exportedAt: new Date('2026-01-16T10:00:00Z'),
    claims,
    annotations,
    sources,
    roots: [{ id: 'root', path: '/data/korea', name: 'korea', importedAt: '', complete: true }]
  })

  it('lists the claims in order, numbering footnotes across the whole document', () => {
    expect(markdown.indexOf('## Claim 1')).toBeLessThan(markdown.indexOf('## Claim 2'))
    expect(markdown).toContain('Putin wants relations restored[^1][^2]')
    expect(markdown).toContain('Trade results were positive[^3][^4]')
    expect(markdown).toContain('Exported from Sourcebench on 2026-01-16 · 3 claims · 2 sources cited')
  })

  it('gives each link its quote, source title, relative path and offsets, keeping line breaks verbatim', () => {
    expect(markdown).toContain('[^1]: “We hope to restore relations” — *Putin has hope*, `anadolu/002.txt` in folder “korea”, characters 120–148.')
    expect(markdown).toContain('    > We hope to restore\n    > relations')
    expect(markdown).toContain('    Comment: Anadolu wording')
    expect(markdown).toContain('[^2]: “count on the revival of relations” — *Putin to envoys*, `tass/004.txt`')
  })

  it('says how many distinct sources back each claim, and marks links whose passage is gone', () => {
    expect(markdown).toContain('_Backed by 2 sources._')
    expect(markdown).toContain('_No evidence linked yet._')
    expect(markdown).toContain('[^4]: The linked passage no longer exists.')
  })
})

describe('escapeMarkdown', () => {
  it('keeps quotes and claims from turning into formatting', () => {
    expect(escapeMarkdown('a *very* _big_ [deal] <b> `code`')).toBe('a \\*very\\* \\_big\\_ \\[deal\\] \\<b\\> \\`code\\`')
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading')
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list')
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet')
    expect(escapeMarkdown('Lee Sok-bae, 2019-2022')).toBe('Lee Sok-bae, 2019-2022')
  })
})

describe('renderNotesMarkdown citations', () => {
  it('cites the outlet, the date and, for a PDF, the page of the passage', () => {
    const report = { ...source('p1', 'Annual report', 'reports/annual.pdf'), meta: { ...EMPTY_META, outlet: 'Federal Register', date: '2024-03-01' }, pageStarts: [0, 1000, 2500] }
    const markdown = renderNotesMarkdown({
      projectName: 'P',
      exportedAt: new Date('2026-01-16T10:00:00Z'),
      claims: [{ id: 'c', text: 'Claim', annotationIds: ['a'], contradicting: [], createdAt: '', updatedAt: '' }],
      annotations: [annotation('a', 'p1', 'a figure', 1200)],
      sources: [report],
      roots: []
    })
    expect(markdown).toContain('[^1]: “a figure” — *Annual report*, Federal Register, 2024-03-01, p. 2, `reports/annual.pdf`, characters 1200–1208.')
  })
})

describe('renderNotesMarkdown support', () => {
  it('states each claim’s support, which sources were counted as one, and which links contradict it', () => {
    const sources = [source('w', 'Wire story', 'wire.txt'), source('g', 'Aggregator page', 'agg.txt'), source('o', 'Own reporting', 'own.txt')]
    const markdown = renderNotesMarkdown({
      projectName: 'P',
      exportedAt: new Date('2026-01-16T10:00:00Z'),
      claims: [{ id: 'c', text: 'Claim', annotationIds: ['a', 'b', 'x'], contradicting: ['x'], createdAt: '', updatedAt: '' }],
      annotations: [annotation('a', 'w', 'hoped to restore', 10), annotation('b', 'g', 'hoped to restore', 12), annotation('x', 'o', 'had suffered', 3)],
      sources,
      roots: [],
      support: {
        c: { status: 'disputed', independentGroups: [['w', 'g']], contradictingSources: ['o'], sameOrigin: [{ copy: 'g', original: 'w', containment: 0.8 }], lostLinks: [] }
      }
    })
    expect(markdown).toContain('_Disputed. Backed by 3 sources (1 independent; 1 contradicting; counted as one: Aggregator page repeats Wire story)._')
    expect(markdown).toContain('[^3]: **Contradicts the claim:** “had suffered” — *Own reporting*')
  })
})
