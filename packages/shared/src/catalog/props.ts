import { findKind } from './catalog.ts'
import { COMMON_PROPERTIES } from './common-properties.ts'
import { CONNECTION_PROPERTIES } from './connection-properties.ts'
import type { ComponentKind, PropertyDef, PropertyValue } from './types.ts'
import { checkPropertyValue, formatPropertyValue } from './values.ts'

/** Longest rationale for one property, in characters. */
export const RATIONALE_MAX_LENGTH = 2000
/** Longest component name, in characters. */
export const NAME_MAX_LENGTH = 200

const propertyMaps = new WeakMap<ComponentKind, Map<string, PropertyDef>>()

/** The kind's properties in inspector order: the common set, then its own. */
export function propertiesOf(kind: ComponentKind): PropertyDef[] {
  return [...COMMON_PROPERTIES, ...kind.properties]
}

function propertyMap(kind: ComponentKind): Map<string, PropertyDef> {
  let map = propertyMaps.get(kind)
  if (!map) {
    map = new Map(propertiesOf(kind).map((def) => [def.id, def]))
    propertyMaps.set(kind, map)
  }
  return map
}

/** The property `id` of `kind`, common or specific. */
export function findProperty(kind: ComponentKind, id: string): PropertyDef | undefined {
  return propertyMap(kind).get(id)
}

function defaultsOf(defs: PropertyDef[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {}
  for (const def of defs) if (def.default !== undefined) out[def.id] = def.default
  return out
}

/** What a newly placed component of `kind` starts with: only the properties that have a default. */
export function defaultProperties(kind: ComponentKind): Record<string, PropertyValue> {
  return { ...defaultsOf(COMMON_PROPERTIES), ...kind.commonDefaults, ...defaultsOf(kind.properties) }
}

/** What a newly drawn connection starts with. */
export function defaultConnectionProperties(): Record<string, PropertyValue> {
  return defaultsOf(CONNECTION_PROPERTIES)
}

/**
 * The kind's badge properties that are set and valid, formatted and joined with " · ",
 * e.g. "RF 3 · acks=all · 7 d". Enum options show their short label when they have one.
 */
export function badgeLine(kind: ComponentKind, properties: Record<string, unknown>): string {
  const parts: string[] = []
  for (const id of kind.badge) {
    const def = findProperty(kind, id)
    if (!def || !Object.hasOwn(properties, id)) continue
    const text = badgeText(def, properties[id])
    if (text !== null) parts.push(text)
  }
  return parts.join(' · ')
}

/** The connection properties shown on an arrow, in order (at most 3 fit on the canvas). */
export const CONNECTION_BADGE = ['protocol', 'mode', 'delivery', 'latency'] as const

/**
 * A connection's short label for the canvas, like a component's badge line: its badge properties
 * that are set and valid, at most three, e.g. "gRPC · sync · at-least-once".
 */
export function connectionBadgeLine(properties: Record<string, unknown>): string {
  const parts: string[] = []
  for (const id of CONNECTION_BADGE) {
    const def = CONNECTION_PROPERTIES.find((candidate) => candidate.id === id)
    if (!def || !Object.hasOwn(properties, id) || parts.length === 3) continue
    const text = badgeText(def, properties[id])
    if (text !== null) parts.push(text)
  }
  return parts.join(' · ')
}

/** A property's text on a badge line (its enum option's short label if it has one), or null when the value is invalid. */
function badgeText(def: PropertyDef, value: unknown): string | null {
  const check = checkPropertyValue(def, value)
  if (!check.ok) return null
  const type = def.valueType
  const short = type.type === 'enum' ? type.options.find((option) => option.value === check.value)?.short : undefined
  const text = short ?? formatPropertyValue(def, check.value)
  return def.badge ? def.badge.replace('{value}', text) : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks a properties map and a rationale map against `defs`; `subject` names the owner in reasons. */
function checkValues(
  lookup: (id: string) => PropertyDef | undefined,
  subject: string,
  properties: unknown,
  rationale: unknown,
): string | null {
  if (!isRecord(properties)) return 'properties must be an object'
  for (const [id, value] of Object.entries(properties)) {
    const def = lookup(id)
    if (!def) return `"${id}" is not a property of ${subject}`
    // null: the property was cleared.
    if (value === null) continue
    const check = checkPropertyValue(def, value)
    if (!check.ok) return check.reason
  }
  if (!isRecord(rationale)) return 'rationale must be an object'
  for (const [id, text] of Object.entries(rationale)) {
    const def = lookup(id)
    if (!def) return `rationale "${id}" is not a property of ${subject}`
    if (typeof text !== 'string') return `rationale for ${def.label} must be text`
    if (text.length > RATIONALE_MAX_LENGTH) {
      return `rationale for ${def.label} must be at most ${RATIONALE_MAX_LENGTH} characters`
    }
  }
  return null
}

/**
 * Whether component shape props hold only what the catalog allows: a known kind, a name, valid
 * values of that kind's properties and text rationales. Null when valid, else the reason.
 */
export function checkComponentProps(props: {
  kind: unknown
  name: unknown
  properties: unknown
  rationale: unknown
}): string | null {
  if (typeof props.kind !== 'string') return 'kind must be text'
  const kind = findKind(props.kind)
  if (!kind) return `unknown component kind "${props.kind}"`
  if (typeof props.name !== 'string') return 'name must be text'
  if (props.name.length > NAME_MAX_LENGTH) return `name must be at most ${NAME_MAX_LENGTH} characters`
  return checkValues((id) => findProperty(kind, id), kind.label, props.properties, props.rationale)
}

const connectionProperties = new Map(CONNECTION_PROPERTIES.map((def) => [def.id, def]))

/** Like `checkComponentProps`, for a connection's `meta.connection` and `meta.connectionRationale`. */
export function checkConnectionProperties(properties: unknown, rationale: unknown): string | null {
  return checkValues((id) => connectionProperties.get(id), 'a connection', properties, rationale)
}
