// Channel and event names alone, with no schema library, so the sandboxed preload can
// import them without bundling zod.

export const channels = {
  getAppInfo: 'app:get-info',
  getProject: 'projects:get-current',
  createProject: 'projects:create',
  openProject: 'projects:open',
  pickFolder: 'library:pick-folder',
  importFolder: 'library:import-folder',
  cancelImport: 'library:cancel-import',
  rescanFolders: 'library:rescan',
  updateSource: 'library:update-source',
  tagSource: 'library:tag-source',
  removeFolder: 'library:remove-folder',
  search: 'search:query',
  searchHits: 'search:hits',
  saveSearch: 'search:save',
  deleteSavedSearch: 'search:delete-saved',
  listSavedSearches: 'search:list-saved',
  listSources: 'library:list-sources',
  getSourceText: 'library:get-text',
  readOriginal: 'library:read-original',
  openExternalUrl: 'app:open-external-url',
  getOcrLanguages: 'library:get-ocr-languages',
  setOcrLanguages: 'library:set-ocr-languages',
  listAnnotations: 'annotations:list',
  createAnnotation: 'annotations:create',
  updateAnnotation: 'annotations:update',
  deleteAnnotation: 'annotations:delete',
  reattachAnnotation: 'annotations:reattach',
  listClaims: 'claims:list',
  createClaim: 'claims:create',
  updateClaim: 'claims:update',
  moveClaim: 'claims:move',
  deleteClaim: 'claims:delete',
  linkAnnotation: 'claims:link',
  unlinkAnnotation: 'claims:unlink',
  setLinkStance: 'claims:set-stance',
  claimSupport: 'claims:support',
  suggestEvidence: 'claims:suggest-evidence',
  exportNotes: 'export:notes',
  previewExport: 'export:preview',
  importAnnotations: 'export:import-annotations',
  pickBundle: 'export:pick-bundle',
  openBundle: 'export:open-bundle',
  quoteLedger: 'corroboration:quote-ledger',
  nameGroups: 'corroboration:name-groups',
  decideNames: 'corroboration:decide-names',
  alignSources: 'corroboration:align-sources',
  historyState: 'history:get-state',
  undo: 'history:undo',
  redo: 'history:redo'
} as const

export const events = {
  importProgress: 'event:import-progress',
  libraryChanged: 'event:library-changed',
  corroborationProgress: 'event:corroboration-progress',
  historyChanged: 'event:history-changed',
  menuCommand: 'event:menu-command'
} as const

export const API_GLOBAL = 'sourcebench'
