import type { DesignConnection, DesignGraph } from './graph.ts'
import { BALANCER_KINDS, isOperations, isSync } from './semantics.ts'

/**
 * The synchronous call structure of a design: which components wait for which, without the
 * operations group and without the connections that close a cycle (reported, not followed).
 */
export interface Topology {
  /** Synchronous callees of each component, one connection per callee, in board order, cycles cut. */
  calls: Map<string, DesignConnection[]>
  /** Each component's callees grouped: a group of one is required; a larger group holds alternatives. */
  groups: Map<string, string[][]>
  /** Components with no incoming synchronous connection, in board order. */
  entries: string[]
  /** Components in an order where every caller precedes its callees. */
  order: string[]
  /** Each component's index in `order`. */
  position: Map<string, number>
  /** Cycles of synchronous calls, each as its components in call order. */
  cycles: string[][]
}

/** Groups callees: behind a balancer, callees of one kind are alternatives; otherwise each is required. */
function calleeGroups(kind: string, callees: string[], kindOf: (id: string) => string): string[][] {
  if (!BALANCER_KINDS.has(kind)) return callees.map((id) => [id])
  const byKind = new Map<string, string[]>()
  for (const id of callees) {
    const group = byKind.get(kindOf(id)) ?? []
    group.push(id)
    byKind.set(kindOf(id), group)
  }
  return [...byKind.values()]
}

export function buildTopology(graph: DesignGraph): Topology {
  const nodes = [...graph.components.values()].filter((component) => !isOperations(component)).map((component) => component.id)
  const inScope = new Set(nodes)
  const all = new Map<string, DesignConnection[]>(nodes.map((id) => [id, []]))
  const hasCaller = new Set<string>()
  for (const connection of graph.connections) {
    if (!isSync(connection) || !inScope.has(connection.from) || !inScope.has(connection.to) || connection.from === connection.to) continue
    const out = all.get(connection.from)!
    if (out.some((other) => other.to === connection.to)) continue
    out.push(connection)
    hasCaller.add(connection.to)
  }
  // Depth-first search from every component: an edge into a component still on the stack closes a cycle.
  const calls = new Map<string, DesignConnection[]>(nodes.map((id) => [id, []]))
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const postorder: string[] = []
  for (const root of nodes) {
    if (state.has(root)) continue
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }]
    state.set(root, 'open')
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const out = all.get(top.id)!
      if (top.next >= out.length) {
        stack.pop()
        state.set(top.id, 'done')
        postorder.push(top.id)
        continue
      }
      const connection = out[top.next++]!
      const seen = state.get(connection.to)
      if (seen === 'open') {
        const from = stack.findIndex((frame) => frame.id === connection.to)
        cycles.push(stack.slice(from).map((frame) => frame.id))
        continue
      }
      calls.get(top.id)!.push(connection)
      if (seen === undefined) {
        state.set(connection.to, 'open')
        stack.push({ id: connection.to, next: 0 })
      }
    }
  }
  const kindOf = (id: string) => graph.components.get(id)!.kind
  const groups = new Map<string, string[][]>()
  for (const [id, out] of calls) groups.set(id, calleeGroups(kindOf(id), out.map((connection) => connection.to), kindOf))
  const order = postorder.reverse()
  return { calls, groups, entries: nodes.filter((id) => !hasCaller.has(id)), order, position: new Map(order.map((id, i) => [id, i])), cycles }
}

/**
 * For each component, the components whose failure alone stops it from answering (itself
 * included): `crit(v) = {v} ∪ ⋃ over v's groups of ⋂ over the group's alternatives of crit(m)`.
 */
export function criticalSets(topology: Topology): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (let i = topology.order.length - 1; i >= 0; i--) {
    const id = topology.order[i]!
    const set = new Set<string>([id])
    for (const group of topology.groups.get(id)!) {
      const [first, ...rest] = group.map((member) => out.get(member)!)
      for (const member of first!) if (rest.every((other) => other.has(member))) set.add(member)
    }
    out.set(id, set)
  }
  return out
}
