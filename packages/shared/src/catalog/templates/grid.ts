/**
 * The grid templates are laid out on: components of the default 180×100 size in cells with 60 px
 * gutters; containers pad their members and leave a band at the top for their label.
 */
const CELL = { w: 180, h: 100 }
export const GUTTER = 60
/** Space inside a container around its members. */
export const PAD = 30
/** Space at the top of a container for its label. */
export const HEADER = 50

/** From one cell's corner to the next one's. */
export const STEP = { x: CELL.w + GUTTER, y: CELL.h + GUTTER }

/** Top-left corner of cell (col, row) on the page (relative to where the template is inserted). */
export function cell(col: number, row: number): { x: number; y: number } {
  return { x: col * STEP.x, y: row * STEP.y }
}

/** Top-left corner of cell (col, row) inside a container (coordinates relative to it). */
export function inside(col: number, row: number): { x: number; y: number } {
  return { x: PAD + col * STEP.x, y: HEADER + row * STEP.y }
}

/** Size of a container holding `cols` × `rows` cells. */
export function box(cols: number, rows: number): { w: number; h: number } {
  return { w: 2 * PAD + cols * CELL.w + (cols - 1) * GUTTER, h: HEADER + PAD + rows * CELL.h + (rows - 1) * GUTTER }
}
