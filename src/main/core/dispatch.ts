// Validates one raw request against the contract and runs its handler, always answering
// with a Result. The Electron IPC layer and the HTTP server both go through here.
import { contract, type ApiHandlers, type ApiMethod } from '../../shared/ipc/contract'
import { err, ok, toApiError, type Result } from '../../shared/ipc/result'
import { describeIssues } from '../../shared/ipc/validation'

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(contract, name)
}

export async function dispatch(handlers: ApiHandlers, method: ApiMethod, rawInput: unknown): Promise<Result<unknown>> {
  const { channel, input } = contract[method]
  const parsed = input.safeParse(rawInput)
  if (!parsed.success) return err('invalid-input', `${channel}: ${describeIssues(parsed.error)}`)
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (error: unknown) {
    return { ok: false, error: toApiError(error, channel) }
  }
}
