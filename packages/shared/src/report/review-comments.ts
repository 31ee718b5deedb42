import type { DesignGraph } from '../analysis/graph.ts'
import type { ReviewThread, ThreadAnchor } from '../model/review.ts'
import { componentProperty } from './quality.ts'
import { connectionPropertyLabel } from './property-text.ts'

/** An open review thread as the report's risks list it: what it is about and what it says. */
export interface ReportComment {
  /** The component, property or connection it is pinned to, by name. */
  target: string
  /** The thread's first comment. */
  text: string
  /** How many replies follow it. */
  replies: number
  /** The submitted version it was made on; null on the live board. */
  version: string | null
}

/** What a comment's anchor points at, named from the design: "Replicas of component API". */
export function anchorTarget(anchor: ThreadAnchor, graph: DesignGraph): string {
  if (anchor.kind === 'point') return 'a point on the board'
  const component = graph.components.get(anchor.shapeId)
  const connection = graph.connections.find((candidate) => candidate.id === anchor.shapeId)
  const connectionName = connection && `connection ${graph.components.get(connection.from)?.name} → ${graph.components.get(connection.to)?.name}`
  const shapeName = component ? `component ${component.name}` : connectionName ?? (graph.containers.get(anchor.shapeId) && `failure domain ${graph.containers.get(anchor.shapeId)!.name}`)
  if (!shapeName) return 'a shape no longer in this design'
  if (anchor.kind !== 'property') return shapeName
  const label = component ? (componentProperty(component.kind, anchor.property)?.label ?? anchor.property) : connectionPropertyLabel(anchor.property)
  return `${label} of ${shapeName}`
}

/**
 * The open (unresolved) review threads, oldest first, each with its target named from the design
 * being reported and its first comment. Comment authors are left out: the report is the team's.
 */
export function openReviewComments(threads: readonly ReviewThread[], graph: DesignGraph, versionNames: ReadonlyMap<string, string> = new Map()): ReportComment[] {
  return threads
    .filter((thread) => thread.status === 'open' && thread.comments.length > 0)
    .map((thread) => ({
      target: anchorTarget(thread.anchor, graph),
      text: thread.comments[0]!.text.trim(),
      replies: thread.comments.length - 1,
      version: thread.versionId === null ? null : (versionNames.get(thread.versionId) ?? 'an earlier version'),
    }))
}
