import type { DesignComponent, DesignContainer, DesignGraph } from '../analysis/graph.ts'
import { containerKindLabel, descriptionOf, designView, kindLabel, nameOf, propertyEntries, roleOf, technologyOf, type DesignView } from './design-view.ts'

/** The deployment environment holding the failure domains. */
const ENVIRONMENT = 'Board'

/**
 * A Structurizr DSL string. The DSL has no escape for `"` (a quote ends the token) and substitutes
 * `${name}`, so quotes become `'`, `${` loses its brace and line breaks become spaces.
 */
function dslText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/"/g, "'").replace(/\$\{/g, '$ {')
}

function dslString(text: string): string {
  return `"${dslText(text)}"`
}

/** Names, or relationship descriptions, made unique within their scope: Structurizr refuses a workspace with two alike. */
type Claim = (scope: string, name: string) => string

function uniqueNames(): Claim {
  const used = new Set<string>()
  return (scope, name) => {
    let candidate = name
    // Compared without case, to be safe whichever way the parser compares.
    for (let n = 2; used.has(`${scope}\n${candidate.toLowerCase()}`); n++) candidate = `${name} (${n})`
    used.add(`${scope}\n${candidate.toLowerCase()}`)
    return candidate
  }
}

function propertiesBlock(properties: DesignComponent['properties'], indent: string): string[] {
  const entries = propertyEntries(properties)
  if (entries.length === 0) return []
  return [`${indent}properties {`, ...entries.map(([key, value]) => `${indent}  ${dslString(key)} ${dslString(value)}`), `${indent}}`]
}

function element(view: DesignView, claim: Claim, component: DesignComponent, indent: string): string[] {
  const id = view.ids.get(component.id)!
  const kind = kindLabel(component)
  const role = roleOf(component)
  // People and software systems share the model's names; containers the system's.
  const name = dslString(claim(role === 'container' ? 'containers' : 'model', dslText(nameOf(component, kind))))
  const head =
    role === 'person'
      ? `${id} = person ${name} ${dslString(kind)}`
      : role === 'external'
        ? `${id} = softwareSystem ${name} ${dslString(kind)} "External"`
        : `${id} = container ${name} ${dslString(kind)} ${dslString(component.kind)}`
  return [`${indent}${head} {`, ...propertiesBlock(component.properties, `${indent}  `), `${indent}}`]
}

/** A failure domain as a deployment node, with its nested domains and the containers deployed in it. */
function deploymentNode(view: DesignView, claim: Claim, container: DesignContainer, indent: string): string[] {
  const kind = containerKindLabel(container)
  const name = claim(`node ${container.containers[0] ?? ''}`, dslText(nameOf(container, kind)))
  const lines = [`${indent}${view.ids.get(container.id)!} = deploymentNode ${dslString(name)} ${dslString(kind)} {`]
  for (const child of view.childContainers.get(container.id) ?? []) lines.push(...deploymentNode(view, claim, child, `${indent}  `))
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
  const claim = uniqueNames()
  const components = [...graph.components.values()]
  const system = 'system'
  const systemName = claim('model', dslText(title.trim() === '' ? ENVIRONMENT : title))
  const lines = [`workspace ${dslString(title)} "Exported from Concord" {`, '  !identifiers flat', '', '  model {']
  for (const component of components) if (roleOf(component) !== 'container') lines.push(...element(view, claim, component, '    '))
  lines.push(`    ${system} = softwareSystem ${dslString(systemName)} {`)
  for (const component of components) if (roleOf(component) === 'container') lines.push(...element(view, claim, component, '      '))
  lines.push('    }', '')
  for (const connection of graph.connections) {
    const [from, to] = [view.ids.get(connection.from)!, view.ids.get(connection.to)!]
    const description = claim(`${from} -> ${to}`, descriptionOf(connection))
    lines.push(`    ${from} -> ${to} ${dslString(description)} ${dslString(technologyOf(connection))}`)
  }
  lines.push('', `    deploymentEnvironment ${dslString(ENVIRONMENT)} {`)
  for (const container of view.topContainers) lines.push(...deploymentNode(view, claim, container, '      '))
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
