import type { JsonValue } from '../model/json.ts'
import { numberOf, type DesignGraph } from './graph.ts'
import type { Topology } from './topology.ts'

/**
 * The load an entry offers, in req/s: a user population's `peakConcurrent` × `requestsPerUser`
 * (req/min) / 60, else the entry's `throughput`; null when neither is set.
 */
export function offeredLoad(properties: Record<string, JsonValue>): number | null {
  const users = numberOf(properties, 'peakConcurrent')
  const perUser = numberOf(properties, 'requestsPerUser')
  if (users !== null && perUser !== null) return (users * perUser) / 60
  return numberOf(properties, 'throughput')
}

/**
 * Each component's load in req/s: the entries' offered load carried along synchronous calls, in
 * full to each required callee and split evenly across alternatives; null where no known load arrives.
 */
export function propagateLoad(graph: DesignGraph, topology: Topology): Map<string, number | null> {
  const load = new Map<string, number | null>()
  for (const entry of topology.entries) load.set(entry, offeredLoad(graph.components.get(entry)!.properties))
  for (const id of topology.order) {
    const own = load.get(id) ?? null
    if (own === null) continue
    for (const group of topology.groups.get(id)!) {
      for (const member of group) load.set(member, (load.get(member) ?? 0) + own / group.length)
    }
  }
  return load
}

/** Load over what the instances can serve: `load / (capacity × n)`; null when either is unknown. */
export function utilisation(load: number | null, capacity: number | null, n: number): number | null {
  if (load === null || capacity === null || capacity <= 0) return null
  return load / (capacity * n)
}
