// The OCR side of the original view: the word boxes cached when a scan was recognised, and
// an image file turned into one a browser shows. Kept apart so read-original loads the OCR
// modules (and the canvas they draw with) only when a scan or an image is opened.
import type { OcrLayout } from '../../../shared/domain/original'
import { loadOcrLayout, ocrCacheDir } from './ocr/ocr-cache'
import { imageForDisplay, type DisplayMime } from './ocr/ocr-images'

/** The recognised words' boxes of the file with these bytes, for this very text; null when none are cached. */
export function layoutFor(projectDir: string, fileHash: string, contentHash: string): Promise<OcrLayout | null> {
  return loadOcrLayout(ocrCacheDir(projectDir), fileHash, contentHash)
}

export function displayImage(bytes: Uint8Array, fileName: string): Promise<{ mime: DisplayMime; bytes: Uint8Array }> {
  return imageForDisplay(bytes, fileName)
}
