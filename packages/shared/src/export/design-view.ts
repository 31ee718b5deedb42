import { findContainerKind, findKind } from '../catalog/catalog.ts'
import { CONNECTION_PROPERTIES } from '../catalog/connection-properties.ts'
import type { DesignComponent, DesignConnection, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import type { JsonValue } from '../model/json.ts'
import { exportIdentifiers } from './identifiers.ts'

/** How a component appears in the C4 vocabulary every export shares. */
export type ElementRole = 'person' | 'external' | 'container'

/** What every exporter needs beside the design graph: format-safe ids and the nesting, top down. */
export interface DesignView {
  /** Shape id to identifier, for components and containers alike (one namespace). */
  ids: Map<string, string>
  /** Containers with no container around them, and each container's direct children. */
  topContainers: DesignContainer[]
  childContainers: Map<string, DesignContainer[]>
  /** Components outside every container, and each container's direct components. */
  looseComponents: DesignComponent[]
  containedComponents: Map<string, DesignComponent[]>
}

export function roleOf(component: DesignComponent): ElementRole {
  if (component.kind === 'user-population') return 'person'
  return component.group === 'external' ? 'external' : 'container'
}

/** The catalog label of a component's kind ("Load balancer"), or its raw id when the catalog does not know it. */
export function kindLabel(component: DesignComponent): string {
  return findKind(component.kind)?.label ?? component.kind
}

export function containerKindLabel(container: DesignContainer): string {
  return findContainerKind(container.kind)?.label ?? container.kind
}

/** A shape's name, or its kind when unnamed, so no element is labelled with nothing. */
export function nameOf(shape: DesignComponent | DesignContainer, kind: string): string {
  return shape.name.trim() === '' ? kind : shape.name
}

function connectionOption(id: string, value: JsonValue | undefined): string | null {
  const def = CONNECTION_PROPERTIES.find((candidate) => candidate.id === id)
  if (typeof value !== 'string' || def?.valueType.type !== 'enum') return null
  return def.valueType.options.find((option) => option.value === value)?.label ?? value
}

/** The connection's protocol as a relationship's technology ("gRPC"), empty when unset. */
export function technologyOf(connection: DesignConnection): string {
  return connectionOption('protocol', connection.properties.protocol) ?? ''
}

/** The connection's mode as a relationship's description ("synchronous"), empty when unset. */
export function descriptionOf(connection: DesignConnection): string {
  return connectionOption('mode', connection.properties.mode) ?? ''
}

/** An edge's label in the formats that have one label per edge: "gRPC · synchronous". */
export function edgeLabel(connection: DesignConnection): string {
  return [technologyOf(connection), descriptionOf(connection)].filter((part) => part !== '').join(' · ')
}

/** Whether the caller goes on without waiting: asynchronous messages, and streams too (drawn dashed alike). */
export function isAsync(connection: DesignConnection): boolean {
  return connection.properties.mode === 'async' || connection.properties.mode === 'stream'
}

/** A property value as text: strings as they are, anything else as JSON. */
function valueText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The annotated (set) properties of a shape, by id, in a stable order. */
export function propertyEntries(properties: Record<string, JsonValue>): Array<[string, string]> {
  return Object.keys(properties)
    .sort()
    .filter((key) => properties[key] !== null && properties[key] !== undefined)
    .map((key) => [key, valueText(properties[key]!)])
}

/** Shapes split by their innermost container: those in none, and the rest by container id. */
function byInnermostContainer<T extends { containers: string[] }>(shapes: Iterable<T>): { top: T[]; inside: Map<string, T[]> } {
  const top: T[] = []
  const inside = new Map<string, T[]>()
  for (const shape of shapes) {
    const parent = shape.containers[0]
    if (parent === undefined) top.push(shape)
    else inside.set(parent, [...(inside.get(parent) ?? []), shape])
  }
  return { top, inside }
}

export function designView(graph: DesignGraph): DesignView {
  const taken = new Set<string>()
  const ids = new Map([...exportIdentifiers(graph.containers.keys(), 'g', taken), ...exportIdentifiers(graph.components.keys(), 'c', taken)])
  const containers = byInnermostContainer(graph.containers.values())
  const components = byInnermostContainer(graph.components.values())
  return { ids, topContainers: containers.top, childContainers: containers.inside, looseComponents: components.top, containedComponents: components.inside }
}
