// Hand-made export snapshots for renderer edge cases (the seeds fixture covers the real path).
import type { ExportClaim, ExportPassage, ExportSnapshot, ExportSource } from '../../src/main/core/export/snapshot'
import { OFFSETS_NOTE } from '../../src/main/core/export/snapshot'

export function makeExportSource(overrides: Partial<ExportSource> & Pick<ExportSource, 'id' | 'title'>): ExportSource {
  return {
    outlet: null,
    author: null,
    date: null,
    calendarDate: null,
    url: null,
    format: 'text',
    language: null,
    folder: 'folder',
    relativePath: `${overrides.id}.txt`,
    fileUri: null,
    tags: [],
    missing: false,
    contentHash: 'a'.repeat(64),
    pages: null,
    ocr: null,
    ...overrides
  }
}

export function makeExportPassage(overrides: Partial<ExportPassage> & Pick<ExportPassage, 'annotationId' | 'quote'>): ExportPassage {
  return {
    source: null,
    prefix: '',
    suffix: '',
    context: { before: 'Before the quote, ', after: ', after it.', cutBefore: false, cutAfter: false },
    page: null,
    start: 10,
    end: (overrides.start ?? 10) + overrides.quote.length,
    anchor: 'exact',
    previousQuote: null,
    contradicts: false,
    comment: '',
    tags: [],
    color: 'yellow',
    createdAt: '2026-01-16T10:00:00.000Z',
    updatedAt: '2026-01-16T10:00:00.000Z',
    problem: null,
    ...overrides
  }
}

export function makeExportClaim(overrides: Partial<ExportClaim> & Pick<ExportClaim, 'number' | 'text'>): ExportClaim {
  return {
    id: `c${overrides.number}`,
    status: 'unsupported',
    statusLabel: 'Unsupported',
    backingSources: 0,
    independentSources: 0,
    contradictingSources: [],
    countedAsOne: [],
    passages: [],
    ...overrides
  }
}

export function makeExportSnapshot(overrides: Partial<ExportSnapshot> = {}): ExportSnapshot {
  return {
    projectName: 'Project',
    exportedAt: new Date('2026-01-16T10:00:00Z'),
    claims: [],
    otherHighlights: [],
    citedSources: [],
    librarySources: [],
    offsetsNote: OFFSETS_NOTE,
    ...overrides
  }
}
