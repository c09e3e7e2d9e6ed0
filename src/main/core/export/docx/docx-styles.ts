// The look of the Word export as named styles, so an editor can restyle the whole document
// from Word's style pane: headings that keep with what follows, block quotes, the lines
// under each quote, smaller footnotes.
import type { HighlightColor as WordHighlight, IStylesOptions } from 'docx'
import type { HighlightColor } from '../../../../shared/domain/colors'

export const STYLE = {
  quote: 'Quote',
  context: 'PassageContext',
  detail: 'PassageDetail',
  label: 'PassageLabel',
  support: 'ClaimSupport',
  meta: 'ExportMeta',
  source: 'SourceEntry',
  offsets: 'OffsetsNote',
  footnote: 'FootnoteText'
} as const

const ACCENT = '1F3A5F'
const MUTED = '555555'
/** Twips: block quotes and the lines under them stand in from the margin by a centimetre. */
const INDENT = 567

/** Word has a fixed highlighter palette; each app colour gets its nearest pen (Word has no orange). */
export const WORD_HIGHLIGHT: Record<HighlightColor, (typeof WordHighlight)[keyof typeof WordHighlight]> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'cyan',
  pink: 'magenta',
  orange: 'yellow'
}

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: 'Calibri', size: 22 },
      paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } }
    },
    heading1: { run: { size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { before: 0, after: 120 }, keepNext: true, outlineLevel: 0 } },
    heading2: { run: { size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
    heading3: { run: { size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
    hyperlink: { run: { color: '0563C1', underline: {} } },
    footnoteText: { run: { size: 18 }, paragraph: { spacing: { after: 60, line: 240, lineRule: 'auto' } } }
  },
  paragraphStyles: [
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: STYLE.context,
      quickFormat: true,
      run: { italics: true, color: '222222' },
      paragraph: {
        indent: { left: INDENT, right: INDENT },
        spacing: { before: 200, after: 80 },
        keepNext: true,
        border: { left: { style: 'single', size: 18, color: 'A0A0A0', space: 8 } }
      }
    },
    {
      id: STYLE.context,
      name: 'Passage context',
      basedOn: 'Normal',
      run: { size: 19, color: '333333' },
      paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { after: 60 }, keepNext: true }
    },
    {
      id: STYLE.detail,
      name: 'Passage detail',
      basedOn: 'Normal',
      run: { size: 19, color: MUTED },
      paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { after: 60 } }
    },
    {
      id: STYLE.label,
      name: 'Passage label',
      basedOn: 'Normal',
      next: STYLE.quote,
      run: { size: 17, bold: true, color: '9B1C1C', allCaps: true },
      paragraph: { indent: { left: INDENT }, spacing: { before: 200, after: 0 }, keepNext: true }
    },
    { id: STYLE.support, name: 'Claim support', basedOn: 'Normal', run: { color: MUTED }, paragraph: { spacing: { after: 120 } } },
    { id: STYLE.meta, name: 'Export details', basedOn: 'Normal', run: { size: 19, color: MUTED }, paragraph: { spacing: { after: 240 } } },
    { id: STYLE.source, name: 'Source entry', basedOn: 'Normal', paragraph: { indent: { left: INDENT, hanging: INDENT }, spacing: { after: 100 }, keepLines: true } },
    {
      id: STYLE.offsets,
      name: 'Offsets note',
      basedOn: 'Normal',
      run: { size: 17, italics: true, color: MUTED },
      paragraph: { spacing: { before: 480 }, border: { top: { style: 'single', size: 4, color: 'BBBBBB', space: 6 } } }
    }
  ]
}
