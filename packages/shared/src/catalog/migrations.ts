/**
 * Migrations of component shape props (`{ kind, name, w, h, properties, rationale }`) between
 * catalog versions. Pure functions that mutate in place, like tldraw's, so the web shape util can
 * wrap them in `createShapePropsMigrationSequence`. Version N's `up` takes props written at
 * version N - 1 to version N; props never migrated are at version 0.
 */
export interface CatalogMigration {
  version: number
  description: string
  up(props: Record<string, unknown>): void
  down?(props: Record<string, unknown>): void
}

type Values = Record<string, unknown>

/** The props' `properties` and `rationale` maps, created when a very old record lacks them. */
function maps(props: Record<string, unknown>): { properties: Values; rationale: Values } {
  if (typeof props.properties !== 'object' || props.properties === null) props.properties = {}
  if (typeof props.rationale !== 'object' || props.rationale === null) props.rationale = {}
  return { properties: props.properties as Values, rationale: props.rationale as Values }
}

/** Moves `from` to `to` in both maps (value and rationale), when present. */
function rename(props: Record<string, unknown>, from: string, to: string): void {
  for (const map of Object.values(maps(props))) {
    if (from in map) {
      map[to] = map[from]
      delete map[from]
    }
  }
}

/** Version 4's renames, by kind: `[old id, new id]`. */
const RENAMED_IN_V4: Record<string, Array<[string, string]>> = {
  'load-balancer': [['algorithm', 'balancing']],
  'fl-aggregator': [['algorithm', 'aggregationRule']],
  'coordination-service': [['protocol', 'consensus']],
  'training-workers': [['parallelism', 'strategy']],
}

/** Version 3 ordering values to version 4's shared scale. */
const ORDERING_V4: Record<string, string> = { 'per-group': 'per-key', 'per-partition': 'per-key', fifo: 'total' }

/** Version 4 ordering values back to version 3's, per kind (`none` and `total` are unchanged where they existed). */
const ORDERING_KINDS_V4: Record<string, Record<string, string>> = {
  'message-queue': { 'per-key': 'per-group', total: 'fifo' },
  'partitioned-log': { 'per-key': 'per-partition' },
}

/** Kinds whose `capacity` meant data stored (TB) before version 5 made `capacity` the common req/s. */
const STORED_DATA_KINDS = new Set(['object-store', 'data-warehouse'])

export const COMPONENT_PROPS_MIGRATIONS: CatalogMigration[] = [
  {
    version: 1,
    description: 'Initial layout: property values in `properties`, rationales in `rationale`, both keyed by property id',
    up(props) {
      maps(props)
    },
  },
  {
    version: 2,
    description: 'Split `replicas` into `replicasMin`, `replicasDesired` and `replicasMax`; the old count becomes the desired one',
    up(props) {
      rename(props, 'replicas', 'replicasDesired')
    },
    down(props) {
      rename(props, 'replicasDesired', 'replicas')
      for (const map of Object.values(maps(props))) {
        delete map.replicasMin
        delete map.replicasMax
      }
    },
  },
  {
    version: 3,
    description: 'Consistency model `strong` was ambiguous: it becomes `linearizable` (sequential and serializable are separate options now)',
    up(props) {
      const { properties } = maps(props)
      if (properties.consistency === 'strong') properties.consistency = 'linearizable'
    },
    down(props) {
      const { properties } = maps(props)
      if (properties.consistency === 'linearizable') properties.consistency = 'strong'
    },
  },
  {
    version: 4,
    description:
      'A property id means one thing catalog-wide: kind-specific ids that clashed with others are renamed, and queues and logs share one ordering scale',
    up(props) {
      for (const [from, to] of RENAMED_IN_V4[String(props.kind)] ?? []) rename(props, from, to)
      const { properties } = maps(props)
      const ordering = ORDERING_V4[String(properties.ordering)]
      if (Object.hasOwn(ORDERING_KINDS_V4, String(props.kind)) && ordering) properties.ordering = ordering
    },
    down(props) {
      for (const [from, to] of RENAMED_IN_V4[String(props.kind)] ?? []) rename(props, to, from)
      const { properties } = maps(props)
      const back = ORDERING_KINDS_V4[String(props.kind)]?.[String(properties.ordering)]
      if (back) properties.ordering = back
    },
  },
  {
    version: 5,
    description:
      'Analysis properties: common `instanceAvailability` (one instance, percent) and `capacity` (req/s per instance); the object store’s and warehouse’s `capacity` (TB) becomes `storedData`',
    up(props) {
      if (STORED_DATA_KINDS.has(String(props.kind))) rename(props, 'capacity', 'storedData')
    },
    down(props) {
      for (const map of Object.values(maps(props))) {
        delete map.instanceAvailability
        delete map.capacity
      }
      if (STORED_DATA_KINDS.has(String(props.kind))) rename(props, 'storedData', 'capacity')
    },
  },
]

/** The catalog version components are written with: the last migration's. */
export const CATALOG_VERSION = COMPONENT_PROPS_MIGRATIONS.reduce((last, m) => Math.max(last, m.version), 0)

/** Applies the `up` steps after `fromVersion` to `props` (in place) and returns it. */
export function migrateComponentProps<T extends Record<string, unknown>>(props: T, fromVersion: number): T {
  for (const migration of COMPONENT_PROPS_MIGRATIONS) {
    if (migration.version > fromVersion) migration.up(props)
  }
  return props
}
