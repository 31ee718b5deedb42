import { describe, expect, it } from 'vitest'
import {
  BOARD_REFUSAL,
  boardDocumentName,
  createBoardResponseSchema,
  getRecordsMap,
  readAllRecords,
  readBoardMeta,
  reviewDocumentName,
  uploadAssetResponseSchema,
  writeRecord,
  type JsonRecord,
} from '@concord/shared'
import { apiRequest, createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, openReview, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open, track } = testResources()

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7])


function json(body: unknown): RequestInit {
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

async function uploadImage(url: string, boardId: string, token: string): Promise<string> {
  const response = await apiRequest(url, `/api/boards/${boardId}/assets`, token, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: PNG,
  })
  return uploadAssetResponseSchema.parse(await response.json()).src
}

function imageRecords(src: string): JsonRecord[] {
  return [
    { id: 'asset:img', typeName: 'asset', type: 'image', props: { src, w: 10, h: 10, name: 'a.png' }, meta: {} },
    { id: 'shape:box', typeName: 'shape', type: 'geo', x: 1, y: 2, props: { w: 10, h: 10 }, meta: {} },
  ]
}

function srcOf(records: JsonRecord[]): unknown {
  const props = records.find((record) => record.id === 'asset:img')?.props
  return typeof props === 'object' && props !== null && !Array.isArray(props) ? props.src : undefined
}

describe('board management by the owner', () => {
  it('renames the board in the registry and live in open documents; only the owner may', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Old name')
    const client = open(url, board.id, linkToken(board.links.editor))
    await synced(client)

    const refused = await apiRequest(url, `/api/boards/${board.id}`, linkToken(board.links.editor), { method: 'PATCH', ...json({ title: 'Nope' }) })
    expect(refused.status).toBe(403)
    const empty = await apiRequest(url, `/api/boards/${board.id}`, linkToken(board.links.owner), { method: 'PATCH', ...json({ title: ' ' }) })
    expect(empty.status).toBe(400)

    const renamed = await apiRequest(url, `/api/boards/${board.id}`, linkToken(board.links.owner), { method: 'PATCH', ...json({ title: 'New name' }) })
    expect(renamed.status).toBe(200)
    await waitFor(() => readBoardMeta(client.doc)?.title === 'New name', { what: 'the new title in the open document' })
    const info = (await (await apiRequest(url, `/api/boards/${board.id}`, linkToken(board.links.viewer))).json()) as { title: string }
    expect(info.title).toBe('New name')
  })

  it('creates every board complete: tldraw’s document record and a first page, before anyone opens it', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Fresh')
    const reader = open(url, board.id, linkToken(board.links.viewer))
    await synced(reader)
    expect(readAllRecords(getRecordsMap(reader.doc))).toEqual([
      { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
      { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
    ])
  })

  it('duplicates the current design with its images into a new board with new links', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Original')
    const owner = linkToken(board.links.owner)
    const src = await uploadImage(url, board.id, owner)
    const client = open(url, board.id, owner)
    await synced(client)
    client.doc.transact(() => {
      for (const record of imageRecords(src)) writeRecord(getRecordsMap(client.doc), record)
    })
    await acknowledged(client)

    expect((await apiRequest(url, `/api/boards/${board.id}/duplicate`, linkToken(board.links.editor), { method: 'POST' })).status).toBe(403)
    const response = await apiRequest(url, `/api/boards/${board.id}/duplicate`, owner, { method: 'POST' })
    expect(response.status).toBe(201)
    const copy = createBoardResponseSchema.parse(await response.json())
    expect(copy.title).toBe('Copy of Original')
    expect(copy.id).not.toBe(board.id)

    const reader = open(url, copy.id, linkToken(copy.links.viewer))
    await synced(reader)
    const records = readAllRecords(getRecordsMap(reader.doc))
    expect(records.map((record) => record.id).sort()).toEqual(['asset:img', 'document:document', 'page:page', 'shape:box'])
    const copiedSrc = srcOf(records)
    expect(copiedSrc).toBe(src.replace(board.id, copy.id))
    expect(new Uint8Array(await (await fetch(`${url}${String(copiedSrc)}`)).arrayBuffer())).toEqual(PNG)
    expect(readBoardMeta(reader.doc)?.title).toBe('Copy of Original')
  })

  it('deletes the board: open connections end, links stop working, every row is gone', async () => {
    const { url, server } = await start()
    const board = await createBoard(url, 'Doomed')
    const keep = await createBoard(url, 'Unrelated')
    const owner = linkToken(board.links.owner)
    const src = await uploadImage(url, board.id, owner)
    const design = open(url, board.id, linkToken(board.links.editor))
    const review = track(openReview(url, board.id, linkToken(board.links.reviewer)))
    await Promise.all([synced(design), synced(review)])
    design.doc.getMap('test').set('pending', 'edit')
    review.doc.getMap('threads').set('t1', 'comment')
    await Promise.all([acknowledged(design), acknowledged(review)])

    expect((await apiRequest(url, `/api/boards/${board.id}`, linkToken(board.links.editor), { method: 'DELETE' })).status).toBe(403)
    const response = await apiRequest(url, `/api/boards/${board.id}`, owner, { method: 'DELETE' })
    expect(response.status).toBe(204)

    await waitFor(() => design.refusal && review.refusal, { what: 'both connections to be refused on reconnect' })
    expect([design.refusal, review.refusal]).toEqual([BOARD_REFUSAL, BOARD_REFUSAL])
    expect((await apiRequest(url, `/api/boards/${board.id}`, owner)).status).toBe(404)
    expect((await fetch(`${url}${src}`)).status).toBe(404)
    expect(await server.storage.getBoard(board.id)).toBeNull()
    expect(await server.storage.loadDocument(boardDocumentName(board.id))).toBeNull()
    expect(await server.storage.loadDocument(reviewDocumentName(board.id))).toBeNull()
    expect(server.hocuspocus.documents.has(boardDocumentName(board.id))).toBe(false)
    expect(await server.storage.getBoard(keep.id)).not.toBeNull()
  })

  it('imports records as a new board, moving inline images into its asset store', async () => {
    const { url } = await start()
    const dataUrl = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`
    const response = await fetch(`${url}/api/boards`, { method: 'POST', ...json({ title: 'Imported', records: imageRecords(dataUrl) }) })
    expect(response.status).toBe(201)
    const board = createBoardResponseSchema.parse(await response.json())
    const reader = open(url, board.id, linkToken(board.links.owner))
    await synced(reader)
    const records = readAllRecords(getRecordsMap(reader.doc))
    expect(records.find((record) => record.id === 'shape:box')).toMatchObject({ x: 1, y: 2 })
    // The file had no document record and no page: the board is made complete at creation.
    expect(records.filter((record) => record.typeName === 'document' || record.typeName === 'page').map((record) => record.id).sort()).toEqual(['document:document', 'page:page'])
    const src = srcOf(records)
    expect(src).toMatch(new RegExp(`^/api/boards/${board.id}/assets/`))
    expect(new Uint8Array(await (await fetch(`${url}${String(src)}`)).arrayBuffer())).toEqual(PNG)

    const malformed = await fetch(`${url}/api/boards`, { method: 'POST', ...json({ title: 'Bad', records: [{ id: 'x' }] }) })
    expect(malformed.status).toBe(400)
  })
})

