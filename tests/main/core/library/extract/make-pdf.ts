// Builds small PDFs byte by byte for the PDF extractor's tests: pages of text lines in
// Helvetica (or a non-embedded Japanese font that needs pdf.js's CMaps, set horizontally
// or vertically), optional Info and /Encrypt dictionaries. Offsets and the xref table are
// computed, so pdf.js trusts them.
export interface PdfSpec {
  /** Each page's lines, drawn top to bottom (in columns right to left with `columns`); an empty page draws a filled box and no text. */
  pages: string[][]
  info?: Record<string, string>
  encrypted?: boolean
  /**
   * 'japanese': lines are shown through the predefined UniJIS-UCS2-H CMap, as CJK PDFs often do;
   * 'japanese-vertical': through UniJIS-UCS2-V, a vertical font (pdf.js reads its columns as such).
   */
  font?: 'helvetica' | 'japanese' | 'japanese-vertical'
  /**
   * 'glyphs': each line is a column, right to left, each character placed on its own an em
   * below the last (how many CJK PDFs set vertical text with a horizontal font); `offsets`
   * moves single characters off the column's axis (x, y in ems), as punctuation is set.
   */
  columns?: { glyphs: true; offsets?: Record<string, [number, number]> }
}

const japanese = (cmap: string): string =>
  `<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPro-Regular /Encoding /${cmap} /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 ` +
  '/BaseFont /KozMinPro-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor << /Type /FontDescriptor ' +
  '/FontName /KozMinPro-Regular /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 740 /StemV 80 >> >>] >>'

const FONTS = {
  helvetica: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  japanese: japanese('UniJIS-UCS2-H'),
  'japanese-vertical': japanese('UniJIS-UCS2-V')
}
const SIZE = 12

function escapePdfString(value: string): string {
  return value.replace(/[\\()]/g, (char) => `\\${char}`)
}

type Font = keyof typeof FONTS

function shown(line: string, font: Font): string {
  if (font === 'helvetica') return `(${escapePdfString(line)})`
  return `<${Buffer.from(line, 'utf16le').swap16().toString('hex')}>`
}

function pageContent(lines: string[], font: Font, columns: PdfSpec['columns']): string {
  if (lines.length === 0) return '0 0 1 rg 72 600 200 100 re f'
  if (columns !== undefined) {
    return lines
      .flatMap((line, column) =>
        [...line].map((character, index) => {
          const [dx, dy] = columns.offsets?.[character] ?? [0, 0]
          return `BT /F1 ${SIZE} Tf ${500 - column * 24 + dx * SIZE} ${720 - index * SIZE + dy * SIZE} Td ${shown(character, font)} Tj ET`
        })
      )
      .join('\n')
  }
  // A vertical font's lines are columns, right to left; the others' lines go down the page.
  const origin = (index: number): string => (font === 'japanese-vertical' ? `${500 - index * 24} 720` : `72 ${720 - index * 16}`)
  return lines.map((line, index) => `BT /F1 ${SIZE} Tf ${origin(index)} Td ${shown(line, font)} Tj ET`).join('\n')
}

export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('') // filled in once the page tree's number is known
  const font = add(FONTS[spec.font ?? 'helvetica'])
  const pagesRef = objects.length + 1 + spec.pages.length * 2
  const kids: number[] = []
  for (const lines of spec.pages) {
    const content = pageContent(lines, spec.font ?? 'helvetica', spec.columns)
    const contentRef = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
    kids.push(add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contentRef} 0 R >>`))
  }
  add(`<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`
  const entries = Object.entries(spec.info ?? {}).map(([key, value]) => `/${key} (${escapePdfString(value)})`)
  const info = entries.length > 0 ? add(`<< ${entries.join(' ')} >>`) : null
  const encrypt = spec.encrypted === true ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : null

  let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  const trailer = [`/Size ${objects.length + 1}`, `/Root ${catalog} 0 R`]
  if (info !== null) trailer.push(`/Info ${info} 0 R`)
  if (encrypt !== null) trailer.push(`/Encrypt ${encrypt} 0 R`, `/ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`)
  pdf += `trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(pdf, 'latin1'))
}
