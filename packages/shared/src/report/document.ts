import { analyseGraph } from '../analysis/analyse.ts'
import { extractGraph, type DesignComponent, type DesignGraph } from '../analysis/graph.ts'
import { isOperations } from '../analysis/semantics.ts'
import type { Finding } from '../analysis/types.ts'
import { findContainerKind, findKind } from '../catalog/catalog.ts'
import type { JsonRecord } from '../model/codec.ts'
import { readDesignNotes, type DesignNotes } from '../model/design-notes.ts'
import { isPlainObject, type JsonObject, type JsonValue } from '../model/json.ts'
import type { ReviewThread } from '../model/review.ts'
import { designChanges, type DesignChange } from './changes.ts'
import { pageBoxes, type PageBox } from './geometry.ts'
import { openReviewComments, type ReportComment } from './review-comments.ts'
import { componentValueText, connectionPropertyLabel, connectionValueText } from './property-text.ts'
import { componentProperty, qualityRows, type QualityRow } from './quality.ts'

/** One annotated property: its label, value as shown, and the team's rationale ('' when none). */
export interface ReportProperty {
  label: string
  value: string
  rationale: string
}

export interface ReportComponent {
  id: string
  name: string
  kind: string
  properties: ReportProperty[]
}

/** The components directly inside one failure domain; `domain` null for those in none. */
export interface ReportBlock {
  domain: { id: string; name: string; kind: string } | null
  components: ReportComponent[]
}

export interface ReportConnection {
  id: string
  caller: string
  callee: string
  mode: string
  protocol: string
  delivery: string
  timeoutAndRetries: string
  /** "Label: rationale" for each connection property the team justified. */
  rationales: string[]
}

export interface ReportRisk {
  severity: Finding['severity']
  rule: string
  /** The names of the shapes concerned. */
  shapes: string[]
  message: string
  /** The team's justification when marked not applicable, else null. */
  justification: string | null
}

export interface DiagramBox extends PageBox {
  id: string
  name: string
  kind: string
  /** The kind's catalog icon (a whole 24×24 `<svg>` in `currentColor`), or null for a kind the catalog does not know. */
  icon: string | null
}

export interface ReportDiagram {
  containers: DiagramBox[]
  components: DiagramBox[]
  connections: Array<{ id: string; from: string; to: string; async: boolean }>
}

/** Sections 1-9 of the design report, from the board as it is. */
export interface ReportDocument {
  title: string
  /** Names of the board's editors; empty when the board does not record them. */
  members: string[]
  /** ISO date (YYYY-MM-DD) the report was made. */
  date: string
  /** The submitted version's name; null for the live board. */
  version: string | null
  context: { entries: string[]; external: string[] }
  diagram: ReportDiagram
  blocks: ReportBlock[]
  connections: ReportConnection[]
  quality: QualityRow[]
  risks: { open: ReportRisk[]; notApplicable: ReportRisk[]; comments: ReportComment[] }
  /** Changes since the latest earlier submitted version; null when there is none. */
  changes: { since: string; items: DesignChange[] } | null
  /** The team's goals, non-goals and decision records (sections 2 and 7). */
  design: DesignNotes
}

export interface ReportInput {
  title: string
  records: readonly JsonRecord[]
  /** When the report is made (ms since the epoch). */
  now: number
  version?: string
  members?: readonly string[]
  /** Leaves every team member's name out (an anonymous review round). */
  anonymous?: boolean
  /** The board's review threads: the open ones are listed among the risks. */
  threads?: readonly ReviewThread[]
  /** Names of the board's versions by id, to say which version a thread was made on. */
  versionNames?: ReadonlyMap<string, string>
  /** The latest submitted version before this design, to list what changed since. */
  previous?: { name: string; records: readonly JsonRecord[] }
}

function objectOr(value: JsonValue | undefined): JsonObject {
  return isPlainObject(value) ? value : {}
}

function stringMap(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, text] of Object.entries(objectOr(value))) if (typeof text === 'string' && text.trim()) out[key] = text.trim()
  return out
}

function kindLabel(kind: string): string {
  return findKind(kind)?.label ?? kind
}

function reportComponent(component: DesignComponent, rationale: Record<string, string>): ReportComponent {
  const ids = new Set([...Object.keys(component.properties), ...Object.keys(rationale)])
  const properties: ReportProperty[] = []
  for (const id of ids) {
    const value = componentValueText(component.kind, id, component.properties[id])
    if (value === null && !rationale[id]) continue
    properties.push({ label: componentProperty(component.kind, id)?.label ?? id, value: value ?? 'unset', rationale: rationale[id] ?? '' })
  }
  return { id: component.id, name: component.name, kind: kindLabel(component.kind), properties }
}

function connectionValue(properties: Record<string, JsonValue>, id: string): string | null {
  return connectionValueText(id, properties[id])
}

function blocksOf(graph: DesignGraph, rationales: Map<string, Record<string, string>>): ReportBlock[] {
  const blocks = new Map<string | null, ReportComponent[]>()
  for (const component of graph.components.values()) {
    const domain = component.containers[0] ?? null
    blocks.set(domain, [...(blocks.get(domain) ?? []), reportComponent(component, rationales.get(component.id) ?? {})])
  }
  return [...blocks].map(([id, components]) => {
    const container = id === null ? undefined : graph.containers.get(id)
    const domain = container ? { id: container.id, name: container.name, kind: findContainerKind(container.kind)?.label ?? container.kind } : null
    return { domain, components }
  })
}

/** The design report's document of a board's records, with the analysis's numbers and findings. */
export function buildReport({ title, records, now, version, members = [], anonymous = false, threads = [], versionNames, previous }: ReportInput): ReportDocument {
  const graph = extractGraph(records)
  const analysis = analyseGraph(graph)
  const byId = new Map(records.map((record) => [record.id, record]))
  const name = (id: string) => graph.components.get(id)?.name ?? graph.containers.get(id)?.name ?? id
  const componentRationales = new Map([...graph.components.keys()].map((id) => [id, stringMap(objectOr(byId.get(id)?.props).rationale)]))
  const boxes = pageBoxes(records)
  const box = (id: string, shapeName: string, kind: string, icon: string | undefined): DiagramBox => ({ id, name: shapeName, kind, icon: icon ?? null, ...boxes.get(id)! })
  const risk = (finding: Finding): ReportRisk => ({
    severity: finding.severity,
    rule: finding.rule,
    shapes: finding.shapes.map(name),
    message: finding.message,
    justification: finding.justification,
  })
  return {
    title,
    members: anonymous ? [] : [...new Set(members)],
    date: new Date(now).toISOString().slice(0, 10),
    version: version ?? null,
    context: {
      entries: analysis.entries.map((entry) => name(entry.id)),
      external: [...graph.components.values()].filter((component) => component.group === 'external').map((component) => component.name),
    },
    diagram: {
      containers: [...graph.containers.values()].map((container) => box(container.id, container.name, findContainerKind(container.kind)?.label ?? container.kind, findContainerKind(container.kind)?.icon)),
      components: [...graph.components.values()].map((component) => box(component.id, component.name, kindLabel(component.kind), findKind(component.kind)?.icon)),
      connections: graph.connections.map((connection) => ({ id: connection.id, from: connection.from, to: connection.to, async: (connectionValue(connection.properties, 'mode') ?? 'synchronous') !== 'synchronous' })),
    },
    blocks: blocksOf(graph, componentRationales),
    connections: graph.connections.map((connection) => {
      const rationale = stringMap(objectOr(byId.get(connection.id)?.meta).connectionRationale)
      const timeout = connectionValue(connection.properties, 'timeout')
      const retries = connectionValue(connection.properties, 'retries')
      return {
        id: connection.id,
        caller: name(connection.from),
        callee: name(connection.to),
        mode: connectionValue(connection.properties, 'mode') ?? 'synchronous',
        protocol: connectionValue(connection.properties, 'protocol') ?? 'unset',
        delivery: connectionValue(connection.properties, 'delivery') ?? 'unset',
        timeoutAndRetries: `${timeout ?? 'no timeout'}, ${retries === null ? 'retries unset' : `${retries} retries`}`,
        rationales: Object.entries(rationale).map(([id, why]) => `${connectionPropertyLabel(id)}: ${why}`),
      }
    }),
    quality: qualityRows([...graph.components.values()].filter((component) => !isOperations(component)), analysis),
    risks: {
      open: analysis.findings.filter((finding) => !finding.notApplicable).map(risk),
      notApplicable: analysis.findings.filter((finding) => finding.notApplicable).map(risk),
      comments: openReviewComments(threads, graph, versionNames),
    },
    changes: previous ? { since: previous.name, items: designChanges(extractGraph(previous.records), graph) } : null,
    design: readDesignNotes(records),
  }
}
