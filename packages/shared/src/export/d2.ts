import type { DesignComponent, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import { containerKindLabel, designView, edgeLabel, isAsync, kindLabel, nameOf, propertyEntries, roleOf, type DesignView } from './design-view.ts'

/**
 * A D2 double-quoted string: backslash escapes for `\`, `"` and line breaks, and `$` escaped so a
 * `${name}` in a label is not taken for a variable.
 */
function d2String(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r\n|\r|\n/g, '\\n')}"`
}

function shapeOf(component: DesignComponent): string | null {
  const role = roleOf(component)
  return role === 'person' ? 'person' : role === 'external' ? 'cloud' : null
}

function component(view: DesignView, shape: DesignComponent, indent: string): string[] {
  const kind = kindLabel(shape)
  const lines = [`${indent}${view.ids.get(shape.id)!}: ${d2String(`${nameOf(shape, kind)}\n${kind}`)} {`]
  const form = shapeOf(shape)
  if (form) lines.push(`${indent}  shape: ${form}`)
  // D2 has no free-form properties: they go in the tooltip, one per line.
  const properties = propertyEntries(shape.properties)
  if (properties.length > 0) lines.push(`${indent}  tooltip: ${d2String(properties.map(([key, value]) => `${key}: ${value}`).join('\n'))}`)
  lines.push(`${indent}}`)
  return lines
}

function container(view: DesignView, domain: DesignContainer, indent: string): string[] {
  const kind = containerKindLabel(domain)
  const lines = [`${indent}${view.ids.get(domain.id)!}: ${d2String(`${nameOf(domain, kind)} (${kind})`)} {`]
  for (const child of view.childContainers.get(domain.id) ?? []) lines.push(...container(view, child, `${indent}  `))
  for (const shape of view.containedComponents.get(domain.id) ?? []) lines.push(...component(view, shape, `${indent}  `))
  lines.push(`${indent}}`)
  return lines
}

/** A shape's D2 key from the top: its containers' keys, outermost first, then its own. */
function pathOf(view: DesignView, shape: DesignComponent): string {
  return [...shape.containers].reverse().concat(shape.id).map((id) => view.ids.get(id)!).join('.')
}

/**
 * A D2 diagram: failure domains as nested containers, components labelled with name and kind
 * (user populations as people, external dependencies as clouds) with their properties as
 * tooltips, connections labelled with protocol and mode, dashed when asynchronous.
 */
export function toD2(graph: DesignGraph, title: string): string {
  const view = designView(graph)
  const lines = [`title: ${d2String(title)} {`, '  near: top-center', '  shape: text', '}', 'direction: right', '']
  for (const shape of view.looseComponents) lines.push(...component(view, shape, ''))
  for (const domain of view.topContainers) lines.push(...container(view, domain, ''))
  lines.push('')
  for (const connection of graph.connections) {
    const label = edgeLabel(connection)
    const edge = `${pathOf(view, graph.components.get(connection.from)!)} -> ${pathOf(view, graph.components.get(connection.to)!)}`
    const head = label === '' ? edge : `${edge}: ${d2String(label)}`
    lines.push(isAsync(connection) ? `${head} {\n  style.stroke-dash: 3\n}` : head)
  }
  return `${lines.join('\n')}\n`
}
