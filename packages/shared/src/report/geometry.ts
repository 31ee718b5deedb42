import type { JsonRecord } from '../model/codec.ts'
import { isPlainObject } from '../model/json.ts'

/** A shape's box on the page: its x/y summed over its parents (rotation ignored). */
export interface PageBox {
  x: number
  y: number
  w: number
  h: number
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** The page boxes of the board's component and container shapes, by shape id. */
export function pageBoxes(records: readonly JsonRecord[]): Map<string, PageBox> {
  const shapes = new Map(records.filter((record) => record.typeName === 'shape').map((record) => [record.id, record]))
  const boxes = new Map<string, PageBox>()
  const origin = (id: string, seen: Set<string>): { x: number; y: number } => {
    const shape = shapes.get(id)
    if (!shape || seen.has(id)) return { x: 0, y: 0 }
    seen.add(id)
    const parent = typeof shape.parentId === 'string' ? origin(shape.parentId, seen) : { x: 0, y: 0 }
    return { x: parent.x + finite(shape.x, 0), y: parent.y + finite(shape.y, 0) }
  }
  for (const shape of shapes.values()) {
    if (shape.type !== 'component' && shape.type !== 'container') continue
    const props = isPlainObject(shape.props) ? shape.props : {}
    boxes.set(shape.id, { ...origin(shape.id, new Set()), w: finite(props.w, 120), h: finite(props.h, 80) })
  }
  return boxes
}
