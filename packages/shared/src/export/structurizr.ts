import type { DesignComponent, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import { containerKindLabel, descriptionOf, designView, kindLabel, nameOf, propertyEntries, roleOf, technologyOf, type DesignView } from './design-view.ts'

/** The deployment environment holding the failure domains. */
const ENVIRONMENT = 'Board'

/**
 * A Structurizr DSL string. The DSL has no escape for `"` (a quote ends the token) and substitutes
 * `${name}`, so quotes become `'`, `${` loses its brace and line breaks become spaces.
 */
function dslString(text: string): string {
  return `"${text.replace(/\r\n|\r|\n/g, ' ').replace(/"/g, "'").replace(/\$\{/g, '$ {')}"`
}

function propertiesBlock(properties: DesignComponent['properties'], indent: string): string[] {
  const entries = propertyEntries(properties)
  if (entries.length === 0) return []
  return [`${indent}properties {`, ...entries.map(([key, value]) => `${indent}  ${dslString(key)} ${dslString(value)}`), `${indent}}`]
}

function element(view: DesignView, component: DesignComponent, indent: string): string[] {
  const id = view.ids.get(component.id)!
  const kind = kindLabel(component)
  const name = dslString(nameOf(component, kind))
  const role = roleOf(component)
  const head =
    role === 'person'
      ? `${id} = person ${name} ${dslString(kind)}`
      : role === 'external'
        ? `${id} = softwareSystem ${name} ${dslString(kind)} "External"`
        : `${id} = container ${name} ${dslString(kind)} ${dslString(component.kind)}`
  return [`${indent}${head} {`, ...propertiesBlock(component.properties, `${indent}  `), `${indent}}`]
}

/** A failure domain as a deployment node, with its nested domains and the containers deployed in it. */
function deploymentNode(view: DesignView, container: DesignContainer, indent: string): string[] {
  const lines = [`${indent}${view.ids.get(container.id)!} = deploymentNode ${dslString(nameOf(container, containerKindLabel(container)))} ${dslString(containerKindLabel(container))} {`]
  for (const child of view.childContainers.get(container.id) ?? []) lines.push(...deploymentNode(view, child, `${indent}  `))
  for (const component of view.containedComponents.get(container.id) ?? []) {
    // Only containers can be deployed; people and external systems stay in the model alone.
    if (roleOf(component) === 'container') lines.push(`${indent}  containerInstance ${view.ids.get(component.id)!}`)
  }
  lines.push(`${indent}}`)
  return lines
}

/**
 * A Structurizr DSL workspace: components as containers of one software system named after the
 * board, external dependencies as external systems, user populations as people; connections as
 * relationships (mode as description, protocol as technology); failure domains as deployment
 * nodes; and system context, container and deployment views.
 */
export function toStructurizr(graph: DesignGraph, title: string): string {
  const view = designView(graph)
  const components = [...graph.components.values()]
  const system = 'system'
  const lines = [`workspace ${dslString(title)} "Exported from Concord" {`, '  !identifiers flat', '', '  model {']
  for (const component of components) if (roleOf(component) !== 'container') lines.push(...element(view, component, '    '))
  lines.push(`    ${system} = softwareSystem ${dslString(title)} {`)
  for (const component of components) if (roleOf(component) === 'container') lines.push(...element(view, component, '      '))
  lines.push('    }', '')
  for (const connection of graph.connections) {
    lines.push(`    ${view.ids.get(connection.from)!} -> ${view.ids.get(connection.to)!} ${dslString(descriptionOf(connection))} ${dslString(technologyOf(connection))}`)
  }
  lines.push('', `    deploymentEnvironment ${dslString(ENVIRONMENT)} {`)
  for (const container of view.topContainers) lines.push(...deploymentNode(view, container, '      '))
  lines.push('    }', '  }', '')
  lines.push(
    '  views {',
    `    systemContext ${system} {`,
    '      include *',
    '      autolayout lr',
    '    }',
    `    container ${system} {`,
    '      include *',
    '      autolayout lr',
    '    }',
    `    deployment ${system} ${dslString(ENVIRONMENT)} {`,
    '      include *',
    '      autolayout lr',
    '    }',
    '    styles {',
    '      element "Person" {',
    '        shape person',
    '      }',
    '      element "External" {',
    '        background #999999',
    '      }',
    '    }',
    '  }',
    '}',
  )
  return `${lines.join('\n')}\n`
}
