// An append-only journal of JSON lines, as the notes and the library keep theirs: appended
// and flushed before a change is acknowledged; read back as its whole lines in order, up to a
// last line a crash cut short (never acknowledged) or the first whole line that does not read
// (damage, reported with what is wrong).
import { open, readFile, truncate } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { z } from 'zod'
import { describeIssues } from '../../../shared/ipc/validation'
import { syncFolder } from './atomic-write'

export interface JournalRead {
  /** Bytes of the whole lines read: what a torn or damaged journal is cut back to. */
  good: number
  bytes: number
  /** What is wrong with the first line that does not read; null when every whole line did. */
  problem: string | null
}

/** A journal's text; empty when it was never begun. */
export async function readJournalText(path: string): Promise<string> {
  return readFile(path, 'utf-8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  })
}

/** Hands each whole line that reads, in order, to `apply`; stops at the first that does not. */
export function readJournalLines<T>(raw: string, schema: z.ZodType<T>, apply: (line: T) => void): JournalRead {
  const bytes = Buffer.byteLength(raw)
  let position = 0
  let good = 0
  while (position < raw.length) {
    const end = raw.indexOf('\n', position)
    // A line without its end is one a crash cut while writing: it was never acknowledged.
    if (end === -1) break
    const line = raw.slice(position, end)
    const parsed = parseLine(line, schema)
    if (!parsed.ok) return { good, bytes, problem: parsed.problem }
    apply(parsed.value)
    position = end + 1
    good += Buffer.byteLength(line) + 1
  }
  return { good, bytes, problem: null }
}

function parseLine<T>(line: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problem: string } {
  try {
    const parsed = schema.safeParse(JSON.parse(line))
    if (parsed.success) return { ok: true, value: parsed.data }
    return { ok: false, problem: describeIssues(parsed.error) }
  } catch (error: unknown) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Appends a journal's lines and flushes them; when they start the file (`fresh`), its folder
 * entry too. Resolves once they survive a power cut. `cutTo` first: the length the journal
 * had before an append that failed part-way, whose partial line is cut off.
 */
export async function appendDurably(path: string, text: string, fresh: boolean, cutTo?: number): Promise<void> {
  if (cutTo !== undefined) {
    await truncate(path, cutTo).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    })
  }
  // Opened per append (a fraction of the fsync's cost): no descriptor outlives the write or a project left open.
  const handle = await open(path, 'a')
  try {
    await handle.appendFile(text)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  // A journal's first line also made its file: its folder entry must be on disk too.
  if (fresh) await syncFolder(dirname(path))
}
