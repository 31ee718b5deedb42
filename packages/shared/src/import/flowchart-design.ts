import { findContainerKind, findKind } from '../catalog/catalog.ts'
import { NAME_MAX_LENGTH, defaultProperties } from '../catalog/props.ts'
import { templateRecords } from '../catalog/template-records.ts'
import { HEADER, PAD } from '../catalog/templates/grid.ts'
import type { Template, TemplateComponent, TemplateConnection, TemplateContainer } from '../catalog/types.ts'
import type { JsonRecord } from '../model/codec.ts'
import { edgeProperties } from './edge-properties.ts'
import { plainLabel, type Flowchart } from './flowchart.ts'
import { containerKindNamed, componentKindNamed } from './kind-match.ts'
import { layeredLayout, type LayoutBox } from './layered-layout.ts'

/** tldraw's z-order keys of one parent run out past this many shapes side by side (see `templateRecords`). */
const MAX_SIDE_BY_SIDE = 60

/** Why a flowchart cannot become a design, in words for the person importing it. */
export class FlowchartImportError extends Error {
  override name = 'FlowchartImportError'
}

function nameFrom(text: string, fallback: string): string {
  return (plainLabel(text).split('\n')[0] || fallback).slice(0, NAME_MAX_LENGTH)
}

/** Each subgraph's parent subgraph (the one listing it), undefined at the top; a cycle is cut. */
function subgraphParents(flowchart: Flowchart): Map<string, string | undefined> {
  const ids = new Set(flowchart.subgraphs.map((subgraph) => subgraph.id))
  const parent = new Map<string, string | undefined>()
  for (const subgraph of flowchart.subgraphs) parent.set(subgraph.id, flowchart.subgraphs.find((other) => other.id !== subgraph.id && other.nodes.includes(subgraph.id))?.id)
  for (const id of ids) {
    const seen = new Set([id])
    for (let up = parent.get(id); up; up = parent.get(up)) {
      if (seen.has(up)) {
        parent.set(id, undefined)
        break
      }
      seen.add(up)
    }
  }
  return parent
}

/**
 * A flowchart as a design, in the shape of a catalog template: each node a component of the kind
 * its label names (a stateless service when none), each subgraph a failure domain holding its
 * nodes, each edge between two nodes a connection (asynchronous when dashed, protocol and mode
 * from its label), laid out in layers along the flowchart's direction, subgraphs sized to hold
 * their members. Throws a FlowchartImportError when there is nothing to import.
 */
export function flowchartTemplate(flowchart: Flowchart): Template {
  const subgraphIds = new Set(flowchart.subgraphs.map((subgraph) => subgraph.id))
  const vertices = flowchart.vertices.filter((vertex) => !subgraphIds.has(vertex.id))
  if (vertices.length === 0) throw new FlowchartImportError('The flowchart has no nodes to import.')
  const parentOf = subgraphParents(flowchart)
  const depth = (id: string | undefined): number => (id === undefined ? 0 : 1 + depth(parentOf.get(id)))
  // A node listed by nested subgraphs belongs to the innermost.
  const scopeOf = new Map<string, string | undefined>()
  for (const vertex of vertices) {
    const holders = flowchart.subgraphs.filter((subgraph) => subgraph.nodes.includes(vertex.id)).map((subgraph) => subgraph.id)
    scopeOf.set(vertex.id, holders.sort((a, b) => depth(b) - depth(a))[0])
  }
  for (const [id, parent] of parentOf) scopeOf.set(id, parent)

  const order = new Map(vertices.map((vertex, index) => [vertex.id, index]))
  // A subgraph sorts where its first node does.
  const firstIndex = (id: string): number => order.get(id) ?? Math.min(vertices.length, ...[...scopeOf].filter(([, scope]) => scope === id).map(([member]) => firstIndex(member)))
  const kinds = new Map(vertices.map((vertex) => [vertex.id, componentKindNamed(plainLabel(vertex.text))]))
  const edges = flowchart.edges.filter((edge) => edge.stroke !== 'invisible' && kinds.has(edge.start) && kinds.has(edge.end) && edge.start !== edge.end)

  /** The member of `scope` that holds `id` (itself, or the subgraph it is nested in). */
  const memberOf = (id: string, scope: string | undefined): string | undefined => {
    for (let current: string | undefined = id; current !== undefined; current = scopeOf.get(current)) if (scopeOf.get(current) === scope) return current
    return undefined
  }
  const containers: TemplateContainer[] = []
  const components: TemplateComponent[] = []
  /** Lays out one scope's members (nested subgraphs first, to know their sizes) and returns its size; pushes containers and components. */
  const layoutScope = (scope: string | undefined): { w: number; h: number } => {
    const members = [...scopeOf].filter(([, holder]) => holder === scope).map(([id]) => id)
    if (members.length > MAX_SIDE_BY_SIDE) throw new FlowchartImportError(`Too many nodes side by side: at most ${MAX_SIDE_BY_SIDE} in one subgraph, or outside all subgraphs.`)
    members.sort((a, b) => firstIndex(a) - firstIndex(b))
    const boxes = members.map((id): LayoutBox => {
      if (!subgraphIds.has(id)) return { id, ...findKind(kinds.get(id)!)!.defaultSize }
      const inner = layoutScope(id)
      const minimum = findContainerKind(containerKindNamed(titleOf(id)))!.defaultSize
      return { id, w: Math.max(minimum.w, inner.w + 2 * PAD), h: Math.max(minimum.h, inner.h + HEADER + PAD) }
    })
    const lifted = edges.map((edge) => [memberOf(edge.start, scope), memberOf(edge.end, scope)] as const).filter((pair): pair is readonly [string, string] => pair[0] !== undefined && pair[1] !== undefined)
    const { positions, size } = layeredLayout(boxes, lifted, flowchart.direction)
    for (const box of boxes) {
      const at = positions.get(box.id)!
      const local = scope === undefined ? at : { x: at.x + PAD, y: at.y + HEADER }
      const within = scope === undefined ? {} : { in: scope }
      if (subgraphIds.has(box.id)) {
        const title = titleOf(box.id)
        containers.push({ ref: box.id, kind: containerKindNamed(title), name: containerName(title, box.id), ...local, w: box.w, h: box.h, ...within })
      } else {
        const vertex = vertices[order.get(box.id)!]!
        const kind = findKind(kinds.get(box.id)!)!
        components.push({ ref: box.id, kind: kind.id, name: nameFrom(vertex.text, vertex.id), ...local, properties: defaultProperties(kind), ...within })
      }
    }
    return size
  }
  const titles = new Map(flowchart.subgraphs.map((subgraph) => [subgraph.id, subgraph.title]))
  const titleOf = (id: string) => plainLabel(titles.get(id) ?? '') || id
  layoutScope(undefined)
  // Parents before the containers nested in them, as templateRecords places them.
  containers.sort((a, b) => depth(a.ref) - depth(b.ref))

  const connections = edges.map((edge): TemplateConnection => {
    const { properties, label } = edgeProperties(plainLabel(edge.text), edge.stroke === 'dotted')
    return { from: edge.start, to: edge.end, properties, ...(label ? { label } : {}) }
  })
  return { id: 'mermaid-import', name: 'Imported flowchart', description: 'A Mermaid flowchart as a design', containers, components, connections }
}

/** A subgraph title without the `(Region)` the Mermaid export adds after a failure domain's name. */
function containerName(title: string, fallback: string): string {
  const kind = findContainerKind(containerKindNamed(title))!
  return nameFrom(title.endsWith(` (${kind.label})`) ? title.slice(0, -kind.label.length - 3) : title, fallback)
}

/**
 * The records a flowchart imports as (`templateRecords` of `flowchartTemplate`): containers,
 * components and bound connections centred on the origin, record ids from `idSeed`; an edge's
 * label that says more than protocol and mode is written on its arrow.
 */
export function flowchartRecords(flowchart: Flowchart, idSeed: string): JsonRecord[] {
  const template = flowchartTemplate(flowchart)
  const records = templateRecords(template, idSeed)
  // Every connection joins two placed components, so arrows come out one per connection, in order.
  const arrows = records.filter((record) => record.typeName === 'shape' && record.type === 'arrow')
  template.connections.forEach((connection, index) => {
    const arrow = arrows[index]!
    if (connection.label) arrow.props = { ...(arrow.props as object), richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: connection.label }] }] } }
  })
  return records
}
