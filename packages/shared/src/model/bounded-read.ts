import * as Y from 'yjs'
import type { JsonValue } from './json.ts'

/**
 * How deep a value read from Yjs may nest (maps, arrays and JSON values together). The server
 * refuses writes deeper than its own, smaller limit; this bound protects readers from documents
 * written before it, or by a peer that bypassed it: Yjs' own `toJSON` recurses without a bound, and
 * a record nested thousands of levels deep overflowed the stack.
 */
export const MAX_READ_DEPTH = 64

/** `value` (a Yjs type or a stored value) as plain JSON, or null when it nests deeper than `maxDepth`. */
export function readBounded(value: unknown, maxDepth = MAX_READ_DEPTH): JsonValue | null {
  try {
    return read(value, maxDepth)
  } catch (error) {
    if (error === TOO_DEEP) return null
    throw error
  }
}

const TOO_DEEP = Symbol('too deep')

function read(value: unknown, depthLeft: number): JsonValue {
  if (value === null || typeof value !== 'object') return value === undefined ? null : (value as JsonValue)
  if (depthLeft <= 0) throw TOO_DEEP
  if (value instanceof Y.Map) {
    const out: Record<string, JsonValue> = {}
    for (const [key, item] of value.entries()) out[key] = read(item, depthLeft - 1)
    return out
  }
  if (value instanceof Y.Array) return value.toArray().map((item) => read(item, depthLeft - 1))
  if (value instanceof Y.AbstractType) return value.toString()
  if (Array.isArray(value)) return value.map((item) => read(item, depthLeft - 1))
  if (value instanceof Uint8Array) return null
  const out: Record<string, JsonValue> = {}
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = read(item, depthLeft - 1)
  return out
}
