import type { JsonRecord } from '../model/codec.ts'
import { extractGraph, numberOf, type DesignGraph } from './graph.ts'
import { propagateLoad, utilisation } from './load.ts'
import { buildModel, type AnalysisModel } from './model.ts'
import type { Topology } from './topology.ts'

/** One entry of the design with and without the what-if's failures. */
export interface WhatIfEntry {
  id: string
  name: string
  availabilityBefore: number | null
  availabilityAfter: number | null
  /** The highest utilisation on the entry's request paths; after, with the load moved to the alternatives left. */
  utilisationBefore: number | null
  utilisationAfter: number | null
  /** Every request path of the entry passes through something failed (or the entry is down itself). */
  lost: boolean
}

/** A request path through something failed: the components and the connections (arrow ids) along it. */
export interface BrokenPath {
  shapes: string[]
  connections: string[]
}

/** A component or failure domain a what-if can take down. */
export interface WhatIfChoice {
  id: string
  name: string
  kind: string
}

export interface WhatIfOutcome {
  /** What can be failed: the failure domains (containers) and the components, in board order. */
  domains: WhatIfChoice[]
  components: WhatIfChoice[]
  /** Components down: named, or inside a named failure domain. */
  failedComponents: string[]
  /** Failure domains down: named, or inside a named one. */
  failedContainers: string[]
  entries: WhatIfEntry[]
  brokenPaths: BrokenPath[]
}

/** The topology with failed callees taken out of every group; a group left empty is dropped (its load goes nowhere). */
function withoutFailed(topology: Topology, failed: Set<string>): Topology {
  const groups = new Map<string, string[][]>()
  for (const [id, own] of topology.groups) {
    groups.set(id, own.map((group) => group.filter((member) => !failed.has(member))).filter((group) => group.length > 0))
  }
  return { ...topology, groups }
}

/** Each component's utilisation once the failed ones carry nothing and alternatives split the load among the survivors. */
function utilisationAfterFailure(graph: DesignGraph, model: AnalysisModel): Map<string, number | null> {
  const load = propagateLoad(graph, withoutFailed(model.topology, model.failed))
  const out = new Map<string, number | null>()
  for (const component of graph.components.values()) {
    const n = model.quorum.get(component.id)!.n
    out.set(component.id, model.failed.has(component.id) ? null : utilisation(load.get(component.id) ?? null, numberOf(component.properties, 'capacity'), n))
  }
  return out
}

function highest(values: Array<number | null>): number | null {
  const known = values.filter((value) => value !== null)
  return known.length === 0 ? null : Math.max(...known)
}

/**
 * What a what-if takes down: the design analysed as it is and with `fail` (component or
 * container ids) down, entry by entry, and the request paths that lose service.
 */
export function compareWhatIf(records: readonly JsonRecord[], fail: readonly string[]): WhatIfOutcome {
  const graph = extractGraph(records)
  const before = buildModel(graph)
  const after = buildModel(graph, fail)
  const named = new Set(fail)
  const failedContainers = [...graph.containers.values()]
    .filter((container) => named.has(container.id) || container.containers.some((id) => named.has(id)))
    .map((container) => container.id)
  const broken = (shapes: readonly string[]) => shapes.some((id) => after.failed.has(id))
  const used = utilisationAfterFailure(graph, after)
  const entries = before.entries.map((entry, index): WhatIfEntry => {
    const paths = before.paths.filter((path) => path.shapes[0] === entry.id)
    const left = paths.filter((path) => !broken(path.shapes))
    const availabilityAfter = after.entries[index]!.availability
    const lost = availabilityAfter === 0 || after.failed.has(entry.id) || (paths.length > 0 && left.length === 0)
    return {
      id: entry.id,
      name: graph.components.get(entry.id)!.name,
      availabilityBefore: entry.availability,
      availabilityAfter,
      utilisationBefore: highest(paths.map((path) => path.utilisation)),
      utilisationAfter: lost ? null : highest(left.flatMap((path) => path.shapes.map((id) => used.get(id) ?? null))),
      lost,
    }
  })
  const choice = ({ id, name, kind }: WhatIfChoice): WhatIfChoice => ({ id, name, kind })
  return {
    domains: [...graph.containers.values()].map(choice),
    components: [...graph.components.values()].map(choice),
    failedComponents: [...after.failed],
    failedContainers,
    entries,
    brokenPaths: after.paths
      .filter((path) => broken(path.shapes))
      .map((path) => ({ shapes: path.shapes, connections: path.connections.map((connection) => connection.id) })),
  }
}
