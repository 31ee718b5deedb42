import { describe, expect, it } from 'vitest'
import {
  getRecordsMap,
  parseStateless,
  statelessServerMessageSchema,
  readAllRecords,
  readRecord,
  readStoredSchema,
  versionInfoSchema,
  versionListResponseSchema,
  versionResponseSchema,
  writeRecord,
  writeStoredSchema,
  type JsonRecord,
} from '@concord/shared'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open } = testResources()


function submit(url: string, boardId: string, token: string, name: string): Promise<Response> {
  return apiRequest(url, `/api/boards/${boardId}/versions`, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
}

function box(id: string, x: number): JsonRecord {
  return { id, typeName: 'shape', type: 'geo', x, y: 0, props: { w: 10, h: 10 }, meta: {} }
}

describe('versions submitted for review', () => {
  it('freezes the design; every role reads it; the owner restores it as a change everyone receives', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    const tokens = { owner: linkToken(board.links.owner), editor: linkToken(board.links.editor), reviewer: linkToken(board.links.reviewer), viewer: linkToken(board.links.viewer) }
    const editor = open(url, board.id, tokens.editor)
    const viewer = open(url, board.id, tokens.viewer)
    const told: string[] = []
    viewer.provider.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStateless(statelessServerMessageSchema, payload)
      if (message?.type === 'versions') told.push(message.type)
    })
    await Promise.all([synced(editor), synced(viewer)])
    const records = getRecordsMap(editor.doc)
    editor.doc.transact(() => {
      writeRecord(records, box('shape:a', 1))
      writeRecord(records, { id: 'user:ed', typeName: 'user', name: 'Ed', color: 'red', meta: {} })
    })
    await acknowledged(editor)

    expect((await submit(url, board.id, tokens.reviewer, 'v1')).status).toBe(403)
    expect((await submit(url, board.id, tokens.editor, ' ')).status).toBe(400)
    const created = await submit(url, board.id, tokens.editor, 'First review')
    expect(created.status).toBe(201)
    const v1 = versionInfoSchema.parse(await created.json())
    expect(v1.name).toBe('First review')
    await waitFor(() => told.length === 1, { what: 'open boards to be told of the new version' })

    // The team keeps working on the live board.
    editor.doc.transact(() => {
      writeRecord(records, box('shape:a', 500))
      writeRecord(records, box('shape:b', 2))
    })
    await acknowledged(editor)

    for (const token of Object.values(tokens)) {
      const list = versionListResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions`, token)).json())
      expect(list.versions).toEqual([v1])
    }
    const frozen = versionResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions/${v1.id}`, tokens.viewer)).json())
    expect(frozen.records.filter((record) => record.typeName === 'shape').map((record) => [record.id, record.x])).toEqual([['shape:a', 1]])

    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${v1.id}/restore`, tokens.editor, { method: 'POST' })).status).toBe(403)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/nope/restore`, tokens.owner, { method: 'POST' })).status).toBe(404)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${v1.id}/restore`, tokens.owner, { method: 'POST' })).status).toBe(204)
    await waitFor(() => readRecord(records, 'shape:a')?.x === 1 && !records.has('shape:b'), { what: 'the restore at the open editor' })
    expect(readAllRecords(records).map((record) => record.id).sort()).toEqual(['document:document', 'page:page', 'shape:a', 'user:ed'])

    // The live design was kept as a version first: restoring that one undoes the restore.
    const afterRestore = versionListResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions`, tokens.viewer)).json())
    const kept = afterRestore.versions.find((version) => version.name === 'Before restoring “First review”')!
    expect(afterRestore.versions.map((version) => version.name)).toEqual(['First review', 'Before restoring “First review”'])
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${kept.id}/restore`, tokens.owner, { method: 'POST' })).status).toBe(204)
    await waitFor(() => readRecord(records, 'shape:a')?.x === 500 && records.has('shape:b'), { what: 'the undone restore at the open editor' })

    await apiRequest(url, `/api/boards/${board.id}`, tokens.owner, { method: 'DELETE' })
    expect(await server.storage.listVersions(board.id)).toEqual([])
  })

  it('refuses bad links and unknown versions like unknown boards', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions`, 'editor.0.AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/unknown`, linkToken(board.links.owner))).status).toBe(404)
  })

  it('restoring a version written before an upgrade makes the board that old again, so clients migrate it', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const owner = linkToken(board.links.owner)
    const editor = open(url, board.id, linkToken(board.links.editor))
    await synced(editor)
    const before = { schemaVersion: 2, sequences: { 'com.tldraw.shape.geo': 9, 'com.concord.catalog': 3 } }
    const after = { schemaVersion: 2, sequences: { 'com.tldraw.shape.geo': 10, 'com.concord.catalog': 4 } }
    writeStoredSchema(editor.doc, before, null)
    writeRecord(getRecordsMap(editor.doc), box('shape:a', 1))
    await acknowledged(editor)
    const v1 = versionInfoSchema.parse(await (await submit(url, board.id, owner, 'Before the upgrade')).json())
    // An upgraded client migrates the live board.
    writeStoredSchema(editor.doc, after, null)
    await acknowledged(editor)

    const version = versionResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions/${v1.id}`, owner)).json())
    expect(version.schema).toEqual(before)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${v1.id}/restore`, owner, { method: 'POST' })).status).toBe(204)
    await waitFor(() => readStoredSchema(editor.doc)?.sequences['com.concord.catalog'] === 3, { what: 'the older schema at the open editor' })
    expect(readStoredSchema(editor.doc)).toEqual(before)
    // Restoring the current design back is restoring a version of the current schema: the schema stays.
    const kept = versionListResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions`, owner)).json()).versions.find((v) => v.name.startsWith('Before restoring'))!
    writeStoredSchema(editor.doc, after, null)
    writeRecord(getRecordsMap(editor.doc), box('shape:a', 700))
    await acknowledged(editor)
    expect((await apiRequest(url, `/api/boards/${board.id}/versions/${kept.id}/restore`, owner, { method: 'POST' })).status).toBe(204)
    const restored = versionResponseSchema.parse(await (await apiRequest(url, `/api/boards/${board.id}/versions/${kept.id}`, owner)).json())
    expect(restored.schema).toEqual(after)
    await waitFor(() => readRecord(getRecordsMap(editor.doc), 'shape:a')?.x === 1, { what: 'the second restore' })
    expect(readStoredSchema(editor.doc)).toEqual(after)
  })
})
