// Reads the footnotes or endnotes the body referenced out of their part, as blocks; the
// others (separators, notes nobody points to) are passed over without being kept.
import type { Block, LeftOut } from './docx-blocks'
import { DocxBodyReader } from './docx-body'
import type { XmlHandler } from './docx-xml'

export function notesReader(kind: 'footnote' | 'endnote', wanted: ReadonlySet<string>, found: Map<string, Block[]>, leftOut: LeftOut, blockLimit: number): XmlHandler {
  const reader = new DocxBodyReader(() => {}, leftOut, blockLimit)
  const element = `w:${kind}`
  let depth = 0
  let noteDepth = -1
  let noteId = ''
  return {
    open(name, tag) {
      depth += 1
      if (noteDepth !== -1) return reader.open(name, tag)
      if (name !== element) return
      const id = tag.attribute('id')
      if (id === null || !wanted.has(id)) return
      noteDepth = depth
      noteId = id
      reader.startCollecting()
    },
    close(name) {
      if (depth === noteDepth) {
        found.set(noteId, reader.endCollecting())
        noteDepth = -1
      } else if (noteDepth !== -1) reader.close(name)
      depth -= 1
    },
    text(value) {
      if (noteDepth !== -1) reader.text(value)
    }
  }
}
