// The HTML report: one self-contained page (inline CSS, no script, nothing loaded) an editor
// opens in any browser and can print — claims with status badges, each passage in its context,
// the other highlights by source, a sources table and what the offsets count.
import { escapeHtml } from './html-escape'
import { citationHtml, fileHtml, passageHtml, titleHtml, urlHtml } from './html-passage'
import { REPORT_CSS } from './html-style'
import { snapshotCounts, type ExportClaim, type ExportSnapshot, type ExportSource } from '../snapshot'
import type { SupportStatus } from '../../../../shared/domain/support'
import { plural } from '../../../../shared/text/counts'

/** The page may only style itself and show inline images: no script, frame, font or fetch, even if markup slipped in. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** A sign beside each status word, so the badge reads without colour (print, colour-blind readers). */
const STATUS_ICON: Record<SupportStatus, string> = { corroborated: '✓', single: '◑', disputed: '✕', unsupported: '○' }


function badgeHtml(status: SupportStatus, label: string): string {
  return `<span class="badge badge-${status}"><span aria-hidden="true">${STATUS_ICON[status]}</span> ${escapeHtml(label)}</span>`
}

const cite = (source: ExportSource): string => `<cite>${titleHtml(source)}</cite>`

/** Why the claim has its status: how many sources back it, which count as one and why, which contradict it. */
function supportHtml(claim: ExportClaim): string {
  if (claim.passages.length === 0) return '<ul class="support"><li>No evidence linked yet.</li></ul>'
  const lines: string[] = []
  lines.push(
    claim.backingSources === 0
      ? 'No source backs it.'
      : `Backed by <strong>${plural(claim.backingSources, 'source')}</strong>, counted as <strong>${claim.independentSources} independent</strong>.`
  )
  for (const pair of claim.countedAsOne) {
    lines.push(`Counted as one: ${cite(pair.copy)} repeats ${cite(pair.original)} (${Math.round(pair.share * 100)} % of its wording).`)
  }
  if (claim.contradictingSources.length > 0) {
    lines.push(`Contradicted by <strong>${plural(claim.contradictingSources.length, 'source')}</strong>: ${claim.contradictingSources.map(cite).join(', ')}.`)
  }
  const lost = claim.passages.filter((passage) => passage.anchor === 'not-found').length
  if (lost > 0) lines.push(`${plural(lost, 'passage')} not found in ${lost === 1 ? 'its source' : 'their sources'} any more: not counted.`)
  return `<ul class="support">${lines.map((line) => `<li>${line}</li>`).join('')}</ul>`
}

function claimHtml(claim: ExportClaim): string {
  const text = claim.text.trim() === '' ? '<span class="empty">(empty claim)</span>' : escapeHtml(claim.text)
  const passages =
    claim.passages.length === 0 ? '' : `<ol class="passages">${claim.passages.map((passage) => passageHtml(passage, true)).join('')}</ol>`
  return (
    `<article class="claim status-${claim.status}" id="claim-${claim.number}">` +
    `<header class="claim-head"><h3>Claim ${claim.number}</h3>${badgeHtml(claim.status, claim.statusLabel)}</header>` +
    `<p class="claim-text">${text}</p>${supportHtml(claim)}${passages}</article>`
  )
}

function headHtml(snapshot: ExportSnapshot): string {
  const counts = snapshotCounts(snapshot)
  const iso = snapshot.exportedAt.toISOString()
  const facts = [
    `Exported from Sourcebench on <time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`,
    plural(counts.claims, 'claim'),
    plural(counts.passages, 'cited passage'),
    plural(counts.otherHighlights, 'other highlight'),
    plural(snapshot.citedSources.length, 'source') + ' cited',
    counts.notFound === 0 ? '' : `<span class="warn">${plural(counts.notFound, 'passage')} not found</span>`
  ].filter((fact) => fact !== '')
  const statuses: SupportStatus[] = ['corroborated', 'single', 'disputed', 'unsupported']
  const tally = statuses.flatMap((status) => {
    const claims = snapshot.claims.filter((claim) => claim.status === status)
    const label = claims[0]?.statusLabel
    return label === undefined ? [] : [`<li>${badgeHtml(status, `${claims.length} ${label.toLowerCase()}`)}</li>`]
  })
  return (
    `<header class="report-head"><p class="eyebrow">Sourcebench · Fact-check notes</p><h1>Notes: ${escapeHtml(snapshot.projectName)}</h1>` +
    `<p class="meta">${facts.join(' · ')}</p>${tally.length === 0 ? '' : `<ul class="tally" aria-label="Claims by status">${tally.join('')}</ul>`}</header>`
  )
}

function glanceHtml(claims: readonly ExportClaim[]): string {
  if (claims.length < 2) return ''
  const rows = claims.map((claim) => `<li><a href="#claim-${claim.number}">Claim ${claim.number}</a><span>${escapeHtml(claim.text)}</span>${badgeHtml(claim.status, claim.statusLabel)}</li>`)
  return `<section class="block" aria-labelledby="glance"><h2 id="glance">At a glance</h2><ol class="glance">${rows.join('')}</ol></section>`
}

function claimsHtml(claims: readonly ExportClaim[]): string {
  const body = claims.length === 0 ? '<p class="empty">No claims yet.</p>' : claims.map(claimHtml).join('')
  return `<section class="block" aria-labelledby="claims"><h2 id="claims">Claims</h2>${body}</section>`
}

function otherHighlightsHtml(snapshot: ExportSnapshot): string {
  if (snapshot.otherHighlights.length === 0) return ''
  const groups = snapshot.otherHighlights.map(({ source, passages }) => {
    const file = source === null ? '' : `<p class="file">${fileHtml(source)}</p>`
    const items = passages.map((passage) => passageHtml(passage, false)).join('')
    return `<section class="source-group"><h3>${titleHtml(source)}</h3>${citationHtml(source, false)}${file}<ol class="passages">${items}</ol></section>`
  })
  return (
    `<section class="block" aria-labelledby="other-highlights"><h2 id="other-highlights">Other highlights</h2>` +
    `<p class="section-note">Highlights not linked to any claim, by source.</p>${groups.join('')}</section>`
  )
}

function sourcesHtml(snapshot: ExportSnapshot): string {
  if (snapshot.citedSources.length === 0) {
    return '<section class="block" aria-labelledby="sources"><h2 id="sources">Sources</h2><p class="empty">No sources cited.</p></section>'
  }
  const citedIn = new Map<string, number[]>()
  for (const claim of snapshot.claims) {
    for (const passage of claim.passages) {
      if (passage.source === null) continue
      const numbers = citedIn.get(passage.source.id) ?? []
      if (!numbers.includes(claim.number)) citedIn.set(passage.source.id, [...numbers, claim.number])
    }
  }
  const cell = (value: string | null): string => (value === null ? '' : escapeHtml(value))
  const rows = snapshot.citedSources.map((source, index) => {
    const claims = (citedIn.get(source.id) ?? []).map((number) => `<a href="#claim-${number}">${number}</a>`).join(', ')
    return (
      `<tr><td class="num">${index + 1}</td><td class="title">${titleHtml(source)}</td><td>${cell(source.outlet)}</td><td>${cell(source.author)}</td>` +
      `<td>${source.date === null ? '' : `<time>${escapeHtml(source.date)}</time>`}</td><td class="url">${urlHtml(source.url, 'url')}</td><td class="file">${fileHtml(source)}</td><td>${claims}</td></tr>`
    )
  })
  return (
    `<section class="block" aria-labelledby="sources"><h2 id="sources">Sources</h2><p class="section-note">Every source a claim cites, in order of first citation.</p>` +
    '<table class="sources"><colgroup><col class="num"><col class="title"><col class="outlet"><col class="author"><col class="date"><col class="url"><col class="file"><col class="claims"></colgroup>' +
    `<thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Author</th><th>Date</th><th>URL</th><th>File</th><th>Claims</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  )
}

export function renderHtmlReport(snapshot: ExportSnapshot): string {
  const title = `Notes: ${snapshot.projectName}`
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Sourcebench">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    headHtml(snapshot),
    '<main>',
    glanceHtml(snapshot.claims),
    claimsHtml(snapshot.claims),
    otherHighlightsHtml(snapshot),
    sourcesHtml(snapshot),
    '</main>',
    `<footer class="report-foot"><p>${escapeHtml(snapshot.offsetsNote)}</p><p>Quotes are verbatim; the highlighted words are marked inside the sentence they stand in.</p></footer>`,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
