// The Word export: each claim under its own heading with real footnotes (one per cited
// passage, on the claim's sentence as in the Markdown export), its support, and each passage
// as a block quote in context; then the highlights linked to no claim, the sources cited and
// what the offsets count. Opens in Word and LibreOffice whatever the text holds.
import { AlignmentType, Document, Footer, FootnoteReferenceRun, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import { cite, location, passageBlock, passageFootnote } from './docx-passage'
import { DOCX_STYLES, STYLE } from './docx-styles'
import { BOLD, inline, ITALIC, plural, run, Runs, type RunStyle } from './docx-text'
import { snapshotCounts, type ExportClaim, type ExportSnapshot, type ExportSource } from './snapshot'

type Footnotes = Record<string, { children: Paragraph[] }>

const SUPERSCRIPT: RunStyle = { superScript: true }
const DETAILS: RunStyle = { size: 19, color: '555555' }

/** "Corroborated · 2 independent sources", then who was counted as one and why, and who contradicts. */
function supportLine(claim: ExportClaim): Paragraph {
  const runs = new Runs()
  const title = (source: ExportSource): Runs => runs.add(inline(source.title) || '(untitled)', ITALIC)
  if (claim.passages.length === 0) runs.add(`${claim.statusLabel}: no evidence linked yet`)
  else {
    const independent = claim.backingSources === 0 ? 'no source backs it' : plural(claim.independentSources, 'independent source')
    const backing = claim.backingSources > claim.independentSources ? ` (${plural(claim.backingSources, 'source')} back it)` : ''
    runs.add(claim.statusLabel, BOLD).add(` · ${independent}${backing}`)
    for (const pair of claim.countedAsOne) {
      runs.add(' · counted as one: ')
      title(pair.copy).add(' repeats ')
      title(pair.original).add(`: ${Math.round(pair.share * 100)} % of its wording`)
    }
    for (const [index, source] of claim.contradictingSources.entries()) {
      runs.add(index === 0 ? ' · contradicted by ' : '; ')
      title(source)
    }
  }
  return new Paragraph({ style: STYLE.support, children: runs.done() })
}

/** The claim's sentence carrying one footnote per cited passage; commas keep "1, 2" from reading as 12. */
function claimParagraph(claim: ExportClaim, firstFootnote: number): Paragraph {
  const runs = new Runs().add(inline(claim.text) || '(empty claim)')
  for (const index of claim.passages.keys()) {
    if (index > 0) runs.add(',', SUPERSCRIPT)
    runs.child(new FootnoteReferenceRun(firstFootnote + index))
  }
  return new Paragraph({ children: runs.done(), keepNext: true })
}

function claimSection(claim: ExportClaim, firstFootnote: number, footnotes: Footnotes): Paragraph[] {
  for (const [index, passage] of claim.passages.entries()) footnotes[String(firstFootnote + index)] = { children: passageFootnote(passage) }
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(`Claim ${claim.number}`)] }),
    claimParagraph(claim, firstFootnote),
    supportLine(claim),
    ...claim.passages.flatMap((passage) => passageBlock(passage, 'claim'))
  ]
}

function otherHighlights(snapshot: ExportSnapshot): Paragraph[] {
  if (snapshot.otherHighlights.length === 0) return []
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run('Other highlights')] })]
  for (const group of snapshot.otherHighlights) {
    const source = group.source
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(source === null ? 'Source removed from the project' : inline(source.title) || '(untitled)')] }))
    if (source !== null) {
      const cited = cite(new Runs(), source, null, false).done()
      out.push(new Paragraph({ style: STYLE.meta, children: [...cited, ...new Runs().add(`${cited.length === 0 ? '' : ' · '}${location(source)}`).done()] }))
    }
    out.push(...group.passages.flatMap((passage) => passageBlock(passage, 'source')))
  }
  return out
}

function sourcesCited(snapshot: ExportSnapshot): Paragraph[] {
  if (snapshot.citedSources.length === 0) return []
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run('Sources cited')] }),
    ...snapshot.citedSources.map((source) => {
      const details = [
        `File: ${location(source)}`,
        source.pages === null ? '' : plural(source.pages, 'page'),
        source.language === null ? '' : `language: ${inline(source.language)}`,
        source.tags.length === 0 ? '' : `tags: ${source.tags.map(inline).join(', ')}`
      ].filter((part) => part !== '')
      return new Paragraph({ style: STYLE.source, children: [...cite(new Runs(), source, null).done(), new TextRun({ break: 1 }), run(details.join(' · '), DETAILS)] })
    })
  ]
}

export async function renderDocx(snapshot: ExportSnapshot): Promise<Uint8Array> {
  const counts = snapshotCounts(snapshot)
  const title = `Notes: ${inline(snapshot.projectName)}`
  const summary = [
    `Exported from Sourcebench on ${snapshot.exportedAt.toISOString().slice(0, 10)}`,
    plural(counts.claims, 'claim'),
    plural(counts.passages, 'cited passage'),
    `${plural(snapshot.citedSources.length, 'source')} cited`,
    plural(counts.otherHighlights, 'other highlight'),
    ...(counts.notFound === 0 ? [] : [`${counts.notFound} not found in their source`])
  ]
  const footnotes: Footnotes = {}
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(title)] }),
    new Paragraph({ style: STYLE.meta, children: [run(summary.join(' · '))] })
  ]
  let nextFootnote = 1
  for (const claim of snapshot.claims) {
    body.push(...claimSection(claim, nextFootnote, footnotes))
    nextFootnote += claim.passages.length
  }
  if (snapshot.claims.length === 0) body.push(new Paragraph({ style: STYLE.support, children: [run('No claims yet.')] }))
  body.push(...otherHighlights(snapshot), ...sourcesCited(snapshot), new Paragraph({ style: STYLE.offsets, children: [run(inline(snapshot.offsetsNote))] }))

  const pageFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '777777' })] })]
  })
  const document = new Document({
    title,
    creator: 'Sourcebench',
    lastModifiedBy: 'Sourcebench',
    description: `${summary.join(' · ')}.`,
    styles: DOCX_STYLES,
    footnotes,
    sections: [{ properties: {}, footers: { default: pageFooter }, children: body }]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
