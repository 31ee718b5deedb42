import { CONNECTION_PROPERTIES } from '../catalog/connection-properties.ts'
import { formatPropertyValue } from '../catalog/values.ts'
import type { JsonValue } from '../model/json.ts'
import { componentProperty } from './quality.ts'

function shown(value: JsonValue | undefined, format: (value: string | number | boolean) => string): string | null {
  return value === undefined || value === null || typeof value === 'object' ? null : format(value)
}

/** A component property's value as the report shows it (with its unit); null when unset. */
export function componentValueText(kind: string, id: string, value: JsonValue | undefined): string | null {
  const def = componentProperty(kind, id)
  return shown(value, (v) => (def ? formatPropertyValue(def, v) : String(v)))
}

/** A connection property's value as the report shows it; null when unset. */
export function connectionValueText(id: string, value: JsonValue | undefined): string | null {
  const def = CONNECTION_PROPERTIES.find((candidate) => candidate.id === id)
  return shown(value, (v) => (def ? formatPropertyValue(def, v) : String(v)))
}

/** A connection property's label ("Timeout"), or its id for one the catalog does not know. */
export function connectionPropertyLabel(id: string): string {
  return CONNECTION_PROPERTIES.find((def) => def.id === id)?.label ?? id
}
