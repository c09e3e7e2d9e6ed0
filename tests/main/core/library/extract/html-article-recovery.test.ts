import { describe, expect, it } from 'vitest'
import { parseHtmlDocument } from '../../../../../src/main/core/library/extract/dom'
import { extractHtml } from '../../../../../src/main/core/library/extract/html'
import { recoverArticle } from '../../../../../src/main/core/library/extract/html-article-recovery'
import { readArticle } from '../../../../../src/main/core/library/extract/html-read-page'

// A story whose paragraphs sit in small blocks between ad slots (as many CMSs render them),
// beside a box whose few comma-heavy paragraphs outscore any one block in Readability.
const story = [
  'The regional hospital in Norden will close its maternity ward at the end of the year.',
  'The health board confirmed the decision on Wednesday evening after a closed meeting.',
  'About 600 babies were born at the hospital last year, half as many as a decade ago.',
  'The board said it could no longer find enough midwives to keep the ward open at night.',
  'Expectant mothers will be sent to the city hospital, a drive of about fifty minutes.',
  'An ambulance with a trained midwife will be stationed in Norden from January.',
  'Local doctors said the plan did not answer what happens in winter when the pass is closed.',
  'The mayor of Norden said the town would ask the regional government to reverse the decision.',
  'A protest is planned for Saturday morning in front of the town hall.',
  'The board will present its full plan for the hospital at a public meeting next month.',
  'Staff from the maternity ward will be offered jobs elsewhere in the hospital.',
  'Two other small maternity wards in the region closed in 2019 and 2021.',
  'The health board says the ward would have needed eight more midwives to stay open.',
  'It advertised the posts twice last year and received three applications in all.',
  'Nurses’ unions blame pay and the long drive from the city for the shortage.',
  'The regional government has promised a review of rural hospital services by the summer.',
  'Opposition parties want the closure postponed until that review is finished.',
  'The last baby born at the ward is expected to arrive in December, the board said.'
]

const breakingNews = `<div class="breaking-news"><div class="wrap"><h2>Breaking news</h2>
  <p>Police have closed the A7 between Kassel and Lindau in both directions after a lorry carrying chemicals overturned. Drivers should avoid the area, keep windows closed and follow the diversion through Aue, Berg, Tal and Oberdorf.</p>
  <p>Residents of Lindau, Oberdorf, Mühlbach and the industrial estate should stay indoors, the fire service said, until specialists have checked the air.</p>
</div></div>`

const faq = `<div class="faq"><h2>Your questions answered</h2>
  <h3>Where is the nearest maternity ward now?</h3>
  <p>At the city hospital, Ringstraße 4, on the third floor, with parking, a taxi rank and the bus stop for lines 2, 7 and 12 at the main entrance, open day and night.</p>
  <h3>Who can ride with the midwife ambulance?</h3>
  <p>One partner, relative or friend, but not children, pets or luggage beyond a small bag, which should hold the maternity record, insurance card, clothes and a phone charger.</p>
  <h3>What about check-ups?</h3>
  <p>Antenatal check-ups, scans, classes and home visits after the birth stay in Norden, at the health centre on Mill Lane, on Mondays, Wednesdays and Fridays.</p>
</div>`

const mostRead = `<div class="most-read"><h2>Most read</h2><div class="list">
  <h3><a href="/a">Ferry timetable changes from May</a></h3>
  <p>Fewer crossings on weekdays, more on Saturdays and Sundays, and a new late boat on Fridays, leaving at 11 pm, from the north quay.</p>
  <h3><a href="/b">Harbour bridge closed at night</a></h3>
  <p>Cars, lorries, cyclists and pedestrians will be diverted via the ring road, the old town and the fish market, from 10 pm to 5 am, until August.</p>
  <h3><a href="/c">New lifeboat for the coast station</a></h3>
  <p>The boat, paid for by donations, a legacy, a raffle and the town council, arrives in July, replacing one that served for 31 years.</p>
  <h3><a href="/d">Fish prices at a ten-year high</a></h3>
  <p>Cod, haddock, plaice and mackerel, the four main species landed in the port, fetched more at auction in March than at any time since 2015.</p>
</div></div>`

function storyBlocks(paragraphs: string[]): string {
  const blocks: string[] = []
  for (let start = 0; start < paragraphs.length; start += 3) {
    blocks.push(`<div class="block">${paragraphs.slice(start, start + 3).map((text) => `<p>${text}</p>`).join('\n')}</div>`)
  }
  return blocks.join('\n<div class="ad-slot"></div>\n')
}

/** A news page with a box above the story (a banner) or beside it in the same wrapper (a rail). */
function newsPage(options: { box: string; place: 'above' | 'beside'; storyMarkup?: string }): string {
  const article = `<div class="grid"><article><h1>Maternity ward in Norden to close</h1>
    <div class="byline">By Jonas Albers</div>
    <div class="blocks">${options.storyMarkup ?? storyBlocks(story)}</div></article></div>`
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Maternity ward in Norden to close</title></head><body>
    <div class="topbar"><a href="/">Norden Today</a> <a href="/news">News</a> <a href="/region">Region</a></div>
    ${options.place === 'above' ? options.box : ''}
    <main><div class="wrap">${article}${options.place === 'beside' ? options.box : ''}</div></main>
    <div class="bottom">© Norden Today</div></body></html>`
}

const read = (html: string): ReturnType<typeof extractHtml> => extractHtml(new Uint8Array(Buffer.from(html)))

describe('html-article-recovery', () => {
  it('reads the story, not the breaking-news box above it that Readability picks', () => {
    const paragraphs = story.slice(0, 12)
    const document = read(newsPage({ box: breakingNews, place: 'above', storyMarkup: storyBlocks(paragraphs) }))
    expect(document.text).toBe(paragraphs.join('\n\n'))
    expect(document.meta.author).toBe('By Jonas Albers')
  })

  it('reads the story, not the FAQ box beside it', () => {
    expect(read(newsPage({ box: faq, place: 'beside' })).text).toBe(story.join('\n\n'))
  })

  it('reads the story, not a "most read" list of teasers beside it', () => {
    expect(read(newsPage({ box: mostRead, place: 'beside' })).text).toBe(story.join('\n\n'))
  })

  it('keeps a story when a longer run of readers’ letters follows it under the headline', () => {
    const paragraphs = story.slice(0, 6)
    const letters = Array.from({ length: 12 }, (_, index) => `<p>Reader ${index + 1} wrote that her daughter was born in Norden and that the midwives there were wonderful to the family.</p>`)
    const page = parseHtmlDocument(`<html><head><title>Maternity ward in Norden to close</title></head><body>
      <h1>Maternity ward in Norden to close</h1><div class="story">${paragraphs.map((text) => `<p>${text}</p>`).join('')}</div>
      <div class="letters">${letters.join('')}</div></body></html>`)
    expect(recoverArticle(page, paragraphs.join('\n\n'), 'Maternity ward in Norden to close', readArticle)).toBeNull()
  })
})
