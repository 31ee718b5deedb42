import { buildReport, CATALOG, reportAsHtml, reportAsMarkdown, templateRecords, versionInfoSchema, type JsonRecord } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { testResources } from './helpers/resources.ts'

const { start } = testResources()

const TEMPLATE = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!

async function postBoard(url: string, records: JsonRecord[]): Promise<{ id: string; links: Record<string, string> }> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Shop <team 3>', records }) })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; links: Record<string, string> }
}

/** A report served with 200 and its content type, and its headers. */
async function served(url: string, path: string, token: string): Promise<{ text: string; headers: Headers }> {
  const response = await apiRequest(url, path, token)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe(path.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8')
  return { text: await response.text(), headers: response.headers }
}

/** The report as the shared package renders it, dated as the served one (it is made on the server's clock). */
function expected(render: typeof reportAsMarkdown, served: string, records: JsonRecord[], version?: { name: string; createdAt: number }): string {
  const date = /Date: (\d{4}-\d{2}-\d{2})/.exec(served)?.[1]
  const now = version?.createdAt ?? Date.parse(`${date}T12:00:00Z`)
  return render(buildReport({ title: 'Shop <team 3>', records, now, ...(version ? { version: version.name } : {}) }))
}

describe('GET /api/boards/:id/report.md and report.html', () => {
  it('serves the live board’s report to every role, as the shared package renders it', async () => {
    const { url } = await start()
    const records = templateRecords(TEMPLATE, 'web')
    const board = await postBoard(url, records)
    for (const role of ['owner', 'editor', 'reviewer', 'viewer']) {
      const token = linkToken(board.links[role]!)
      const { text, headers } = await served(url, `/api/boards/${board.id}/report.md`, token)
      expect(headers.get('cache-control')).toBe('no-store')
      expect(text).toBe(expected(reportAsMarkdown, text, records))

      const html = await served(url, `/api/boards/${board.id}/report.html`, token)
      expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      const page = html.text
      expect(page).toBe(expected(reportAsHtml, text, records))
      expect(page).toContain('<title>Shop &#60;team 3&#62;</title>')
    }
  })

  it('refuses a wrong link as it refuses an unknown board', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    for (const format of ['md', 'html']) {
      expect((await apiRequest(url, `/api/boards/${board.id}/report.${format}`, 'not-a-token')).status).toBe(404)
      expect((await apiRequest(url, `/api/boards/nope/report.${format}`, linkToken(board.links.owner))).status).toBe(404)
    }
  })
})

describe('GET /api/boards/:id/versions/:versionId/report.md and .html', () => {
  it('serves a frozen version’s report, named and dated as the version, to a reviewer', async () => {
    const { url } = await start()
    const records = templateRecords(TEMPLATE, 'web')
    const board = await postBoard(url, records)
    const submitted = await apiRequest(url, `/api/boards/${board.id}/versions`, linkToken(board.links.editor!), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Final submission' }),
    })
    expect(submitted.status).toBe(201)
    const version = versionInfoSchema.parse(await submitted.json())
    const reviewer = linkToken(board.links.reviewer!)

    const { text, headers } = await served(url, `/api/boards/${board.id}/versions/${version.id}/report.md`, reviewer)
    expect(headers.get('cache-control')).toBe('private, max-age=60')
    expect(text).toContain('Version: Final submission')
    expect(text).toBe(expected(reportAsMarkdown, text, records, version))

    const html = await served(url, `/api/boards/${board.id}/versions/${version.id}/report.html`, reviewer)
    expect(html.text).toBe(expected(reportAsHtml, text, records, version))
    for (const format of ['md', 'html']) {
      expect((await apiRequest(url, `/api/boards/${board.id}/versions/nope/report.${format}`, reviewer)).status).toBe(404)
    }
  })
})
