/** JSON values as tldraw records hold them. */
export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => jsonEqual(item, b[i]))
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
  }
  return false
}

/**
 * `value` with every key it lacks taken from `fallback`, recursively through plain objects.
 * Keys `value` has always win; arrays and other values are never merged.
 */
export function fillMissing(value: JsonObject, fallback: JsonObject): JsonObject {
  const out: JsonObject = { ...value }
  for (const [key, fallbackValue] of Object.entries(fallback)) {
    const own = out[key]
    if (own === undefined) out[key] = fallbackValue
    else if (isPlainObject(own) && isPlainObject(fallbackValue)) out[key] = fillMissing(own, fallbackValue)
  }
  return out
}
