// Every call across the bridge (IPC or HTTP) answers with a Result; nothing is thrown across.
export type ErrorCode = 'invalid-input' | 'not-found' | 'forbidden' | 'unavailable' | 'failed'

export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** An error whose message is meant for the user; the bridge passes it on with its code. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'UserError'
  }
}

export function toApiError(error: unknown, context: string): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message }
  const detail = error instanceof Error ? error.message : String(error)
  return { code: 'failed', message: `${context}: ${detail}` }
}
