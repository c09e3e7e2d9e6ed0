// The notes panel: the reporter's claims in order, each with its evidence.
import { useState } from 'react'
import { SUPPORT_LABELS, type SupportStatus } from '../../../../shared/domain/support'
import { useWorkbench } from '../../app/workbench-store'
import { ClaimCard } from './ClaimCard'

const FILTERS: Array<[SupportStatus | 'all', string]> = [['all', 'All claims'], ...(Object.entries(SUPPORT_LABELS) as Array<[SupportStatus, string]>)]

export function ClaimsPanel() {
  const claims = useWorkbench((state) => state.claims)
  const support = useWorkbench((state) => state.support)
  const createClaim = useWorkbench((state) => state.createClaim)
  const [filter, setFilter] = useState<SupportStatus | 'all'>('all')
  const shown = claims.map((claim, index) => ({ claim, index })).filter(({ claim }) => filter === 'all' || support[claim.id]?.status === filter)
  return (
    <div className="claims-panel">
      {claims.length === 0 && <p className="empty-hint">Claims are the statements of your story. Add one, then link the highlighted passages that back it.</p>}
      {claims.length > 0 && (
        <select className="status-filter" aria-label="Show claims by support" value={filter} onChange={(event) => setFilter(event.target.value as SupportStatus | 'all')}>
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
              {value === 'all' ? '' : ` (${claims.filter((claim) => support[claim.id]?.status === value).length})`}
            </option>
          ))}
        </select>
      )}
      {shown.map(({ claim, index }) => (
        <ClaimCard key={claim.id} claim={claim} index={index} count={claims.length} />
      ))}
      <button type="button" className="button" onClick={() => void createClaim('')}>
        + New claim
      </button>
    </div>
  )
}
