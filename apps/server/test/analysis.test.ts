import {
  analyseRecords,
  analysisResultSchema,
  CATALOG,
  sessionResponseSchema,
  templateRecords,
  versionInfoSchema,
  type AnalysisResult,
  type JsonRecord,
  type Template,
} from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

async function analysis(url: string, path: string, token: string): Promise<{ status: number; body: unknown }> {
  const response = await apiRequest(url, path, token)
  return { status: response.status, body: await response.json() }
}

/** The result with its lists in a fixed order and numbers rounded, so a board's record order does not matter. */
function normalised(result: AnalysisResult): AnalysisResult {
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(12)))
  const byKey = <T>(list: T[], key: (item: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)))
  return {
    entries: byKey(result.entries, (entry) => entry.id).map((entry) => ({ ...entry, availability: round(entry.availability) })),
    paths: byKey(result.paths, (path) => path.shapes.join()).map((path) => ({ ...path, availability: round(path.availability) })),
    components: byKey(result.components, (component) => component.id),
    findings: byKey(result.findings, (finding) => `${finding.rule} ${finding.shapes.join()} ${finding.message}`),
    summary: { ...result.summary, worstAvailability: round(result.summary.worstAvailability) },
  }
}

const SMALL: Template = {
  id: 'small',
  name: 'small',
  description: 'a client, a service and its database',
  containers: [{ ref: 'zone', kind: 'zone', name: 'Zone', x: 0, y: 0, w: 500, h: 300 }],
  components: [
    { ref: 'client', kind: 'web-client', name: 'Client', x: 0, y: 0, properties: {} },
    { ref: 'api', kind: 'stateless-service', name: 'API', x: 20, y: 20, in: 'zone', properties: { instanceAvailability: 99.9, replicasDesired: 1 } },
    { ref: 'db', kind: 'relational-db', name: 'DB', x: 220, y: 20, in: 'zone', properties: { instanceAvailability: 99.9, failover: 'automatic' } },
  ],
  connections: [
    { from: 'client', to: 'api', properties: {} },
    { from: 'api', to: 'db', properties: {} },
  ],
}

async function postBoard(url: string, records: JsonRecord[]): Promise<{ id: string; links: Record<string, string> }> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Imported', records }) })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; links: Record<string, string> }
}

describe('GET /api/boards/:id/analysis', () => {
  for (const template of CATALOG.templates) {
    it(`answers every role of a board made from the ${template.id} template, per the contract, as the engine does on the template`, async () => {
      const { url } = await start()
      const created = await fetch(new URL('/api/sessions', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: template.name, teams: 1, template: template.id }),
      })
      expect(created.status).toBe(201)
      const session = sessionResponseSchema.parse(await created.json())
      const team = session.teams[0]!
      const expected = normalised(analyseRecords(templateRecords(template, team.boardId)))
      for (const link of [session.dashboard, team.links.editor, team.links.reviewer, team.links.viewer]) {
        const { status, body } = await analysis(url, `/api/boards/${team.boardId}/analysis`, linkToken(link))
        expect(status).toBe(200)
        expect(normalised(analysisResultSchema.parse(body) as AnalysisResult)).toEqual(expected)
      }
    })
  }

  it('analyses records posted to POST /api/boards, with what-ifs by component or container', async () => {
    const { url } = await start()
    const board = await postBoard(url, templateRecords(SMALL, 'small'))
    const token = linkToken(board.links.viewer!)
    const base = `/api/boards/${board.id}/analysis`
    const id = (ref: string) => `shape:small-${ref}`

    const { status, body } = await analysis(url, base, token)
    expect(status).toBe(200)
    const result = analysisResultSchema.parse(body)
    expect(result.paths.map((path) => [path.from, path.to, path.shapes])).toEqual([[id('client'), id('db'), [id('client'), id('api'), id('db')]]])
    expect(result.paths[0]!.availability).toBeCloseTo(0.998001, 12)
    expect(result.entries).toEqual([{ id: id('client'), availability: result.paths[0]!.availability, latencyP50: null, latencyP99: null }])
    expect(result.findings.filter((finding) => finding.rule === 'spof').flatMap((finding) => finding.shapes).sort()).toEqual([id('api'), id('db')])
    expect(result.summary).toMatchObject({ components: 3, connections: 2, costPerMonth: null })

    for (const fail of [id('db'), id('zone'), `${id('api')},${id('db')}`]) {
      const whatIf = analysisResultSchema.parse((await analysis(url, `${base}?fail=${encodeURIComponent(fail)}`, token)).body)
      expect(whatIf.entries[0]!.availability).toBe(0)
    }
    const unknown = await analysis(url, `${base}?fail=${encodeURIComponent(`${id('db')},shape:nope`)}`, token)
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    expect((await analysis(url, `${base}?fail=${encodeURIComponent(id('client'))}`, token)).status).toBe(200)
  })

  it('keeps the zone what-if of the three-tier template up when zone b fails', async () => {
    const { url } = await start()
    const template = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!
    const board = await postBoard(url, templateRecords(template, 'web'))
    const token = linkToken(board.links.editor!)
    const browser = async (fail: string) => {
      const { body } = await analysis(url, `/api/boards/${board.id}/analysis?fail=${fail}`, token)
      return analysisResultSchema.parse(body).entries.find((entry) => entry.id === 'shape:web-browser')!.availability
    }
    expect(await browser('shape:web-zone-b')).toBeGreaterThan(0.998)
    expect(await browser('shape:web-zone-a')).toBe(0)
  })

  it('refuses a wrong link as it refuses an unknown board', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    expect((await analysis(url, `/api/boards/${board.id}/analysis`, 'not-a-token')).status).toBe(404)
    expect((await analysis(url, `/api/boards/nope/analysis`, linkToken(board.links.owner))).status).toBe(404)
  })
})

describe('GET /api/boards/:id/versions/:versionId/analysis', () => {
  it('analyses the frozen version, not the live board, with the same what-ifs', async () => {
    const { url } = await start()
    const board = await postBoard(url, templateRecords(SMALL, 'small'))
    const editor = linkToken(board.links.editor!)
    const submitted = await apiRequest(url, `/api/boards/${board.id}/versions`, editor, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'v1' }),
    })
    expect(submitted.status).toBe(201)
    const version = versionInfoSchema.parse(await submitted.json())
    const path = `/api/boards/${board.id}/versions/${version.id}/analysis`
    const reviewer = linkToken(board.links.reviewer!)

    const frozen = analysisResultSchema.parse((await analysis(url, path, reviewer)).body)
    const live = analysisResultSchema.parse((await analysis(url, `/api/boards/${board.id}/analysis`, reviewer)).body)
    expect(normalised(frozen as AnalysisResult)).toEqual(normalised(live as AnalysisResult))
    const whatIf = analysisResultSchema.parse((await analysis(url, `${path}?fail=shape:small-zone`, reviewer)).body)
    expect(whatIf.entries[0]!.availability).toBe(0)
    expect(await analysis(url, `${path}?fail=shape:nope`, reviewer)).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    expect((await analysis(url, `/api/boards/${board.id}/versions/nope/analysis`, reviewer)).status).toBe(404)
  })
})
