import { describe, expect, it } from 'vitest'
import { design, shape } from '../analysis/test-design.ts'
import { findKind } from '../catalog/catalog.ts'
import { diagramSvg } from './diagram-svg.ts'
import { buildReport } from './document.ts'
import { charsThatFit } from './text-fit.ts'

const NOW = Date.UTC(2026, 11, 3, 12)

describe('the report’s diagram', () => {
  it('draws each component’s catalog icon inside its box, with no external reference', () => {
    const report = buildReport({ title: 'Shop', records: design([['api', 'stateless-service'], ['db', 'relational-db']], [['api', 'db']]), now: NOW })
    const svg = diagramSvg(report.diagram)
    const icon = findKind('relational-db')!.icon
    // The icon's drawing, nested as an <svg> of its own placed in the box.
    expect(svg).toContain(icon.slice(icon.indexOf('>') + 1))
    expect(svg.match(/<svg x="[\d.-]+" y="[\d.-]+" width="18" height="18" color="#2b4c7e"/g)).toHaveLength(2)
    expect(svg.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|href/)
  })

  it('wraps a long name inside its box and ends it with an ellipsis when it does not fit', () => {
    const name = 'The primary order database of the European region, replicated synchronously'
    const records = design([['db', 'relational-db']]).map((record) => (record.id === shape('db') ? { ...record, props: { ...(record.props as object), name } } : record))
    const report = buildReport({ title: 'Shop', records, now: NOW })
    const box = report.diagram.components[0]!
    const lines = [...diagramSvg(report.diagram).matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]!)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.at(-1)).toMatch(/…$/)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(charsThatFit(box.w - 16, 13))
    // Lines stay above the box's bottom edge.
    const ys = [...diagramSvg(report.diagram).matchAll(/<tspan [^>]*y="([\d.]+)"/g)].map((match) => Number(match[1]))
    expect(Math.max(...ys)).toBeLessThanOrEqual(box.y + box.h)
  })
})
