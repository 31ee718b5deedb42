import { CATALOG, createThread, getRecordsMap, readRecord, setThreadStatus, templateRecords, versionInfoSchema, writeRecordChange, type JsonRecord } from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { apiRequest, linkToken } from '@concord/test-kit/api'
import { acknowledged, openReview, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open, track } = testResources()

const TEMPLATE = CATALOG.templates.find((candidate) => candidate.id === 'three-tier-web')!

async function postBoard(url: string): Promise<{ id: string; links: Record<string, string> }> {
  const body = JSON.stringify({ title: 'Shop', records: templateRecords(TEMPLATE, 'web') })
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; links: Record<string, string> }
}

async function markdown(url: string, path: string, token: string): Promise<string> {
  const response = await apiRequest(url, path, token)
  expect(response.status).toBe(200)
  return response.text()
}

async function submit(url: string, boardId: string, token: string, name: string): Promise<string> {
  const response = await apiRequest(url, `/api/boards/${boardId}/versions`, token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) })
  expect(response.status).toBe(201)
  return versionInfoSchema.parse(await response.json()).id
}

/** Renames the template's DNS component from the client's replica. */
function writeDnsName(client: TestClient, name: string): void {
  const records = getRecordsMap(client.doc)
  const before = readRecord(records, 'shape:web-dns')!
  writeRecordChange(records, before, { ...before, props: { ...(before.props as object), name } } as JsonRecord)
}

/** Renames the DNS component and waits for the server's acknowledgement. */
async function renameDns(client: TestClient, name: string): Promise<void> {
  writeDnsName(client, name)
  await acknowledged(client)
}

/** A design connection showing `name` in its presence, as the web app's does. */
async function editorNamed(url: string, boardId: string, token: string, name: string | null): Promise<TestClient> {
  const client = open(url, boardId, token)
  await synced(client)
  if (name !== null) client.provider.setAwarenessField('presence', { typeName: 'instance_presence', userId: `id-${name}`, userName: name })
  return client
}

describe('the design report served for a board', () => {
  it('names as its team everyone who edited the board, once each, and for a version those who had by then', async () => {
    const { url } = await start()
    const board = await postBoard(url)
    const owner = linkToken(board.links.owner!)
    const ada = await editorNamed(url, board.id, linkToken(board.links.editor!), 'Ada')
    const grace = await editorNamed(url, board.id, owner, '  Grace   Hopper ')
    const nameless = await editorNamed(url, board.id, linkToken(board.links.editor!), null)
    await renameDns(ada, 'DNS 1')
    await renameDns(grace, 'DNS 2')
    await renameDns(ada, 'DNS 3')
    await renameDns(nameless, 'DNS 4')
    const path = `/api/boards/${board.id}/report.md`
    await waitFor(async () => (await markdown(url, path, owner)).includes('Team: Ada, Grace Hopper  \n'), { what: 'both editors in the team' })

    const version = await submit(url, board.id, owner, 'v1')
    const later = await editorNamed(url, board.id, linkToken(board.links.editor!), 'Linus')
    await renameDns(later, 'DNS 5')
    await waitFor(async () => (await markdown(url, path, owner)).includes('Team: Ada, Grace Hopper, Linus  \n'), { what: 'the later editor in the team' })
    const frozen = await markdown(url, `/api/boards/${board.id}/versions/${version}/report.md`, linkToken(board.links.reviewer!))
    expect(frozen).toContain('Team: Ada, Grace Hopper  \n')
  })

  it('does not count a reviewer, whose design edits the server refuses', async () => {
    const { url } = await start()
    const board = await postBoard(url)
    const reviewer = await editorNamed(url, board.id, linkToken(board.links.reviewer!), 'Rita')
    writeDnsName(reviewer, 'not applied')
    await waitFor(() => reviewer.refusedUpdates > 0, { timeoutMs: 2000, what: 'the reviewer’s edit refused' })
    const editor = await editorNamed(url, board.id, linkToken(board.links.editor!), 'Ada')
    await renameDns(editor, 'Name service')
    const path = `/api/boards/${board.id}/report.md`
    await waitFor(async () => (await markdown(url, path, linkToken(board.links.viewer!))).includes('Team: Ada  \n'), { what: 'the editor in the team' })
    expect(await markdown(url, path, linkToken(board.links.viewer!))).not.toContain('Rita')
  })

  it('lists the changes since the latest version the team submitted, never since the backup a restore makes', async () => {
    const { url } = await start()
    const board = await postBoard(url)
    const owner = linkToken(board.links.owner!)
    const path = `/api/boards/${board.id}/report.md`
    expect(await markdown(url, path, owner)).toContain('No earlier version was submitted.')
    const editor = await editorNamed(url, board.id, linkToken(board.links.editor!), 'Ada')
    const v1 = await submit(url, board.id, owner, 'Milestone 1')
    await renameDns(editor, 'Name service')
    const live = await markdown(url, path, owner)
    expect(live).toContain('Since “Milestone 1”:')
    expect(live).toContain('| changed | component Name service | renamed from DNS |')

    const v2 = await submit(url, board.id, owner, 'Milestone 2')
    expect(await markdown(url, path, owner)).toContain('No changes since “Milestone 2”.')
    // The frozen Milestone 2 compares with Milestone 1.
    expect(await markdown(url, `/api/boards/${board.id}/versions/${v2}/report.md`, owner)).toContain('| changed | component Name service | renamed from DNS |')

    // Restoring Milestone 1 keeps the live design as "Before restoring …", which the team did not submit.
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${v1}/restore`, owner, { method: 'POST' })).status).toBe(204)
    await waitFor(async () => (await markdown(url, path, owner)).includes('| changed | component DNS | renamed from Name service |'), { what: 'the restore in the report' })
    expect(await markdown(url, path, owner)).toContain('Since “Milestone 2”:')
  })

  it('lists the open review threads among the risks, of the version for a version', async () => {
    const { url } = await start()
    const board = await postBoard(url)
    const owner = linkToken(board.links.owner!)
    const v1 = await submit(url, board.id, owner, 'v1')
    const review = track(openReview(url, board.id, linkToken(board.links.reviewer!)))
    await synced(review)
    const author = { id: 'r', name: 'Rita' }
    createThread(review.doc, { id: 'live', anchor: { kind: 'property', shapeId: 'shape:web-dns', property: 'availability' }, author, text: 'Is 99.99 % realistic?', now: 1 })
    createThread(review.doc, { id: 'done', anchor: { kind: 'shape', shapeId: 'shape:web-dns' }, author, text: 'Fixed already', now: 2 })
    createThread(review.doc, { id: 'frozen', anchor: { kind: 'shape', shapeId: 'shape:web-dns' }, author, text: 'Why one DNS?', now: 3, versionId: v1 })
    setThreadStatus(review.doc, 'done', 'resolved', author)
    await acknowledged(review)

    const live = await markdown(url, `/api/boards/${board.id}/report.md`, owner)
    expect(live).toContain('- Availability SLO of component DNS: “Is 99.99 % realistic?”\n')
    expect(live).toContain('- component DNS \\[on version v1\\]: “Why one DNS?”\n')
    expect(live).not.toContain('Fixed already')
    expect(live).not.toContain('Rita')
    const frozen = await markdown(url, `/api/boards/${board.id}/versions/${v1}/report.md`, owner)
    expect(frozen).toContain('- component DNS: “Why one DNS?”\n')
    expect(frozen).not.toContain('realistic')
  })
})
