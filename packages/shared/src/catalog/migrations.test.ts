import { describe, expect, it } from 'vitest'
import { CATALOG_VERSION, COMPONENT_PROPS_MIGRATIONS, migrateComponentProps } from './migrations.ts'
import { checkComponentProps } from './props.ts'

/** Props as a version-1 client wrote them: one `replicas` count, consistency `strong`. */
function versionOneProps() {
  return {
    kind: 'relational-db',
    name: 'Orders DB',
    w: 180,
    h: 100,
    properties: { replicas: 3, consistency: 'strong', availability: 99.95, isolation: 'serializable' } as Record<string, unknown>,
    rationale: { replicas: 'One per zone.', consistency: 'Stock must never oversell.' } as Record<string, unknown>,
  }
}

describe('component props migrations', () => {
  it('are numbered 1..N without gaps, and the catalog is at the last', () => {
    expect(COMPONENT_PROPS_MIGRATIONS.map((m) => m.version)).toEqual(COMPONENT_PROPS_MIGRATIONS.map((_m, i) => i + 1))
    expect(CATALOG_VERSION).toBe(COMPONENT_PROPS_MIGRATIONS.length)
  })

  it('take version-1 props to the current catalog, keeping every value and rationale', () => {
    const props = migrateComponentProps(versionOneProps(), 1)
    expect(props.properties).toEqual({ replicasDesired: 3, consistency: 'linearizable', availability: 99.95, isolation: 'serializable' })
    expect(props.rationale).toEqual({ replicasDesired: 'One per zone.', consistency: 'Stock must never oversell.' })
    expect(checkComponentProps(props)).toBeNull()
    // Version-1 props do not validate against the current catalog until migrated.
    expect(checkComponentProps(versionOneProps())).toBe('"replicas" is not a property of Replicated relational DB')
  })

  it('rename clashing property ids per kind and move queue and log ordering to the shared scale', () => {
    const lb = migrateComponentProps(
      { kind: 'load-balancer', name: 'LB', properties: { algorithm: 'least-connections', replicas: 2 }, rationale: { algorithm: 'Slow replicas.' } },
      1,
    )
    expect(lb.properties).toEqual({ balancing: 'least-connections', replicasDesired: 2 })
    expect(lb.rationale).toEqual({ balancing: 'Slow replicas.' })
    expect(checkComponentProps(lb)).toBeNull()
    const queue = migrateComponentProps({ kind: 'message-queue', name: 'Q', properties: { ordering: 'fifo' }, rationale: {} }, 3)
    expect(queue.properties).toEqual({ ordering: 'total' })
    const log = migrateComponentProps({ kind: 'partitioned-log', name: 'L', properties: { ordering: 'per-partition' }, rationale: {} }, 3)
    expect(log.properties).toEqual({ ordering: 'per-key' })
    // Another kind's property of the same old name is left alone.
    const db = migrateComponentProps({ kind: 'relational-db', name: 'DB', properties: { isolation: 'snapshot' }, rationale: { algorithm: 'x' } }, 3)
    expect(db.rationale).toEqual({ algorithm: 'x' })
  })

  it('give props from before version 1 their maps', () => {
    const props: Record<string, unknown> = { kind: 'web-client', name: 'Browser', w: 180, h: 100 }
    migrateComponentProps(props, 0)
    expect(props).toEqual({ kind: 'web-client', name: 'Browser', w: 180, h: 100, properties: {}, rationale: {} })
  })

  it('go back down to version 1 for an older peer', () => {
    const props = migrateComponentProps(versionOneProps(), 1)
    props.properties.replicasMax = 9
    for (const migration of [...COMPONENT_PROPS_MIGRATIONS].reverse()) {
      if (migration.version > 1) migration.down?.(props)
    }
    expect(props.properties).toEqual({ replicas: 3, consistency: 'strong', availability: 99.95, isolation: 'serializable' })
    expect(props.rationale).toEqual(versionOneProps().rationale)
  })

  it('go down from version 4 to 3 and back up unchanged', () => {
    const v4 = migrateComponentProps({ kind: 'message-queue', name: 'Q', properties: { ordering: 'per-key', delivery: 'at-least-once' }, rationale: {} }, 3)
    const copy = JSON.parse(JSON.stringify(v4)) as typeof v4
    COMPONENT_PROPS_MIGRATIONS.find((m) => m.version === 4)?.down?.(copy)
    expect(copy.properties).toEqual({ ordering: 'per-group', delivery: 'at-least-once' })
    expect(migrateComponentProps(copy, 3)).toEqual(v4)
  })
})
