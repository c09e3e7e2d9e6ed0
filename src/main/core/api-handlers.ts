// The engine's side of the API contract: one handler per operation that does not depend
// on the host. Hosts add the rest (app info, the folder picker, saving an export).
import type { ApiHandlers } from '../../shared/ipc/contract'
import type { Workbench } from './workbench'

export type HostMethod = 'getAppInfo' | 'pickFolder' | 'exportNotes'
export type CoreHandlers = Omit<ApiHandlers, HostMethod>

export function createCoreHandlers(workbench: Workbench): CoreHandlers {
  const annotations = () => workbench.project.annotations
  const claims = () => workbench.project.claims
  return {
    getProject: async () => workbench.projectInfo(),
    createProject: ({ name }) => workbench.createProject(name),
    openProject: ({ projectId }) => workbench.openProject(projectId),
    importFolder: ({ path }) => workbench.importFolder(path),
    cancelImport: async () => workbench.cancelImport(),
    updateSource: (edits) => workbench.project.library.update(edits),
    search: ({ query, limit }) => workbench.project.search.search(query, limit),
    searchHits: ({ query, sourceId }) => workbench.project.search.hitRanges(query, workbench.project.library.find(sourceId)),
    listSources: async () => {
      const { roots, sources } = workbench.project.store.library.data
      return { roots, sources }
    },
    getSourceText: ({ sourceId }) => workbench.project.library.sourceText(sourceId),
    listAnnotations: async () => annotations().list(),
    createAnnotation: (input) => annotations().create(input),
    updateAnnotation: (input) => annotations().update(input),
    deleteAnnotation: ({ id }) => annotations().delete(id),
    reattachAnnotation: ({ id, ...selection }) => annotations().reattach(id, selection),
    listClaims: async () => claims().list(),
    createClaim: ({ text }) => claims().create(text),
    updateClaim: ({ id, text }) => claims().update(id, text),
    moveClaim: ({ id, toIndex }) => claims().move(id, toIndex),
    deleteClaim: ({ id }) => claims().delete(id),
    linkAnnotation: ({ claimId, annotationId }) => claims().link(claimId, annotationId),
    unlinkAnnotation: ({ claimId, annotationId }) => claims().unlink(claimId, annotationId),
    setLinkStance: ({ claimId, annotationId, contradicts }) => claims().setStance(claimId, annotationId, contradicts),
    claimSupport: () => claims().support(),
    suggestEvidence: ({ claimId }) => workbench.suggestEvidence(claimId)
  }
}
