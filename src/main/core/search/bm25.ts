// BM25 (k1 1.2, b 0.75) over the live documents of the whole index: the statistics are
// global, whatever segments hold the documents, so ranking never depends on segmentation.
import type { PostingSource } from './segment-postings'

export const K1 = 1.2
const B = 0.75

export interface Corpus {
  store: PostingSource
  alive: Uint8Array
  docLengths: Uint32Array
  /** Document ids in use, removed ones included. */
  docCount: number
  liveCount: number
  averageLength: number
}

export function idfOf(corpus: Corpus, docFreq: number): number {
  return Math.log(1 + (corpus.liveCount - docFreq + 0.5) / (docFreq + 0.5))
}

export function bm25(corpus: Corpus, idf: number, tf: number, doc: number): number {
  const length = corpus.docLengths[doc] ?? 0
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / corpus.averageLength))
}

/** BM25's term-frequency part without its (K1 + 1) scale: in [0, 1), growing with tf, shrinking with length. */
export function saturation(corpus: Corpus, tf: number, doc: number): number {
  const length = corpus.docLengths[doc] ?? 0
  return tf / (tf + K1 * (1 - B + (B * length) / corpus.averageLength))
}
