import type { JsonValue } from '../model/json.ts'

/**
 * The architecture catalog as data: component kinds, failure-domain containers, connection
 * properties and templates. Everything here is plain JSON-able data (no functions), so the server
 * can serve it as is (`GET /api/catalog`) and students' scripts can read it.
 */

/** The type of a property value, with what it takes to validate and display it. */
export type PropertyType =
  /** One of a fixed set of values. */
  | { type: 'enum'; options: EnumOption[] }
  /** A number, with its unit shown beside it (e.g. "req/s", "GB", "€/month") and an allowed range. */
  | { type: 'number'; unit?: string; min?: number; max?: number; integer?: boolean }
  /** A percentage such as an availability SLO (99.95), shown with its number of nines. */
  | { type: 'percent'; min?: number; max?: number }
  /** A duration in milliseconds, shown in the largest fitting unit (ms, s, min, h, d). */
  | { type: 'duration'; min?: number; max?: number }
  | { type: 'boolean' }
  /** Free text, one line unless `multiline`. */
  | { type: 'text'; maxLength: number; multiline?: boolean }

export interface EnumOption {
  value: string
  label: string
  /** A shorter label for the badge line, when the label is too long to fit on a component. */
  short?: string
}

/** A property's value as stored in a shape (`null` or absent: not specified yet). */
export type PropertyValue = string | number | boolean

export interface PropertyDef {
  /** Stable id, the key in the shape's `properties` and `rationale` maps. Never renamed without a migration. */
  id: string
  label: string
  /** Which part of the inspector it appears in. */
  section: PropertySection
  /** One sentence a learner can act on: what the property means for the design. */
  help: string
  valueType: PropertyType
  /** The value a newly placed component starts with; absent: left unspecified. */
  default?: PropertyValue
  /** How the value appears in a component's badge line, e.g. `RF {value}`; absent: the bare display value. */
  badge?: string
}

export type PropertySection =
  | 'reliability'
  | 'performance'
  | 'scaling'
  | 'consistency'
  | 'placement'
  | 'cost'
  | 'specific'

export interface CatalogGroup {
  id: string
  label: string
}

export interface ComponentKind {
  /** Stable id, stored in the shape (`props.kind`). */
  id: string
  label: string
  group: string
  /** One sentence: what this component is in a distributed system. */
  description: string
  /**
   * A complete `<svg>` element with a 24×24 viewBox, drawn with `currentColor` strokes (no fills of
   * fixed colour), so it can be inlined and takes the surrounding text colour.
   */
  icon: string
  defaultSize: { w: number; h: number }
  /** Kind-specific properties; every kind also has the common set (`COMMON_PROPERTIES`). */
  properties: PropertyDef[]
  /** Property ids shown in the component's badge line, in order (at most 3 fit). */
  badge: string[]
  /** Defaults of common properties for this kind (e.g. a cache starts `soft-state`), over the common set's own. */
  commonDefaults?: Record<string, PropertyValue>
}

/** A failure domain that holds components (region, zone, rack...). Membership is the shape's parent. */
export interface ContainerKind {
  id: string
  label: string
  description: string
  icon: string
  defaultSize: { w: number; h: number }
}

/** A component placed by a template. */
export interface TemplateComponent {
  /** Template-local reference, used by connections and containers. */
  ref: string
  kind: string
  name: string
  x: number
  y: number
  /** Size; the kind's default when absent. */
  w?: number
  h?: number
  /** The container (by ref) it is placed in; coordinates are then relative to the container. */
  in?: string
  properties: Record<string, PropertyValue>
  rationale?: Record<string, string>
}

export interface TemplateContainer {
  ref: string
  kind: string
  name: string
  x: number
  y: number
  w: number
  h: number
  in?: string
}

export interface TemplateConnection {
  from: string
  to: string
  label?: string
  properties: Record<string, PropertyValue>
  rationale?: Record<string, string>
}

export interface Template {
  id: string
  name: string
  description: string
  containers: TemplateContainer[]
  components: TemplateComponent[]
  connections: TemplateConnection[]
}

export interface Catalog {
  version: number
  groups: CatalogGroup[]
  commonProperties: PropertyDef[]
  kinds: ComponentKind[]
  containers: ContainerKind[]
  connectionProperties: PropertyDef[]
  templates: Template[]
}

/** The outcome of checking one value against its definition. */
export type PropertyCheck = { ok: true; value: PropertyValue } | { ok: false; reason: string }

/** Component properties as a shape stores them: property id to value, merged per key. */
export type PropertyValues = Record<string, JsonValue>
