import { CATALOG, COMMON_PROPERTIES } from '@concord/shared'
import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { commentTargets, targetLabel } from './commentTargets.ts'

const shape = (type: string, props: Record<string, unknown>) => ({ id: 'shape:x', type, props }) as unknown as TLShape

describe('what a review comment can be pinned to', () => {
  it('a component offers its name and every catalog property of its kind, by label', () => {
    const kind = CATALOG.kinds.find((k) => k.properties.length > 0)!
    const targets = commentTargets(shape('component', { kind: kind.id, name: 'Orders', w: 180, h: 100, properties: {}, rationale: {} }))
    const consistency = COMMON_PROPERTIES.find((def) => def.id === 'consistency')!
    expect(targets).toContainEqual({ key: 'properties.consistency', label: consistency.label })
    expect(targets).toContainEqual({ key: `properties.${kind.properties[0]!.id}`, label: kind.properties[0]!.label })
    expect(targets[0]).toEqual({ key: 'name', label: 'name' })
    expect(targets.map((t) => t.key)).not.toContain('w')
  })

  it('a connection offers its catalog properties; another shape its own props but not its size', () => {
    const arrow = commentTargets(shape('arrow', { start: {}, end: {} }))
    expect(arrow.map((t) => t.key)).toEqual(CATALOG.connectionProperties.map((def) => `connection.${def.id}`))
    const geo = commentTargets(shape('geo', { geo: 'rectangle', fill: 'none', w: 10, h: 10 }))
    expect(geo.map((t) => t.key)).toEqual(['geo', 'fill'])
  })

  it('names an anchored property by its label, or by its key once it is gone', () => {
    const component = shape('component', { kind: CATALOG.kinds[0]!.id, name: 'A', properties: {}, rationale: {} })
    expect(targetLabel(component, 'properties.consistency')).toBe(COMMON_PROPERTIES.find((def) => def.id === 'consistency')!.label)
    expect(targetLabel(null, 'properties.consistency')).toBe('properties.consistency')
  })
})
