import { D2 } from '@terrastruct/d2'
import { describe, expect, it } from 'vitest'
import { CATALOG, EXPORT_FORMATS, extractGraph, templateRecords } from '@concord/shared'

// D2's own compiler (its wasm build) accepts the D2 export of every template.
describe('D2 export, compiled by D2', () => {
  const d2 = new D2()
  for (const template of CATALOG.templates) {
    it(`${template.id} compiles, with every component and connection`, async () => {
      const graph = extractGraph(templateRecords(template, 'tpl'))
      const { diagram } = await d2.compile(EXPORT_FORMATS.d2.render(graph, template.name))
      // Shape ids are paths (`g_zone.c_api`); the last part names the element.
      const names = diagram.shapes.map((shape) => shape.id.split('.').at(-1)!)
      expect(names.filter((name) => name.startsWith('c_')).length).toBe(graph.components.size)
      expect(names.filter((name) => name.startsWith('g_')).length).toBe(graph.containers.size)
      expect(diagram.connections.length).toBe(graph.connections.length)
    }, 60_000)
  }
})
