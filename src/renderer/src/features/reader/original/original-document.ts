// Fetches a source's original (PDF bytes, image, saved web page's article) and keeps the
// last few, so switching a pane between text and original does not read the file again.
import type { Api } from '../../../../../shared/ipc/contract'
import type { OriginalDocument } from '../../../../../shared/domain/original'
import type { Source } from '../../../../../shared/domain/source'

export type LoadedOriginal =
  | { kind: 'pdf'; data: Uint8Array; layout: Extract<OriginalDocument, { kind: 'pdf' }>['layout'] }
  | { kind: 'image'; mime: string; data: Uint8Array; layout: Extract<OriginalDocument, { kind: 'image' }>['layout'] }
  | { kind: 'web'; html: string; url: string | null }
  | { kind: 'unavailable'; reason: string }

const KEPT = 3
const kept = new Map<string, Promise<LoadedOriginal>>()

/** Base64 to bytes: Chromium's native decoder where it has one (fast on a 50 MB PDF), else by hand. */
export function decodeBase64(data: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64
  if (native !== undefined) return native(data)
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function loaded(document: OriginalDocument): LoadedOriginal {
  switch (document.kind) {
    case 'pdf':
      return { kind: 'pdf', data: decodeBase64(document.data), layout: document.layout }
    case 'image':
      return { kind: 'image', mime: document.mime, data: decodeBase64(document.data), layout: document.layout }
    case 'web':
    case 'unavailable':
      return document
  }
}

/** The source's original, read once per version of the source (a re-imported file is read again). */
export function loadOriginal(api: Api, source: Pick<Source, 'id' | 'contentHash' | 'fileHash'>): Promise<LoadedOriginal> {
  const key = `${source.id}:${source.contentHash}:${source.fileHash ?? ''}`
  const cached = kept.get(key)
  if (cached !== undefined) {
    // Most recently used last, so the oldest is the one let go.
    kept.delete(key)
    kept.set(key, cached)
    return cached
  }
  const pending = api
    .readOriginal({ sourceId: source.id })
    .then((result) => (result.ok ? loaded(result.value) : ({ kind: 'unavailable', reason: result.error.message } as const)))
    // A dropped connection or bytes that do not decode end the wait with a reason, never leave it open.
    .catch((error: unknown): LoadedOriginal => ({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }))
  kept.set(key, pending)
  // A failure is not remembered: the next opening asks again.
  void pending.then((value) => {
    if (value.kind === 'unavailable') kept.delete(key)
  })
  while (kept.size > KEPT) kept.delete(kept.keys().next().value as string)
  return pending
}
