// Passages the app proposes for a claim, the claim's words marked; one click highlights the
// passage and links it to the claim, another brings more passages of the same source under it.
import { useState } from 'react'
import type { EvidenceSuggestion } from '../../../../shared/domain/suggestions'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { SnippetText } from '../search/SnippetText'

const keyOf = (suggestion: EvidenceSuggestion): string => `${suggestion.sourceId}:${suggestion.start}`

/** The list with `more` placed after the last passage of their source, leaving out those already shown. */
function withMore(current: EvidenceSuggestion[], sourceId: string, more: EvidenceSuggestion[]): EvidenceSuggestion[] {
  const shown = new Set(current.map(keyOf))
  const fresh = more.filter((suggestion) => !shown.has(keyOf(suggestion)))
  const last = current.findLastIndex((suggestion) => suggestion.sourceId === sourceId)
  return [...current.slice(0, last + 1), ...fresh, ...current.slice(last + 1)]
}

export function SuggestedEvidence({ claimId, claimText }: { claimId: string; claimText: string }) {
  const sourcesById = useSourcesById()
  const { api, run, createAnnotation, linkAnnotation } = useWorkbench.getState()
  const [suggestions, setSuggestions] = useState<EvidenceSuggestion[] | null>(null)
  const [busy, setBusy] = useState(false)
  /** Sources whose further passages were asked for, and whether any new one came. */
  const [expanded, setExpanded] = useState<Map<string, boolean>>(new Map())

  async function suggest(): Promise<void> {
    if (api === null) return
    setBusy(true)
    const found = await run(unwrap(api.suggestEvidence({ claimId })))
    setBusy(false)
    setExpanded(new Map())
    setSuggestions(found ?? null)
  }

  async function more(sourceId: string): Promise<void> {
    if (api === null || suggestions === null) return
    const found = await run(unwrap(api.suggestEvidence({ claimId, sourceId })))
    if (found === undefined) return
    const next = withMore(suggestions, sourceId, found)
    setExpanded((current) => new Map(current).set(sourceId, next.length > suggestions.length))
    setSuggestions(next)
  }

  async function link(suggestion: EvidenceSuggestion): Promise<void> {
    const annotation = await createAnnotation({ ...suggestion, color: 'green', comment: '', tags: [] })
    if (annotation === undefined) return
    await linkAnnotation(claimId, annotation.id)
    setSuggestions((current) => current?.filter((candidate) => candidate !== suggestion) ?? null)
  }

  if (suggestions === null) {
    return (
      <button type="button" className="link-button suggest" disabled={busy || claimText.trim() === ''} onClick={() => void suggest()}>
        {busy ? 'Looking for evidence…' : 'Suggest evidence'}
      </button>
    )
  }
  return (
    <div className="suggestions" data-testid="suggestions">
      <div className="suggestions-head">
        <span>{suggestions.length === 0 ? 'No passage in the library shares this claim’s words.' : 'Suggested passages'}</span>
        <button type="button" className="icon-button" aria-label="Close suggestions" onClick={() => setSuggestions(null)}>
          ×
        </button>
      </div>
      {suggestions.map((suggestion, index) => {
        const lastOfSource = suggestions.findLastIndex((candidate) => candidate.sourceId === suggestion.sourceId) === index
        const title = sourcesById.get(suggestion.sourceId)?.title ?? 'Source'
        return (
          <div key={keyOf(suggestion)} className="suggestion" data-testid="suggestion">
            <span className="link-source">{title}</span>
            <SnippetText snippet={suggestion} />
            <div className="suggestion-actions">
              <button type="button" className="link-button" onClick={() => void link(suggestion)}>
                Link as evidence
              </button>
              {lastOfSource && !expanded.has(suggestion.sourceId) && (
                <button type="button" className="link-button" aria-label={`More from ${title}`} onClick={() => void more(suggestion.sourceId)}>
                  More from this source
                </button>
              )}
              {lastOfSource && expanded.get(suggestion.sourceId) === false && <span className="hint">No other passage of this source shares the claim’s words.</span>}
            </div>
          </div>
        )
      })}
    </div>
  )
}
