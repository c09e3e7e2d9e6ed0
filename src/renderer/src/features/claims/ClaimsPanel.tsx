// The notes panel: the reporter's claims in order, each with its evidence.
import { useWorkbench } from '../../app/workbench-store'
import { ClaimCard } from './ClaimCard'

export function ClaimsPanel() {
  const claims = useWorkbench((state) => state.claims)
  const createClaim = useWorkbench((state) => state.createClaim)
  return (
    <div className="claims-panel">
      {claims.length === 0 && <p className="empty-hint">Claims are the statements of your story. Add one, then link the highlighted passages that back it.</p>}
      {claims.map((claim, index) => (
        <ClaimCard key={claim.id} claim={claim} index={index} count={claims.length} />
      ))}
      <button type="button" className="button" onClick={() => void createClaim('')}>
        + New claim
      </button>
    </div>
  )
}
