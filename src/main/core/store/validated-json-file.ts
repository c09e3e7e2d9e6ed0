// A lowdb adapter that validates what it reads and writes atomically (steno: temp file +
// rename). A file that fails to parse or validate is renamed aside and reported, so the
// next write can never overwrite the user's damaged-but-recoverable data.
import { rename } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Adapter } from 'lowdb'
import { TextFile } from 'lowdb/node'
import type { z } from 'zod'
import { describeIssues } from '../../../shared/ipc/validation'

export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly #file: TextFile
  readonly #path: string
  readonly #schema: z.ZodType<T>
  readonly #onProblem: (message: string) => void

  constructor(path: string, schema: z.ZodType<T>, onProblem: (message: string) => void) {
    this.#path = path
    this.#file = new TextFile(path)
    this.#schema = schema
    this.#onProblem = onProblem
  }

  async read(): Promise<T | null> {
    const raw = await this.#file.read()
    if (raw === null) return null
    let problem: string
    try {
      const parsed = this.#schema.safeParse(JSON.parse(raw))
      if (parsed.success) return parsed.data
      problem = describeIssues(parsed.error)
    } catch (error: unknown) {
      problem = error instanceof Error ? error.message : String(error)
    }
    const asidePath = `${this.#path}.damaged-${Date.now()}`
    await rename(this.#path, asidePath)
    this.#onProblem(
      `store: ${basename(this.#path)} was damaged (${problem}); it was set aside as ${basename(asidePath)} and a fresh file started`
    )
    return null
  }

  write(data: T): Promise<void> {
    return this.#file.write(JSON.stringify(data))
  }
}
