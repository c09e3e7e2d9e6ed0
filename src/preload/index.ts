// The page's only door to the engine: one method per contract operation, one onX per
// event. The raw ipcRenderer and Electron's event objects never reach the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { API_GLOBAL, channels, events } from '../shared/ipc/channels'
import type { Api, ApiInput, ApiMethod, ApiOutputs, EventName, EventPayloads } from '../shared/ipc/contract'
import type { Result } from '../shared/ipc/result'

function invoke<K extends ApiMethod>(method: K, input?: ApiInput<K>): Promise<Result<ApiOutputs[K]>> {
  return ipcRenderer.invoke(channels[method], input) as Promise<Result<ApiOutputs[K]>>
}

function subscribe<K extends EventName>(name: K, callback: (payload: EventPayloads[K]) => void): () => void {
  const listener = (_event: IpcRendererEvent, payload: EventPayloads[K]): void => callback(payload)
  ipcRenderer.on(events[name], listener)
  return () => void ipcRenderer.removeListener(events[name], listener)
}

const api = {
  getAppInfo: () => invoke('getAppInfo'),
  getProject: () => invoke('getProject'),
  createProject: (input) => invoke('createProject', input),
  openProject: (input) => invoke('openProject', input),
  pickFolder: () => invoke('pickFolder'),
  importFolder: (input) => invoke('importFolder', input),
  rescanFolders: () => invoke('rescanFolders'),
  cancelImport: () => invoke('cancelImport'),
  updateSource: (input) => invoke('updateSource', input),
  tagSource: (input) => invoke('tagSource', input),
  removeFolder: (input) => invoke('removeFolder', input),
  search: (input) => invoke('search', input),
  searchHits: (input) => invoke('searchHits', input),
  saveSearch: (input) => invoke('saveSearch', input),
  deleteSavedSearch: (input) => invoke('deleteSavedSearch', input),
  listSavedSearches: () => invoke('listSavedSearches'),
  listSources: (input) => invoke('listSources', input),
  getSourceText: (input) => invoke('getSourceText', input),
  readOriginal: (input) => invoke('readOriginal', input),
  openExternalUrl: (input) => invoke('openExternalUrl', input),
  getOcrLanguages: () => invoke('getOcrLanguages'),
  setOcrLanguages: (input) => invoke('setOcrLanguages', input),
  listAnnotations: () => invoke('listAnnotations'),
  createAnnotation: (input) => invoke('createAnnotation', input),
  updateAnnotation: (input) => invoke('updateAnnotation', input),
  deleteAnnotation: (input) => invoke('deleteAnnotation', input),
  reattachAnnotation: (input) => invoke('reattachAnnotation', input),
  listClaims: () => invoke('listClaims'),
  createClaim: (input) => invoke('createClaim', input),
  updateClaim: (input) => invoke('updateClaim', input),
  moveClaim: (input) => invoke('moveClaim', input),
  deleteClaim: (input) => invoke('deleteClaim', input),
  linkAnnotation: (input) => invoke('linkAnnotation', input),
  unlinkAnnotation: (input) => invoke('unlinkAnnotation', input),
  setLinkStance: (input) => invoke('setLinkStance', input),
  claimSupport: () => invoke('claimSupport'),
  suggestEvidence: (input) => invoke('suggestEvidence', input),
  exportNotes: (input) => invoke('exportNotes', input),
  previewExport: (input) => invoke('previewExport', input),
  importAnnotations: (input) => invoke('importAnnotations', input),
  pickBundle: () => invoke('pickBundle'),
  openBundle: (input) => invoke('openBundle', input),
  quoteLedger: (input) => invoke('quoteLedger', input),
  nameGroups: (input) => invoke('nameGroups', input),
  quoteGroup: (input) => invoke('quoteGroup', input),
  nameGroup: (input) => invoke('nameGroup', input),
  decideNames: (input) => invoke('decideNames', input),
  alignSources: (input) => invoke('alignSources', input),
  historyState: () => invoke('historyState'),
  undo: () => invoke('undo'),
  redo: () => invoke('redo'),
  onImportProgress: (callback) => subscribe('importProgress', callback),
  onLibraryChanged: (callback) => subscribe('libraryChanged', () => callback()),
  onCorroborationProgress: (callback) => subscribe('corroborationProgress', callback),
  onHistoryChanged: (callback) => subscribe('historyChanged', callback),
  onMenuCommand: (callback) => subscribe('menuCommand', callback),
  // Not an IPC call: the page gives the File it was handed by a drop, and only its path comes back.
  pathForDroppedFile: (file) => {
    try {
      return webUtils.getPathForFile(file) || null
    } catch {
      return null
    }
  }
} satisfies Api

contextBridge.exposeInMainWorld(API_GLOBAL, api)
