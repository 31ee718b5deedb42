import { CATALOG, EXPORT_FORMATS, extractGraph, templateRecords, type ExportFormatName } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

const TITLE = 'Shop "v2" – café'

/** The text's lines in order: a board's stored record order may differ from the template's, and with it the elements' order. */
const sortedLines = (text: string) => text.split('\n').sort()

describe('GET /api/boards/:id/export/:format', () => {
  it('answers every role with the design in each format, as text named after the board', async () => {
    const { url } = await start()
    const template = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!
    const records = templateRecords(template, 'web')
    const created = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: TITLE, records }) })
    expect(created.status).toBe(201)
    const board = (await created.json()) as { id: string; links: Record<string, string> }
    const graph = extractGraph(records)
    for (const [format, { extension, render }] of Object.entries(EXPORT_FORMATS) as Array<[ExportFormatName, (typeof EXPORT_FORMATS)[ExportFormatName]]>) {
      for (const role of ['owner', 'editor', 'reviewer', 'viewer']) {
        const response = await apiRequest(url, `/api/boards/${board.id}/export/${format}`, linkToken(board.links[role]!))
        expect(response.status, `${format} as ${role}`).toBe(200)
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
        expect(response.headers.get('content-disposition')).toBe(
          `attachment; filename="Shop _v2_ _ caf_.${extension}"; filename*=UTF-8''${encodeURIComponent(`${TITLE}.${extension}`)}`,
        )
        expect(sortedLines(await response.text())).toEqual(sortedLines(render(graph, TITLE)))
      }
    }
  })

  it('refuses an unknown format with invalid_request', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const response = await apiRequest(url, `/api/boards/${board.id}/export/graphviz`, linkToken(board.links.viewer))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'invalid_request' })
  })

  it('exports an empty board, and refuses a wrong link as it refuses an unknown board', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const empty = await apiRequest(url, `/api/boards/${board.id}/export/mermaid`, linkToken(board.links.viewer))
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('flowchart LR')
    expect((await apiRequest(url, `/api/boards/${board.id}/export/mermaid`, 'not-a-token')).status).toBe(404)
    expect((await apiRequest(url, '/api/boards/nope/export/mermaid', linkToken(board.links.owner))).status).toBe(404)
  })
})
