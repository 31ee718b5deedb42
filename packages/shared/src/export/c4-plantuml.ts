import type { DesignComponent, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import { containerKindLabel, descriptionOf, designView, isAsync, kindLabel, nameOf, propertyEntries, roleOf, technologyOf, type DesignView } from './design-view.ts'

/**
 * A PlantUML macro argument string. PlantUML strings have no escape for `"`, so quotes become `'`;
 * line breaks become PlantUML's `\n`.
 */
function pumlString(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/\r\n|\r|\n/g, '\\n')}"`
}

function element(view: DesignView, component: DesignComponent, indent: string): string[] {
  const id = view.ids.get(component.id)!
  const kind = kindLabel(component)
  const name = pumlString(nameOf(component, kind))
  // C4-PlantUML shows the properties added just before an element as a table in it.
  const lines = propertyEntries(component.properties).map(([key, value]) => `${indent}AddProperty(${pumlString(key)}, ${pumlString(value)})`)
  const role = roleOf(component)
  if (role === 'person') lines.push(`${indent}Person(${id}, ${name}, ${pumlString(kind)})`)
  else if (role === 'external') lines.push(`${indent}System_Ext(${id}, ${name}, ${pumlString(kind)})`)
  else lines.push(`${indent}Container(${id}, ${name}, ${pumlString(component.kind)}, ${pumlString(kind)})`)
  return lines
}

function boundary(view: DesignView, container: DesignContainer, indent: string): string[] {
  const kind = containerKindLabel(container)
  const lines = [`${indent}Boundary(${view.ids.get(container.id)!}, ${pumlString(nameOf(container, kind))}, ${pumlString(kind)}) {`]
  for (const child of view.childContainers.get(container.id) ?? []) lines.push(...boundary(view, child, `${indent}  `))
  for (const component of view.containedComponents.get(container.id) ?? []) lines.push(...element(view, component, `${indent}  `))
  lines.push(`${indent}}`)
  return lines
}

/**
 * A C4-PlantUML container diagram: user populations as people, external dependencies as external
 * systems, other components as containers with their properties, failure domains as boundaries,
 * connections as relationships (mode and protocol), dashed when asynchronous.
 */
export function toC4PlantUml(graph: DesignGraph, title: string): string {
  const view = designView(graph)
  const lines = ['@startuml', '!include <C4/C4_Container>', '', `title ${title.replace(/\r\n|\r|\n/g, ' ')}`, 'AddRelTag("async", $lineStyle=DashedLine())', '']
  for (const component of view.looseComponents) lines.push(...element(view, component, ''))
  for (const container of view.topContainers) lines.push(...boundary(view, container, ''))
  lines.push('')
  for (const connection of graph.connections) {
    const tags = isAsync(connection) ? ', $tags="async"' : ''
    lines.push(`Rel(${view.ids.get(connection.from)!}, ${view.ids.get(connection.to)!}, ${pumlString(descriptionOf(connection))}, ${pumlString(technologyOf(connection))}${tags})`)
  }
  lines.push('', 'SHOW_LEGEND()', '@enduml')
  return `${lines.join('\n')}\n`
}
