// The Markdown export: each claim with its support, one footnote per linked passage (the
// verbatim quote, its context, the source as cited, the file and offsets, the anchor status,
// comment and tags), the highlights linked to no claim, and the sources. Renders the same in
// Obsidian and in CommonMark with footnotes; every field from a document or the disk is escaped.
import { ANCHOR_LABELS, type ExportClaim, type ExportPassage, type ExportSnapshot, type ExportSource } from '../snapshot'
import { codeSpan, diskName, escapeMarkdown, inline, markdownUrl, quoteBlock } from './markdown-escape'
import { quoted } from '../passage-context'
import { plural } from '../../../../shared/text/counts'

const title = (source: ExportSource): string => `*${inline(source.title) || '(untitled)'}*`

/** Outlet, author, date, page and URL, as known. */
function citation(source: ExportSource, page: number | null): string {
  const parts = [source.outlet, source.author === null ? null : `by ${source.author}`, source.date].filter((part) => part !== null).map(inline)
  if (page !== null) parts.push(`p. ${page}`)
  if (source.url !== null) parts.push(markdownUrl(source.url))
  return parts.filter((part) => part !== '').join(', ')
}

function location(source: ExportSource): string {
  return `${codeSpan(source.relativePath)}${source.folder === null ? '' : ` in folder “${diskName(source.folder)}”`}${source.missing ? ' (the file is no longer in its folder)' : ''}${source.ocr === null ? '' : ` (${escapeMarkdown(source.ocr)})`}`
}

/** Context mid-line, on one line: a space at either end stays a plain space (escapeMarkdown keeps edge spaces as references). */
function midLine(text: string): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(text.replace(/\s+/g, ' ')) ?? []
  return `${lead === '' ? '' : ' '}${escapeMarkdown(body)}${trail === '' ? '' : ' '}`
}

/** The paragraphs under a passage's first line: the verbatim quote, its context, the anchor, comment and tags. */
function passageDetails(passage: ExportPassage, indent: string): string[] {
  const lines = [quoteBlock(passage.quote, indent)]
  if (passage.context !== null && (passage.context.before !== '' || passage.context.after !== '')) {
    const before = `${passage.context.cutBefore ? '… ' : ''}${midLine(passage.context.before)}`
    const after = `${midLine(passage.context.after)}${passage.context.cutAfter ? ' …' : ''}`
    lines.push('', `${indent}Context: ${before}**${inline(passage.quote)}**${after}`)
  }
  if (passage.anchor === 'reworded' && passage.previousQuote !== null) {
    lines.push('', `${indent}Reworded in the source since it was highlighted; it read ${inline(quoted(passage.previousQuote))}.`)
  } else if (passage.anchor === 'moved') lines.push('', `${indent}Moved: the same words, at a new place in the changed source.`)
  else if (passage.anchor === 'not-found') lines.push('', `${indent}Not found: ${inline(passage.problem ?? 'the words are not in the source’s current text.')}`)
  if (passage.comment.trim() !== '') lines.push('', `${indent}Comment: ${inline(passage.comment)}`)
  if (passage.tags.length > 0) lines.push('', `${indent}Tags: ${passage.tags.map(inline).join(', ')}`)
  return lines
}

function passageLine(passage: ExportPassage): string {
  const source = passage.source
  const where =
    source === null
      ? 'source removed from the project'
      : `${title(source)}${citation(source, passage.page) === '' ? '' : `, ${citation(source, passage.page)}`}, ${location(source)}`
  return `${inline(quoted(passage.quote))} — ${where}, characters ${passage.start}–${passage.end}. Anchor: ${ANCHOR_LABELS[passage.anchor].toLowerCase()}.`
}

function supportLine(claim: ExportClaim): string {
  if (claim.passages.length === 0) return `_${claim.statusLabel}: no evidence linked yet._`
  const detail = [
    claim.backingSources === 0 ? 'no source backs it' : `${plural(claim.independentSources, 'independent source')} (${plural(claim.backingSources, 'source')} ${claim.backingSources === 1 ? 'backs' : 'back'} it)`
  ]
  if (claim.contradictingSources.length > 0) detail.push(`contradicted by ${claim.contradictingSources.map((source) => inline(source.title) || '(untitled)').join('; ')}`)
  if (claim.countedAsOne.length > 0) {
    const pairs = claim.countedAsOne.map((pair) => `${inline(pair.copy.title)} repeats ${inline(pair.original.title)} (${Math.round(pair.share * 100)} % of its wording)`)
    detail.push(`counted as one: ${pairs.join('; ')}`)
  }
  return `_${claim.statusLabel}: ${detail.join('; ')}._`
}

export function renderMarkdown(snapshot: ExportSnapshot): string {
  const others = snapshot.otherHighlights.reduce((sum, group) => sum + group.passages.length, 0)
  const out = [
    `# Notes: ${inline(snapshot.projectName)}`,
    '',
    `Exported from Sourcebench on ${snapshot.exportedAt.toISOString().slice(0, 10)} · ${plural(snapshot.claims.length, 'claim')} · ${plural(snapshot.citedSources.length, 'source')} cited · ${plural(others, 'other highlight')}`,
    ''
  ]
  let footnoteNumber = 0
  for (const claim of snapshot.claims) {
    const numbers = claim.passages.map(() => ++footnoteNumber)
    // A trailing ! would read as an image together with the footnote mark after it.
    const text = inline(claim.text).replace(/!$/, '\\!') || '(empty claim)'
    out.push(`## Claim ${claim.number}`, '', `${text}${numbers.map((number) => `[^${number}]`).join('')}`, '', supportLine(claim), '')
    for (const [index, passage] of claim.passages.entries()) {
      out.push(`[^${numbers[index] ?? 0}]: ${passage.contradicts ? '**Contradicts the claim:** ' : ''}${passageLine(passage)}`, '', ...passageDetails(passage, '    '), '')
    }
  }
  if (snapshot.claims.length === 0) out.push('_No claims yet._', '')
  if (snapshot.otherHighlights.length > 0) {
    out.push('## Other highlights', '')
    for (const group of snapshot.otherHighlights) {
      const source = group.source
      out.push(`### ${source === null ? 'Source removed from the project' : inline(source.title) || '(untitled)'}`, '')
      if (source !== null) out.push(`${[citation(source, null), location(source)].filter((part) => part !== '').join(' · ')}`, '')
      for (const passage of group.passages) {
        const page = passage.page === null ? '' : `p. ${passage.page}, `
        out.push(...passageDetails(passage, ''), '', `_${page}characters ${passage.start}–${passage.end}; anchor: ${ANCHOR_LABELS[passage.anchor].toLowerCase()}._`, '')
      }
    }
  }
  if (snapshot.citedSources.length > 0) {
    out.push('## Sources cited', '')
    for (const source of snapshot.citedSources) {
      const cited = citation(source, null)
      out.push(`${title(source)}${cited === '' ? '' : `, ${cited}`}. ${location(source)}.`, '')
    }
  }
  out.push('---', '', `_${inline(snapshot.offsetsNote)}_`, '')
  return out.join('\n')
}
