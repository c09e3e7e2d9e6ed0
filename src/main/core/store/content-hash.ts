// The SHA-256 of a document's text: its identity in texts/ and in annotation targets.
import { createHash } from 'node:crypto'

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The SHA-256 of a file's bytes, to tell a touched file from a changed one. */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
