// The only module that reaches the engine: the preload's object in Electron, or the
// HTTP bridge in browser mode. Everything else imports `api` from here.
import { API_GLOBAL } from '../../../shared/ipc/channels'
import type { Api } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/ipc/result'
import { createHttpApi, readToken } from './http-api'

function connect(): Api | null {
  const exposed = (window as unknown as Record<string, unknown>)[API_GLOBAL]
  if (exposed !== undefined) return exposed as Api
  const token = readToken(window.location, window.sessionStorage, window.history)
  return token === null ? null : createHttpApi(token)
}

export const api: Api | null = connect()

export class ApiFailure extends Error {}

/** Unwraps a Result, turning a failure into an exception the UI reports as a notice. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiFailure(result.error.message)
  return result.value
}
