import { describe, expect, it } from 'vitest'
import { nameKey, soundKey } from '../../../../../src/main/core/corroboration/names/name-key'

describe('nameKey', () => {
  it('gives "Lee Jae Myung" and "Lee Jae-myung\'s" the same key', () => {
    expect(nameKey('Lee Jae Myung')).toBe('leejaemyung')
    expect(nameKey("Lee Jae-myung's")).toBe('leejaemyung')
    expect(nameKey('Lee Jae-myung’s')).toBe('leejaemyung')
  })

  it('ignores which hyphen or dash a source typed inside a name', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212']) expect(nameKey(`Lee Sok${dash}bae`)).toBe('leesokbae')
  })

  it('drops leading titles from people but keeps the words of an organisation', () => {
    expect(nameKey('President Vladimir Putin')).toBe('vladimirputin')
    expect(nameKey('Deputy Foreign Minister Sergei Ryabkov')).toBe('sergeiryabkov')
    expect(nameKey('General Motors')).toBe('generalmotors')
    expect(nameKey('State Duma')).toBe('stateduma')
  })

  it('folds case, diacritics, compatibility forms and apostrophes', () => {
    expect(nameKey('ZELENSKYY')).toBe(nameKey('Zelenskyy'))
    expect(nameKey('Recep Tayyip Erdoğan')).toBe('receptayyiperdogan')
    expect(nameKey('Søren Kierkegård')).toBe('sorenkierkegard')
    expect(nameKey('O’Brien')).toBe(nameKey("O'Brien"))
    expect(nameKey('Ｐｕｔｉｎ')).toBe('putin')
    expect(nameKey("Jones'")).toBe('jones')
  })

  it('folds ё to е and Russian case endings, so «Алёна», «Алена», «Путина» and «Путин» meet', () => {
    expect(nameKey('Алёна Петрова')).toBe(nameKey('Алена Петрова'))
    expect(nameKey('Путина')).toBe(nameKey('Путин'))
    expect(nameKey('Владимира Путина')).toBe(nameKey('Владимир Путин'))
    expect(nameKey('Зеленского')).toBe(nameKey('Зеленский'))
    expect(nameKey('ТАСС')).toBe('тасс')
    expect(nameKey('Путин')).not.toBe(nameKey('Песков'))
  })

  it('folds Arabic hamza seats, short vowels, tatweel and final ة and ى', () => {
    const key = nameKey('أردوغان')
    for (const spelling of ['إردوغان', 'اردوغان', 'أَرْدُوغَان', 'أردوغـــان']) expect(nameKey(spelling)).toBe(key)
    expect(nameKey('فاطمة')).toBe(nameKey('فاطمه'))
    expect(nameKey('مصطفى')).toBe(nameKey('مصطفي'))
    expect(nameKey('للأمم المتحدة')).toBe(nameKey('الأمم المتحدة'))
  })

  it('keeps Hangul syllables and Chinese characters whole', () => {
    expect(nameKey('이재명')).toBe('이재명')
    expect(nameKey('习近平')).toBe('习近平')
  })

  it('returns an empty key for text with no letters', () => {
    expect(nameKey('')).toBe('')
    expect(nameKey(' – ')).toBe('')
  })
})

describe('soundKey', () => {
  it('lets Korean romanisations of one name meet', () => {
    expect(soundKey('Lee Seok-pae')).toBe(soundKey('Lee Sok-bae'))
    expect(soundKey('Lee Sok\u2011bae')).toBe(soundKey('Lee Sok-bae'))
    expect(soundKey('Bak Geun-hye')).toBe(soundKey('Park Geun-hye'))
    expect(soundKey('Lee Jae-myeong')).toBe(soundKey('Lee Jae Myung'))
    expect(soundKey('Jeong Hyun')).toBe(soundKey('Jung Hyun'))
  })

  it('keeps different people apart', () => {
    expect(soundKey('Lee Sok-bae')).not.toBe(soundKey('Lee Jae-myung'))
    expect(soundKey('Kim Jong-un')).not.toBe(soundKey('Kim Jong-il'))
    expect(soundKey('Kim Sung-bum')).not.toBe(soundKey('Kim Sung-han'))
  })

  it('lets a Russian name meet its formal form with the patronymic', () => {
    expect(soundKey('Владимир Владимирович Путин')).toBe(soundKey('Владимир Путин'))
    expect(soundKey('Владимира Владимировича Путина')).toBe(soundKey('Владимир Путин'))
    expect(soundKey('Дмитрий Песков')).not.toBe(soundKey('Дмитрий Медведев'))
  })

  it('lets Arabic spellings with and without long vowels meet', () => {
    expect(soundKey('فلاديمير بوتين')).toBe(soundKey('فلاديمير بوتن'))
    expect(soundKey('فلاديمير بوتين')).not.toBe(soundKey('فلاديمير زيلينسكي'))
  })

  it('still counts words, so a name missing a syllable does not meet the full one', () => {
    expect(soundKey('Lee Sok')).not.toBe(soundKey('Lee Sok-bae'))
    expect(soundKey('Lee Sokbae')).not.toBe(soundKey('Lee Sok-bae'))
  })
})
