import { checkComponentProps, checkConnectionProperties, type JsonRecord } from '@concord/shared'

/**
 * What the catalog finds wrong with a record a peer wrote, or null. tldraw validates one prop at a
 * time, so it cannot check a component's property values against its own kind, nor a connection's
 * values at all (they live in the arrow's `meta`, which tldraw leaves free); this does both.
 */
export function catalogProblem(record: JsonRecord): string | null {
  if (record.typeName !== 'shape') return null
  if (record.type === 'component') {
    const props = record.props as { kind?: unknown; name?: unknown; properties?: unknown; rationale?: unknown } | undefined
    return checkComponentProps({ kind: props?.kind, name: props?.name, properties: props?.properties, rationale: props?.rationale })
  }
  if (record.type === 'arrow') {
    const meta = record.meta as { connection?: unknown; connectionRationale?: unknown } | undefined
    if (meta?.connection === undefined && meta?.connectionRationale === undefined) return null
    return checkConnectionProperties(meta.connection ?? {}, meta.connectionRationale ?? {})
  }
  return null
}
