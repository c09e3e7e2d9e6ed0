// What can be undone and redone in the open project, by the label of the change.
export interface HistoryState {
  /** The change Undo would take back ("Delete highlight"), or null. */
  undo: string | null
  redo: string | null
}
