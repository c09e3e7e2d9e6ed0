// Temporary folders for tests that touch the disk, removed after each test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

export function useTempDirs(): () => Promise<string> {
  const made: string[] = []
  afterEach(async () => {
    // Retries: a background save of the app under test may still be finishing its rename.
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })))
  })
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sourcebench-test-'))
    made.push(dir)
    return dir
  }
}
