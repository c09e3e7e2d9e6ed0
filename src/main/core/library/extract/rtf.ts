// Rich Text Format (.rtf), as word processors and Outlook save it: the text comes from
// rtf-text.ts; title, author and creation day from the \info group.
import type { SourceMeta } from '../../../../shared/domain/source'
import { isoDate } from './dates'
import { rtfToText, type RtfText } from './rtf-text'
import { meaningfulAuthor, meaningfulTitle } from './stored-properties'
import type { ExtractedDocument } from './types'
import { shortDetail, unreadable } from './unreadable'

const UNDECODABLE_WARNING = 'some characters use a code page Sourcebench cannot read, shown as �'
/** The \info group sits near the top; a file full of pictures may be large, so look only there. */
const HEAD_BYTES = 64 * 1024

/** The text of a `{\name …}` group in the \info destination, escapes decoded. */
function infoField(head: string, name: string, codePage: string): string | null {
  const match = new RegExp(`\\{\\\\${name}\\s([^{}]*)\\}`).exec(head)
  if (match === null) return null
  try {
    return rtfToText(`{\\rtf1\\ansi\\ansicpg${codePage} ${match[1] ?? ''}}`).text.trim() || null
  } catch {
    return null
  }
}

function createdDay(head: string): string | null {
  const created = /\{\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})/.exec(head)
  return created === null ? null : isoDate(Number(created[1]), Number(created[2]), Number(created[3]))
}

export function extractRtf(bytes: Uint8Array): ExtractedDocument {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_BYTES)).toString('latin1')
  if (!/^\s*\{\\rtf/.test(head)) throw unreadable('not an RTF document (it does not start with {\\rtf)')
  let converted: RtfText
  try {
    converted = rtfToText(bytes)
  } catch (error) {
    throw unreadable(`damaged RTF document (${shortDetail(error)})`)
  }
  const text = converted.text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
  if (text.length === 0) throw unreadable('the RTF document has no text')
  const codePage = /\\ansicpg(\d+)/.exec(head)?.[1] ?? '1252'
  const meta: Partial<SourceMeta> = {}
  const author = meaningfulAuthor(infoField(head, 'author', codePage))
  if (author !== null) meta.author = author
  const day = createdDay(head)
  if (day !== null) meta.date = day
  return {
    format: 'rtf',
    text,
    title: meaningfulTitle(infoField(head, 'title', codePage)),
    meta,
    pageStarts: null,
    warnings: [...(converted.undecodable ? [UNDECODABLE_WARNING] : []), ...(converted.tooDeep ? ['text left out: groups nested deeper than 1,000 levels'] : [])]
  }
}
