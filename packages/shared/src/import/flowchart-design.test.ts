import { describe, expect, it } from 'vitest'
import { extractGraph } from '../analysis/graph.ts'
import { findKind } from '../catalog/catalog.ts'
import { defaultProperties } from '../catalog/props.ts'
import type { Template } from '../catalog/types.ts'
import { flowchartRecords, flowchartTemplate, FlowchartImportError } from './flowchart-design.ts'
import { looksLikeMermaidFlowchart, plainLabel, type Flowchart } from './flowchart.ts'

/** A flowchart as Mermaid's parser leaves `flowchart LR; subgraph ...` */
function flowchart(direction = 'LR'): Flowchart {
  return {
    direction,
    vertices: [
      { id: 'web', text: 'Shop in the browser' },
      { id: 'lb', text: 'Load balancer' },
      { id: 'api', text: 'Orders API' },
      { id: 'db', text: 'Postgres' },
      { id: 'bus', text: 'Kafka' },
      { id: 'mail', text: 'Mailer' },
    ],
    edges: [
      { start: 'web', end: 'lb', text: '', stroke: 'normal' },
      { start: 'lb', end: 'api', text: 'HTTPS', stroke: 'normal' },
      { start: 'api', end: 'db', text: 'SQL · synchronous', stroke: 'normal' },
      { start: 'api', end: 'bus', text: 'order placed', stroke: 'dotted' },
      { start: 'bus', end: 'mail', text: '', stroke: 'dotted' },
      { start: 'mail', end: 'web', text: '', stroke: 'invisible' },
    ],
    subgraphs: [
      { id: 'zone', title: 'Zone a', nodes: ['api', 'db'] },
      { id: 'region', title: 'eu-west (Region)', nodes: ['zone', 'lb'] },
    ],
  }
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Each element's box on the page (containers' coordinates are relative to their container). */
function pageBoxes(template: Template): Map<string, Box> {
  const local = new Map<string, Box & { in?: string }>()
  for (const container of template.containers) local.set(container.ref, container)
  for (const component of template.components) local.set(component.ref, { ...component, w: 1, h: 1, ...sizeOf(component) })
  const page = (ref: string): Box => {
    const box = local.get(ref)!
    const parent = box.in ? page(box.in) : { x: 0, y: 0 }
    return { x: parent.x + box.x, y: parent.y + box.y, w: box.w, h: box.h }
  }
  return new Map([...local.keys()].map((ref) => [ref, page(ref)]))
}

function sizeOf(component: { w?: number; h?: number }): { w: number; h: number } | object {
  return component.w === undefined ? { w: 180, h: 100 } : { w: component.w, h: component.h! }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h

describe('a flowchart as a design', () => {
  const template = flowchartTemplate(flowchart())

  it('makes each node a component of the kind its label names, a stateless service otherwise', () => {
    expect(template.components.map((component) => [component.ref, component.kind, component.name])).toEqual(
      expect.arrayContaining([
        ['web', 'web-client', 'Shop in the browser'],
        ['lb', 'load-balancer', 'Load balancer'],
        ['api', 'stateless-service', 'Orders API'],
        ['db', 'relational-db', 'Postgres'],
        ['bus', 'partitioned-log', 'Kafka'],
        ['mail', 'stateless-service', 'Mailer'],
      ]),
    )
    expect(template.components).toHaveLength(6)
    // With the kind's defaults, as a component placed from the library.
    expect(template.components.find((component) => component.ref === 'db')!.properties).toEqual(defaultProperties(findKind('relational-db')!))
  })

  it('makes subgraphs failure domains, nested as in the flowchart, holding their nodes', () => {
    expect(template.containers.map((container) => [container.ref, container.kind, container.name, container.in])).toEqual([
      ['region', 'region', 'eu-west', undefined],
      ['zone', 'zone', 'Zone a', 'region'],
    ])
    const within = Object.fromEntries(template.components.map((component) => [component.ref, component.in]))
    expect(within).toEqual({ web: undefined, lb: 'region', api: 'zone', db: 'zone', bus: undefined, mail: undefined })
  })

  it('makes edges connections: dashed ones asynchronous, protocol and mode from the label, the rest of the label kept', () => {
    expect(template.connections).toEqual([
      { from: 'web', to: 'lb', properties: {} },
      { from: 'lb', to: 'api', properties: { protocol: 'https' } },
      { from: 'api', to: 'db', properties: { protocol: 'sql', mode: 'sync' } },
      { from: 'api', to: 'bus', properties: { mode: 'async' }, label: 'order placed' },
      { from: 'bus', to: 'mail', properties: { mode: 'async' } },
    ])
  })

  for (const direction of ['LR', 'RL', 'TD', 'BT']) {
    it(`lays out ${direction} without overlap, members inside their failure domains, edges along the direction`, () => {
      const laid = flowchartTemplate(flowchart(direction))
      const boxes = pageBoxes(laid)
      const parentOf = new Map([...laid.containers, ...laid.components].map((element) => [element.ref, element.in]))
      const outside: string[] = []
      const overlapping: string[] = []
      for (const [ref, box] of boxes) {
        const parent = parentOf.get(ref)
        if (parent && !inside(box, boxes.get(parent)!)) outside.push(ref)
        for (const [other, otherBox] of boxes) if (other !== ref && parentOf.get(other) === parent && overlaps(box, otherBox)) overlapping.push(`${ref} ${other}`)
      }
      expect({ outside, overlapping }).toEqual({ outside: [], overlapping: [] })
      const centre = (ref: string) => ({ x: boxes.get(ref)!.x + boxes.get(ref)!.w / 2, y: boxes.get(ref)!.y + boxes.get(ref)!.h / 2 })
      const forward = { LR: (a: string, b: string) => centre(b).x > centre(a).x, RL: (a: string, b: string) => centre(b).x < centre(a).x, TD: (a: string, b: string) => centre(b).y > centre(a).y, BT: (a: string, b: string) => centre(b).y < centre(a).y }[direction]!
      expect([['web', 'lb'], ['api', 'bus'], ['bus', 'mail']].filter(([from, to]) => !forward(from!, to!))).toEqual([])
    })
  }

  it('lays out a cycle in layers too', () => {
    const cycle: Flowchart = {
      direction: 'LR',
      vertices: ['a', 'b', 'c'].map((id) => ({ id, text: id })),
      edges: [['a', 'b'], ['b', 'c'], ['c', 'a']].map(([start, end]) => ({ start: start!, end: end!, text: '', stroke: 'normal' })),
      subgraphs: [],
    }
    const xs = flowchartTemplate(cycle).components.map((component) => component.x)
    expect(new Set(xs).size).toBe(3)
  })

  it('refuses a flowchart without nodes', () => {
    expect(() => flowchartTemplate({ direction: 'TD', vertices: [], edges: [], subgraphs: [{ id: 's', title: 's', nodes: [] }] })).toThrow(FlowchartImportError)
  })
})

describe('flowchart records', () => {
  it('are a design the analysis reads: components in their failure domains, connections bound at both ends, labels on arrows', () => {
    const records = flowchartRecords(flowchart(), 'seed')
    const graph = extractGraph(records)
    expect(graph.components.size).toBe(6)
    expect(graph.containers.size).toBe(2)
    expect(graph.connections).toHaveLength(5)
    expect(graph.connections.find((connection) => connection.to === 'shape:seed-bus')!.properties).toMatchObject({ mode: 'async' })
    const labelled = records.filter((record) => record.type === 'arrow' && JSON.stringify(record.props).includes('order placed'))
    expect(labelled).toHaveLength(1)
  })
})

describe('Mermaid label text', () => {
  it('decodes entity codes and line breaks and drops markup', () => {
    expect(plainLabel('#quot;Say#quot; #35;1 #lt;b#gt;<br>**Cache**')).toBe('"Say" #1 <b>\nCache')
    expect(plainLabel('<b>API</b><br/>  ')).toBe('API')
    expect(plainLabel('Session &amp; cart &#39;cache&#x27; &lt;x&gt;')).toBe("Session & cart 'cache' <x>")
  })
})

describe('text that looks like a Mermaid flowchart', () => {
  it.each([
    ['flowchart LR\n  a --> b', true],
    ['graph TD;a-->b', true],
    ['---\ntitle: "Shop"\n---\n%% a comment\n\nflowchart LR\n  a --> b', true],
    ['sequenceDiagram\n  a->>b: hi', false],
    ['flowcharts are nice', false],
    ['Kafka', false],
  ])('%j: %s', (text, expected) => {
    expect(looksLikeMermaidFlowchart(text)).toBe(expected)
  })
})
