// Test helper: an index as a restart would see it, each sealed segment written to bytes
// and read back (segment-file.ts) into a fresh index.
import { SearchIndex } from '../../../../src/main/core/search/search-index'
import { decodeSegment, encodeSegment } from '../../../../src/main/core/search/segment-file'

export function reopened(index: SearchIndex): SearchIndex {
  index.seal()
  const fresh = new SearchIndex()
  for (const segment of index.sealedSegments) fresh.addSegment(decodeSegment(encodeSegment(segment)))
  return fresh
}
