import { describe, expect, it } from 'vitest'
import { templateRecords } from '../catalog/template-records.ts'
import { THREE_TIER_WEB } from '../catalog/templates/three-tier-web.ts'
import { design, shape } from './test-design.ts'
import { compareWhatIf } from './what-if.ts'

const threeTier = templateRecords(THREE_TIER_WEB, 'tt')
const tt = (ref: string) => `shape:tt-${ref}`

describe('compareWhatIf', () => {
  it('takes nothing down when nothing fails', () => {
    const outcome = compareWhatIf(threeTier, [])
    expect(outcome.domains.map((domain) => domain.name)).toEqual(['eu-west', 'Zone a', 'Zone b'])
    expect(outcome.components.length).toBe(THREE_TIER_WEB.components.length)
    expect(outcome.failedComponents).toEqual([])
    expect(outcome.brokenPaths).toEqual([])
    for (const entry of outcome.entries) {
      expect(entry.availabilityAfter).toBe(entry.availabilityBefore)
      expect(entry.lost).toBe(false)
    }
  })

  it('loses the browser entry when zone a (with the orders leader) fails, and breaks every path through it', () => {
    const outcome = compareWhatIf(threeTier, [tt('zone-a')])
    expect(outcome.failedContainers).toEqual([tt('zone-a')])
    expect(outcome.failedComponents.sort()).toEqual([tt('app-a'), tt('db-leader')].sort())
    const browser = outcome.entries.find((entry) => entry.id === tt('browser'))!
    expect(browser.availabilityBefore).toBeGreaterThan(0.99)
    expect(browser.availabilityAfter).toBe(0)
    expect(browser.lost).toBe(true)
    expect(browser.utilisationAfter).toBeNull()
    expect(outcome.brokenPaths.length).toBeGreaterThan(0)
    for (const path of outcome.brokenPaths) expect(path.shapes.some((id) => id === tt('app-a') || id === tt('db-leader'))).toBe(true)
    // Each broken path names the arrows along it, one fewer than its components.
    for (const path of outcome.brokenPaths) expect(path.connections).toHaveLength(path.shapes.length - 1)
  })

  it('fails the zones inside a failed region with it', () => {
    const outcome = compareWhatIf(threeTier, [tt('region')])
    expect(outcome.failedContainers.sort()).toEqual([tt('region'), tt('zone-a'), tt('zone-b')].sort())
  })

  it('moves the load of a failed alternative to the survivors: their utilisation rises', () => {
    // A balancer in front of two servers of 100 req/s each; the entry offers 100 req/s.
    const records = design(
      [
        ['client', 'web-client', { throughput: 100 }],
        ['lb', 'load-balancer'],
        ['a', 'stateless-service', { capacity: 100 }],
        ['b', 'stateless-service', { capacity: 100 }],
      ],
      [
        ['client', 'lb'],
        ['lb', 'a'],
        ['lb', 'b'],
      ],
    )
    const before = compareWhatIf(records, []).entries.find((entry) => entry.id === shape('client'))!
    const after = compareWhatIf(records, [shape('a')]).entries.find((entry) => entry.id === shape('client'))!
    expect(before.utilisationBefore).toBeCloseTo(0.5)
    expect(after.lost).toBe(false)
    expect(after.utilisationAfter).toBeCloseTo(1)
    expect(compareWhatIf(records, [shape('a')]).brokenPaths).toEqual([{ shapes: [shape('client'), shape('lb'), shape('a')], connections: expect.any(Array) }])
  })
})
