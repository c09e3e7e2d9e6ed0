// A lowdb adapter that validates what it reads and writes durably and atomically. A file
// that fails to parse or validate is renamed aside and reported, so the next write can
// never overwrite the user's damaged-but-recoverable data.
import { readFile, rename } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { describeIssues } from '../../../shared/ipc/validation'
import { writeFileAtomic } from './atomic-write'

export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly #path: string
  readonly #schema: z.ZodType<T>
  readonly #onProblem: (message: string) => void

  constructor(path: string, schema: z.ZodType<T>, onProblem: (message: string) => void) {
    this.#path = path
    this.#schema = schema
    this.#onProblem = onProblem
  }

  async read(): Promise<T | null> {
    let raw: string
    try {
      raw = await readFile(this.#path, 'utf-8')
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
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
    return writeFileAtomic(this.#path, JSON.stringify(data))
  }
}
