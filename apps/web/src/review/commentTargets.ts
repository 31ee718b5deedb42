import { CATALOG, findKind, propertiesOf } from '@concord/shared'
import type { TLShape } from 'tldraw'
import { isComponentShape } from '../shapes/componentType.ts'

/** What a comment can be pinned to on a shape: a key stored in the anchor, and its name for people. */
export interface CommentTarget {
  key: string
  label: string
}

/** Props that say nothing a reviewer would comment on. */
const HIDDEN_PROPS = new Set(['w', 'h', 'scale', 'richText', 'text', 'growY', 'url', 'assetId', 'crop'])

/**
 * The parts of a shape a comment can be pinned to: a component's name and each catalog property of
 * its kind (its consistency model, its availability, ...), a connection's catalog properties, and
 * for other shapes their own props.
 */
export function commentTargets(shape: TLShape): CommentTarget[] {
  if (isComponentShape(shape)) {
    const kind = findKind(shape.props.kind)
    const properties = kind ? propertiesOf(kind).map((def) => ({ key: `properties.${def.id}`, label: def.label })) : []
    return [{ key: 'name', label: 'name' }, ...properties]
  }
  if (shape.type === 'arrow') return CATALOG.connectionProperties.map((def) => ({ key: `connection.${def.id}`, label: def.label }))
  return Object.keys(shape.props)
    .filter((key) => !HIDDEN_PROPS.has(key))
    .map((key) => ({ key, label: key }))
}

/** The name of what an anchor's `property` points at on a shape (the key itself when it is no longer there). */
export function targetLabel(shape: TLShape | null, key: string): string {
  return (shape && commentTargets(shape).find((target) => target.key === key)?.label) ?? key
}
