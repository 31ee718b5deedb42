/**
 * The grid templates are laid out on: components of the default 180×100 size in cells with 60 px
 * gutters; containers pad their members and leave a band at the top for their label.
 */
export const CELL = { w: 180, h: 100 }
export const GUTTER = 60
/** Space inside a container around its members. */
export const PAD = 30
/** Space at the top of a container for its label. */
export const HEADER = 50

const STEP_X = CELL.w + GUTTER
const STEP_Y = CELL.h + GUTTER

/** Top-left corner of cell (col, row) on the page, offset by `origin`. */
export function cell(col: number, row: number, origin = { x: 0, y: 0 }): { x: number; y: number } {
  return { x: origin.x + col * STEP_X, y: origin.y + row * STEP_Y }
}

/** Top-left corner of cell (col, row) inside a container (coordinates relative to it). */
export function inside(col: number, row: number): { x: number; y: number } {
  return { x: PAD + col * STEP_X, y: HEADER + row * STEP_Y }
}

/** Size of a container holding `cols` × `rows` cells. */
export function box(cols: number, rows: number): { w: number; h: number } {
  return { w: 2 * PAD + cols * CELL.w + (cols - 1) * GUTTER, h: HEADER + PAD + rows * CELL.h + (rows - 1) * GUTTER }
}

/** Size of a container holding the boxes of `sizes` side by side (nested containers). */
export function around(sizes: Array<{ w: number; h: number }>): { w: number; h: number } {
  const w = sizes.reduce((sum, size) => sum + size.w, 0) + (sizes.length - 1) * GUTTER
  return { w: 2 * PAD + w, h: HEADER + PAD + Math.max(...sizes.map((size) => size.h)) }
}
