// Splits a typed query into words, quoted phrases, field values, parentheses and operators,
// with the offset of each in the input so a syntax error can point at the right place.

export const QUERY_FIELDS = ['title', 'outlet', 'folder', 'format', 'date'] as const
export type QueryField = (typeof QUERY_FIELDS)[number]

export type LexToken =
  | { type: 'word'; text: string; position: number }
  | { type: 'quoted'; text: string; slop: number | null; position: number }
  | { type: 'field'; field: QueryField; value: string; quoted: boolean; position: number }
  | { type: 'open' | 'close' | 'or' | 'and' | 'not' | 'minus'; position: number }

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number
  ) {
    super(message)
  }
}

// Straight and typographic double quotes all open and close phrases: a phrase pasted from
// an article often arrives in curly quotes.
const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB'])
const OPERATORS: Record<string, 'or' | 'and' | 'not'> = { OR: 'or', AND: 'and', NOT: 'not' }
const FIELD = /^([A-Za-z]+):([^]*)$/

function isSpace(char: string): boolean {
  return /\s/.test(char)
}

function endsWord(char: string): boolean {
  return isSpace(char) || char === '(' || char === ')' || QUOTES.has(char)
}

function asField(name: string): QueryField | null {
  const lower = name.toLowerCase()
  return (QUERY_FIELDS as readonly string[]).includes(lower) ? (lower as QueryField) : null
}

export function lexQuery(input: string, warnings: string[]): LexToken[] {
  const tokens: LexToken[] = []
  let index = 0

  const readQuoted = (): string => {
    const open = index++
    let close = index
    while (close < input.length && !QUOTES.has(input.charAt(close))) close++
    const text = input.slice(open + 1, close)
    if (close >= input.length) warnings.push('closing quote assumed')
    index = close + 1
    return text
  }

  while (index < input.length) {
    const char = input.charAt(index)
    const position = index
    if (isSpace(char)) {
      index++
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', position })
      index++
    } else if (QUOTES.has(char)) {
      const text = readQuoted()
      let slop: number | null = null
      const proximity = /^~(\d*)/.exec(input.slice(index))
      if (proximity !== null) {
        index += proximity[0].length
        if (proximity[1] !== '') slop = Number(proximity[1])
      }
      tokens.push({ type: 'quoted', text, slop, position })
    } else if (char === '-' && (index + 1 >= input.length || isSpace(input.charAt(index + 1)) || input.charAt(index + 1) === ')')) {
      throw new QuerySyntaxError("'-' needs a word right after it, as in -word", position)
    } else if (char === '-') {
      tokens.push({ type: 'minus', position })
      index++
    } else {
      while (index < input.length && !endsWord(input.charAt(index))) index++
      const text = input.slice(position, index)
      const operator = OPERATORS[text]
      const field = FIELD.exec(text)
      const fieldName = field === null ? null : asField(field[1] ?? '')
      if (operator !== undefined) {
        tokens.push({ type: operator, position })
      } else if (field !== null && fieldName !== null) {
        const value = field[2] ?? ''
        if (value === '' && QUOTES.has(input.charAt(index))) {
          tokens.push({ type: 'field', field: fieldName, value: readQuoted(), quoted: true, position })
        } else if (value === '') {
          throw new QuerySyntaxError(`${text} needs a value right after the colon, as in ${fieldName}:${example(fieldName)}`, position)
        } else {
          tokens.push({ type: 'field', field: fieldName, value, quoted: false, position })
        }
      } else {
        tokens.push({ type: 'word', text, position })
      }
    }
  }
  return tokens
}

function example(field: QueryField): string {
  switch (field) {
    case 'date':
      return '2026-01'
    case 'format':
      return 'pdf'
    case 'outlet':
      return '"Korea Times"'
    default:
      return 'word'
  }
}
