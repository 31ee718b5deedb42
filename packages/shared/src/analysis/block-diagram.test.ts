import { describe, expect, it } from 'vitest'
import { BlockDiagram } from './block-diagram.ts'
import { extractGraph } from './graph.ts'
import { design, shape, type TestComponent, type TestConnection } from './test-design.ts'
import { buildTopology, type Topology } from './topology.ts'
import { seededRandom } from '@concord/test-kit/random'

const KINDS = ['load-balancer', 'stateless-service', 'stateless-service', 'cache', 'relational-db']

/** A random acyclic design of `size` components below one entry, with availabilities in (0.5, 1). */
function randomDesign(seed: number, size: number): { topology: Topology; availability: Map<string, number> } {
  const next = seededRandom(seed)
  const components: TestComponent[] = [['c0', 'load-balancer']]
  const connections: TestConnection[] = []
  for (let i = 1; i < size; i++) {
    components.push([`c${i}`, KINDS[Math.floor(next() * KINDS.length)]!])
    // Each component is called by one to three earlier ones: shared callees and alternatives both occur.
    const callers = 1 + Math.floor(next() * 3)
    for (let c = 0; c < callers; c++) connections.push([`c${Math.floor(next() * i)}`, `c${i}`])
  }
  const topology = buildTopology(extractGraph(design(components, connections)))
  const availability = new Map(components.map(([ref]) => [shape(ref), 0.5 + next() / 2]))
  return { topology, availability }
}

/** The entry's availability by summing over every up/down state of every component. */
function bruteForce(topology: Topology, availability: Map<string, number>, entry: string): number {
  const ids = topology.order
  let total = 0
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const up = new Map(ids.map((id, bit) => [id, (mask & (1 << bit)) !== 0]))
    let probability = 1
    for (const id of ids) probability *= up.get(id) ? availability.get(id)! : 1 - availability.get(id)!
    const works = new Map<string, boolean>()
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i]!
      works.set(id, up.get(id)! && topology.groups.get(id)!.every((group) => group.some((member) => works.get(member))))
    }
    if (works.get(entry)) total += probability
  }
  return total
}

describe('entry availability by factoring on shared components', () => {
  it('equals the sum over every component state on random designs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { topology, availability } = randomDesign(seed, 4 + (seed % 8))
      const entry = shape('c0')
      const result = new BlockDiagram(topology, (id) => availability.get(id)!).entry(entry)
      const error = Math.abs(result.value! - bruteForce(topology, availability, entry))
      expect({ seed, exact: result.exact, matches: error < 1e-12 }).toEqual({ seed, exact: true, matches: true })
    }
  })

  it('gives a lower bound when the budget is too small to condition on every shared component', () => {
    let bounded = 0
    for (let seed = 1; seed <= 40; seed++) {
      const { topology, availability } = randomDesign(seed, 11)
      const entry = shape('c0')
      const result = new BlockDiagram(topology, (id) => availability.get(id)!, 16).entry(entry)
      if (!result.exact) bounded++
      expect(result.value!).toBeLessThanOrEqual(bruteForce(topology, availability, entry) + 1e-12)
    }
    expect(bounded).toBeGreaterThan(0)
  })
})
