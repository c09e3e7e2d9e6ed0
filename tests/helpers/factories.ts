// Small factories for domain records in tests: a valid record, with what the test cares about overridden.
import type { Annotation } from '../../src/shared/domain/annotation'
import type { QuoteVersion } from '../../src/shared/domain/corroboration'
import { EMPTY_META, type Source } from '../../src/shared/domain/source'

export function makeSource(overrides: Partial<Source> & Pick<Source, 'id' | 'title' | 'relativePath'>): Source {
  return {
    rootId: 'root',
    format: 'text',
    meta: { ...EMPTY_META },
    editedFields: [],
    tags: [],
    starred: false,
    pageStarts: null,
    words: 10,
    size: 10,
    mtimeMs: 0,
    contentHash: 'a'.repeat(64),
    fileHash: null,
    ocr: null,
    importedAt: '',
    missing: false,
    ...overrides
  }
}

export function makeAnnotation(
  overrides: Partial<Annotation> & { id: string; sourceId: string; exact: string; contentHash: string; start?: number }
): Annotation {
  const { sourceId, exact, contentHash, start = 0, ...rest } = overrides
  return {
    target: {
      sourceId,
      contentHash,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + exact.length }
      ]
    },
    anchor: { state: 'exact', previousQuote: null },
    color: 'yellow',
    comment: '',
    tags: [],
    createdAt: '',
    updatedAt: '',
    ...rest
  }
}

/** One source's version of a quotation, its whole text the quote; it differs when it is not `reference`. */
export function makeQuoteVersion(sourceId: string, text: string, reference: string): QuoteVersion {
  return {
    sourceId,
    target: { sourceId, contentHash: '0'.repeat(64), selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: text.length }] },
    parts: [{ start: 0, end: text.length }],
    text,
    speaker: null,
    attribution: null,
    diff: [{ kind: 'same', text }],
    differs: text !== reference
  }
}
