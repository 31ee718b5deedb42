import type { EnumOption, PropertyDef, PropertySection, PropertyValue } from './types.ts'

/**
 * Short constructors for the catalog's property definitions, so each kind's file reads as a list
 * of properties rather than nested objects. Kind-specific properties default to the `specific`
 * inspector section.
 */
interface Base {
  id: string
  label: string
  help: string
  section?: PropertySection
  default?: PropertyValue
  badge?: string
}

function def(base: Base, valueType: PropertyDef['valueType']): PropertyDef {
  const out: PropertyDef = { id: base.id, label: base.label, section: base.section ?? 'specific', help: base.help, valueType }
  if (base.default !== undefined) out.default = base.default
  if (base.badge !== undefined) out.badge = base.badge
  return out
}

/** Options as `[value, label]` or `[value, label, short label for badges]`. */
export function enumProp(base: Base & { options: Array<[string, string, string?]> }): PropertyDef {
  const options: EnumOption[] = base.options.map(([value, label, short]) => (short === undefined ? { value, label } : { value, label, short }))
  return def(base, { type: 'enum', options })
}

export function numberProp(base: Base & { unit?: string; min?: number; max?: number; integer?: boolean }): PropertyDef {
  const { unit, min, max, integer } = base
  return def(base, {
    type: 'number',
    ...(unit === undefined ? {} : { unit }),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(integer ? { integer } : {}),
  })
}

export function percentProp(base: Base & { min?: number; max?: number }): PropertyDef {
  return def(base, {
    type: 'percent',
    ...(base.min === undefined ? {} : { min: base.min }),
    ...(base.max === undefined ? {} : { max: base.max }),
  })
}

/** Bounds in milliseconds. */
export function durationProp(base: Base & { min?: number; max?: number }): PropertyDef {
  return def(base, {
    type: 'duration',
    ...(base.min === undefined ? {} : { min: base.min }),
    ...(base.max === undefined ? {} : { max: base.max }),
  })
}

export function booleanProp(base: Base): PropertyDef {
  return def(base, { type: 'boolean' })
}

export function textProp(base: Base & { maxLength: number; multiline?: boolean }): PropertyDef {
  return def(base, { type: 'text', maxLength: base.maxLength, ...(base.multiline ? { multiline: true } : {}) })
}

/** Durations written as they read. */
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
