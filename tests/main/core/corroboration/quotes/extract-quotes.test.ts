import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractQuotes, type ExtractedQuote } from '../../../../../src/main/core/corroboration/quotes/extract-quotes'

const SEEDS = join(__dirname, '../../../../../seeds')

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix) && file.endsWith('.txt'))
  if (name === undefined) throw new Error(`no seed ${prefix}`)
  return readFileSync(join(SEEDS, name), 'utf-8')
}

function quoteWith(quotes: readonly ExtractedQuote[], words: string): ExtractedQuote {
  const found = quotes.find((quote) => quote.text.includes(words))
  if (found === undefined) throw new Error(`no quote holds "${words}" among ${JSON.stringify(quotes.map((quote) => quote.text))}`)
  return found
}

function texts(text: string): string[] {
  return extractQuotes(text).map((quote) => quote.text)
}

/** Every part slices back to words without edge spaces or its own marks, and the parts make up `text`. */
function expectOffsetsFaithful(source: string, quotes: readonly ExtractedQuote[]): void {
  for (const quote of quotes) {
    const slices = quote.parts.map((part) => source.slice(part.start, part.end))
    for (const slice of slices) expect(slice).toMatch(/^\S([\s\S]*\S)?$/)
    for (const part of quote.parts) expect(source[part.start - 1]).not.toMatch(/\p{L}/u)
    expect(slices.join(' ').replace(/\s+/g, ' ').trim()).toBe(quote.text)
  }
}

describe('extract-quotes', () => {
  it('finds straight, curly, low-9 and guillemet quotes and gives offsets that slice back to the words', () => {
    const text = 'He said "one two" then “three four” and „fünf sechs“ and « sept huit » and »neun zehn« there.'
    const quotes = extractQuotes(text)
    expect(quotes.map((quote) => quote.text)).toEqual(['one two', 'three four', 'fünf sechs', 'sept huit', 'neun zehn'])
    expect(quotes.map((quote) => text.slice(quote.parts[0]!.start, quote.parts[0]!.end))).toEqual(['one two', 'three four', 'fünf sechs', 'sept huit', 'neun zehn'])
    expectOffsetsFaithful(text, quotes)
  })

  it('pairs an opening curly mark with a straight closing one, as mixed copy does', () => {
    const text = '“In the past, our countries achieved truly positive results," Putin said. "We look forward to restoring relations.” Then the talks ended.'
    const [quote] = extractQuotes(text)
    expect(quote?.text).toBe('In the past, our countries achieved truly positive results, We look forward to restoring relations.')
    expect(quote?.parts).toHaveLength(2)
    expect(quote?.speaker).toBe('Putin')
  })

  it('keeps a quote broken by its attribution as one quotation of two parts', () => {
    const text = '“Previously, we adhered to pragmatic approaches,” Putin said, “and our countries achieved truly positive results.”'
    const quotes = extractQuotes(text)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({ text: 'Previously, we adhered to pragmatic approaches, and our countries achieved truly positive results.', speaker: 'Putin', attribution: 'Putin said', nestedIn: null })
    expect(quotes[0]!.parts.map((part) => text.slice(part.start, part.end))).toEqual([
      'Previously, we adhered to pragmatic approaches,',
      'and our countries achieved truly positive results.'
    ])
  })

  it('joins "X," he said. "Y." when a short attribution sentence sits between the halves', () => {
    const quotes = extractQuotes('Lee Sok-bae arrived. "We are ready," he said. "The rest is up to Moscow."')
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({ text: 'We are ready, The rest is up to Moscow.', speaker: 'Lee Sok-bae', attribution: 'he said' })
  })

  it('keeps quotes apart when ordinary narrative separates them', () => {
    const text = '"We are ready," he said. The delegation then left for the airport. "Nothing was agreed," an aide said later.'
    expect(texts(text)).toEqual(['We are ready,', 'Nothing was agreed,'])
  })

  it('keeps quotes apart when each is credited on its own', () => {
    const quotes = extractQuotes('"Sanctions hurt us," Putin said. "They hurt everyone," Lavrov added.')
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['Sanctions hurt us,', 'Putin'],
      ['They hurt everyone,', 'Lavrov']
    ])
  })

  it('keeps a quote of several sentences whole', () => {
    const quotes = extractQuotes('"We hope that the recognition of this need will come sooner or later. Until then, Russia will continue to pursue its goals," Putin added.')
    expect(quotes).toHaveLength(1)
    expect(quotes[0]?.text).toBe('We hope that the recognition of this need will come sooner or later. Until then, Russia will continue to pursue its goals,')
  })

  it('records single-quoted words inside a quote as nested and keeps the outer quote whole', () => {
    const text = '“This time, by saying Russia ‘looks forward to’ restoring ties, the message carries a more active nuance," Park said.'
    const quotes = extractQuotes(text)
    expect(quotes.map((quote) => [quote.text, quote.nestedIn])).toEqual([
      ['This time, by saying Russia ‘looks forward to’ restoring ties, the message carries a more active nuance,', null],
      ['looks forward to', 0]
    ])
    expect(quotes[1]?.speaker).toBeNull()
    expectOffsetsFaithful(text, quotes)
  })

  it('records a double-quoted phrase inside a quote as nested', () => {
    const quotes = extractQuotes('"He called it "a disaster" on Monday," she said.')
    expect(quotes.map((quote) => [quote.text, quote.nestedIn])).toEqual([
      ['He called it "a disaster" on Monday,', null],
      ['a disaster', 0]
    ])
  })

  it('never takes apostrophes for quote marks', () => {
    const text = "Russia's envoy said: \"Putin’s plan, the boys' club and the ’90s don't matter; it's 'rock and roll' now.\""
    const quotes = extractQuotes(text)
    expect(quotes[0]?.text).toBe("Putin’s plan, the boys' club and the ’90s don't matter; it's 'rock and roll' now.")
    expect(quotes.slice(1).map((quote) => quote.text)).toEqual(['rock and roll'])
    expect(extractQuotes("Russia's ties with Seoul's 'unfriendly' list aren't news.")).toEqual([])
  })

  it('does not let an unbalanced mark swallow the rest of the document', () => {
    const text = [
      'Officials called the plan "a mistake and moved on.',
      '',
      'Later paragraphs carry their own quotes: "We will not retreat," the minister said.',
      '',
      'A 12" record and a last "stray mark'
    ].join('\n')
    const quotes = extractQuotes(text)
    expect(quotes.map((quote) => quote.text)).toEqual(['We will not retreat,'])
  })

  it('does not let a stray mark swallow the following quotes in the same paragraph', () => {
    expect(texts('The "so-called plan failed. Then "We tried," he said, and "it is over," she said.')).toEqual(['We tried,', 'it is over,'])
  })

  it('ends a quotation at its paragraph when the next paragraph carries on with an opening mark', () => {
    const text = 'Mr Blair said: "I dealt with this six months ago.\n\n"What we are concentrating on are the issues."\n\nThe end.'
    const quotes = extractQuotes(text)
    expect(quotes.map((quote) => quote.text)).toEqual(['I dealt with this six months ago.', 'What we are concentrating on are the issues.'])
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Blair', 'Blair'])
  })

  it('takes a new opening mark after a full stop inside a quote as the same speaker going on', () => {
    const text = 'Ms Hewitt said: "We doubled maternity pay to 26 weeks. "We are going to extend it to nine months." She left.'
    const quotes = extractQuotes(text)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({ text: 'We doubled maternity pay to 26 weeks. We are going to extend it to nine months.', speaker: 'Hewitt' })
    expect(quotes[0]!.parts).toHaveLength(2)
  })

  it('names the speaker from the words right after the closing mark', () => {
    const cases: [string, string, string][] = [
      ['"Ties matter," Putin said.', 'Putin', 'Putin said'],
      ['"Ties matter," said Putin.', 'Putin', 'said Putin'],
      ['"Ties matter," said Russian President Vladimir Putin.', 'Vladimir Putin', 'said Russian President Vladimir Putin'],
      ['"Ties matter", according to Yonhap.', 'Yonhap', 'according to Yonhap'],
      ['"Ties matter," Lee told reporters on Friday.', 'Lee', 'Lee told reporters'],
      ['"Ties matter," Putin stressed, without elaboration.', 'Putin', 'Putin stressed'],
      ['“Ties matter,” Ms O’Brien-Smith explained.', 'O’Brien-Smith', 'Ms O’Brien-Smith explained']
    ]
    for (const [text, speaker, attribution] of cases) expect(extractQuotes(text)[0], text).toMatchObject({ speaker, attribution })
  })

  it('names the speaker from the words before the opening mark', () => {
    const cases: [string, string, string][] = [
      ['Putin said: "Ties matter."', 'Putin', 'Putin said'],
      ['Putin said, "Ties matter."', 'Putin', 'Putin said'],
      ['Putin stated that "ties matter."', 'Putin', 'Putin stated'],
      ['According to Lavrov, "ties matter."', 'Lavrov', 'According to Lavrov'],
      ['Zinoviev told Yonhap: "Ties matter."', 'Zinoviev', 'Zinoviev told Yonhap'],
      ['Answering a question, Russian Ambassador Georgy Zinoviev noted: "Ties matter."', 'Georgy Zinoviev', 'Russian Ambassador Georgy Zinoviev noted'],
      ['But David Frost, director general of the chambers, warned that firms could be "crippled" by it.', 'David Frost', 'But David Frost, director general of the chambers, warned']
    ]
    for (const [text, speaker, attribution] of cases) expect(extractQuotes(text)[0], text).toMatchObject({ speaker, attribution })
  })

  it('credits every quoted fragment of a reported sentence to its speaker', () => {
    const quotes = extractQuotes('Putin said that “much of the positive capital” in ties with Seoul has been “squandered.”')
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ['much of the positive capital', 'Putin'],
      ['squandered.', 'Putin']
    ])
  })

  it('resolves he, she and "the ambassador" to the most recent named speaker', () => {
    const text = [
      'Georgy Zinoviev said relations were stable. "We are ready," he said.',
      'Then Patricia Hewitt told MPs that pay must rise. "It will," she said. "Talks must go on," the ambassador added.',
      '"We stand in solidarity," the Kremlin leader noted.'
    ].join('\n')
    expect(extractQuotes(text).map((quote) => [quote.speaker, quote.attribution])).toEqual([
      ['Georgy Zinoviev', 'he said'],
      ['Patricia Hewitt', 'she said'],
      ['Patricia Hewitt', 'the ambassador added'],
      ['Patricia Hewitt', 'the Kremlin leader noted']
    ])
  })

  it('resolves a pronoun to the last name acting as a subject when nobody was credited yet', () => {
    const quotes = extractQuotes('Putin highlighted the pragmatic past. "We hope to restore relations," he stated.')
    expect(quotes[0]).toMatchObject({ speaker: 'Putin', attribution: 'he stated' })
  })

  it('gives no speaker when a pronoun has nobody to point back to', () => {
    expect(extractQuotes('"We hope to restore relations," he stated.')[0]).toMatchObject({ speaker: null, attribution: 'he stated' })
  })

  it('completes a surname with the full name the text introduced earlier', () => {
    const text = 'Russian President Vladimir Putin met envoys. "Ties matter," Putin said. Doo Jin-ho, a researcher, agreed. "Time will tell," Doo said.'
    expect(extractQuotes(text).map((quote) => quote.speaker)).toEqual(['Vladimir Putin', 'Doo Jin-ho'])
  })

  it('reads hard-wrapped wire copy, where a quote and its speaker sit on different lines', () => {
    const wire = [
      'WASHINGTON, March 3 - Federal Reserve Board Chairman Paul Volcker',
      'told a Senate committee that banks should set aside more money',
      'against their loans to developing countries in the coming year.',
      '    "If you give a tax writeoff for reserving against loans,',
      'then we will see more reserving and that would make me happy,"',
      'Volcker told the committee on Tuesday during a long hearing.',
      '    Dealers said the dollar was little changed after the remarks.'
    ].join('\n')
    const [quote] = extractQuotes(wire)
    expect(quote).toMatchObject({
      text: 'If you give a tax writeoff for reserving against loans, then we will see more reserving and that would make me happy,',
      speaker: 'Paul Volcker',
      attribution: 'Volcker told'
    })
  })

  it('credits "John Mason of Interstate Securities said" to the person, not the firm', () => {
    const quotes = extractQuotes('"The hour is growing late," said one analyst. John Mason of Interstate Securities said: "Banks must act."')
    expect(quotes.map((quote) => quote.speaker)).toEqual(['one analyst', 'John Mason'])
  })

  it('keeps an unnamed source as written rather than guessing a name', () => {
    const text = 'Mr Blair arrived. "Exports halted," said a company executive. "We wait," a Cabinet Office spokeswoman said.'
    expect(extractQuotes(text).map((quote) => quote.speaker)).toEqual(['a company executive', 'a Cabinet Office spokeswoman'])
  })

  it('leaves scare quotes in narrative without a speaker', () => {
    const quotes = extractQuotes('Seoul continues to be classified as an "unfriendly country." The Tories dismissed the plan as "desperate".')
    expect(quotes.map((quote) => [quote.text, quote.speaker, quote.attribution])).toEqual([
      ['unfriendly country.', null, null],
      ['desperate', null, null]
    ])
  })

  it('returns nothing, without throwing, for empty, mark-only or quote-free input', () => {
    expect(extractQuotes('')).toEqual([])
    expect(extractQuotes('"')).toEqual([])
    expect(extractQuotes('""""“”«»„“\'\'‘’')).toEqual([])
    expect(extractQuotes('No quotes here. '.repeat(7000))).toEqual([])
  })

  it('never throws and keeps offsets faithful on arbitrary mixes of marks, words and breaks', () => {
    let state = 42
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
    const pieces = ['"', '“', '”', '„', '«', '»', "'", '‘', '’', ' ', ' ', '\n', '\n\n', 'said', 'he', 'Putin', 'word', '.', ',', ':', '-', '(']
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 120) }, () => pieces[Math.floor(random() * pieces.length)]).join('')
      const quotes = extractQuotes(text)
      expectOffsetsFaithful(text, quotes)
      for (const [index, quote] of quotes.entries()) {
        if (quote.nestedIn !== null) expect(quote.nestedIn).toBeLessThan(index)
        if (index > 0) expect(quote.parts[0]!.start).toBeGreaterThanOrEqual(quotes[index - 1]!.parts[0]!.start)
      }
    }
  })

  describe('on the seed articles', () => {
    it('finds the Cuba quote in seeds 000 and 002 and credits it to Putin', () => {
      for (const prefix of ['000', '002']) {
        const quote = quoteWith(extractQuotes(seed(prefix)), 'We stand in solidarity with their determination')
        expect(quote.speaker, prefix).toContain('Putin')
        expect(quote.attribution, prefix).toMatch(/^(he stated|stating)$/)
      }
    })

    it('finds "goodwill has been squandered" in seed 001, twice, credited to Putin', () => {
      const quotes = extractQuotes(seed('001')).filter((quote) => quote.text === 'goodwill has been squandered')
      expect(quotes).toHaveLength(2)
      for (const quote of quotes) expect(quote.speaker).toBe('Vladimir Putin')
    })

    it('joins seed 003’s mixed-mark Putin quote into one quotation of two parts', () => {
      const text = seed('003')
      const quote = quoteWith(extractQuotes(text), 'In the past, by adhering to pragmatic approaches')
      expect(quote.parts).toHaveLength(2)
      expect(quote.speaker).toBe('Vladimir Putin')
      expect(quote.attribution).toBe('Putin said')
      expect(text.slice(quote.parts[1]!.start, quote.parts[1]!.end)).toBe('We look forward to restoring relations with the Republic of Korea.')
    })

    it('nests seed 003’s ‘looks forward to’ inside Park’s quote', () => {
      const quotes = extractQuotes(seed('003'))
      const nested = quotes.find((quote) => quote.text === 'looks forward to')
      expect(nested?.nestedIn).not.toBeNull()
      expect(quotes[nested!.nestedIn!]).toMatchObject({ speaker: 'Park Ro-byug', attribution: 'Park said' })
    })

    it('credits seed 000’s "Republic [of Korea]" quote, introduced by "he stated", to Putin', () => {
      const quote = quoteWith(extractQuotes(seed('000')), 'We hope to restore relations with the Republic [of Korea],')
      expect(quote).toMatchObject({ speaker: 'Vladimir Putin', attribution: 'he stated' })
      expect(quote.text.startsWith('Previously, we adhered to pragmatic approaches')).toBe(true)
    })

    it('credits seed 004’s bracketed quote to Zinoviev and the ambassador’s words to him too', () => {
      const quotes = extractQuotes(seed('004'))
      expect(quoteWith(quotes, '[Russian] President [Vladimir Putin] has already said everything.')).toMatchObject({ speaker: 'Georgy Zinoviev', attribution: 'Zinoviev noted' })
      expect(quoteWith(quotes, 'We cannot advance cooperation').speaker).toBe('Georgy Zinoviev')
      expect(quoteWith(quotes, 'the revival of relations with the republic.').attribution).toBe('According to Putin')
    })

    it('gives offsets that slice back to every quote of every seed', () => {
      for (const prefix of ['000', '001', '002', '003', '004']) {
        const text = seed(prefix)
        const quotes = extractQuotes(text)
        expect(quotes.length, prefix).toBeGreaterThan(0)
        expectOffsetsFaithful(text, quotes)
      }
    })
  })
})
