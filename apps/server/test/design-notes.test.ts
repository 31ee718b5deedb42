import { getRecordsMap, readAllRecords, readDesignNotes, versionInfoSchema, writeRecord, type JsonRecord } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open, editorOnNewBoard } = testResources()

const decision = (id: string, overrides: Record<string, unknown> = {}): JsonRecord => ({
  id: `design_decision:${id}`,
  typeName: 'design_decision',
  title: 'Queue uploads before grading',
  status: 'accepted',
  context: 'Uploads spike at the deadline.',
  options: ['A queue', 'More graders'],
  decision: 'A queue.',
  consequences: 'Grades arrive asynchronously.',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  ...overrides,
})
const goal: JsonRecord = { id: 'design_goal:g', typeName: 'design_goal', list: 'goal', text: 'Grades survive a zone outage', createdAt: 1 }

async function report(url: string, path: string, token: string): Promise<string> {
  const response = await apiRequest(url, path, token)
  expect(response.status).toBe(200)
  return response.text()
}

describe('design notes through the server', () => {
  it('relays a peer’s decision records; the report shows the valid ones, the live board’s and a frozen version’s, and names the invalid one', async () => {
    const server = await start()
    const { board, writer } = await editorOnNewBoard(server)
    const reader = open(server.url, board.id, linkToken(board.links.viewer))
    await synced(reader)

    writer.doc.transact(() => {
      const records = getRecordsMap(writer.doc)
      writeRecord(records, goal)
      writeRecord(records, decision('valid'))
      writeRecord(records, decision('untitled', { title: '' }))
    })
    await acknowledged(writer)
    expect(writer.refusedUpdates).toBe(0)
    // The server checks structure and size, not a record's fields: every client skips and reports the invalid one itself.
    await waitFor(() => readAllRecords(getRecordsMap(reader.doc)).filter((record) => record.typeName === 'design_decision').length === 2, { what: 'both decisions to reach the reader' })
    expect(readDesignNotes(readAllRecords(getRecordsMap(reader.doc)))).toMatchObject({
      goals: [goal],
      decisions: [decision('valid')],
      unreadable: [{ id: 'design_decision:untitled', reason: 'The title cannot be empty' }],
    })

    const viewer = linkToken(board.links.viewer)
    const live = await report(server.url, `/api/boards/${board.id}/report.md`, viewer)
    expect(live).toContain('- Grades survive a zone outage')
    expect(live).toContain('### 1. Queue uploads before grading')
    expect(live).toContain('Left out, as invalid: design\\_decision:untitled (The title cannot be empty).')

    const submitted = await apiRequest(server.url, `/api/boards/${board.id}/versions`, linkToken(board.links.editor), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Final' }),
    })
    expect(submitted.status).toBe(201)
    const version = versionInfoSchema.parse(await submitted.json())
    // Removed from the live board after the submission: the frozen version keeps it.
    writer.doc.transact(() => getRecordsMap(writer.doc).delete('design_decision:valid'))
    await acknowledged(writer)
    expect(await report(server.url, `/api/boards/${board.id}/report.md`, viewer)).toContain('No decision recorded yet.')
    const frozen = await report(server.url, `/api/boards/${board.id}/versions/${version.id}/report.html`, linkToken(board.links.reviewer))
    expect(frozen).toContain('<h3>1. Queue uploads before grading</h3>')
  })

  it('refuses a decision record whose text passes the server’s string limit, and relays nothing of it', async () => {
    const server = await start()
    const { board, writer } = await editorOnNewBoard(server)
    const reader = open(server.url, board.id, linkToken(board.links.viewer))
    await synced(reader)
    let closeCode: number | null = null
    writer.provider.on('close', ({ event }: { event: { code: number } }) => {
      closeCode ??= event.code
    })

    writeRecord(getRecordsMap(writer.doc), decision('huge', { context: 'x'.repeat(200_000) }))
    await waitFor(() => closeCode !== null, { what: 'the server to close the writer’s socket' })
    expect(closeCode).toBe(4413)

    // The reader's board stays without it; a valid record from another editor still gets through.
    const other = open(server.url, board.id, linkToken(board.links.editor))
    await synced(other)
    writeRecord(getRecordsMap(other.doc), decision('small'))
    await waitFor(() => getRecordsMap(reader.doc).has('design_decision:small'), { what: 'the valid decision to reach the reader' })
    expect(getRecordsMap(reader.doc).has('design_decision:huge')).toBe(false)
  })
})
