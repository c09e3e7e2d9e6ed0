// What the importer works out from an extracted text besides storing it: its search terms,
// its word count and the title its first lines give. In a bulk import the extraction
// threads do this as they extract, so the main thread never walks the text.
import { searchableText } from '../../../shared/domain/ocr-caveat'
import { countWords } from '../../../shared/text/words'
import { documentTerms, type DocumentTerms } from '../search/document-terms'
import type { ExtractedDocument } from './extract/types'
import { titleFromText } from './title'

export interface TextReading {
  /** The terms of what search indexes of the text (see searchableText); absent once the thread indexed them itself (ExtractCall.indexIn). */
  terms?: DocumentTerms
  words: number
  /** When the document names no title: the one its first lines give (null: it has no line). */
  textTitle: string | null
}

/** What search indexes of the document: its text, with the caveat of a scan's recognised text. */
export function indexedText(document: ExtractedDocument): string {
  return searchableText(document.ocr?.summary, document.text)
}

/** `withTerms` false: the caller indexes the text itself (see TextReading.terms). */
export function readText(document: ExtractedDocument, withTerms = true): TextReading {
  const reading: TextReading = {
    words: countWords(document.text),
    textTitle: document.title === null ? titleFromText(document.text, document.format) : null
  }
  if (withTerms) reading.terms = documentTerms(indexedText(document))
  return reading
}
