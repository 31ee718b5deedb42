/**
 * A parsed flowchart, as Mermaid's flowchart parser leaves it (`db.getVertices()`, `getEdges()`,
 * `getSubGraphs()`, `getDirection()`): the structure the import maps to a design, with no
 * dependency on Mermaid itself.
 */
export interface Flowchart {
  /** `TB`, `TD`, `BT`, `LR` or `RL`. */
  direction: string
  vertices: Array<{ id: string; text: string }>
  edges: Array<{ start: string; end: string; text: string; stroke: string }>
  /** `nodes` lists the vertices and the nested subgraphs inside, by id. */
  subgraphs: Array<{ id: string; title: string; nodes: string[] }>
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ', apos: "'" }

function decode(code: string, name: string): string {
  const number = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#?(\d+)$/.exec(name)?.[1]
  if (number === undefined) return ENTITIES[name] ?? code
  const point = Number.parseInt(number, /^#x/i.test(name) ? 16 : 10)
  return point <= 0x10ffff ? String.fromCodePoint(point) : code
}

/**
 * A Mermaid label as plain text: HTML entities (`&amp;`, which Mermaid's sanitizer writes for
 * `&`) and Mermaid's entity codes (`#quot;`, `#35;`) decoded, `<br>` a line break, other HTML
 * tags, Markdown emphasis (`*`) and backticks dropped.
 */
export function plainLabel(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[*`]+/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, decode)
    .replace(/#(\w+);/g, decode)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

/**
 * Whether text is written as a Mermaid flowchart: its first statement, after any front matter,
 * `%%` comments and blank lines, is `flowchart` or `graph` (with or without a direction). A cheap
 * test, so pasted text loads Mermaid's parser only when it may be one.
 */
export function looksLikeMermaidFlowchart(text: string): boolean {
  const body = text.replace(/^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '')
  const first = body.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('%%'))
  return first !== undefined && /^(flowchart|graph)(\s|;|$)/.test(first)
}
