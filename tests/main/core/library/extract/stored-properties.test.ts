import { describe, expect, it } from 'vitest'
import { meaningfulAuthor, meaningfulTitle } from '../../../../../src/main/core/library/extract/stored-properties'

describe('stored-properties', () => {
  it('keeps a real title and drops producer placeholders, file names, paths and slugs', () => {
    expect(meaningfulTitle('  Geometrie und   Topologie ')).toBe('Geometrie und Topologie')
    for (const placeholder of ['Untitled', 'Microsoft Word - Dokument1', 'report.doc', '10811.exe', 'C:\\docs\\a', '905_Precinct_NoOU', 'extra-attrs', '']) {
      expect(meaningfulTitle(placeholder)).toBeNull()
    }
  })

  it('keeps a readable title even when the file is named after it', () => {
    expect(meaningfulTitle('Annual Report')).toBe('Annual Report')
  })

  it('keeps a real author and drops account names like "User"', () => {
    expect(meaningfulAuthor('Cuellar-Lopez, Monica')).toBe('Cuellar-Lopez, Monica')
    expect(meaningfulAuthor('User')).toBeNull()
    expect(meaningfulAuthor('1234')).toBeNull()
  })
})
