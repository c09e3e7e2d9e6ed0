// E-mail and newsgroup posts (.eml, or RFC 822 files without an extension): postal-mime
// reads the MIME structure, charsets and encodings. Subject, sender and date become title,
// author and date; the reader shows the addressing lines, then the body. Attachments are
// not imported, and the import report says so by name.
import PostalMime, { type Address, type Email } from 'postal-mime'
import type { SourceMeta } from '../../../../shared/domain/source'
import { isoDate, monthNumber, dayOf } from './dates'
import { decodeText } from './decode-text'
import { parseHtmlDocument } from './dom'
import { htmlToText } from './html-to-text'
import { cleanTitle } from './tidy-text'
import type { ExtractedDocument } from './types'
import { shortDetail, unreadable } from './unreadable'

const SHOWN_HEADERS = ['from', 'to', 'cc', 'date', 'subject', 'newsgroups'] as const
const MAX_NAMED_ATTACHMENTS = 5

function mailbox(address: Address): string {
  if (address.group !== undefined) return `${address.name}: ${address.group.map(mailbox).join(', ')}`
  return address.name !== '' && address.name !== address.address ? `${address.name} <${address.address}>` : address.address
}

/** The day the sender's clock showed ("Mon, 5 Apr 1993 23:10:00 -0400" is 5 April, not 6 April UTC). */
function sentDay(header: string | undefined, parsed: string | undefined): string | null {
  const written = /(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})/.exec(header ?? '')
  const month = written === null ? null : monthNumber(written[2] ?? '')
  if (written !== null && month !== null) return isoDate(Number(written[3]), month, Number(written[1]))
  return parsed === undefined ? null : dayOf(parsed)
}

/** Old posts name no charset: their body is decoded like a .txt file (encoding guessed). */
function undeclaredBody(bytes: Uint8Array): { text: string; warnings: string[] } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const crlf = raw.indexOf('\r\n\r\n')
  const lf = raw.indexOf('\n\n')
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : raw.length
  if (end >= raw.length) return { text: '', warnings: [] }
  const decoded = decodeText(raw.subarray(end))
  return { text: decoded.text, warnings: decoded.warnings }
}

function bodyOf(message: Email, bytes: Uint8Array): { text: string; warnings: string[] } {
  const declared = message.headers.some((header) => header.key === 'content-type')
  if (!declared) {
    try {
      return undeclaredBody(bytes)
    } catch {
      return { text: message.text ?? '', warnings: [] }
    }
  }
  if (message.text !== undefined && message.text.trim() !== '') return { text: message.text, warnings: [] }
  if (message.html !== undefined) {
    const body = parseHtmlDocument(message.html).body
    return { text: body === null ? '' : htmlToText(body), warnings: [] }
  }
  return { text: '', warnings: [] }
}

function headerBlock(message: Email): string {
  const lines: string[] = []
  for (const key of SHOWN_HEADERS) {
    const header = message.headers.find((candidate) => candidate.key === key)
    if (header === undefined) continue
    const value =
      key === 'from' && message.from !== undefined ? mailbox(message.from)
      : key === 'to' && message.to !== undefined ? message.to.map(mailbox).join(', ')
      : key === 'cc' && message.cc !== undefined ? message.cc.map(mailbox).join(', ')
      : key === 'subject' ? (message.subject ?? header.value)
      : header.value
    lines.push(`${header.originalKey}: ${value.replace(/\s+/g, ' ').trim()}`)
  }
  return lines.join('\n')
}

function attachmentWarning(message: Email): string[] {
  const files = message.attachments.filter((attachment) => attachment.disposition !== 'inline' || attachment.filename !== null)
  if (files.length === 0) return []
  const names = files.slice(0, MAX_NAMED_ATTACHMENTS).map((attachment) => attachment.filename ?? attachment.mimeType)
  const more = files.length > names.length ? ` and ${files.length - names.length} more` : ''
  const noun = files.length === 1 ? 'attachment' : 'attachments'
  return [`${files.length} ${noun} not imported (${names.join(', ')}${more}): save ${files.length === 1 ? 'it' : 'them'} into the folder to import ${files.length === 1 ? 'it' : 'them'}`]
}

export async function extractEmail(bytes: Uint8Array): Promise<ExtractedDocument> {
  let message: Email
  try {
    message = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' })
  } catch (error) {
    throw unreadable(`damaged e-mail message (${shortDetail(error)})`)
  }
  const body = bodyOf(message, bytes)
  const addressing = headerBlock(message)
  if (body.text.trim() === '' && addressing === '') throw unreadable('the e-mail message has no text')
  const text = [addressing, body.text.replace(/\r\n?/g, '\n').trim()].filter((part) => part !== '').join('\n\n')

  const meta: Partial<SourceMeta> = {}
  const from = message.from === undefined ? null : message.from.group === undefined ? message.from.name || message.from.address : message.from.name
  if (from !== null && from !== '') meta.author = from
  const day = sentDay(message.headers.find((header) => header.key === 'date')?.value, message.date)
  if (day !== null) meta.date = day
  return { format: 'email', text, title: cleanTitle(message.subject), meta, pageStarts: null, warnings: [...body.warnings, ...attachmentWarning(message)] }
}
