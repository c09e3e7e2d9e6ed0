// Undo and redo from the renderer: the engine keeps the history (shared by every window
// and the HTTP API); here are the buttons' state, the calls, and what the screen reloads
// after a step is taken back.
import type { StateCreator } from 'zustand'
import type { HistoryState } from '../../../shared/domain/history'
import { unwrap } from '../lib/api'
import type { WorkbenchState } from './workbench-store'

export interface HistorySlice {
  history: HistoryState
  /** Bumped after undo or redo, so panels that load their own data (names, quotes) load again. */
  notesVersion: number
  setHistory(state: HistoryState): void
  undo(): Promise<void>
  redo(): Promise<void>
  /**
   * Runs a delete and offers to undo it in a notice, instead of asking first. `step` is
   * the engine's label for it ("Delete highlight"): the notice's Undo acts only while
   * that is still the last change.
   */
  undoable(done: string, step: string, change: () => Promise<boolean>): Promise<void>
}

/** Whether keyboard focus is in a field with its own undo (a text box). */
export function inTextField(element: Element | null): boolean {
  if (element === null) return false
  if (element instanceof HTMLTextAreaElement) return !element.readOnly
  if (element instanceof HTMLInputElement) return !element.readOnly && !['button', 'checkbox', 'radio', 'submit', 'range', 'color', 'file'].includes(element.type)
  return element instanceof HTMLElement && element.isContentEditable
}

export const createHistorySlice: StateCreator<WorkbenchState, [], [], HistorySlice> = (set, get) => {
  async function step(direction: 'undo' | 'redo'): Promise<void> {
    const api = get().api
    if (api === null) return
    const pending: Promise<{ label: string } & HistoryState> =
      direction === 'undo'
        ? unwrap(api.undo()).then(({ undone, ...state }) => ({ label: `Undone: ${undone}`, ...state }))
        : unwrap(api.redo()).then(({ redone, ...state }) => ({ label: `Redone: ${redone}`, ...state }))
    const outcome = await get().run(pending)
    if (outcome === undefined) return
    set({ history: { undo: outcome.undo, redo: outcome.redo }, notesVersion: get().notesVersion + 1 })
    // An "Undo" offered for an earlier step now points at a different one: it goes.
    for (const notice of get().notices) if (notice.action?.label === 'Undo' || notice.action?.label === 'Redo') get().dismissNotice(notice.id)
    await get().refresh()
    const label = outcome.label
    get().notify('info', label, direction === 'undo' ? { label: 'Redo', run: () => void get().redo() } : { label: 'Undo', run: () => void get().undo() })
  }

  return {
    history: { undo: null, redo: null },
    notesVersion: 0,

    setHistory(state) {
      set({ history: state })
    },

    undo: () => step('undo'),
    redo: () => step('redo'),

    async undoable(done, step, change) {
      if (!(await change())) return
      // The step's own id, asked for now: the event that announces it may come later.
      const api = get().api
      const state = api === null ? undefined : await get().run(unwrap(api.historyState()))
      const stepId = state?.undo === step ? (state.undoStep ?? null) : null
      get().notify('success', done, {
        label: 'Undo',
        run: () => {
          const now = get().history
          const still = now.undo === step && (stepId === null || now.undoStep === undefined || now.undoStep === stepId)
          if (still) void get().undo()
          else get().notify('info', `“${step}” is no longer the last change: use Undo in the top bar to step back through your changes.`)
        }
      })
    }
  }
}
