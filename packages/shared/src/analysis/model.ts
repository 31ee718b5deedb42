import { BlockDiagram } from './block-diagram.ts'
import { numberOf, type DesignComponent, type DesignGraph } from './graph.ts'
import { instanceAvailability, kOfN, quorumOf, type InstanceAvailability, type Quorum } from './instances.ts'
import { propagateLoad, utilisation } from './load.ts'
import { requestPaths, type RequestPath } from './paths.ts'
import { buildTopology, criticalSets, type Topology } from './topology.ts'

/** A request path with its numbers. */
export interface MeasuredPath extends RequestPath {
  availability: number | null
  latencyP50: number | null
  latencyP99: number | null
  utilisation: number | null
}

export interface MeasuredEntry {
  id: string
  availability: number | null
  /** False when the availability is a lower bound (too many shared components to condition on). */
  exact: boolean
  latencyP50: number | null
  latencyP99: number | null
}

/** Everything the rules read: the design graph and the numbers computed over it. */
export interface AnalysisModel {
  graph: DesignGraph
  topology: Topology
  /** Components down in the what-if (failed themselves or inside a failed container). */
  failed: Set<string>
  instance: Map<string, InstanceAvailability>
  quorum: Map<string, Quorum>
  effective: Map<string, number | null>
  readEffective: Map<string, number | null>
  /** Components some entry reaches along synchronous calls: the ones on request paths. */
  reachable: Set<string>
  /** Per component, the components whose failure alone stops it. */
  critical: Map<string, Set<string>>
  paths: MeasuredPath[]
  pathsTruncated: boolean
  entries: MeasuredEntry[]
  load: Map<string, number | null>
  utilisation: Map<string, number | null>
}

/** The components a what-if takes down: those named, and every component inside a named container. */
export function failedComponents(graph: DesignGraph, fail: readonly string[]): Set<string> {
  const named = new Set(fail)
  const out = new Set<string>()
  for (const component of graph.components.values()) {
    if (named.has(component.id) || component.containers.some((id) => named.has(id))) out.add(component.id)
  }
  return out
}

/** Sum of `value` over `ids`, null as soon as one is unknown. */
function sumKnown(ids: readonly string[], value: (id: string) => number | null): number | null {
  let total = 0
  for (const id of ids) {
    const v = value(id)
    if (v === null) return null
    total += v
  }
  return total
}

function pathLatency(path: RequestPath, components: Map<string, DesignComponent>, slo: 'latencyP50' | 'latencyP99'): number | null {
  const own = sumKnown(path.shapes.slice(1), (id) => numberOf(components.get(id)!.properties, slo))
  if (own === null) return null
  // A call's expected latency is its round trip; an unset one counts as negligible.
  return path.connections.reduce((total, connection) => total + (numberOf(connection.properties, 'latency') ?? 0), own)
}

function worst(values: Array<number | null>): number | null {
  if (values.some((value) => value === null)) return null
  return values.length === 0 ? null : Math.max(...(values as number[]))
}

function reachableFromEntries(topology: Topology): Set<string> {
  const out = new Set(topology.entries)
  for (const id of topology.order) {
    if (!out.has(id)) continue
    for (const group of topology.groups.get(id)!) for (const member of group) out.add(member)
  }
  return out
}

export function buildModel(graph: DesignGraph, fail: readonly string[] = []): AnalysisModel {
  const topology = buildTopology(graph)
  const failed = failedComponents(graph, fail)
  const instance = new Map<string, InstanceAvailability>()
  const quorum = new Map<string, Quorum>()
  const effective = new Map<string, number | null>()
  const readEffective = new Map<string, number | null>()
  for (const component of graph.components.values()) {
    const a = instanceAvailability(component)
    const q = quorumOf(component)
    instance.set(component.id, a)
    quorum.set(component.id, q)
    const down = failed.has(component.id)
    effective.set(component.id, down ? 0 : a.value === null ? null : kOfN(a.value, q.k, q.n))
    readEffective.set(component.id, q.readK === null ? null : down ? 0 : a.value === null ? null : kOfN(a.value, q.readK, q.n))
  }
  const load = propagateLoad(graph, topology)
  const used = new Map<string, number | null>()
  for (const component of graph.components.values()) {
    used.set(component.id, utilisation(load.get(component.id) ?? null, numberOf(component.properties, 'capacity'), quorum.get(component.id)!.n))
  }
  const listing = requestPaths(topology)
  const paths: MeasuredPath[] = listing.paths.map((path) => {
    let availability: number | null = 1
    for (const id of path.shapes) {
      const value = effective.get(id)!
      availability = availability === null || value === null ? null : availability * value
    }
    const loads = path.shapes.map((id) => used.get(id)!).filter((value) => value !== null)
    return {
      ...path,
      availability,
      latencyP50: pathLatency(path, graph.components, 'latencyP50'),
      latencyP99: pathLatency(path, graph.components, 'latencyP99'),
      utilisation: loads.length === 0 ? null : Math.max(...loads),
    }
  })
  const pathsOf = new Map<string, MeasuredPath[]>()
  for (const path of paths) pathsOf.set(path.shapes[0]!, [...(pathsOf.get(path.shapes[0]!) ?? []), path])
  const diagram = new BlockDiagram(topology, (id) => effective.get(id)!)
  const entries = topology.entries.map((id): MeasuredEntry => {
    const own = pathsOf.get(id) ?? []
    const block = diagram.entry(id)
    return {
      id,
      availability: block.value,
      exact: block.exact,
      latencyP50: worst(own.map((path) => path.latencyP50)),
      latencyP99: worst(own.map((path) => path.latencyP99)),
    }
  })
  return {
    graph,
    topology,
    failed,
    instance,
    quorum,
    effective,
    readEffective,
    reachable: reachableFromEntries(topology),
    critical: criticalSets(topology),
    paths,
    pathsTruncated: listing.truncated,
    entries,
    load,
    utilisation: used,
  }
}
