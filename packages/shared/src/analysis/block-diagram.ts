import type { Topology } from './topology.ts'

/** An entry's availability, and whether it is exact or a lower bound. */
export interface BlockResult {
  value: number | null
  exact: boolean
}

/** Work allowed per entry for the exact evaluation: assignments times components reached. */
export const FACTORING_BUDGET = 1 << 16

/**
 * The availability of the reliability block diagram below `entry`: a component and, in series,
 * each of its groups (a group's alternatives in parallel). A component reached along several
 * branches is one event, not several: the evaluation conditions on the up/down state of every
 * such shared component (and of everything below it) whose availability is strictly between 0 and
 * 1, and sums the probability-weighted results; given those states the rest is a tree of
 * independent blocks. When that takes more than `FACTORING_BUDGET` steps, the least available
 * shared components are still enumerated and the others are taken as up, weighted by their
 * availability: `P(up) >= P(all those up) · P(up | all those up)`, a lower bound.
 */
export function entryAvailability(entry: string, topology: Topology, availability: (id: string) => number | null): BlockResult {
  // Components reached from the entry, in call order, and how many distinct callers each has.
  const reached: string[] = []
  const callers = new Map<string, number>([[entry, 0]])
  for (const id of topology.order) {
    if (!callers.has(id)) continue
    reached.push(id)
    for (const group of topology.groups.get(id)!) for (const member of group) callers.set(member, (callers.get(member) ?? 0) + 1)
  }
  const a = new Map<string, number>()
  for (const id of reached) {
    const value = availability(id)
    if (value === null) return { value: null, exact: true }
    a.set(id, value)
  }
  const shared = new Set<string>()
  for (const id of reached) {
    if (callers.get(id)! > 1) shared.add(id)
    if (shared.has(id)) for (const group of topology.groups.get(id)!) for (const member of group) shared.add(member)
  }
  const uncertain = [...shared].filter((id) => a.get(id)! > 0 && a.get(id)! < 1).sort((x, y) => a.get(x)! - a.get(y)!)
  const room = Math.max(0, Math.floor(Math.log2(FACTORING_BUDGET / Math.max(1, reached.length))))
  const enumerated = uncertain.slice(0, room)
  const assumedUp = uncertain.slice(room)
  let weight = 1
  for (const id of assumedUp) weight *= a.get(id)!

  const up = new Map<string, boolean>()
  for (const id of shared) up.set(id, a.get(id)! > 0)
  const works = new Map<string, boolean>()
  const p = new Map<string, number>()
  let total = 0
  for (let mask = 0; mask < 1 << enumerated.length; mask++) {
    let probability = weight
    enumerated.forEach((id, bit) => {
      const on = (mask & (1 << bit)) !== 0
      up.set(id, on)
      probability *= on ? a.get(id)! : 1 - a.get(id)!
    })
    if (probability === 0) continue
    for (let i = reached.length - 1; i >= 0; i--) {
      const id = reached[i]!
      const groups = topology.groups.get(id)!
      if (shared.has(id)) {
        works.set(id, up.get(id)! && groups.every((group) => group.some((member) => works.get(member))))
        continue
      }
      let value = a.get(id)!
      for (const group of groups) {
        let allDown = 1
        for (const member of group) allDown *= 1 - (shared.has(member) ? (works.get(member) ? 1 : 0) : p.get(member)!)
        value *= 1 - allDown
      }
      p.set(id, value)
    }
    total += probability * p.get(entry)!
  }
  return { value: Math.min(1, total), exact: assumedUp.length === 0 }
}
