import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractNames, type NameMention } from '../../../../../src/main/core/corroboration/names/extract-names'

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/scripts', name), 'utf-8')
const people = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.text)
const organisations = (mentions: readonly NameMention[]): string[] => mentions.filter((mention) => mention.kind === 'organization').map((mention) => mention.text)

// The reader runs inside extractNames, as the Names tab calls it.
describe('arabicNames', () => {
  it('finds the people of an Anadolu report: after titles and their complements, then wherever they recur', () => {
    const text = fixture('ar-anadolu.txt')
    const mentions = extractNames(text)
    expect(people(mentions)).toEqual(['رجب طيب أردوغان', 'أردوغان', 'أنطونيو غوتيريش', 'أردوغان', 'هاكان فيدان', 'سيرغي لافروف', 'غوتيريش'])
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })

  it('leaves a clitic out of a recurring name («وأضاف أردوغان», «وأردوغان»)', () => {
    const mentions = extractNames('قال الرئيس رجب طيب أردوغان إن الحوار مستمر. ورحب وأردوغان بالخطوة.')
    expect(people(mentions)).toEqual(['رجب طيب أردوغان', 'أردوغان'])
  })

  it('reports the agency, the UN and a ministry as organisations', () => {
    expect(organisations(extractNames(fixture('ar-anadolu.txt')))).toEqual(['الأناضول', 'للأمم المتحدة', 'وزارة الخارجية التركية'])
  })

  it('reads names their own parts vouch for: «بن», «عبد», «آل»', () => {
    const text = 'استقبل ولي العهد السعودي الأمير محمد بن سلمان الوفد. وشارك عبد الله الثاني في القمة. واتصل أمير قطر الشيخ تميم بن حمد آل ثاني بالرئيس.'
    expect(people(extractNames(text))).toEqual(['محمد بن سلمان', 'عبد الله الثاني', 'تميم بن حمد آل ثاني'])
  })

  it('does not read verbs, function words or places after a title as names', () => {
    const text = 'وكان الرئيس يبحث مع الوفد سبل التعاون. قال الرئيس إن المحادثات جيدة. وصل الرئيس الروسي إلى موسكو. وقال المتحدث باسم الرئاسة المصرية إن اللقاء ناجح.'
    expect(people(extractNames(text))).toEqual([])
  })

  it('reads a name written with short vowels or tatweel', () => {
    expect(people(extractNames('قال الرَّئِيسُ رَجَب طَيِّب أَرْدُوغَان، إن ... وأكد أردوغـــان ذلك.'))).toEqual(['رَجَب طَيِّب أَرْدُوغَان', 'أردوغـــان'])
  })
})
