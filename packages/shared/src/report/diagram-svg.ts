import type { DiagramBox, ReportDiagram } from './document.ts'
import { escapeHtml } from './escape.ts'

const MARGIN = 20

function centre(box: DiagramBox): { x: number; y: number } {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 }
}

/** Where the line from the box's centre towards `to` leaves the box. */
function edgePoint(box: DiagramBox, to: { x: number; y: number }): { x: number; y: number } {
  const c = centre(box)
  const dx = to.x - c.x
  const dy = to.y - c.y
  if (dx === 0 && dy === 0) return c
  const scale = Math.min(Math.abs(box.w / 2 / (dx || Number.MIN_VALUE)), Math.abs(box.h / 2 / (dy || Number.MIN_VALUE)))
  return { x: c.x + dx * Math.min(scale, 1), y: c.y + dy * Math.min(scale, 1) }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * The design as a self-contained SVG: dashed rectangles for failure domains, boxes with name and
 * kind for components, arrows for connections (dashed when asynchronous), at the board's positions.
 */
export function diagramSvg(diagram: ReportDiagram): string {
  const all = [...diagram.containers, ...diagram.components]
  if (all.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" role="img" aria-label="Empty design"><text x="10" y="25" font-size="12">No components yet.</text></svg>'
  const minX = Math.min(...all.map((box) => box.x)) - MARGIN
  const minY = Math.min(...all.map((box) => box.y)) - MARGIN
  const width = Math.max(...all.map((box) => box.x + box.w)) + MARGIN - minX
  const height = Math.max(...all.map((box) => box.y + box.h)) + MARGIN - minY
  const byId = new Map(diagram.components.map((box) => [box.id, box]))
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(minX)} ${round(minY)} ${round(width)} ${round(height)}" role="img" aria-label="Design diagram" font-family="system-ui, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>',
  ]
  for (const box of diagram.containers) {
    parts.push(`<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${round(box.h)}" fill="none" stroke="#667" stroke-dasharray="8 5" rx="6"/>`)
    parts.push(`<text x="${round(box.x + 8)}" y="${round(box.y + 16)}" font-size="12" fill="#445">${escapeHtml(`${box.name} (${box.kind})`)}</text>`)
  }
  for (const connection of diagram.connections) {
    const from = byId.get(connection.from)
    const to = byId.get(connection.to)
    if (!from || !to) continue
    const start = edgePoint(from, centre(to))
    const end = edgePoint(to, centre(from))
    const dash = connection.async ? ' stroke-dasharray="6 4"' : ''
    parts.push(`<line x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}" stroke="#333" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`)
  }
  for (const box of diagram.components) {
    const middle = round(box.x + box.w / 2)
    parts.push(`<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${round(box.h)}" fill="#fff" stroke="#222" rx="4"/>`)
    parts.push(`<text x="${middle}" y="${round(box.y + box.h / 2 - 2)}" font-size="13" font-weight="600" text-anchor="middle">${escapeHtml(box.name)}</text>`)
    parts.push(`<text x="${middle}" y="${round(box.y + box.h / 2 + 14)}" font-size="10" fill="#555" text-anchor="middle">${escapeHtml(box.kind)}</text>`)
  }
  parts.push('</svg>')
  return parts.join('')
}
