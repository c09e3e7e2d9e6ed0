// Turns a file's bytes into the text the reader shows, or a reason it cannot. This issue
// covers UTF-8 plain text and Markdown; richer formats and encodings plug in here.
import { UserError } from '../../../shared/ipc/result'

export type SourceFormat = 'text' | 'markdown'

export const SUPPORTED_EXTENSIONS: ReadonlyMap<string, SourceFormat> = new Map([
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown']
])

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UserError('invalid-input', 'the file is empty')
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new UserError('invalid-input', 'binary content, not text')
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new UserError('invalid-input', 'not valid UTF-8 text')
  }
  text = text.replace(/\r\n?/g, '\n')
  if (text.trim().length === 0) throw new UserError('invalid-input', 'the file holds only whitespace')
  return text
}
