// The engine's side of the API contract: one handler per operation that does not depend
// on the host. Hosts add the rest (app info, the folder picker, saving an export).
import type { ApiHandlers } from '../../shared/ipc/contract'
import type { Workbench } from './workbench'

export type HostMethod = 'getAppInfo' | 'pickFolder' | 'exportNotes'
export type CoreHandlers = Omit<ApiHandlers, HostMethod>

export function createCoreHandlers(workbench: Workbench): CoreHandlers {
  const annotations = () => workbench.project.annotations
  const claims = () => workbench.project.claims
  const corroboration = () => workbench.project.corroboration
  return {
    getProject: async () => workbench.projectInfo(),
    createProject: ({ name }) => workbench.createProject(name),
    openProject: ({ projectId }) => workbench.openProject(projectId),
    importFolder: ({ path }) => workbench.importFolder(path),
    cancelImport: async () => workbench.cancelImport(),
    updateSource: (edits) => workbench.project.library.update(edits),
    search: async ({ query, limit, nameVariants }) => {
      if (!nameVariants) return workbench.project.search.search(query, limit)
      const expansion = await corroboration().expandQuery(query)
      const response = await workbench.project.search.search(expansion.query, limit)
      // A problem is reported against what the user typed, not the widened query.
      if (response.problem !== null && expansion.included.length > 0) return workbench.project.search.search(query, limit)
      return { ...response, includedVariants: expansion.included }
    },
    searchHits: async ({ query, sourceId, nameVariants }) => {
      const source = workbench.project.library.find(sourceId)
      const widened = nameVariants ? (await corroboration().expandQuery(query)).query : query
      return workbench.project.search.hitRanges(widened, source)
    },
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
    suggestEvidence: ({ claimId }) => workbench.suggestEvidence(claimId),
    quoteLedger: (request) => corroboration().ledger(request),
    nameGroups: ({ query, limit }) => corroboration().names(query, limit),
    decideNames: ({ kind, variants }) => corroboration().decideNames(kind, variants),
    alignSources: ({ sourceIds }) => corroboration().align(sourceIds)
  }
}
