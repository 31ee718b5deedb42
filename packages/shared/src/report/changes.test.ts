import { describe, expect, it } from 'vitest'
import { extractGraph } from '../analysis/graph.ts'
import { design } from '../analysis/test-design.ts'
import { designChanges } from './changes.ts'
import { buildReport } from './document.ts'
import { reportAsHtml } from './html.ts'
import { reportAsMarkdown } from './markdown.ts'

const NOW = Date.UTC(2026, 11, 3, 12)

const submitted = design(
  [
    ['client', 'web-client'],
    ['api', 'stateless-service', { availability: 99.9, replicasDesired: 1 }, 'zone'],
    ['cache', 'cache', {}, 'zone'],
  ],
  [
    ['client', 'api', { timeout: 1000 }],
    ['api', 'cache'],
  ],
  [['zone', 'zone']],
)

const now = design(
  [
    ['client', 'web-client'],
    ['api', 'stateless-service', { availability: 99.99, latencyP99: 200 }],
    ['db', 'relational-db', {}, 'zone'],
  ],
  [
    ['client', 'api', { timeout: 2000, retries: 3 }],
    ['api', 'db'],
  ],
  [['zone', 'zone']],
)

describe('the changes since the last submitted version', () => {
  it('lists components, connections and properties added, removed or changed', () => {
    const changes = designChanges(extractGraph(submitted), extractGraph(now))
    expect(changes).toEqual(
      expect.arrayContaining([
        { change: 'removed', subject: 'component cache', detail: '' },
        { change: 'added', subject: 'component db', detail: '' },
        { change: 'changed', subject: 'component api', detail: 'moved from zone to no failure domain' },
        { change: 'changed', subject: 'Availability SLO of api', detail: '99.9 % → 99.99 %' },
        { change: 'added', subject: 'Latency SLO p99 of api', detail: '200 ms' },
        { change: 'removed', subject: 'Replicas (desired) of api', detail: '1' },
        { change: 'changed', subject: 'Timeout of connection client → api', detail: '1 s → 2 s' },
        { change: 'added', subject: 'Retries of connection client → api', detail: '3' },
        { change: 'removed', subject: 'connection api → cache', detail: '' },
        { change: 'added', subject: 'connection api → db', detail: '' },
      ]),
    )
    expect(changes).toHaveLength(10)
  })

  it('finds nothing between a design and itself', () => {
    expect(designChanges(extractGraph(now), extractGraph(now))).toEqual([])
  })

  it('names renames and kind changes', () => {
    const renamed = submitted.map((record) =>
      record.id === 'shape:t-cache' ? { ...record, props: { ...(record.props as object), name: 'sessions', kind: 'kv-store' } } : record,
    )
    expect(designChanges(extractGraph(submitted), extractGraph(renamed))).toEqual([
      { change: 'changed', subject: 'component sessions', detail: 'renamed from cache' },
      { change: 'changed', subject: 'component sessions', detail: 'kind Cache → Dynamo-style key-value store' },
    ])
  })

  it('is the report’s last section, in Markdown and HTML, and says so when nothing was submitted before', () => {
    const report = buildReport({ title: 'Shop', records: now, now: NOW, previous: { name: 'Milestone 1', records: submitted } })
    expect(report.changes).toMatchObject({ since: 'Milestone 1' })
    const markdown = reportAsMarkdown(report)
    expect(markdown).toContain('## Changes since the last submitted version\n\nSince “Milestone 1”:')
    expect(markdown).toContain('| changed | Availability SLO of api | 99.9 % → 99.99 % |')
    expect(reportAsHtml(report)).toContain('<td>Timeout of connection client → api</td><td>1 s → 2 s</td>')

    expect(reportAsMarkdown(buildReport({ title: 'Shop', records: now, now: NOW }))).toContain('No earlier version was submitted.')
    expect(reportAsMarkdown(buildReport({ title: 'Shop', records: now, now: NOW, previous: { name: 'v1', records: now } }))).toContain('No changes since “v1”.')
  })
})
