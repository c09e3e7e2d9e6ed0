// Word documents (.docx): guard the archive against zip bombs, convert with mammoth to
// HTML (so paragraphs, headings and list items keep their shape), then render it as
// reader text. Title, author and date come from the core properties.
import mammoth from 'mammoth'
import type { SourceMeta } from '../../../../shared/domain/source'
import { type DomElement, parseHtmlDocument } from './dom'
import { readCoreProperties } from './docx-properties'
import { htmlToText } from './html-to-text'
import { meaningfulAuthor, meaningfulTitle } from './stored-properties'
import { cleanTitle } from './tidy-text'
import type { ExtractedDocument, ExtractOptions } from './types'
import { shortDetail, unreadable } from './unreadable'
import { guardWordArchive } from './zip-guard'

// Images are never read: the reader shows text, and a linked image could point anywhere.
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))

/** The "↑" link mammoth puts after each footnote, back to where it is referenced. */
const FOOTNOTE_BACKLINK = /\s*<a href="#(?:footnote|endnote|comment)-ref-[^"]*">↑<\/a>/g

async function toHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) },
      { convertImage: skipImages, externalFileAccess: false }
    )
    return result.value.replace(FOOTNOTE_BACKLINK, '')
  } catch (error) {
    throw unreadable(`damaged Word document (${shortDetail(error)})`)
  }
}

function firstHeading(body: DomElement): string | null {
  return cleanTitle(body.querySelector('h1, h2, h3, h4, h5, h6')?.textContent)
}

export async function extractDocx(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractedDocument> {
  const archive = guardWordArchive(bytes, options.maxInflatedBytes)
  const properties = readCoreProperties(archive.part('docProps/core.xml'))
  const body = parseHtmlDocument(await toHtml(bytes)).body
  const text = body === null ? '' : htmlToText(body)
  if (text.length === 0) throw unreadable('the Word document has no text')

  const meta: Partial<SourceMeta> = {}
  const author = meaningfulAuthor(properties.creator)
  if (author !== null) meta.author = author
  if (properties.created !== null) meta.date = properties.created
  if (properties.language !== null) meta.language = properties.language
  const title = meaningfulTitle(properties.title) ?? (body === null ? null : firstHeading(body))
  return { format: 'docx', text, title, meta, pageStarts: null, warnings: [] }
}
