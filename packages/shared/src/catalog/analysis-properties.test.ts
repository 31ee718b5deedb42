import { describe, expect, it } from 'vitest'
import { COMMON_PROPERTIES } from './common-properties.ts'
import { COMPONENT_PROPS_MIGRATIONS, migrateComponentProps } from './migrations.ts'
import { checkComponentProps } from './props.ts'

describe('catalog version 5: the analysis properties', () => {
  it('adds instance availability (percent) and capacity (req/s) to every kind', () => {
    const byId = new Map(COMMON_PROPERTIES.map((def) => [def.id, def]))
    expect(byId.get('instanceAvailability')?.valueType.type).toBe('percent')
    expect(byId.get('capacity')?.valueType).toMatchObject({ type: 'number', unit: 'req/s' })
    const props = { kind: 'cache', name: 'c', w: 180, h: 100, properties: { instanceAvailability: 99.9, capacity: 5000 }, rationale: {} }
    expect(checkComponentProps(props)).toBeNull()
  })

  it('renames the object store’s and warehouse’s data capacity to storedData, and back down', () => {
    const props = { kind: 'object-store', properties: { capacity: 120 }, rationale: { capacity: 'a year of checkpoints' } }
    migrateComponentProps(props, 4)
    expect(props).toEqual({ kind: 'object-store', properties: { storedData: 120 }, rationale: { storedData: 'a year of checkpoints' } })
    const service = { kind: 'stateless-service', properties: { capacity: 300, instanceAvailability: 99 }, rationale: {} }
    migrateComponentProps(service, 4)
    expect(service.properties).toEqual({ capacity: 300, instanceAvailability: 99 })
    const v5 = COMPONENT_PROPS_MIGRATIONS.find((migration) => migration.version === 5)!
    v5.down!(props)
    v5.down!(service)
    expect(props.properties).toEqual({ capacity: 120 })
    expect(service.properties).toEqual({})
  })
})
