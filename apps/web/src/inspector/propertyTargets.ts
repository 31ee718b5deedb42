import { connectionMeta, type PropertyValue } from '@concord/shared'
import type { Editor, TLArrowShape } from 'tldraw'
import type { ComponentShape } from '../shapes/componentType.ts'
import { readConnection } from './connection.ts'

/**
 * What the inspector edits: the property values and rationales of a set of shapes, read and
 * written the same way for components (in their props) and connections (in their arrow's meta).
 * Every write is one undo step and touches only the one property it changes, so it merges with
 * a peer's concurrent edit of another property.
 */
export interface PropertyTarget {
  values(): Array<Record<string, PropertyValue>>
  rationales(): Array<Record<string, string>>
  setValue(id: string, value: PropertyValue | null): void
  setRationale(id: string, text: string): void
}

function withKey<T>(map: Record<string, T>, id: string, value: T | null): Record<string, T> {
  const next = { ...map }
  if (value === null) delete next[id]
  else next[id] = value
  return next
}

export function componentTarget(editor: Editor, shapes: ComponentShape[]): PropertyTarget {
  const update = (change: (shape: ComponentShape) => Partial<ComponentShape['props']>) => {
    editor.markHistoryStoppingPoint('edit component property')
    editor.updateShapes(shapes.map((shape) => ({ id: shape.id, type: shape.type, props: change(shape) })))
  }
  return {
    values: () => shapes.map((shape) => shape.props.properties),
    rationales: () => shapes.map((shape) => shape.props.rationale),
    setValue: (id, value) => update((shape) => ({ properties: withKey(shape.props.properties, id, value) })),
    setRationale: (id, text) => update((shape) => ({ rationale: withKey(shape.props.rationale, id, text.trim() ? text : null) })),
  }
}

export function connectionTarget(editor: Editor, arrows: TLArrowShape[]): PropertyTarget {
  const update = (change: (arrow: TLArrowShape) => ReturnType<typeof readConnection>) => {
    editor.markHistoryStoppingPoint('edit connection property')
    editor.updateShapes(
      arrows.map((arrow) => {
        const next = change(arrow)
        return { id: arrow.id, type: 'arrow' as const, meta: { ...arrow.meta, ...connectionMeta(next.properties, next.rationale) } }
      }),
    )
  }
  return {
    values: () => arrows.map((arrow) => readConnection(arrow).properties),
    rationales: () => arrows.map((arrow) => readConnection(arrow).rationale),
    setValue: (id, value) =>
      update((arrow) => {
        const current = readConnection(arrow)
        return { ...current, properties: withKey(current.properties, id, value) }
      }),
    setRationale: (id, text) =>
      update((arrow) => {
        const current = readConnection(arrow)
        return { ...current, rationale: withKey(current.rationale, id, text.trim() ? text : null) }
      }),
  }
}
