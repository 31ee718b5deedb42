import { describe, expect, it } from 'vitest'
import { analyseRecords } from '../analysis/analyse.ts'
import { design, shape } from '../analysis/test-design.ts'
import { findKind } from '../catalog/catalog.ts'
import { templateRecords } from '../catalog/template-records.ts'
import { TEMPLATES } from '../catalog/templates/index.ts'
import { formatPropertyValue } from '../catalog/values.ts'
import type { JsonRecord } from '../model/codec.ts'
import { buildReport } from './document.ts'
import { escapeHtml, escapeMarkdown } from './escape.ts'
import { reportAsHtml } from './html.ts'
import { reportAsMarkdown } from './markdown.ts'
import { CLAIM_PROPERTIES, componentProperty } from './quality.ts'

const NOW = Date.UTC(2026, 11, 3, 12)

/** The HTML holds no reference outside itself: no script, no link, no URL but the SVG namespace. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)/i)
  expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//)
}

describe('the design report of every shipped template', () => {
  for (const template of TEMPLATES) {
    it(`${template.id}: each section says what the board holds, in Markdown and in HTML`, () => {
      const records = templateRecords(template, 'tpl')
      const analysis = analyseRecords(records)
      const report = buildReport({ title: template.name, records, now: NOW })
      const id = (ref: string) => `shape:tpl-${ref}`
      const nameOf = new Map([...template.components, ...template.containers].map((item) => [id(item.ref), item.name]))

      expect(report).toMatchObject({ title: template.name, members: [], date: '2026-12-03', version: null })
      expect(report.context.entries).toEqual(analysis.entries.map((entry) => nameOf.get(entry.id)))
      expect(report.context.external.sort()).toEqual(template.components.filter((c) => findKind(c.kind)?.group === 'external').map((c) => c.name).sort())

      expect(report.diagram.components.map((box) => box.name).sort()).toEqual(template.components.map((c) => c.name).sort())
      expect(report.diagram.containers.map((box) => box.name).sort()).toEqual(template.containers.map((c) => c.name).sort())
      expect(report.diagram.connections).toHaveLength(template.connections.length)

      // Building blocks: every component once, in its innermost failure domain, with every property and rationale.
      for (const component of template.components) {
        const blocks = report.blocks.filter((block) => block.components.some((c) => c.id === id(component.ref)))
        expect(blocks).toHaveLength(1)
        expect(blocks[0]!.domain?.id ?? null).toBe(component.in ? id(component.in) : null)
        const listed = blocks[0]!.components.find((c) => c.id === id(component.ref))!
        expect(listed.kind).toBe(findKind(component.kind)!.label)
        for (const [property, value] of Object.entries(component.properties)) {
          const def = componentProperty(component.kind, property)!
          expect(listed.properties).toContainEqual({ label: def.label, value: formatPropertyValue(def, value), rationale: component.rationale?.[property] ?? '' })
        }
      }

      expect(report.connections.map((c) => [c.caller, c.callee]).sort()).toEqual(
        template.connections.map((c) => [nameOf.get(id(c.from)), nameOf.get(id(c.to))]).sort(),
      )
      expect(report.risks.open).toHaveLength(analysis.findings.filter((finding) => !finding.notApplicable).length)

      // Quality: a row per claim; availability rows carry the engine's numbers and its slo-unreachable verdicts.
      const claimed = template.components.filter((c) => findKind(c.kind)?.group !== 'operations').flatMap((c) => CLAIM_PROPERTIES.filter((p) => p in c.properties))
      expect(report.quality).toHaveLength(claimed.length)
      const unreachable = new Set(analysis.findings.filter((finding) => finding.rule === 'slo-unreachable').flatMap((finding) => finding.shapes))
      const availability = report.quality.filter((row) => row.claim === 'Availability SLO' && row.verdict !== 'not computable')
      const engine = (componentId: string) =>
        analysis.entries.find((entry) => entry.id === componentId)?.availability ?? analysis.components.find((c) => c.id === componentId)!.effectiveAvailability!
      expect(availability.map((row) => [row.computed!.split(' %')[0], row.verdict === 'not met'])).toEqual(
        availability.map((row) => [String(Number((engine(row.componentId) * 100).toFixed(6))), unreachable.has(row.componentId)]),
      )

      const markdown = reportAsMarkdown(report)
      const html = reportAsHtml(report)
      for (const heading of ['Context, goals and non-goals', 'Diagram', 'Building blocks', 'Connections', 'Quality requirements', 'Decisions', 'Risks', 'Changes since the last submitted version']) {
        expect(markdown).toContain(`\n## ${heading}\n`)
        expect(html).toContain(`<h2>${heading}</h2>`)
      }
      for (const component of template.components) {
        expect(markdown).toContain(escapeMarkdown(component.name))
        expect(html).toContain(escapeHtml(component.name))
      }
      expect(markdown).toContain('![Design diagram](data:image/svg+xml;charset=utf-8,')
      expect(html).toContain('@media print')
      expectSelfContained(html)
    })
  }
})

/** A client calling an API that calls a database, with claims the design meets and some it cannot. */
function claims(): JsonRecord[] {
  return design(
    [
      ['client', 'web-client', { latencyP99: 100 }],
      ['api', 'stateless-service', { instanceAvailability: 99, replicasDesired: 1, availability: 99.9, latencyP99: 150, throughput: 50, capacity: 100 }, 'zone'],
      ['db', 'relational-db', { instanceAvailability: 99.99, availability: 99.9, rto: 60_000 }, 'zone'],
      ['payments', 'external-dependency', {}],
    ],
    [
      ['client', 'api'],
      ['api', 'db'],
      ['api', 'payments', { mode: 'async', timeout: 2000, retries: 3 }],
    ],
    [['zone', 'zone']],
  )
}

describe('the quality requirements', () => {
  it('put each claim beside what the analysis computes: met, not met or not computable, with the reason', () => {
    const records = claims()
    const analysis = analyseRecords(records)
    const report = buildReport({ title: 'Shop', records, now: NOW })
    const row = (component: string, claim: string) => report.quality.find((r) => r.component === component && r.claim === claim)!
    const db = analysis.components.find((component) => component.id === shape('db'))!

    expect(row('db', 'Availability SLO')).toMatchObject({ claimed: '99.9 %', verdict: 'met' })
    expect(row('db', 'Availability SLO').computed).toContain(`${Number((db.effectiveAvailability! * 100).toFixed(6))} %`)
    expect(row('api', 'Availability SLO')).toMatchObject({ verdict: 'not met', reason: analysis.findings.find((f) => f.rule === 'slo-unreachable')!.message })
    expect(row('client', 'Latency SLO p99')).toMatchObject({ verdict: 'not computable' })
    expect(row('api', 'Latency SLO p99')).toMatchObject({ verdict: 'not computable' })
    expect(row('api', 'Throughput')).toMatchObject({ verdict: 'not computable' })
    expect(row('db', 'RTO')).toMatchObject({ claimed: '1 min', verdict: 'not computable', reason: 'The analysis computes no recovery time.' })
  })

  it('compares an entry’s latency SLO with its slowest request path', () => {
    const records = design(
      [
        ['client', 'web-client', { latencyP99: 100 }],
        ['api', 'stateless-service', { latencyP99: 150 }],
      ],
      [['client', 'api']],
    )
    const report = buildReport({ title: 'Slow', records, now: NOW })
    expect(report.quality.find((r) => r.claim === 'Latency SLO p99' && r.component === 'client')).toMatchObject({ computed: '150 ms (slowest request path)', verdict: 'not met' })
    expect(analyseRecords(records).entries[0]!.latencyP99).toBe(150)
  })
})

describe('the other sections', () => {
  it('list context, connections with their rationale, and risks with the justification of those marked not applicable', () => {
    const records = claims().map((record): JsonRecord => {
      if (record.id === shape('api')) return { ...record, meta: { analysis: { notApplicable: { spof: 'One replica is enough for the course demo.' } } } }
      if (record.typeName === 'shape' && record.type === 'arrow' && JSON.stringify(record.meta).includes('"async"')) {
        return { ...record, meta: { ...(record.meta as object), connectionRationale: { retries: 'Payments are idempotent.' } } }
      }
      return record
    })
    const report = buildReport({ title: 'Shop', records, now: NOW, version: 'v1', members: ['Ada', 'Grace'] })

    // Nothing waits for an asynchronous callee, so the analysis counts it as an entry too.
    expect(report.context).toEqual({ entries: ['client', 'payments'], external: ['payments'] })
    expect(report.connections.find((c) => c.callee === 'payments')).toMatchObject({ mode: 'asynchronous', timeoutAndRetries: '2 s, 3 retries', rationales: ['Retries: Payments are idempotent.'] })
    expect(report.risks.notApplicable).toContainEqual(expect.objectContaining({ rule: 'spof', shapes: ['api'], justification: 'One replica is enough for the course demo.' }))
    expect(report.risks.open.some((risk) => risk.rule === 'spof' && risk.shapes.includes('api'))).toBe(false)
    const markdown = reportAsMarkdown(report)
    expect(markdown).toContain('Version: v1')
    expect(markdown).toContain('Team: Ada, Grace')
    expect(markdown).toContain('Justification: One replica is enough for the course demo.')
  })

  it('leaves the team out when the board does not record who edited it', () => {
    const markdown = reportAsMarkdown(buildReport({ title: 'Shop', records: claims(), now: NOW }))
    expect(markdown).not.toContain('Team:')
  })

  it('names each team member once, and nobody when asked to be anonymous', () => {
    const members = ['Ada', 'Grace', 'Ada']
    expect(buildReport({ title: 'Shop', records: claims(), now: NOW, members }).members).toEqual(['Ada', 'Grace'])
    const anonymous = buildReport({ title: 'Shop', records: claims(), now: NOW, members, anonymous: true })
    expect(anonymous.members).toEqual([])
    expect(reportAsMarkdown(anonymous)).not.toMatch(/Team:|Ada|Grace/)
    expect(reportAsHtml(anonymous)).not.toMatch(/Team:|Ada|Grace/)
  })

  it('draws the diagram at the board’s positions: dashed failure domains, dashed asynchronous calls', () => {
    const report = buildReport({ title: 'Shop', records: claims(), now: NOW })
    const zone = report.diagram.containers[0]!
    const api = report.diagram.components.find((box) => box.name === 'api')!
    expect(api.x).toBeGreaterThanOrEqual(zone.x)
    expect(api.y).toBeGreaterThanOrEqual(zone.y)
    const html = reportAsHtml(report)
    // Catalog icons have dashes and lines of their own: count only frames and arrows.
    expect(html.match(/<rect[^>]*stroke="#667" stroke-dasharray/g)).toHaveLength(1)
    expect(html.match(/<line[^>]*stroke-dasharray[^>]*marker-end/g)).toHaveLength(1)
    expect(html.match(/<line [^>]*marker-end/g)).toHaveLength(3)
  })

  it('escapes the board’s text in HTML, SVG and Markdown', () => {
    const records = design([['x', 'stateless-service', { availability: 99 }]]).map((record) =>
      record.id === shape('x') ? { ...record, props: { ...(record.props as object), name: '<script>alert(1)</script> | *b*' } } : record,
    )
    const report = buildReport({ title: '<img src=x onerror=alert(1)>', records, now: NOW })
    const html = reportAsHtml(report)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expectSelfContained(html)
    const markdown = reportAsMarkdown(report)
    expect(markdown).not.toMatch(/<script|<img/)
    expect(markdown).toContain('\\| \\*b\\*')
  })
})
