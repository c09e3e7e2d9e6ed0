import { describe, expect, it } from 'vitest'
import { parseQuery, type Query } from '../../../src/shared/search/query'

function ok(input: string): { query: Query; warnings: string[] } {
  const outcome = parseQuery(input)
  if (!outcome.ok) throw new Error(`${input}: ${outcome.message}`)
  return outcome
}

function root(input: string): Query['root'] {
  return ok(input).query.root
}

function failure(input: string): { message: string; position: number } {
  const outcome = parseQuery(input)
  if (outcome.ok) throw new Error(`${input} parsed`)
  return { message: outcome.message, position: outcome.position }
}

const word = (text: string) => ({ kind: 'word', word: text }) as const

describe('parseQuery', () => {
  describe('terms', () => {
    it('needs all bare words (implicit AND), normalised like the index', () => {
      expect(root('Putin  KOREA')).toEqual({ kind: 'and', children: [word('putin'), word('korea')] })
      expect(root('Ünïcödé')).toEqual(word('unicode'))
    })

    it('reads a quoted phrase, with straight or curly quotes', () => {
      const phrase = { kind: 'phrase', parts: [word('goodwill'), word('squandered')] }
      expect(root('"goodwill squandered"')).toEqual(phrase)
      expect(root('\u201cgoodwill squandered\u201d')).toEqual(phrase)
    })

    it('reads a hyphenated or dotted bare word as a phrase of its parts', () => {
      expect(root('Sok-bae')).toEqual({ kind: 'phrase', parts: [word('sok'), word('bae')] })
      expect(root('Sok\u2011bae')).toEqual(root('Sok-bae'))
      expect(root('U.S.')).toEqual({ kind: 'phrase', parts: [word('u'), word('s')] })
    })

    it('reads a proximity phrase with its window', () => {
      expect(root('"putin korea"~5')).toEqual({ kind: 'near', parts: [word('putin'), word('korea')], slop: 5 })
    })

    it('caps a huge proximity window with a warning', () => {
      const { query, warnings } = ok('"putin korea"~5000')
      expect(query.root).toEqual({ kind: 'near', parts: [word('putin'), word('korea')], slop: 100 })
      expect(warnings).toEqual(['proximity ~5000 was reduced to ~100'])
    })

    it('reads prefix searches of at least two letters', () => {
      expect(root('Kor*')).toEqual({ kind: 'prefix', prefix: 'kor' })
      expect(root('Sok-ba*')).toEqual({ kind: 'phrase', parts: [word('sok'), { kind: 'prefix', prefix: 'ba' }] })
    })

    it('reads fuzzy words with an automatic or explicit distance, capped at 2', () => {
      expect(root('korae~')).toEqual({ kind: 'fuzzy', word: 'korae', distance: 1 })
      expect(root('medvedev~')).toEqual({ kind: 'fuzzy', word: 'medvedev', distance: 2 })
      expect(root('medvedev~1')).toEqual({ kind: 'fuzzy', word: 'medvedev', distance: 1 })
      expect(root('korae~7')).toEqual({ kind: 'fuzzy', word: 'korae', distance: 2 })
      expect(root('korea~0')).toEqual(word('korea'))
    })

    it('treats regex-special characters as plain text', () => {
      expect(root('$1.5 [bln] ^x+? a|b \\d{2}')).toEqual({
        kind: 'and',
        children: [{ kind: 'phrase', parts: [word('1'), word('5')] }, word('bln'), word('x'), { kind: 'phrase', parts: [word('a'), word('b')] }, { kind: 'phrase', parts: [word('d'), word('2')] }]
      })
    })

    it('ignores a word with no letters or digits, saying so', () => {
      const { query, warnings } = ok('putin &&')
      expect(query.root).toEqual(word('putin'))
      expect(warnings).toEqual(['&& has no letters or digits and was ignored'])
    })

    it('treats unknown fields as literal words', () => {
      expect(root('foo:bar')).toEqual({ kind: 'phrase', parts: [word('foo'), word('bar')] })
    })
  })

  describe('operators', () => {
    it('binds OR tighter than the implicit AND', () => {
      expect(root('putin OR medvedev korea')).toEqual({
        kind: 'and',
        children: [{ kind: 'or', children: [word('putin'), word('medvedev')] }, word('korea')]
      })
    })

    it('groups with parentheses', () => {
      expect(root('(putin korea) OR seoul')).toEqual({
        kind: 'or',
        children: [{ kind: 'and', children: [word('putin'), word('korea')] }, word('seoul')]
      })
    })

    it('excludes words, phrases and groups with -, and accepts NOT and AND', () => {
      expect(root('korea -putin -"trade talks" -(a OR b)')).toEqual({
        kind: 'and',
        children: [
          word('korea'),
          { kind: 'not', child: word('putin') },
          { kind: 'not', child: { kind: 'phrase', parts: [word('trade'), word('talks')] } },
          { kind: 'not', child: { kind: 'or', children: [word('a'), word('b')] } }
        ]
      })
      expect(root('korea AND NOT putin')).toEqual(root('korea -putin'))
    })

    it('reads lower-case or as a word', () => {
      expect(root('war or peace')).toEqual({ kind: 'and', children: [word('war'), word('or'), word('peace')] })
    })
  })

  describe('field filters', () => {
    it('returns title, outlet and folder filters as normalised words', () => {
      expect(ok('title:Putin outlet:"Korea JoongAng" folder:politics').query).toEqual({
        root: null,
        filters: [
          { field: 'title', words: ['putin'], prefix: false, negated: false },
          { field: 'outlet', words: ['korea', 'joongang'], prefix: false, negated: false },
          { field: 'folder', words: ['politics'], prefix: false, negated: false }
        ]
      })
    })

    it('reads format and negated filters next to full-text terms', () => {
      expect(ok('korea format:PDF -title:draft').query).toEqual({
        root: word('korea'),
        filters: [
          { field: 'format', format: 'pdf', negated: false },
          { field: 'title', words: ['draft'], prefix: false, negated: true }
        ]
      })
    })

    it('turns every date form into an inclusive range of days', () => {
      const dates: Record<string, [string | null, string | null]> = {
        'date:2026-01-15': ['2026-01-15', '2026-01-15'],
        'date:2026-02': ['2026-02-01', '2026-02-28'],
        'date:2024-02': ['2024-02-01', '2024-02-29'],
        'date:2026': ['2026-01-01', '2026-12-31'],
        'date:2026-01-01..2026-02-01': ['2026-01-01', '2026-02-01'],
        'date:2026-01..': ['2026-01-01', null],
        'date:>2026-01-01': ['2026-01-02', null],
        'date:>=2026-01': ['2026-01-01', null],
        'date:<2026': [null, '2025-12-31'],
        'date:<=2025-12-31': [null, '2025-12-31']
      }
      for (const [input, [from, to]] of Object.entries(dates)) {
        expect({ input, filters: ok(input).query.filters }).toEqual({ input, filters: [{ field: 'date', from, to, negated: false }] })
      }
    })

    it('accepts a filter inside a top-level group', () => {
      expect(ok('(korea title:seoul)').query.filters).toEqual([{ field: 'title', words: ['seoul'], prefix: false, negated: false }])
    })
  })

  describe('forgiving cases', () => {
    it('returns an empty query that matches nothing for empty or blank input, without warnings', () => {
      expect(parseQuery('')).toEqual({ ok: true, query: { root: null, filters: [] }, warnings: [] })
      expect(parseQuery(' \t\u00a0 ')).toEqual({ ok: true, query: { root: null, filters: [] }, warnings: [] })
    })

    it('closes an unbalanced quote at the end, with a warning', () => {
      const { query, warnings } = ok('korea "lee sok')
      expect(query.root).toEqual({ kind: 'and', children: [word('korea'), { kind: 'phrase', parts: [word('lee'), word('sok')] }] })
      expect(warnings).toEqual(['closing quote assumed'])
    })

    it('closes an unbalanced parenthesis at the end, with a warning', () => {
      const { query, warnings } = ok('korea (putin OR seoul')
      expect(query.root).toEqual({ kind: 'and', children: [word('korea'), { kind: 'or', children: [word('putin'), word('seoul')] }] })
      expect(warnings).toEqual(['closing parenthesis assumed'])
    })

    it('warns when the query has only very common words', () => {
      expect(ok('the of').warnings).toEqual(['only very common words: results may be many'])
      expect(ok('the putin').warnings).toEqual([])
    })

    it('accepts 64 terms', () => {
      expect(parseQuery(Array.from({ length: 64 }, (_, i) => `w${i}`).join(' ')).ok).toBe(true)
    })
  })

  describe('errors', () => {
    it('rejects a stray closing parenthesis where it is', () => {
      expect(failure('korea putin)')).toEqual({ message: "')' has no '(' to close", position: 11 })
    })

    it('rejects a field with nothing after it', () => {
      expect(failure('korea title:')).toEqual({ message: 'title: needs a value right after the colon, as in title:word', position: 6 })
      expect(failure('title: putin')).toEqual({ message: 'title: needs a value right after the colon, as in title:word', position: 0 })
    })

    it('rejects dates that do not exist or run backwards', () => {
      expect(failure('date:2026-13')).toEqual({ message: 'date:2026-13 is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)', position: 0 })
      expect(failure('korea date:2026-02-30')).toEqual({ message: 'date:2026-02-30 is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)', position: 6 })
      expect(failure('date:yesterday').message).toBe('date:yesterday is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)')
      expect(failure('date:2026-02..2026-01').message).toBe('date:2026-02..2026-01 ends before it starts')
    })

    it('rejects an unknown format, listing the known ones', () => {
      expect(failure('format:xls').message).toBe('format:xls is not a format (use text, markdown, html, pdf, docx, email, rtf, odt or image)')
    })

    it('rejects OR with nothing on one side', () => {
      expect(failure('OR korea')).toEqual({ message: 'OR needs a term on both sides', position: 0 })
      expect(failure('korea OR')).toEqual({ message: 'OR needs a term on both sides', position: 6 })
      expect(failure('(korea OR) putin')).toEqual({ message: 'OR needs a term on both sides', position: 7 })
    })

    it('rejects AND and NOT with nothing to apply to', () => {
      expect(failure('AND korea').message).toBe('AND needs a term on both sides')
      expect(failure('korea NOT').message).toBe('NOT needs a term after it')
    })

    it('rejects a lone -', () => {
      expect(failure('korea - putin')).toEqual({ message: "'-' needs a word right after it, as in -word", position: 6 })
      expect(failure('korea -')).toEqual({ message: "'-' needs a word right after it, as in -word", position: 6 })
    })

    it('rejects a one-letter prefix', () => {
      expect(failure('k*')).toEqual({ message: 'k* is too short for a prefix search (type at least 2 letters before *)', position: 0 })
    })

    it('rejects a filter combined with OR', () => {
      expect(failure('korea OR format:pdf')).toEqual({ message: 'format:pdf applies to the whole query: it cannot be next to OR or inside ( )', position: 9 })
    })

    it('rejects a 10,000-character query without parsing it', () => {
      expect(failure('korea '.repeat(1667).slice(0, 10_000))).toEqual({
        message: 'query is too long (10000 characters); at most 1000 characters and 64 terms',
        position: 1000
      })
    })

    it('rejects more than 64 terms, pointing at the 65th', () => {
      const input = Array.from({ length: 70 }, (_, i) => `w${i}`).join(' ')
      expect(failure(input)).toEqual({ message: 'query is too long (70 terms); at most 1000 characters and 64 terms', position: input.indexOf('w64') })
    })
  })
})
