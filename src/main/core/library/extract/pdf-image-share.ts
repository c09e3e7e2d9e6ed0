// How much of a PDF page raster images are drawn over, from pdf.js's operator list: the
// importer uses it to tell a scanned page (a picture of the page, maybe with a line of real
// text stamped on it) from a typed one, and the OCR evaluation to set picture pages aside.

/** The operator codes read here, as pdf.js's OPS has them. */
export interface ImageOps {
  save: number
  restore: number
  transform: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  paintImageXObject: number
  paintInlineImageXObject: number
  paintImageXObjectRepeat: number
  paintInlineImageXObjectGroup: number
}

export interface OperatorListPage {
  getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>
}

type Matrix = [number, number, number, number, number, number]

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = n
  return [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]]
}

/**
 * The share of the page (its view box x0, y0, x1, y1 in points) that images cover, 0–1:
 * every image painted is the unit square under the current transform, its bounding box
 * clipped to the page; overlaps are counted twice, the sum capped at 1.
 */
export async function imageShare(page: OperatorListPage, ops: ImageOps, view: readonly [number, number, number, number]): Promise<number> {
  const list = await page.getOperatorList()
  const imageOps = new Set<number>([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageXObjectRepeat, ops.paintInlineImageXObjectGroup])
  const [x0, y0, x1, y1] = view
  const pageArea = Math.max(1, (x1 - x0) * (y1 - y0))
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let covered = 0
  for (let index = 0; index < list.fnArray.length; index++) {
    const op = list.fnArray[index]
    const args = (list.argsArray[index] ?? []) as unknown[]
    if (op === ops.save) stack.push(ctm)
    else if (op === ops.restore) ctm = stack.pop() ?? ctm
    else if (op === ops.transform) ctm = multiply(ctm, args as number[])
    else if (op === ops.paintFormXObjectBegin) {
      stack.push(ctm)
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as number[])
    } else if (op === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (op !== undefined && imageOps.has(op)) {
      const corners = [multiply(ctm, [1, 0, 0, 1, 0, 0]), multiply(ctm, [1, 0, 0, 1, 1, 0]), multiply(ctm, [1, 0, 0, 1, 0, 1]), multiply(ctm, [1, 0, 0, 1, 1, 1])]
      const xs = corners.map((corner) => corner[4])
      const ys = corners.map((corner) => corner[5])
      const width = Math.max(0, Math.min(x1, Math.max(...xs)) - Math.max(x0, Math.min(...xs)))
      const height = Math.max(0, Math.min(y1, Math.max(...ys)) - Math.max(y0, Math.min(...ys)))
      covered += width * height
    }
  }
  return Math.min(1, covered / pageArea)
}
