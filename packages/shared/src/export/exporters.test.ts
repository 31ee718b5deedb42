import { describe, expect, it } from 'vitest'
import { extractGraph, type DesignGraph } from '../analysis/graph.ts'
import { templateRecords } from '../catalog/template-records.ts'
import { TEMPLATES } from '../catalog/templates/index.ts'
import { designView } from './design-view.ts'
import { EXPORT_FORMATS, type ExportFormatName } from './formats.ts'

/** How each format declares an element and writes an edge, to check the text's structure. */
const SYNTAX: Record<ExportFormatName, { declared: (id: string) => RegExp; edge: (from: string, to: string) => RegExp }> = {
  structurizr: {
    declared: (id) => new RegExp(`^\\s*${id} = (person|softwareSystem|container|deploymentNode) `, 'm'),
    edge: (from, to) => new RegExp(`^\\s*${from} -> ${to} "`, 'm'),
  },
  mermaid: {
    declared: (id) => new RegExp(`^\\s*(subgraph )?${id}\\["`, 'm'),
    edge: (from, to) => new RegExp(`^\\s*${from} -\\.?->(\\|"[^"\\n]*"\\|)? ${to}$`, 'm'),
  },
  'c4-plantuml': {
    declared: (id) => new RegExp(`^\\s*(Person|System_Ext|Container|Boundary)\\(${id}, `, 'm'),
    edge: (from, to) => new RegExp(`^Rel\\(${from}, ${to}, `, 'm'),
  },
  d2: {
    declared: (id) => new RegExp(`^\\s*${id}: "`, 'm'),
    edge: (from, to) => new RegExp(`^([\\w.]+\\.)?${from} -> ([\\w.]+\\.)?${to}(: "|$)`, 'm'),
  },
}

/** The identifiers a text declares, in the format's declaration syntax (to find duplicates). */
const DECLARATION: Record<ExportFormatName, RegExp> = {
  structurizr: /^\s*(\w+) = /gm,
  mermaid: /^\s*(?:subgraph )?(\w+)\["/gm,
  'c4-plantuml': /^\s*(?:Person|System_Ext|Container|Boundary)\((\w+), /gm,
  // Element keys only: `tooltip:` and `title:` are attributes.
  d2: /^\s*([cg]_\w+): "/gm,
}

/** Opening minus closing braces (or `subgraph` minus `end` lines), never below zero on the way. */
function balance(text: string, format: ExportFormatName): { end: number; lowest: number } {
  let depth = 0
  let lowest = 0
  const lines = text.split('\n')
  for (const line of lines) {
    // Braces inside quoted strings are text, not structure.
    const code = line.replace(/"(?:\\.|[^"\\])*"/g, '""')
    const delta = format === 'mermaid' ? (/^\s*subgraph /.test(code) ? 1 : /^\s*end$/.test(code) ? -1 : 0) : (code.match(/\{/g)?.length ?? 0) - (code.match(/\}/g)?.length ?? 0)
    depth += delta
    lowest = Math.min(lowest, depth)
  }
  return { end: depth, lowest }
}

function checkStructure(graph: DesignGraph, format: ExportFormatName, text: string): void {
  const { ids } = designView(graph)
  const syntax = SYNTAX[format]
  for (const component of graph.components.values()) expect(text, `${format}: ${component.id}`).toMatch(syntax.declared(ids.get(component.id)!))
  for (const container of graph.containers.values()) expect(text, `${format}: ${container.id}`).toMatch(syntax.declared(ids.get(container.id)!))
  for (const connection of graph.connections) expect(text, `${format}: ${connection.id}`).toMatch(syntax.edge(ids.get(connection.from)!, ids.get(connection.to)!))
  const declared = [...text.matchAll(DECLARATION[format])].map((match) => match[1]!)
  expect(declared.length).toBe(new Set(declared).size)
  expect(balance(text, format)).toEqual({ end: 0, lowest: 0 })
}

describe('every template in every export format', () => {
  for (const template of TEMPLATES) {
    const graph = extractGraph(templateRecords(template, 'tpl'))
    for (const [format, { render }] of Object.entries(EXPORT_FORMATS) as Array<[ExportFormatName, (typeof EXPORT_FORMATS)[ExportFormatName]]>) {
      it(`${template.id} as ${format}: every component, failure domain and connection once, structure balanced`, () => {
        expect(graph.components.size).toBe(template.components.length)
        expect(graph.connections.length).toBe(template.connections.length)
        checkStructure(graph, format, render(graph, template.name))
      })
    }
  }
})

describe('golden Structurizr DSL (checked by hand)', () => {
  for (const id of ['three-tier-web', 'kafka-streaming']) {
    it(`${id} exports as the committed workspace`, async () => {
      const template = TEMPLATES.find((candidate) => candidate.id === id)!
      await expect(EXPORT_FORMATS.structurizr.render(extractGraph(templateRecords(template, 'tpl')), template.name)).toMatchFileSnapshot(`./golden/${id}.dsl`)
    })
  }
})

/** A two-component design whose names and values hold every character the formats treat specially. */
const AWKWARD = '`Say "hi" #1 <b>\n${x} \\n {a}; end'
function awkwardGraph(): DesignGraph {
  const component = (id: string, kind: string, containers: string[]) => ({ id, name: AWKWARD, kind, group: 'compute', properties: { note: AWKWARD, replicas: 3 }, containers, notApplicable: {} })
  return {
    components: new Map([
      ['shape:a"b', component('shape:a"b', 'stateless-service', ['shape:end'])],
      ['shape:a-b', component('shape:a-b', 'made-up-kind', [])],
    ]),
    containers: new Map([['shape:end', { id: 'shape:end', name: AWKWARD, kind: 'zone', containers: [] }]]),
    connections: [{ id: 'shape:arrow', from: 'shape:a"b', to: 'shape:a-b', properties: { protocol: 'grpc', mode: 'async' }, notApplicable: {} }],
  }
}

describe('escaping', () => {
  const graph = awkwardGraph()

  it('gives shape ids that differ only in replaced characters distinct identifiers', () => {
    const { ids } = designView(graph)
    expect(new Set(ids.values()).size).toBe(3)
    for (const id of ids.values()) expect(id).toMatch(/^[cg]_\w+$/)
  })

  for (const [format, { render }] of Object.entries(EXPORT_FORMATS) as Array<[ExportFormatName, (typeof EXPORT_FORMATS)[ExportFormatName]]>) {
    it(`keeps quotes, line breaks and braces in names inside their strings in ${format}`, () => {
      const text = render(graph, AWKWARD)
      checkStructure(graph, format, text)
      // Each quoted string closes on its own line: no raw line break and no stray quote inside one.
      for (const line of text.split('\n')) expect((line.replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2, `${format}: ${line}`).toBe(0)
    })
  }

  it('uses each format’s own escapes', () => {
    expect(EXPORT_FORMATS.mermaid.render(graph, 't')).toContain('["#96;Say #quot;hi#quot; #35;1 #lt;b#gt;<br>${x} \\n {a}; end<br>Stateless service"]')
    expect(EXPORT_FORMATS.d2.render(graph, 't')).toContain(': "`Say \\"hi\\" #1 <b>\\n\\${x} \\\\n {a}; end\\nStateless service" {')
    expect(EXPORT_FORMATS.structurizr.render(graph, 't')).toContain(`container "\`Say 'hi' #1 <b> $ {x} \\n {a}; end" "Stateless service" "stateless-service"`)
    expect(EXPORT_FORMATS['c4-plantuml'].render(graph, 't')).toContain(`Container(c_a_b, "\`Say 'hi' #1 <b>\\n\${x} \\n {a}; end", "stateless-service", "Stateless service")`)
  })

  it('numbers the names and relationship descriptions Structurizr would find alike', () => {
    const twice = { ...graph, connections: [...graph.connections, { ...graph.connections[0]!, id: 'shape:arrow-2' }] }
    const text = EXPORT_FORMATS.structurizr.render(twice, 't')
    expect(text).toContain(`c_a_b = container "\`Say 'hi' #1 <b> $ {x} \\n {a}; end" `)
    expect(text).toContain(`c_a_b_2 = container "\`Say 'hi' #1 <b> $ {x} \\n {a}; end (2)" `)
    expect(text).toContain('c_a_b -> c_a_b_2 "asynchronous" "gRPC"\n    c_a_b -> c_a_b_2 "asynchronous (2)" "gRPC"')
  })

  it('dashes asynchronous connections and labels them with protocol and mode', () => {
    expect(EXPORT_FORMATS.mermaid.render(graph, 't')).toContain('c_a_b -.->|"gRPC · asynchronous"| c_a_b_2')
    expect(EXPORT_FORMATS.d2.render(graph, 't')).toContain('g_end.c_a_b -> c_a_b_2: "gRPC · asynchronous" {\n  style.stroke-dash: 3\n}')
    expect(EXPORT_FORMATS['c4-plantuml'].render(graph, 't')).toContain('Rel(c_a_b, c_a_b_2, "asynchronous", "gRPC", $tags="async")')
    expect(EXPORT_FORMATS.structurizr.render(graph, 't')).toContain('c_a_b -> c_a_b_2 "asynchronous" "gRPC"')
  })

  it('dashes streams too: the sender does not wait for each message', () => {
    const streaming = { ...graph, connections: [{ ...graph.connections[0]!, properties: { protocol: 'kafka', mode: 'stream' } }] }
    expect(EXPORT_FORMATS.mermaid.render(streaming, 't')).toContain('c_a_b -.->|"Kafka protocol · streaming"| c_a_b_2')
    expect(EXPORT_FORMATS.d2.render(streaming, 't')).toContain('style.stroke-dash: 3')
    expect(EXPORT_FORMATS['c4-plantuml'].render(streaming, 't')).toContain('$tags="async"')
  })
})
