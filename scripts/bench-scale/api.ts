// Calls the engine the way the UI does: through the contract's validation and the core
// handlers (dispatch), wired as the hosts wire them (src/main/index.ts: the first requests are
// answered while the project opens, the first listing starts watching the folders); the
// host-only methods are never asked for here.
import { createCoreHandlers } from '../../src/main/core/api-handlers'
import { dispatch } from '../../src/main/core/dispatch'
import { gateUntilOpen } from '../../src/main/core/projects/project-opening'
import { startWatchingAfter, type Workbench } from '../../src/main/core/workbench'
import type { ApiHandlers, ApiInput, ApiMethod, ApiOutputs } from '../../src/shared/ipc/contract'
import type { Result } from '../../src/shared/ipc/result'

export interface EngineApi {
  /** The raw Result, for a caller that handles a refusal itself. */
  tryCall<K extends ApiMethod>(method: K, input?: unknown): Promise<Result<ApiOutputs[K]>>
  /** The answer; a refusal is thrown. */
  call<K extends ApiMethod>(method: K, input?: ApiInput<K>): Promise<ApiOutputs[K]>
}

export function engineApi(workbench: Workbench): EngineApi {
  const hostOnly = async (): Promise<never> => {
    throw new Error('bench-scale: a host method was called')
  }
  const core = createCoreHandlers(workbench)
  const handlers: ApiHandlers = gateUntilOpen(workbench, {
    ...core,
    listSources: startWatchingAfter(workbench, core.listSources),
    getAppInfo: hostOnly,
    pickFolder: hostOnly,
    exportNotes: hostOnly,
    pickBundle: hostOnly,
    openExternalUrl: hostOnly
  })
  const tryCall = async <K extends ApiMethod>(method: K, input?: unknown): Promise<Result<ApiOutputs[K]>> =>
    (await dispatch(handlers, method, input)) as Result<ApiOutputs[K]>
  return {
    tryCall,
    async call(method, input) {
      const result = await tryCall(method, input)
      if (!result.ok) throw new Error(`bench-scale: ${method}: ${result.error.message}`)
      return result.value
    }
  }
}

export const LIST_PAGE = 2000

/** A reply of listSources, whole or one page of it. */
export type SourcesPage = { sources: unknown[]; total?: unknown; nextCursor?: unknown }

/** What the window asks first: a page of 2,000 sources if listSources takes `{ limit }`, else the whole list. */
export async function listFirstPage(api: EngineApi): Promise<{ page: SourcesPage; paged: boolean }> {
  const paged = await api.tryCall('listSources', { limit: LIST_PAGE })
  if (paged.ok) return { page: paged.value as SourcesPage, paged: true }
  if (paged.error.code !== 'invalid-input') throw new Error(`bench-scale: listSources: ${paged.error.message}`)
  return { page: await api.call('listSources'), paged: false }
}
