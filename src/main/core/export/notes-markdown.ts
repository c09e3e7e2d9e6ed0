// Renders the claims as Markdown an editor can check line by line: each claim, then one
// footnote per linked passage with the verbatim quote, the source, its path relative to
// the imported folder and the character offsets in the source's text.
import type { Annotation } from '../../../shared/domain/annotation'
import type { Claim } from '../../../shared/domain/claim'
import type { ImportRoot, Source } from '../../../shared/domain/source'
import { outletAndDate, pageAt } from '../../../shared/domain/citation'
import { claimSourceIds, SUPPORT_LABELS, type ClaimSupport } from '../../../shared/domain/support'

export interface NotesSnapshot {
  projectName: string
  exportedAt: Date
  claims: readonly Claim[]
  annotations: readonly Annotation[]
  sources: readonly Source[]
  roots: readonly ImportRoot[]
  /** Support status per claim id; without it the export counts distinct sources. */
  support?: Readonly<Record<string, ClaimSupport>>
}

/** Backslash-escapes what Markdown would otherwise read as formatting, so words render as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/gm, (_match, space: string, marker: string) => `${space}${marker.replace(/([#>+\-.)])$/, '\\$1')}`)
}

function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

function quoteBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => `${indent}> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n')
}

function footnote(number: number, annotation: Annotation | undefined, source: Source | undefined, root: ImportRoot | undefined, contradicts: boolean): string {
  if (annotation === undefined || source === undefined) return `[^${number}]: The linked passage no longer exists.`
  const [quote, position] = annotation.target.selectors
  const folder = root === undefined ? '' : ` in folder “${root.name}”`
  const stale = annotation.target.contentHash === source.contentHash ? '' : ' The source has changed since; this passage was not found in its current text.'
  const page = pageAt(source.pageStarts, position.start)
  const cited = [outletAndDate(source), page === null ? '' : `p. ${page}`].filter((part) => part !== '').map(inline)
  const citation = cited.length === 0 ? '' : `, ${cited.join(', ')}`
  const lines = [
    `[^${number}]: ${contradicts ? '**Contradicts the claim:** ' : ''}“${inline(quote.exact)}” — *${inline(source.title)}*${citation}, \`${source.relativePath}\`${folder}, characters ${position.start}–${position.end}.${stale}`,
    '',
    quoteBlock(quote.exact, '    ')
  ]
  if (annotation.comment.trim().length > 0) lines.push('', `    Comment: ${inline(annotation.comment)}`)
  if (annotation.tags.length > 0) lines.push('', `    Tags: ${annotation.tags.join(', ')}`)
  return lines.join('\n')
}

function supportLine(count: number, support: ClaimSupport | undefined, titleOf: (sourceId: string) => string): string {
  if (count === 0) return '_No evidence linked yet._'
  const backed = count === 1 ? 'Backed by 1 source' : `Backed by ${count} sources`
  if (support === undefined) return `_${backed}._`
  const independent = support.independentGroups.length
  const merged = support.sameOrigin.map((pair) => `${inline(titleOf(pair.copy))} repeats ${inline(titleOf(pair.original))}`).join('; ')
  const detail = [
    `${independent} independent`,
    support.contradictingSources.length > 0 ? `${support.contradictingSources.length} contradicting` : '',
    merged === '' ? '' : `counted as one: ${merged}`
  ].filter((part) => part !== '')
  return `_${SUPPORT_LABELS[support.status]}. ${backed} (${detail.join('; ')})._`
}

export function renderNotesMarkdown(snapshot: NotesSnapshot): string {
  const annotationsById = new Map(snapshot.annotations.map((annotation) => [annotation.id, annotation]))
  const sourcesById = new Map(snapshot.sources.map((source) => [source.id, source]))
  const rootsById = new Map(snapshot.roots.map((root) => [root.id, root]))
  const cited = new Set(snapshot.claims.flatMap((claim) => claimSourceIds(claim, annotationsById)))
  const out = [
    `# Notes: ${inline(snapshot.projectName)}`,
    '',
    `Exported from Sourcebench on ${snapshot.exportedAt.toISOString().slice(0, 10)} · ${snapshot.claims.length} claim${snapshot.claims.length === 1 ? '' : 's'} · ${cited.size} source${cited.size === 1 ? '' : 's'} cited`,
    ''
  ]
  let footnoteNumber = 0
  for (const [index, claim] of snapshot.claims.entries()) {
    const numbers = claim.annotationIds.map(() => ++footnoteNumber)
    const marks = numbers.map((number) => `[^${number}]`).join('')
    out.push(`## Claim ${index + 1}`, '', `${inline(claim.text) || '(empty claim)'}${marks}`, '')
    out.push(supportLine(claimSourceIds(claim, annotationsById).length, snapshot.support?.[claim.id], (id) => sourcesById.get(id)?.title ?? id), '')
    for (const [position, annotationId] of claim.annotationIds.entries()) {
      const annotation = annotationsById.get(annotationId)
      const source = annotation === undefined ? undefined : sourcesById.get(annotation.target.sourceId)
      const root = source === undefined ? undefined : rootsById.get(source.rootId)
      out.push(footnote(numbers[position] ?? 0, annotation, source, root, claim.contradicting.includes(annotationId)), '')
    }
  }
  if (snapshot.claims.length === 0) out.push('_No claims yet._', '')
  out.push(
    '---',
    '',
    '_Character offsets count from the start of each source’s text as Sourcebench shows it (line breaks as one character, no byte-order mark)._',
    ''
  )
  return out.join('\n')
}
