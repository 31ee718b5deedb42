import type { JsonRecord } from '@concord/shared'

interface Box {
  id: string
  type: string
  x: number
  y: number
  w: number
  h: number
}

interface Line {
  id: string
  x1: number
  y1: number
  x2: number
  y2: number
}

type Shapes = Map<string, JsonRecord>

/** A shape's position on the page: its own, plus its containers' (shapes store it relative to their parent). */
function pagePosition(shape: JsonRecord, shapes: Shapes): { x: number; y: number } {
  let x = Number(shape.x)
  let y = Number(shape.y)
  for (let parent = shapes.get(String(shape.parentId)); parent; parent = shapes.get(String(parent.parentId))) {
    x += Number(parent.x)
    y += Number(parent.y)
  }
  return { x, y }
}

/** The page-level boxes of a board's shapes (members of containers are placed inside them). */
function boxesOf(shapes: Shapes): Box[] {
  const boxes: Box[] = []
  for (const shape of shapes.values()) {
    const props = shape.props as { w?: unknown; h?: unknown }
    if (typeof props.w !== 'number' || typeof props.h !== 'number' || shape.type === 'arrow') continue
    boxes.push({ id: shape.id, type: String(shape.type), ...pagePosition(shape, shapes), w: props.w, h: props.h })
  }
  return boxes
}

/**
 * The board's arrows as straight lines: an end bound to a shape sits at that shape's centre (where
 * a connection between components points), a free end where the arrow's props put it.
 */
function linesOf(records: readonly JsonRecord[], shapes: Shapes, boxes: Box[]): Line[] {
  const boxById = new Map(boxes.map((box) => [box.id, box]))
  const bound = new Map<string, Partial<Record<'start' | 'end', Box>>>()
  for (const record of records) {
    if (record.typeName !== 'binding' || record.type !== 'arrow') continue
    const terminal = (record.props as { terminal?: unknown }).terminal
    const target = boxById.get(String(record.toId))
    if (!target || (terminal !== 'start' && terminal !== 'end')) continue
    bound.set(String(record.fromId), { ...bound.get(String(record.fromId)), [terminal]: target })
  }
  const lines: Line[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== 'arrow') continue
    const at = pagePosition(shape, shapes)
    const props = shape.props as { start?: { x?: unknown; y?: unknown }; end?: { x?: unknown; y?: unknown } }
    const endOf = (terminal: 'start' | 'end') => {
      const box = bound.get(shape.id)?.[terminal]
      if (box) return { x: box.x + box.w / 2, y: box.y + box.h / 2 }
      const point = props[terminal]
      return { x: at.x + Number(point?.x ?? 0), y: at.y + Number(point?.y ?? 0) }
    }
    const start = endOf('start')
    const end = endOf('end')
    if ([start.x, start.y, end.x, end.y].every(Number.isFinite)) lines.push({ id: shape.id, x1: start.x, y1: start.y, x2: end.x, y2: end.y })
  }
  return lines
}

/** A lightweight drawing of a board from its records: a box per shape and a line per connection, no editor. */
export function Thumbnail({ records, emptyText }: { records: readonly JsonRecord[]; emptyText: string }) {
  const shapes: Shapes = new Map(records.filter((r) => r.typeName === 'shape').map((r) => [r.id, r]))
  const boxes = boxesOf(shapes)
  const lines = linesOf(records, shapes, boxes)
  if (boxes.length === 0 && lines.length === 0) {
    return (
      <div className="team-thumb team-thumb--empty" data-testid="team-thumbnail" data-shapes={0}>
        {emptyText}
      </div>
    )
  }
  const xs = [...boxes.flatMap((b) => [b.x, b.x + b.w]), ...lines.flatMap((l) => [l.x1, l.x2])]
  const ys = [...boxes.flatMap((b) => [b.y, b.y + b.h]), ...lines.flatMap((l) => [l.y1, l.y2])]
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const pad = 20
  // Containers under the connections, components over them, as on the board.
  const containers = boxes.filter((box) => box.type === 'container')
  const others = boxes.filter((box) => box.type !== 'container')
  const rect = (box: Box) => (
    <rect
      key={box.id}
      className={`team-thumb__shape team-thumb__shape--${box.type}`}
      x={box.x}
      y={box.y}
      width={box.w}
      height={box.h}
      rx={box.type === 'component' ? 10 : 4}
    />
  )
  return (
    <svg
      className="team-thumb"
      viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`${boxes.length} shapes, ${lines.length} connections`}
      data-testid="team-thumbnail"
      data-shapes={boxes.length}
      data-connections={lines.length}
    >
      {containers.map(rect)}
      {lines.map((line) => (
        <line key={line.id} className="team-thumb__connection" x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} />
      ))}
      {others.map(rect)}
    </svg>
  )
}
