import { findKind, propertiesOf, type PropertyDef, type PropertySection } from '@concord/shared'
import type { ComponentShape } from '../shapes/componentType.ts'

/** The properties every selected component has (all of them for one component), in inspector order. */
export function sharedDefinitions(shapes: ComponentShape[]): PropertyDef[] {
  const lists = shapes.map((shape) => {
    const kind = findKind(shape.props.kind)
    return kind ? propertiesOf(kind) : []
  })
  const [first = [], ...rest] = lists
  return first.filter((def) => rest.every((list) => list.some((other) => other.id === def.id)))
}

export const SECTION_LABELS: Record<PropertySection, string> = {
  specific: 'Specific to this kind',
  reliability: 'Reliability',
  performance: 'Performance',
  scaling: 'Scaling',
  consistency: 'Consistency',
  placement: 'Placement',
  cost: 'Cost and energy',
}

/** Definitions grouped by section, sections in a fixed order, empty ones left out. */
export function bySection(defs: PropertyDef[]): Array<[PropertySection, PropertyDef[]]> {
  const order = Object.keys(SECTION_LABELS) as PropertySection[]
  return order
    .map((section): [PropertySection, PropertyDef[]] => [section, defs.filter((def) => def.section === section)])
    .filter(([, list]) => list.length > 0)
}
