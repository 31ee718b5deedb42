import type { DesignComponent, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import { containerKindLabel, designView, edgeLabel, isAsync, kindLabel, nameOf, type DesignView } from './design-view.ts'

/**
 * Text for inside a Mermaid quoted label: Mermaid has no backslash escapes, only entity codes
 * (`#quot;`), so `#` goes first, then quotes, angle brackets and backticks (which would start a
 * Markdown string); line breaks become `<br>`.
 */
function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/`/g, '#96;').replace(/\r\n|\r|\n/g, '<br>')
}

function subgraph(view: DesignView, container: DesignContainer, indent: string): string[] {
  const label = `${nameOf(container, containerKindLabel(container))} (${containerKindLabel(container)})`
  const lines = [`${indent}subgraph ${view.ids.get(container.id)!}["${mermaidText(label)}"]`]
  for (const child of view.childContainers.get(container.id) ?? []) lines.push(...subgraph(view, child, `${indent}  `))
  for (const component of view.containedComponents.get(container.id) ?? []) lines.push(`${indent}  ${node(view, component)}`)
  lines.push(`${indent}end`)
  return lines
}

function node(view: DesignView, component: DesignComponent): string {
  const kind = kindLabel(component)
  return `${view.ids.get(component.id)!}["${mermaidText(nameOf(component, kind))}<br>${mermaidText(kind)}"]`
}

/**
 * A Mermaid flowchart: failure domains as (nested) subgraphs, components as nodes labelled with
 * name and kind, connections as edges labelled with protocol and mode, dashed when asynchronous.
 */
export function toMermaid(graph: DesignGraph, title: string): string {
  const view = designView(graph)
  // The front matter is YAML, where a JSON string is a valid double-quoted scalar.
  const lines = ['---', `title: ${JSON.stringify(title)}`, '---', 'flowchart LR']
  for (const component of view.looseComponents) lines.push(`  ${node(view, component)}`)
  for (const container of view.topContainers) lines.push(...subgraph(view, container, '  '))
  for (const connection of graph.connections) {
    const label = edgeLabel(connection)
    const arrow = isAsync(connection) ? '-.->' : '-->'
    const from = view.ids.get(connection.from)!
    const to = view.ids.get(connection.to)!
    lines.push(label === '' ? `  ${from} ${arrow} ${to}` : `  ${from} ${arrow}|"${mermaidText(label)}"| ${to}`)
  }
  return `${lines.join('\n')}\n`
}
