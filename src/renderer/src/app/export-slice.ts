// Which of the export and import dialogs is open (Export…, Import annotations…, Open
// bundle… in browser mode): one at a time, opened from the keyboard, the menus or the top bar.
import type { StateCreator } from 'zustand'
import type { WorkbenchState } from './workbench-store'

export type ExportDialogKind = 'export' | 'import-annotations' | 'open-bundle'

export interface ExportSlice {
  exportDialog: ExportDialogKind | null
  setExportDialog(dialog: ExportDialogKind | null): void
}

export const createExportSlice: StateCreator<WorkbenchState, [], [], ExportSlice> = (set) => ({
  exportDialog: null,

  setExportDialog(dialog) {
    set({ exportDialog: dialog })
  }
})
