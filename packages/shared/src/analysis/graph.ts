import { findKind } from '../catalog/catalog.ts'
import type { JsonRecord } from '../model/codec.ts'
import { isPlainObject, type JsonObject, type JsonValue } from '../model/json.ts'

/** One component shape, with its catalog kind and property values as the board holds them (shared with the records, not copied: read only). */
export interface DesignComponent {
  id: string
  name: string
  kind: string
  /** The kind's library group (`operations`, `clients`, ...); empty for a kind the catalog does not know. */
  group: string
  properties: Record<string, JsonValue>
  /** Containers holding it, innermost first (shape ids). */
  containers: string[]
  /** Rule ids the team marked not applicable to this shape, with their justification. */
  notApplicable: Record<string, string>
}

/** A container shape: a failure domain (region, zone, rack...). */
export interface DesignContainer {
  id: string
  name: string
  kind: string
  containers: string[]
}

/** An arrow bound at both ends to components: `from` calls `to`. */
export interface DesignConnection {
  id: string
  from: string
  to: string
  properties: Record<string, JsonValue>
  notApplicable: Record<string, string>
}

export interface DesignGraph {
  components: Map<string, DesignComponent>
  containers: Map<string, DesignContainer>
  connections: DesignConnection[]
}

function objectOr(value: JsonValue | undefined): JsonObject {
  return isPlainObject(value) ? value : {}
}

/** A shape's "not applicable" marks: `meta.analysis.notApplicable`, rule id to justification. */
function notApplicableOf(record: JsonRecord): Record<string, string> {
  const marks = objectOr(objectOr(objectOr(record.meta).analysis).notApplicable)
  const out: Record<string, string> = {}
  for (const [rule, why] of Object.entries(marks)) if (typeof why === 'string') out[rule] = why
  return out
}

/**
 * The design graph of a board's records (as the codec reads them): component and container
 * shapes with their nesting, and the arrows bound at both ends to components. Arrows with a loose
 * end, or bound to anything but a component, are not connections.
 */
export function extractGraph(records: readonly JsonRecord[]): DesignGraph {
  const parents = new Map<string, string>()
  const componentRecords: JsonRecord[] = []
  const containerRecords: JsonRecord[] = []
  const arrows = new Map<string, JsonRecord>()
  const ends = new Map<string, { start?: string; end?: string }>()
  for (const record of records) {
    if (record.typeName === 'shape') {
      if (typeof record.parentId === 'string') parents.set(record.id, record.parentId)
      if (record.type === 'component') componentRecords.push(record)
      else if (record.type === 'container') containerRecords.push(record)
      else if (record.type === 'arrow') arrows.set(record.id, record)
    } else if (record.typeName === 'binding' && record.type === 'arrow' && typeof record.fromId === 'string' && typeof record.toId === 'string') {
      const terminal = objectOr(record.props).terminal
      if (terminal !== 'start' && terminal !== 'end') continue
      const at = ends.get(record.fromId) ?? {}
      at[terminal] = record.toId
      ends.set(record.fromId, at)
    }
  }
  const containerIds = new Set(containerRecords.map((record) => record.id))
  const chain = (id: string): string[] => {
    const out: string[] = []
    const seen = new Set<string>([id])
    for (let parent = parents.get(id); parent && containerIds.has(parent) && !seen.has(parent); parent = parents.get(parent)) {
      seen.add(parent)
      out.push(parent)
    }
    return out
  }
  const containers = new Map<string, DesignContainer>()
  for (const record of containerRecords) {
    const props = objectOr(record.props)
    containers.set(record.id, { id: record.id, name: String(props.name ?? ''), kind: String(props.kind ?? ''), containers: chain(record.id) })
  }
  const components = new Map<string, DesignComponent>()
  for (const record of componentRecords) {
    const props = objectOr(record.props)
    const kind = String(props.kind ?? '')
    components.set(record.id, {
      id: record.id,
      name: String(props.name ?? ''),
      kind,
      group: findKind(kind)?.group ?? '',
      properties: objectOr(props.properties),
      containers: chain(record.id),
      notApplicable: notApplicableOf(record),
    })
  }
  const connections: DesignConnection[] = []
  for (const [id, arrow] of arrows) {
    const at = ends.get(id)
    if (!at?.start || !at.end || !components.has(at.start) || !components.has(at.end)) continue
    connections.push({ id, from: at.start, to: at.end, properties: objectOr(objectOr(arrow.meta).connection), notApplicable: notApplicableOf(arrow) })
  }
  return { components, containers, connections }
}

/** A numeric property value, or null when unset or not a finite number. */
export function numberOf(values: Record<string, JsonValue>, id: string): number | null {
  const value = values[id]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** A string (enum) property value, or null when unset. */
export function textOf(values: Record<string, JsonValue>, id: string): string | null {
  const value = values[id]
  return typeof value === 'string' ? value : null
}
