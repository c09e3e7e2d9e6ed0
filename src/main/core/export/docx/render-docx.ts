// The Word export: each claim under its own heading with real footnotes (one per cited
// passage, on the claim's sentence as in the Markdown export), its support, and each passage
// as a block quote in context; then the highlights linked to no claim, the sources cited and
// what the offsets count. Opens in Word and LibreOffice whatever the text holds.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import { FootnotesPart } from './docx-footnotes'
import { cite, location, passageBlock, passageFootnote } from './docx-passage'
import { DOCX_STYLES, STYLE } from './docx-styles'
import { Runs, textParagraph } from './docx-paragraph'
import { plural } from '../../../../shared/text/counts'
import { BOLD, inline, ITALIC, type RunStyle } from './docx-text'
import { snapshotCounts, type ExportClaim, type ExportSnapshot, type ExportSource } from '../snapshot'

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
  return runs.paragraph({ style: STYLE.support })
}

/** The claim's sentence carrying one footnote per cited passage; commas keep "1, 2" from reading as 12. */
function claimParagraph(claim: ExportClaim, footnotes: FootnotesPart): Paragraph {
  const runs = new Runs().add(inline(claim.text) || '(empty claim)')
  for (const [index, passage] of claim.passages.entries()) {
    if (index > 0) runs.add(',', SUPERSCRIPT)
    runs.footnoteMark(passageFootnote(passage, footnotes))
  }
  return runs.paragraph({ keepNext: true })
}

function claimSection(claim: ExportClaim, footnotes: FootnotesPart): Paragraph[] {
  return [
    textParagraph(`Claim ${claim.number}`, { heading: HeadingLevel.HEADING_2 }),
    claimParagraph(claim, footnotes),
    supportLine(claim),
    ...claim.passages.flatMap((passage) => passageBlock(passage, 'claim'))
  ]
}

function otherHighlights(snapshot: ExportSnapshot): Paragraph[] {
  if (snapshot.otherHighlights.length === 0) return []
  const out = [textParagraph('Other highlights', { heading: HeadingLevel.HEADING_2 })]
  for (const group of snapshot.otherHighlights) {
    const source = group.source
    out.push(textParagraph(source === null ? 'Source removed from the project' : inline(source.title) || '(untitled)', { heading: HeadingLevel.HEADING_3 }))
    if (source !== null) {
      const cited = cite(new Runs(), source, null, false)
      out.push(cited.add(`${cited.isEmpty ? '' : ' · '}${location(source)}`).paragraph({ style: STYLE.meta }))
    }
    out.push(...group.passages.flatMap((passage) => passageBlock(passage, 'source')))
  }
  return out
}

function sourcesCited(snapshot: ExportSnapshot): Paragraph[] {
  if (snapshot.citedSources.length === 0) return []
  return [
    textParagraph('Sources cited', { heading: HeadingLevel.HEADING_2 }),
    ...snapshot.citedSources.map((source) => {
      const details = [
        `File: ${location(source)}`,
        source.pages === null ? '' : plural(source.pages, 'page'),
        source.language === null ? '' : `language: ${inline(source.language)}`,
        source.tags.length === 0 ? '' : `tags: ${source.tags.map(inline).join(', ')}`
      ].filter((part) => part !== '')
      return cite(new Runs(), source, null).lineBreak().add(details.join(' · '), DETAILS).paragraph({ style: STYLE.source })
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
  const footnotes = new FootnotesPart()
  const body: Paragraph[] = [
    textParagraph(title, { heading: HeadingLevel.HEADING_1 }),
    textParagraph(summary.join(' · '), { style: STYLE.meta })
  ]
  for (const claim of snapshot.claims) body.push(...claimSection(claim, footnotes))
  if (snapshot.claims.length === 0) body.push(textParagraph('No claims yet.', { style: STYLE.support }))
  body.push(...otherHighlights(snapshot), ...sourcesCited(snapshot), textParagraph(inline(snapshot.offsetsNote), { style: STYLE.offsets }))

  const pageFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '777777' })] })]
  })
  const document = new Document({
    title,
    creator: 'Sourcebench',
    lastModifiedBy: 'Sourcebench',
    description: `${summary.join(' · ')}.`,
    styles: DOCX_STYLES,
    sections: [{ properties: {}, footers: { default: pageFooter }, children: body }]
  })
  // docx writes an empty footnotes part (its separators) and the references to it; ours replaces it.
  return new Uint8Array(await Packer.toBuffer(document, false, footnotes.files()))
}
