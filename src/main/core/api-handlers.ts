// The engine's side of the API contract: one handler per operation that does not depend
// on the host. Hosts add the rest (app info, the folder picker, saving an export).
import type { ApiHandlers } from '../../shared/ipc/contract'
import { parseQuery } from '../../shared/search/query'
import type { VariantExpansion } from './corroboration/name-variant-query'
import type { Workbench } from './workbench'

export type HostMethod = 'getAppInfo' | 'pickFolder' | 'exportNotes'
export type CoreHandlers = Omit<ApiHandlers, HostMethod>

export function createCoreHandlers(workbench: Workbench): CoreHandlers {
  const annotations = () => workbench.project.annotations
  const claims = () => workbench.project.claims
  const corroboration = () => workbench.project.corroboration
  /** The query with confirmed names in all their spellings; as typed when the widened one would not parse. */
  const widen = async (query: string): Promise<VariantExpansion & { warnings: string[] }> => {
    const expansion = await corroboration().expandQuery(query)
    if (expansion.included.length === 0 || parseQuery(expansion.query).ok) return { ...expansion, warnings: [] }
    return { query, included: [], warnings: ['other spellings of names were not searched: the widened query could not be read'] }
  }
  return {
    getProject: async () => workbench.projectInfo(),
    createProject: ({ name }) => workbench.createProject(name),
    openProject: ({ projectId }) => workbench.openProject(projectId),
    importFolder: ({ path, confirmLarge }) => workbench.importFolder(path, confirmLarge),
    cancelImport: async () => workbench.cancelImport(),
    rescanFolders: () => workbench.rescan(),
    updateSource: (edits) => workbench.project.library.update(edits),
    search: async ({ query, limit, nameVariants }) => {
      if (!nameVariants) return workbench.project.search.search(query, limit)
      const widened = await widen(query)
      const response = await workbench.project.search.search(widened.query, limit)
      return { ...response, includedVariants: widened.included, warnings: [...response.warnings, ...widened.warnings] }
    },
    searchHits: async ({ query, sourceId, nameVariants }) => {
      const source = workbench.project.library.find(sourceId)
      return workbench.project.search.hitRanges(nameVariants ? (await widen(query)).query : query, source)
    },
    listSources: async () => {
      const { roots, sources } = workbench.project.store.library.data
      return { roots, sources, unwatchedRootIds: workbench.unwatchedRootIds() }
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
