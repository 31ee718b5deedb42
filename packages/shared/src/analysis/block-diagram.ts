import type { Topology } from './topology.ts'

/** An entry's availability, and whether it is exact or a lower bound. */
export interface BlockResult {
  value: number | null
  exact: boolean
}

/** Work allowed per board for the exact evaluations, shared by its entries: assignments times components reached. */
export const FACTORING_BUDGET = 1 << 16

/**
 * Evaluates entries' reliability block diagrams over one topology. Components are addressed by
 * their position in call order; the scratch arrays are allocated once and reused per entry.
 */
export class BlockDiagram {
  private readonly groups: number[][][]
  private readonly a: Float64Array
  private readonly seen: Int32Array
  private readonly callers: Uint32Array
  private readonly shared: Uint8Array
  private readonly up: Uint8Array
  private readonly works: Uint8Array
  private readonly p: Float64Array
  private stamp = 0

  /** `availability` of each component (null when unknown); `budget` is shared by all entries. */
  constructor(
    private readonly topology: Topology,
    availability: (id: string) => number | null,
    private readonly budget = FACTORING_BUDGET / Math.max(1, topology.entries.length),
  ) {
    const count = topology.order.length
    this.groups = topology.order.map((id) => topology.groups.get(id)!.map((group) => group.map((member) => topology.position.get(member)!)))
    this.a = new Float64Array(count)
    topology.order.forEach((id, i) => (this.a[i] = availability(id) ?? Number.NaN))
    this.seen = new Int32Array(count)
    this.callers = new Uint32Array(count)
    this.shared = new Uint8Array(count)
    this.up = new Uint8Array(count)
    this.works = new Uint8Array(count)
    this.p = new Float64Array(count)
  }

  /**
   * The availability of the block diagram below `entry`: a component and, in series, each of its
   * groups (a group's alternatives in parallel). A component reached along several branches is one
   * event, not several: the evaluation conditions on the up/down state of every such shared
   * component (and of everything below it) whose availability is strictly between 0 and 1, and sums
   * the probability-weighted results; given those states the rest is a tree of independent blocks.
   * When that takes more than the budget, the least available shared components are still
   * enumerated and the others are taken as up, weighted by their availability:
   * `P(up) >= P(all those up) · P(up | all those up)`, a lower bound.
   */
  entry(entry: string): BlockResult {
    const { groups, a, seen, callers, shared, up, works, p } = this
    const stamp = ++this.stamp
    const start = this.topology.position.get(entry)!
    const reached = [start]
    seen[start] = stamp
    callers[start] = 0
    for (let head = 0; head < reached.length; head++) {
      for (const group of groups[reached[head]!]!) {
        for (const member of group) {
          if (seen[member] !== stamp) {
            seen[member] = stamp
            callers[member] = 0
            reached.push(member)
          }
          callers[member]!++
        }
      }
    }
    reached.sort((x, y) => x - y)
    const uncertain: number[] = []
    for (const i of reached) {
      if (Number.isNaN(a[i]!)) return { value: null, exact: true }
      shared[i] = 0
    }
    for (const i of reached) {
      if (callers[i]! > 1) shared[i] = 1
      if (shared[i]) for (const group of groups[i]!) for (const member of group) shared[member] = 1
      up[i] = a[i]! > 0 ? 1 : 0
      if (shared[i] && a[i]! > 0 && a[i]! < 1) uncertain.push(i)
    }
    uncertain.sort((x, y) => a[x]! - a[y]!)
    const room = Math.max(0, Math.floor(Math.log2(this.budget / reached.length)))
    const enumerated = uncertain.slice(0, room)
    let weight = 1
    for (const i of uncertain.slice(room)) weight *= a[i]!

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
      for (let r = reached.length - 1; r >= 0; r--) {
        const i = reached[r]!
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
      total += probability * p[start]!
    }
    return { value: Math.min(1, total), exact: uncertain.length <= room }
  }
}
