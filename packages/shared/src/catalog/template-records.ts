import { FIRST_PAGE_ID, seedRecords } from '../model/boardSeed.ts'
import type { JsonRecord } from '../model/codec.ts'
import type { JsonObject } from '../model/json.ts'
import { findContainerKind, findKind } from './catalog.ts'
import { defaultConnectionProperties } from './props.ts'
import type { PropertyValue, Template } from './types.ts'

/** An arrow's connection data in its `meta`: nested maps in the board, so each property merges on its own. */
export function connectionMeta(properties: Record<string, PropertyValue>, rationale: Record<string, string>): JsonObject {
  return { connection: properties, connectionRationale: rationale }
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * The records of a board that starts from `template`: tldraw's document and first page, then the
 * template's containers, components and bound connections, centred on the page origin. The server
 * writes them into a session's team boards; the library's "insert template" places the same
 * records under fresh ids. Record ids derive from `idSeed` (the board id for a team board).
 */
export function templateRecords(template: Template, idSeed: string): JsonRecord[] {
  const shapeId = (key: string) => `shape:${idSeed}-${key}`
  const bindingId = (key: string) => `binding:${idSeed}-${key}`
  const records: JsonRecord[] = seedRecords()
  const indices = childIndices()
  /** Each placed shape by template ref: its id, container (ref), index and page bounds. */
  const placed = new Map<string, Placed>()
  const offset = centring(template)
  const shape = (ref: string, type: string, parentRef: string | undefined, at: { x: number; y: number }, size: { w: number; h: number }, props: JsonObject) => {
    const parent = parentRef ? placed.get(parentRef) : undefined
    const local = parent ? at : { x: at.x + offset.x, y: at.y + offset.y }
    const id = shapeId(ref)
    const index = indices.next(parent?.id ?? FIRST_PAGE_ID)
    placed.set(ref, { id, parentRef: parent ? parentRef : undefined, index, x: (parent?.x ?? 0) + local.x, y: (parent?.y ?? 0) + local.y, ...size })
    records.push(baseShape(id, type, parent?.id ?? FIRST_PAGE_ID, index, local, props, {}))
  }

  for (const container of template.containers) {
    if (!findContainerKind(container.kind)) continue
    const size = { w: container.w, h: container.h }
    shape(container.ref, 'container', container.in, container, size, { kind: container.kind, name: container.name, ...size })
  }
  for (const component of template.components) {
    const kind = findKind(component.kind)
    if (!kind) continue
    const size = { w: component.w ?? kind.defaultSize.w, h: component.h ?? kind.defaultSize.h }
    const props = { kind: kind.id, name: component.name, ...size, properties: component.properties, rationale: component.rationale ?? {} }
    shape(component.ref, 'component', component.in, component, size, props)
  }
  for (const [index, connection] of template.connections.entries()) {
    const from = placed.get(connection.from)
    const to = placed.get(connection.to)
    if (!from || !to) continue
    const key = `connection-${index}`
    const id = shapeId(key)
    // Where tldraw keeps a bound arrow: in the closest container holding both ends, just above
    // the higher of the two (as seen from that container), so opening the board changes nothing.
    const parentRef = commonContainer(placed, connection.from, connection.to)
    const parent = parentRef ? placed.get(parentRef)! : undefined
    const above = [nearestChild(placed, connection.from, parentRef), nearestChild(placed, connection.to, parentRef)].sort()[1]!
    const start = centre(from)
    const end = centre(to)
    const local = { x: start.x - (parent?.x ?? 0), y: start.y - (parent?.y ?? 0) }
    const meta = connectionMeta({ ...defaultConnectionProperties(), ...connection.properties }, connection.rationale ?? {})
    records.push(baseShape(id, 'arrow', parent?.id ?? FIRST_PAGE_ID, indices.above(above), local, arrowProps(end.x - start.x, end.y - start.y), meta))
    for (const [terminal, target] of [
      ['start', from.id],
      ['end', to.id],
    ] as const) {
      records.push({
        id: bindingId(`${key}-${terminal}`),
        typeName: 'binding',
        type: 'arrow',
        fromId: id,
        toId: target,
        props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
        meta: {},
      })
    }
  }
  return records
}

interface Placed extends Box {
  id: string
  /** The container it is in, if any. */
  parentRef: string | undefined
  index: string
}

function baseShape(id: string, type: string, parentId: string, index: string, at: { x: number; y: number }, props: JsonObject, meta: JsonObject): JsonRecord {
  return { id, typeName: 'shape', type, x: at.x, y: at.y, rotation: 0, index, parentId, isLocked: false, opacity: 1, props, meta }
}

/** The containers holding `ref`, innermost first. */
function containersOf(placed: Map<string, Placed>, ref: string): string[] {
  const chain: string[] = []
  for (let parent = placed.get(ref)?.parentRef; parent; parent = placed.get(parent)?.parentRef) chain.push(parent)
  return chain
}

function commonContainer(placed: Map<string, Placed>, a: string, b: string): string | undefined {
  const ofB = new Set(containersOf(placed, b))
  return containersOf(placed, a).find((ref) => ofB.has(ref))
}

/** The index of `ref`, or of its ancestor, among the children of `parentRef` (the page when absent). */
function nearestChild(placed: Map<string, Placed>, ref: string, parentRef: string | undefined): string {
  let current = ref
  while (placed.get(current)!.parentRef !== parentRef) current = placed.get(current)!.parentRef!
  return placed.get(current)!.index
}

/** tldraw 5.4's default arrow props, drawn from (0, 0) to (dx, dy). */
function arrowProps(dx: number, dy: number): JsonObject {
  return {
    kind: 'arc',
    elbowMidPoint: 0.5,
    dash: 'draw',
    size: 'm',
    fill: 'none',
    color: 'black',
    labelColor: 'black',
    bend: 0,
    start: { x: 0, y: 0 },
    end: { x: dx, y: dy },
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    labelPosition: 0.5,
    font: 'draw',
    scale: 1,
  }
}

function centre(box: Box): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 }
}

/** The shift that centres the template's top-level shapes on the page origin. */
function centring(template: Template): { x: number; y: number } {
  const boxes: Box[] = [
    ...template.containers.filter((c) => !c.in).map((c) => ({ x: c.x, y: c.y, w: c.w, h: c.h })),
    ...template.components
      .filter((c) => !c.in)
      .map((c) => {
        const size = findKind(c.kind)?.defaultSize ?? { w: 180, h: 100 }
        return { x: c.x, y: c.y, w: c.w ?? size.w, h: c.h ?? size.h }
      }),
  ]
  if (boxes.length === 0) return { x: 0, y: 0 }
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.w))
  const maxY = Math.max(...boxes.map((b) => b.y + b.h))
  return { x: -(minX + maxX) / 2, y: -(minY + maxY) / 2 }
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Fractional index keys (tldraw's z-order): a parent's shapes get a1, a2, ... in creation order,
 * and the arrows placed just above a shape with index aK get aK1, aK2, ..., which sort between aK
 * and the next shape.
 */
function childIndices(): { next(parentId: string): string; above(index: string): string } {
  const counts = new Map<string, number>()
  const take = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    if (n >= DIGITS.length) throw new Error(`a template places more than ${DIGITS.length - 1} shapes in one place`)
    return DIGITS[n]!
  }
  return { next: (parentId) => `a${take(parentId)}`, above: (index) => `${index}${take(index)}` }
}
