import type { Topology } from './topology.ts'

/** An entry's availability, and whether it is exact or a lower bound. */
export interface BlockResult {
  value: number | null
  exact: boolean
}

/** Work allowed per board for the exact evaluations, shared by its entries: assignments times components reached. */
export const FACTORING_BUDGET = 1 << 16

/**
 * The availability of the reliability block diagram below `entry`: a component and, in series,
 * each of its groups (a group's alternatives in parallel). A component reached along several
 * branches is one event, not several: the evaluation conditions on the up/down state of every
 * such shared component (and of everything below it) whose availability is strictly between 0 and
 * 1, and sums the probability-weighted results; given those states the rest is a tree of
 * independent blocks. When that takes more than `budget` steps, the least available
 * shared components are still enumerated and the others are taken as up, weighted by their
 * availability: `P(up) >= P(all those up) · P(up | all those up)`, a lower bound.
 */
export function entryAvailability(entry: string, topology: Topology, availability: (id: string) => number | null, budget = FACTORING_BUDGET): BlockResult {
  // Components reached from the entry, in call order (callers before callees), by local index.
  const found = new Set<string>([entry])
  const queue = [entry]
  for (let head = 0; head < queue.length; head++) {
    for (const group of topology.groups.get(queue[head]!)!) {
      for (const member of group) {
        if (found.has(member)) continue
        found.add(member)
        queue.push(member)
      }
    }
  }
  const reached = queue.sort((x, y) => topology.position.get(x)! - topology.position.get(y)!)
  const local = new Map(reached.map((id, i) => [id, i]))
  const count = reached.length
  const a = new Float64Array(count)
  const callers = new Uint32Array(count)
  const groups: number[][][] = []
  for (let i = 0; i < count; i++) {
    const value = availability(reached[i]!)
    if (value === null) return { value: null, exact: true }
    a[i] = value
    groups.push(topology.groups.get(reached[i]!)!.map((group) => group.map((member) => local.get(member)!)))
  }
  for (const own of groups) for (const group of own) for (const member of group) callers[member]!++
  // Reached along several branches, or below such a component: conditioned on, not multiplied in.
  const shared = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    if (callers[i]! > 1) shared[i] = 1
    if (shared[i]) for (const group of groups[i]!) for (const member of group) shared[member] = 1
  }
  const uncertain: number[] = []
  for (let i = 0; i < count; i++) if (shared[i] && a[i]! > 0 && a[i]! < 1) uncertain.push(i)
  uncertain.sort((x, y) => a[x]! - a[y]!)
  const room = Math.max(0, Math.floor(Math.log2(budget / Math.max(1, count))))
  const enumerated = uncertain.slice(0, room)
  let weight = 1
  for (const i of uncertain.slice(room)) weight *= a[i]!

  const up = new Uint8Array(count)
  for (let i = 0; i < count; i++) up[i] = a[i]! > 0 ? 1 : 0
  const works = new Uint8Array(count)
  const p = new Float64Array(count)
  let total = 0
  for (let mask = 0; mask < 1 << enumerated.length; mask++) {
    let probability = weight
    for (let bit = 0; bit < enumerated.length; bit++) {
      const i = enumerated[bit]!
      const on = (mask & (1 << bit)) !== 0
      up[i] = on ? 1 : 0
      probability *= on ? a[i]! : 1 - a[i]!
    }
    if (probability === 0) continue
    for (let i = count - 1; i >= 0; i--) {
      if (shared[i]) {
        let ok = up[i] === 1
        for (const group of groups[i]!) {
          if (!ok) break
          ok = group.some((member) => works[member] === 1)
        }
        works[i] = ok ? 1 : 0
        continue
      }
      let value = a[i]!
      for (const group of groups[i]!) {
        let allDown = 1
        for (const member of group) allDown *= 1 - (shared[member] ? works[member]! : p[member]!)
        value *= 1 - allDown
      }
      p[i] = value
    }
    total += probability * p[0]!
  }
  return { value: Math.min(1, total), exact: uncertain.length <= room }
}
