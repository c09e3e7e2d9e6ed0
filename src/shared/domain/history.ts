// What can be undone and redone in the open project, by the label of the change.
export interface HistoryState {
  /** The change Undo would take back ("Delete highlight"), or null. */
  undo: string | null
  redo: string | null
  /** An id for the step Undo would take back, so a notice can tell whether its step is still the last. */
  undoStep?: number | null
}
