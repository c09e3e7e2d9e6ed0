// The engine's side of the API contract: one handler per operation that does not depend
// on the host. Hosts add the rest (app info, the folder picker, saving an export).
import { NAME_DECISION_LABELS } from '../../shared/domain/name-decision-labels'
import type { ApiHandlers } from '../../shared/ipc/contract'
import { parseQuery } from '../../shared/search/query'
import type { VariantExpansion } from './corroboration/name-variant-query'
import { deleteSavedSearch, listSavedSearches, saveSearch } from './library-search/saved-searches'
import { importAnnotationFile } from './export/web-annotation/import-annotations'
import { readOriginal as readSourceOriginal } from './library/read-original'
import { querySourceList } from './store/source-list-query'
import type { Workbench } from './workbench'

export type HostMethod = 'getAppInfo' | 'pickFolder' | 'exportNotes' | 'pickBundle' | 'openExternalUrl'
export type CoreHandlers = Omit<ApiHandlers, HostMethod>

export function createCoreHandlers(workbench: Workbench): CoreHandlers {
  const annotations = () => workbench.project.annotations
  const claims = () => workbench.project.claims
  const corroboration = () => workbench.project.corroboration
  const history = () => workbench.project.history
  const store = () => workbench.project.store
  /** The claims that link an annotation: deleting it changes them too. */
  const claimsLinking = (annotationId: string): string[] =>
    claims()
      .list()
      .filter((claim) => claim.annotationIds.includes(annotationId))
      .map((claim) => claim.id)
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
    updateSource: (edits) =>
      history().record('Edit source details', { sources: [edits.sourceId] }, () => workbench.project.library.update(edits), { key: `source:${edits.sourceId}` }),
    tagSource: ({ sourceId, tags, starred }) =>
      history().record(tags === undefined ? (starred === true ? 'Star source' : 'Unstar source') : 'Tag source', { sources: [sourceId] }, () =>
        workbench.project.library.mark(sourceId, { tags, starred })
      ),
    removeFolder: ({ rootId }) => {
      // The history of the project the folder is taken out of, even if the user switches meanwhile.
      const project = workbench.project
      return workbench.removeFolder(rootId, (change) => project.history.record('Remove folder from project', { roots: [rootId] }, change))
    },
    search: async ({ query, limit, offset, nameVariants }) => {
      if (!nameVariants) return workbench.project.search.search(query, limit, offset)
      const widened = await widen(query)
      const response = await workbench.project.search.search(widened.query, limit, offset)
      return { ...response, includedVariants: widened.included, warnings: [...response.warnings, ...widened.warnings] }
    },
    searchHits: async ({ query, sourceId, nameVariants }) => {
      const source = workbench.project.library.find(sourceId)
      return workbench.project.search.hitRanges(nameVariants ? (await widen(query)).query : query, source)
    },
    listSources: async (input) => querySourceList(store(), input, workbench.unwatchedRootIds()),
    getSourceText: ({ sourceId }) => workbench.project.library.sourceText(sourceId),
    readOriginal: async ({ sourceId }) => readSourceOriginal(store(), workbench.project.library.find(sourceId)),
    getOcrLanguages: () => workbench.getOcrLanguages(),
    setOcrLanguages: ({ folder, chosen }) => workbench.setOcrLanguages(folder, chosen),
    saveSearch: (search) => history().record('Save search', { savedSearches: true }, () => saveSearch(store(), search, workbench.now)),
    deleteSavedSearch: ({ id }) => history().record('Delete saved search', { savedSearches: true }, () => deleteSavedSearch(store(), id)),
    listSavedSearches: async () => listSavedSearches(store()),
    listAnnotations: async () => annotations().list(),
    createAnnotation: (input) => {
      const text = annotations().readAhead(input)
      return history().record('New highlight', {}, () => annotations().create(input, text))
    },
    updateAnnotation: (input) =>
      history().record('Edit highlight', { annotations: [input.id] }, () => annotations().update(input), { key: `annotation:${input.id}` }),
    // The linking claims are read when the delete's turn comes: a link made meanwhile is restored too.
    deleteAnnotation: ({ id }) => history().record('Delete highlight', () => ({ annotations: [id], claims: claimsLinking(id) }), () => annotations().delete(id)),
    reattachAnnotation: ({ id, ...selection }) => {
      const text = annotations().readAhead(selection)
      return history().record('Re-attach highlight', { annotations: [id] }, () => annotations().reattach(id, selection, text))
    },
    listClaims: async () => claims().list(),
    createClaim: ({ text }) => history().record('New claim', {}, () => claims().create(text)),
    updateClaim: ({ id, text }) => history().record('Edit claim', { claims: [id] }, () => claims().update(id, text), { key: `claim:${id}` }),
    moveClaim: ({ id, toIndex }) => history().record('Move claim', { claims: [id] }, () => claims().move(id, toIndex)),
    deleteClaim: ({ id }) => history().record('Delete claim', { claims: [id] }, () => claims().delete(id)),
    linkAnnotation: ({ claimId, annotationId }) => history().record('Link to claim', { claims: [claimId] }, () => claims().link(claimId, annotationId)),
    unlinkAnnotation: ({ claimId, annotationId }) =>
      history().record('Unlink from claim', { claims: [claimId] }, () => claims().unlink(claimId, annotationId)),
    setLinkStance: ({ claimId, annotationId, contradicts }) =>
      history().record(contradicts ? 'Mark as contradicting' : 'Mark as supporting', { claims: [claimId] }, () =>
        claims().setStance(claimId, annotationId, contradicts)
      ),
    claimSupport: () => claims().support((linked) => corroboration().singleSourceQuotes(linked)),
    suggestEvidence: ({ claimId, sourceId }) => workbench.suggestEvidence(claimId, sourceId),
    quoteLedger: (request) => corroboration().ledger(request),
    nameGroups: ({ query, limit }) => corroboration().names(query, limit),
    quoteGroup: ({ groupId }) => corroboration().quoteGroup(groupId),
    nameGroup: ({ groupId }) => corroboration().nameGroup(groupId),
    decideNames: ({ kind, variants }) =>
      history().record(NAME_DECISION_LABELS[kind], { nameDecisions: true }, () => corroboration().decideNames(kind, variants)),
    alignSources: ({ sourceIds }) => corroboration().align(sourceIds),
    previewExport: (request) => workbench.previewExport(request),
    importAnnotations: (input) => {
      // Into the project open when it was asked for, even if the user switches while an earlier step finishes.
      const project = workbench.project
      const file = 'path' in input ? { path: workbench.userPath(input.path) } : input
      // Links to claims already here change those claims: the step keeps them, so undo takes the links back too.
      return project.history.record('Import annotations', () => ({ claims: project.claims.list().map((claim) => claim.id) }), () => importAnnotationFile(project, file, workbench.now), {
        // A file whose highlights are all here already changes nothing: Undo must not take back an earlier step instead.
        unchanged: (report) => report.imported === 0 && report.claimsCreated === 0 && report.links === 0
      })
    },
    openBundle: ({ path }) => workbench.openBundle(path),
    historyState: async () => history().state(),
    undo: () => workbench.historyStep((steps) => steps.undo()),
    redo: () => workbench.historyStep((steps) => steps.redo())
  }
}
