import { describe, expect, it } from 'vitest'
import { combineReadings, documentsInFile } from '../../../../../src/main/core/library/extract/html-documents'
import type { PageReading } from '../../../../../src/main/core/library/extract/html-read-page'

const reading = (text: string, title: string | null = null): PageReading => ({ text, title, meta: {} })
const story = [
  'A night train will run on the valley line again from December, for the first time since 2009.',
  'It will leave the capital at eleven in the evening and reach the last mountain station at half past six.',
  'Hoteliers in the upper valley said the service would bring back weekend visitors.'
].join('\n\n')

describe('html-documents', () => {
  it('cuts a file before each <html>, leaving out a server’s output before the first page', () => {
    const file = '<b>Warning</b>: on line 12<br />\n<!DOCTYPE html><html><body>one</body></html>\n<html><body>two</body></html>'
    expect(documentsInFile(file, 2)).toEqual(['<!DOCTYPE html><html><body>one</body></html>\n', '<html><body>two</body></html>'])
  })

  it('does not cut at an "<html" inside a script or a comment', () => {
    const first = '<html><body><script>document.write("<html>")</script><!-- <html> -->one</body></html>'
    expect(documentsInFile(`${first}<html><body>two</body></html>`, 2)).toEqual([first, '<html><body>two</body></html>'])
  })

  it('keeps the file whole when the cuts do not match the documents the DOM found', () => {
    const file = '<html><body>one<html lang="en">two</body></html>'
    expect(documentsInFile(file, 3)).toEqual([file])
  })

  it('keeps one copy of a page saved twice', () => {
    expect(combineReadings([reading(story, 'Night trains'), reading(story, 'Night trains')])).toEqual({ reading: reading(story, 'Night trains'), pages: 1 })
  })

  it('leaves out an error page before the real page, taking the real page’s title', () => {
    const combined = combineReadings([reading('Error establishing a database connection', 'Database error'), reading(story, 'Night trains')])
    expect(combined).toEqual({ reading: reading(story, 'Night trains'), pages: 1 })
  })

  it('joins two different pages in file order, under the longer one’s title', () => {
    const other = 'The ferry timetable changes from May, with fewer crossings.\n\nA new late boat leaves on Fridays.'
    const combined = combineReadings([reading(other, 'Ferry'), reading(`${story}\n\nSleeping cars are back.`, 'Night trains')])
    expect(combined?.pages).toBe(2)
    expect(combined?.reading.title).toBe('Night trains')
    expect(combined?.reading.text).toBe(`${other}\n\n${story}\n\nSleeping cars are back.`)
  })
})
