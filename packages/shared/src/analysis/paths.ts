import type { DesignConnection } from './graph.ts'
import type { Topology } from './topology.ts'

/** A request path: components from an entry to a component that calls no one, and the calls between them. */
export interface RequestPath {
  shapes: string[]
  connections: DesignConnection[]
}

/** At most this many request paths are listed per entry (a fan-out board has exponentially many). */
export const MAX_PATHS_PER_ENTRY = 50
/** At most this many request paths are listed per board. */
export const MAX_PATHS = 1000

export interface PathListing {
  paths: RequestPath[]
  /** Whether some paths were left out by the bounds above. */
  truncated: boolean
}

/**
 * Simple paths along synchronous calls from each entry to a component with no (cycle-free)
 * synchronous callee, depth first in board order, bounded per entry and per board. In an acyclic
 * call graph every branch of the search ends in a listed path, so the work is bounded by the
 * listed paths' total length.
 */
export function requestPaths(topology: Topology): PathListing {
  const paths: RequestPath[] = []
  let truncated = false
  for (const entry of topology.entries) {
    let listed = 0
    const stack: Array<{ id: string; next: number }> = [{ id: entry, next: 0 }]
    const via: DesignConnection[] = []
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const out = topology.calls.get(top.id)!
      if (out.length === 0) {
        if (listed === MAX_PATHS_PER_ENTRY || paths.length === MAX_PATHS) {
          truncated = true
          break
        }
        paths.push({ shapes: stack.map((frame) => frame.id), connections: [...via] })
        listed++
      }
      if (top.next >= out.length) {
        stack.pop()
        via.pop()
        continue
      }
      const connection = out[top.next++]!
      via.push(connection)
      stack.push({ id: connection.to, next: 0 })
    }
  }
  return { paths, truncated }
}
