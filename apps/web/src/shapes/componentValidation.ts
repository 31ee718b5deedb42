import { CATALOG, checkPropertyValue, findKind, type PropertyDef } from '@concord/shared'
import { T } from 'tldraw'

/** Every property definition by id, across the catalog (common, kind-specific and connection ones). */
const definitionsById = (() => {
  const byId = new Map<string, PropertyDef[]>()
  const add = (def: PropertyDef) => byId.set(def.id, [...(byId.get(def.id) ?? []), def])
  for (const def of CATALOG.commonProperties) add(def)
  for (const kind of CATALOG.kinds) for (const def of kind.properties) add(def)
  for (const def of CATALOG.connectionProperties) add(def)
  return byId
})()

const MAX_RATIONALE = 2000

/** A catalog kind id this client knows. */
export const componentKindValidator = T.string.check((value) => {
  if (!findKind(value)) throw new Error(`unknown component kind "${value}"`)
})

/**
 * A map of property values, each valid for its definition. Record validation sees one prop at a
 * time, so a value is checked against the catalog's definitions of its id (the same id means the
 * same property wherever it appears); that is what keeps a peer from smuggling an invalid value in.
 */
export const propertyValuesValidator = new T.Validator<Record<string, string | number | boolean>>((value) => {
  const object = T.dict(T.string, T.unknown).validate(value)
  for (const [id, item] of Object.entries(object)) {
    const definitions = definitionsById.get(id)
    if (!definitions) throw new Error(`unknown property "${id}"`)
    const checks = definitions.map((def) => checkPropertyValue(def, item))
    const accepted = checks.find((check) => check.ok)
    if (!accepted) throw new Error(checks[0]!.ok ? 'invalid value' : checks[0]!.reason)
  }
  return object as Record<string, string | number | boolean>
})

/** Rationales: free text per property id, of bounded length. */
export const rationaleValidator = T.dict(
  T.string,
  T.string.check((text) => {
    if (text.length > MAX_RATIONALE) throw new Error(`a rationale is at most ${MAX_RATIONALE} characters`)
  }),
)
