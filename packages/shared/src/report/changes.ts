import type { DesignGraph } from '../analysis/graph.ts'
import { findKind } from '../catalog/catalog.ts'
import type { JsonValue } from '../model/json.ts'
import { componentProperty } from './quality.ts'
import { componentValueText, connectionPropertyLabel, connectionValueText } from './property-text.ts'

/** One difference between an earlier design and this one. */
export interface DesignChange {
  change: 'added' | 'removed' | 'changed'
  /** What changed, named for readers: "component API", "Timeout of connection API → DB". */
  subject: string
  /** The values before and after ("99.9 % → 99.99 %"), or '' when the subject itself came or went. */
  detail: string
}

type Values = Record<string, JsonValue>
type Text = (id: string, value: JsonValue | undefined) => string | null

/** The added, removed and changed values between two property maps, as changes of `owner`. */
function propertyChanges(before: Values, after: Values, owner: string, label: (id: string) => string, text: Text): DesignChange[] {
  const changes: DesignChange[] = []
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = text(id, before[id])
    const now = text(id, after[id])
    if (was === now) continue
    const subject = `${label(id)} of ${owner}`
    if (was === null) changes.push({ change: 'added', subject, detail: now! })
    else if (now === null) changes.push({ change: 'removed', subject, detail: was })
    else changes.push({ change: 'changed', subject, detail: `${was} → ${now}` })
  }
  return changes
}

function kindLabel(kind: string): string {
  return findKind(kind)?.label ?? kind
}

function domainOf(graph: DesignGraph, id: string): string {
  const container = graph.containers.get(graph.components.get(id)?.containers[0] ?? '')
  return container ? container.name : 'no failure domain'
}

/**
 * What changed from `before` (an earlier submitted version) to `after`: components added,
 * removed, renamed, of another kind or moved to another failure domain; connections added or
 * removed; component and connection properties set, cleared or changed. Shapes are matched by id,
 * so a component that was deleted and drawn again counts as removed and added.
 */
export function designChanges(before: DesignGraph, after: DesignGraph): DesignChange[] {
  const changes: DesignChange[] = []
  const nameIn = (graph: DesignGraph, id: string) => graph.components.get(id)?.name ?? id
  for (const [id, was] of before.components) {
    if (!after.components.has(id)) changes.push({ change: 'removed', subject: `component ${was.name}`, detail: '' })
  }
  for (const [id, now] of after.components) {
    const was = before.components.get(id)
    const subject = `component ${now.name}`
    if (!was) {
      changes.push({ change: 'added', subject, detail: '' })
      continue
    }
    if (was.name !== now.name) changes.push({ change: 'changed', subject, detail: `renamed from ${was.name}` })
    if (was.kind !== now.kind) changes.push({ change: 'changed', subject, detail: `kind ${kindLabel(was.kind)} → ${kindLabel(now.kind)}` })
    const [from, to] = [domainOf(before, id), domainOf(after, id)]
    if (from !== to) changes.push({ change: 'changed', subject, detail: `moved from ${from} to ${to}` })
    const text: Text = (property, value) => componentValueText(now.kind, property, value)
    changes.push(...propertyChanges(was.properties, now.properties, now.name, (property) => componentProperty(now.kind, property)?.label ?? property, text))
  }
  const beforeConnections = new Map(before.connections.map((connection) => [connection.id, connection]))
  const afterIds = new Set(after.connections.map((connection) => connection.id))
  for (const was of before.connections) {
    if (!afterIds.has(was.id)) changes.push({ change: 'removed', subject: `connection ${nameIn(before, was.from)} → ${nameIn(before, was.to)}`, detail: '' })
  }
  for (const now of after.connections) {
    const owner = `connection ${nameIn(after, now.from)} → ${nameIn(after, now.to)}`
    const was = beforeConnections.get(now.id)
    if (!was || was.from !== now.from || was.to !== now.to) {
      if (was) changes.push({ change: 'removed', subject: `connection ${nameIn(before, was.from)} → ${nameIn(before, was.to)}`, detail: '' })
      changes.push({ change: 'added', subject: owner, detail: '' })
      continue
    }
    changes.push(...propertyChanges(was.properties, now.properties, owner, connectionPropertyLabel, connectionValueText))
  }
  return changes
}
