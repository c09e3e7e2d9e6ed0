// Each name decision's step name in the undo history, shared by the engine that records the
// step and the Names tab whose notice offers Undo only while that step is the last. Kept apart
// from corroboration.ts so the renderer does not bundle zod (its JIT needs eval, which the CSP refuses).
import type { NameDecision } from './corroboration'

export const NAME_DECISION_LABELS: Readonly<Record<NameDecision['kind'], string>> = {
  merge: 'Merge names',
  split: 'Split name',
  confirm: 'Confirm names',
  distinct: 'Mark names as different people'
}
