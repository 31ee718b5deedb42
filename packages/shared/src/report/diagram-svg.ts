import type { DiagramBox, ReportDiagram } from './document.ts'
import { escapeHtml } from './escape.ts'
import { charsThatFit, oneLine, wrapText } from './text-fit.ts'

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

/** A catalog icon (trusted, bundled markup) placed as a nested `<svg>` at `x`, `y` and `size`. */
function placedIcon(icon: string | null, x: number, y: number, size: number, colour: string): string {
  if (!icon) return ''
  return icon.replace('<svg ', `<svg x="${round(x)}" y="${round(y)}" width="${size}" height="${size}" color="${colour}" aria-hidden="true" `)
}

const NAME_SIZE = 13
const NAME_LINE = 16
const KIND_SIZE = 10
const PAD = 8
const ICON = 18

/** A component as on the canvas: icon and kind on top, the name below, wrapped inside the box. */
function componentBox(box: DiagramBox): string {
  const x = round(box.x)
  const y = round(box.y)
  const width = box.w - 2 * PAD
  const top = box.y + PAD + ICON + 4
  const lines = wrapText(box.name || 'Unnamed', charsThatFit(width, NAME_SIZE), Math.max(1, Math.floor((box.h - (top - box.y) - PAD / 2) / NAME_LINE)))
  const name = lines.map((line, i) => `<tspan x="${round(box.x + PAD)}" y="${round(top + NAME_SIZE + i * NAME_LINE)}">${escapeHtml(line)}</tspan>`).join('')
  return (
    `<g><title>${escapeHtml(`${box.name} (${box.kind})`)}</title>` +
    `<rect x="${x}" y="${y}" width="${round(box.w)}" height="${round(box.h)}" fill="#fff" stroke="#222" rx="4"/>` +
    placedIcon(box.icon, box.x + PAD, box.y + PAD, ICON, '#2b4c7e') +
    `<text x="${round(box.x + PAD + ICON + 6)}" y="${round(box.y + PAD + ICON / 2 + KIND_SIZE / 2 - 1)}" font-size="${KIND_SIZE}" fill="#555">${escapeHtml(oneLine(box.kind, charsThatFit(width - ICON - 6, KIND_SIZE)))}</text>` +
    `<text font-size="${NAME_SIZE}" font-weight="600" fill="#111">${name}</text></g>`
  )
}

/** A failure domain: a dashed frame with its icon, name and kind along the top edge. */
function containerBox(box: DiagramBox): string {
  const label = oneLine(`${box.name} (${box.kind})`, charsThatFit(box.w - 2 * PAD - 20, 12))
  return (
    `<g><title>${escapeHtml(`${box.name} (${box.kind})`)}</title>` +
    `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${round(box.h)}" fill="none" stroke="#667" stroke-dasharray="8 5" rx="6"/>` +
    placedIcon(box.icon, box.x + PAD, box.y + 5, 14, '#445') +
    `<text x="${round(box.x + PAD + 18)}" y="${round(box.y + 16)}" font-size="12" fill="#445">${escapeHtml(label)}</text></g>`
  )
}

/**
 * The design as a self-contained SVG: dashed rectangles for failure domains, boxes with the kind's
 * icon, kind and name for components, arrows for connections (dashed when asynchronous), at the board's positions.
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
  for (const box of diagram.containers) parts.push(containerBox(box))
  for (const connection of diagram.connections) {
    const from = byId.get(connection.from)
    const to = byId.get(connection.to)
    if (!from || !to) continue
    const start = edgePoint(from, centre(to))
    const end = edgePoint(to, centre(from))
    const dash = connection.async ? ' stroke-dasharray="6 4"' : ''
    parts.push(`<line x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}" stroke="#333" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`)
  }
  for (const box of diagram.components) parts.push(componentBox(box))
  parts.push('</svg>')
  return parts.join('')
}
