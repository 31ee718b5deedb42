import { defaultConnectionProperties, findContainerKind, findKind, type Template } from '@concord/shared'
import { Box, createBindingId, createShapeId, type Editor, type TLParentId, type TLShapeId, type VecLike } from 'tldraw'
import { connectionMeta } from '../inspector/connection.ts'
import { COMPONENT_SHAPE } from '../shapes/componentType.ts'
import { CONTAINER_SHAPE } from '../shapes/containerShape.tsx'

/** The page-space bounds a template occupies, for centring it on the view. */
function templateBounds(template: Template): Box {
  const boxes = [
    ...template.containers.filter((c) => !c.in).map((c) => new Box(c.x, c.y, c.w, c.h)),
    ...template.components
      .filter((c) => !c.in)
      .map((c) => {
        const size = findKind(c.kind)?.defaultSize ?? { w: 180, h: 100 }
        return new Box(c.x, c.y, c.w ?? size.w, c.h ?? size.h)
      }),
  ]
  return Box.Common(boxes.length > 0 ? boxes : [new Box(0, 0, 1, 1)])
}

export interface TemplateInsertion {
  /**
   * Record ids derived from this key instead of random ones, so clients inserting the same
   * template into the same board at once write the same records and converge on one copy.
   */
  idSeed?: string
}

/**
 * Inserts a template centred on `center`: containers, then the components in them, then arrows
 * bound between components carrying the connection properties. One undo step; the inserted
 * top-level shapes end up selected and in view.
 */
export function insertTemplate(editor: Editor, template: Template, center: VecLike, { idSeed }: TemplateInsertion = {}): TLShapeId[] {
  const shapeId = (key: string) => (idSeed ? createShapeId(`${idSeed}-${key}`) : createShapeId())
  const bindingId = (key: string) => (idSeed ? createBindingId(`${idSeed}-${key}`) : createBindingId())
  const bounds = templateBounds(template)
  const offset = { x: center.x - bounds.center.x, y: center.y - bounds.center.y }
  const ids = new Map<string, TLShapeId>()
  const pageId = editor.getCurrentPageId()
  const parentOf = (ref: string | undefined): TLParentId => (ref ? (ids.get(ref) ?? pageId) : pageId)
  const at = (ref: string | undefined, x: number, y: number) => (ref ? { x, y } : { x: x + offset.x, y: y + offset.y })

  editor.markHistoryStoppingPoint(`insert template ${template.id}`)
  editor.run(() => {
    for (const container of template.containers) {
      if (!findContainerKind(container.kind)) continue
      const id = shapeId(container.ref)
      ids.set(container.ref, id)
      editor.createShape({
        id,
        type: CONTAINER_SHAPE,
        parentId: parentOf(container.in),
        ...at(container.in, container.x, container.y),
        props: { kind: container.kind, name: container.name, w: container.w, h: container.h },
      })
    }
    for (const component of template.components) {
      const kind = findKind(component.kind)
      if (!kind) continue
      const id = shapeId(component.ref)
      ids.set(component.ref, id)
      editor.createShape({
        id,
        type: COMPONENT_SHAPE,
        parentId: parentOf(component.in),
        ...at(component.in, component.x, component.y),
        props: {
          kind: kind.id,
          name: component.name,
          w: component.w ?? kind.defaultSize.w,
          h: component.h ?? kind.defaultSize.h,
          properties: component.properties,
          rationale: component.rationale ?? {},
        },
      })
    }
    for (const [index, connection] of template.connections.entries()) {
      const from = ids.get(connection.from)
      const to = ids.get(connection.to)
      if (from && to) {
        const key = `connection-${index}`
        connect(editor, { from, to, arrow: shapeId(key), startBinding: bindingId(`${key}-start`), endBinding: bindingId(`${key}-end`) }, {
          properties: { ...defaultConnectionProperties(), ...connection.properties },
          rationale: connection.rationale ?? {},
        })
      }
    }
  })
  const topLevel = [...ids.values()].filter((id) => editor.getShape(id)?.parentId === pageId)
  editor.select(...topLevel)
  editor.zoomToSelection({ animation: { duration: 200 } })
  return [...ids.values()]
}

interface ConnectionIds {
  from: TLShapeId
  to: TLShapeId
  arrow: TLShapeId
  startBinding: ReturnType<typeof createBindingId>
  endBinding: ReturnType<typeof createBindingId>
}

/** An arrow from the centre of one shape to the centre of another, bound at both ends. */
function connect(
  editor: Editor,
  { from, to, arrow: id, startBinding, endBinding }: ConnectionIds,
  { properties, rationale }: { properties: Record<string, string | number | boolean>; rationale: Record<string, string> },
): void {
  const start = editor.getShapePageBounds(from)!.center
  const end = editor.getShapePageBounds(to)!.center
  editor.createShape({
    id,
    type: 'arrow',
    x: start.x,
    y: start.y,
    props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
    meta: connectionMeta(properties, rationale),
  })
  const anchor = { normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false }
  editor.createBindings([
    { id: startBinding, type: 'arrow', fromId: id, toId: from, props: { terminal: 'start', ...anchor } },
    { id: endBinding, type: 'arrow', fromId: id, toId: to, props: { terminal: 'end', ...anchor } },
  ])
}
