import { CATALOG, checkPropertyValue, type PropertyValue } from '@concord/shared'
import type { TLArrowShape, TLShape } from 'tldraw'

export interface ConnectionData {
  properties: Record<string, PropertyValue>
  rationale: Record<string, string>
}

const definitions = new Map(CATALOG.connectionProperties.map((def) => [def.id, def]))

/**
 * The connection data of an arrow. tldraw cannot validate `meta` per key, so values that do not
 * match their definition (a buggy or hostile peer's) are left out here rather than shown or analysed.
 */
export function readConnection(arrow: TLArrowShape): ConnectionData {
  const meta = arrow.meta as { connection?: unknown; connectionRationale?: unknown }
  const properties: Record<string, PropertyValue> = {}
  const rationale: Record<string, string> = {}
  if (isObject(meta.connection)) {
    for (const [id, value] of Object.entries(meta.connection)) {
      const def = definitions.get(id)
      const check = def ? checkPropertyValue(def, value) : null
      if (check?.ok) properties[id] = check.value
    }
  }
  if (isObject(meta.connectionRationale)) {
    for (const [id, text] of Object.entries(meta.connectionRationale)) {
      if (definitions.has(id) && typeof text === 'string') rationale[id] = text
    }
  }
  return { properties, rationale }
}

export function isArrow(shape: TLShape): shape is TLArrowShape {
  return shape.type === 'arrow'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
