import type { JsonRecord } from '@concord/shared'

interface Box {
  id: string
  type: string
  x: number
  y: number
  w: number
  h: number
}

/** The page-level boxes of a board's shapes (members of containers are placed inside them). */
function boxesOf(records: readonly JsonRecord[]): Box[] {
  const shapes = new Map(records.filter((r) => r.typeName === 'shape').map((r) => [r.id, r]))
  const boxes: Box[] = []
  for (const shape of shapes.values()) {
    const props = shape.props as { w?: unknown; h?: unknown }
    if (typeof props.w !== 'number' || typeof props.h !== 'number' || shape.type === 'arrow') continue
    let x = Number(shape.x)
    let y = Number(shape.y)
    let parent = shapes.get(String(shape.parentId))
    while (parent) {
      x += Number(parent.x)
      y += Number(parent.y)
      parent = shapes.get(String(parent.parentId))
    }
    boxes.push({ id: shape.id, type: String(shape.type), x, y, w: props.w, h: props.h })
  }
  return boxes
}

/** A lightweight drawing of a board from its records: a box per shape, no editor. */
export function Thumbnail({ records, emptyText }: { records: readonly JsonRecord[]; emptyText: string }) {
  const boxes = boxesOf(records)
  if (boxes.length === 0) {
    return (
      <div className="team-thumb team-thumb--empty" data-testid="team-thumbnail" data-shapes={0}>
        {emptyText}
      </div>
    )
  }
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  const pad = 20
  return (
    <svg
      className="team-thumb"
      viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`${boxes.length} shapes`}
      data-testid="team-thumbnail"
      data-shapes={boxes.length}
    >
      {boxes.map((box) => (
        <rect
          key={box.id}
          className={`team-thumb__shape team-thumb__shape--${box.type}`}
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          rx={box.type === 'component' ? 10 : 4}
        />
      ))}
    </svg>
  )
}
