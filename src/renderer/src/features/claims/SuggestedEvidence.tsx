// Passages the app proposes for a claim: the best of each source first, the claim's
// words marked; one click highlights the passage and links it to the claim.
import { useState } from 'react'
import type { EvidenceSuggestion } from '../../../../shared/domain/suggestions'
import { useSourcesById } from '../../app/use-sources-by-id'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'
import { SnippetText } from '../search/SnippetText'

export function SuggestedEvidence({ claimId, claimText }: { claimId: string; claimText: string }) {
  const sourcesById = useSourcesById()
  const { api, run, createAnnotation, linkAnnotation } = useWorkbench.getState()
  const [suggestions, setSuggestions] = useState<EvidenceSuggestion[] | null>(null)
  const [busy, setBusy] = useState(false)

  async function suggest(): Promise<void> {
    if (api === null) return
    setBusy(true)
    const found = await run(unwrap(api.suggestEvidence({ claimId })))
    setBusy(false)
    setSuggestions(found ?? null)
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
      {suggestions.map((suggestion) => (
        <div key={`${suggestion.sourceId}:${suggestion.start}`} className="suggestion" data-testid="suggestion">
          <span className="link-source">{sourcesById.get(suggestion.sourceId)?.title ?? 'Source'}</span>
          <SnippetText snippet={suggestion} />
          <button type="button" className="link-button" onClick={() => void link(suggestion)}>
            Link as evidence
          </button>
        </div>
      ))}
    </div>
  )
}
