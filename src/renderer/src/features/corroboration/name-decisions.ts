// What the Names tab says after each kind of name decision. The engine's history label for
// it (NAME_DECISION_LABELS) lets the notice's Undo act only while that decision is the last change.
import type { NameDecision } from '../../../../shared/domain/corroboration'

type Kind = NameDecision['kind']

export const NAME_DECISION_DONE: Readonly<Record<Kind, string>> = {
  merge: 'Merged: these spellings now count as one name.',
  split: 'Split off into a name of its own.',
  confirm: 'Confirmed: search can include every spelling.',
  distinct: 'Marked as different people: they will not be proposed as variants again.'
}
