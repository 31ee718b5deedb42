import { FlowchartImportError, type Flowchart } from '@concord/shared'

/** The parts of Mermaid's flowchart database the import reads (mermaid's `FlowDB`). */
interface FlowDb {
  getDirection(): string | undefined
  getVertices(): Map<string, { id: string; text?: string }>
  getEdges(): Array<{ start: string; end: string; text: string; stroke?: string }>
  getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>
}

let mermaidModule: Promise<typeof import('mermaid')['default']> | undefined

/**
 * Mermaid, loaded on first use: it is large, and most visits to a board never need it. The service
 * worker does not precache it (vite.config.ts), so offline the load fails; the next use tries again.
 */
export function loadMermaid(): Promise<typeof import('mermaid')['default']> {
  mermaidModule ??= import('mermaid').then(
    ({ default: mermaid }) => {
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
      return mermaid
    },
    (error: unknown) => {
      mermaidModule = undefined
      throw new Error('Mermaid could not be loaded: importing a flowchart needs a connection to the server.', { cause: error })
    },
  )
  return mermaidModule
}

/**
 * Parses Mermaid text with Mermaid's own parser. Throws the parser's error (its message says
 * where) for bad syntax, and a FlowchartImportError for a diagram that is not a flowchart.
 */
export async function parseFlowchart(text: string): Promise<Flowchart> {
  const mermaid = await loadMermaid()
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text)
  if (!diagram.type.startsWith('flowchart')) throw new FlowchartImportError(`This is a Mermaid ${diagram.type} diagram: only flowcharts can be imported.`)
  const db = diagram.db as unknown as FlowDb
  return {
    direction: db.getDirection() ?? 'TB',
    vertices: [...db.getVertices().values()].map((vertex) => ({ id: vertex.id, text: vertex.text ?? vertex.id })),
    edges: db.getEdges().map((edge) => ({ start: edge.start, end: edge.end, text: edge.text, stroke: edge.stroke ?? 'normal' })),
    subgraphs: db.getSubGraphs().map((subgraph) => ({ id: subgraph.id, title: subgraph.title, nodes: [...subgraph.nodes] })),
  }
}
