// Indexing, on an extraction thread, a text the project already stores (in a pack or as
// texts/<hash>.txt). When search has many texts to index (an index lost or set aside), it
// catches up in the background (SearchService): each thread reads the texts back and adds
// them to its segment of the batch, as an import's threads add the texts they extract.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { searchableText } from '../../../shared/domain/ocr-caveat'
import type { OcrSummary } from '../../../shared/domain/original'
import type { SegmentBatches } from '../search/segment-batches'
import { sha256Bytes } from '../store/content-hash'
import { PACKS_FOLDER, packFile, type TextPlace } from '../store/text-packs'
import type { Extraction, IndexIn } from './extractor'

/** A stored text to index: where it is, and what search adds to it (a scan's caveat). */
export interface StoredTextRef {
  /** The project's texts/ folder. */
  textsDir: string
  contentHash: string
  /** Its place in a pack; null: texts/<contentHash>.txt. */
  place: TextPlace | null
  ocr: Pick<OcrSummary, 'recognised'> | null
}

/** Packs held open between texts (texts of one import sit in a few packs, read in order), closed when the thread goes quiet. */
const open = new Map<string, number>()
const MAX_OPEN = 4
const IDLE_CLOSE_MS = 2000
let idle: NodeJS.Timeout | null = null

/** Closes the packs held open (a batch is flushed, or the thread went quiet); never throws, so a flush always hands its batch over. */
export function closeStoredReads(): void {
  if (idle !== null) clearTimeout(idle)
  idle = null
  for (const fd of open.values()) {
    try {
      closeSync(fd)
    } catch {
      // Already closed or gone: nothing is held.
    }
  }
  open.clear()
}

function packFd(path: string): number {
  let fd = open.get(path)
  if (fd === undefined) {
    if (open.size >= MAX_OPEN) closeStoredReads()
    fd = openSync(path, 'r')
    open.set(path, fd)
  }
  if (idle !== null) idle.refresh()
  else idle = setTimeout(closeStoredReads, IDLE_CLOSE_MS).unref()
  return fd
}

function readStored(ref: StoredTextRef): Buffer {
  if (ref.place === null) return readFileSync(join(ref.textsDir, `${ref.contentHash}.txt`))
  const fd = packFd(packFile(join(ref.textsDir, PACKS_FOLDER), ref.place.pack))
  const bytes = Buffer.allocUnsafe(ref.place.bytes)
  for (let read = 0; read < bytes.length; ) {
    const got = readSync(fd, bytes, read, bytes.length - read, ref.place.offset + read)
    if (got === 0) throw new Error(`the pack ${ref.place.pack} ends before the text`)
    read += got
  }
  return bytes
}

/**
 * Reads the stored text, checks it against its hash, and adds it to the batch's segment under
 * `indexIn.key`. Throws when it cannot be read or no longer matches: the caller then reads it
 * itself (the store sets a damaged text aside and says so).
 */
export function indexStoredText(ref: StoredTextRef, indexIn: IndexIn, batches: SegmentBatches): Extraction {
  const bytes = readStored(ref)
  if (sha256Bytes(bytes) !== ref.contentHash) throw new Error(`the stored text ${ref.contentHash.slice(0, 12)}… no longer matches its hash`)
  const segment = batches.add(indexIn.batch, indexIn.key, ref.contentHash, searchableText(ref.ocr, bytes.toString('utf8')))
  const extraction: Extraction = { document: { format: 'text', text: '', title: null, meta: {}, pageStarts: null, warnings: [] }, fileHash: '', indexed: true, textOmitted: true }
  if (segment !== null) extraction.segment = segment
  return extraction
}
