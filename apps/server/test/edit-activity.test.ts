import { describe, expect, it } from 'vitest'
import {
  getRecordsMap,
  parseStateless,
  readRecord,
  recentEditCount,
  statelessServerMessageSchema,
  writeRecord,
  writeRecordChange,
  writeStoredSchema,
  type EditSlices,
} from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { testResources } from './helpers/resources.ts'

const { start, open } = testResources()

/** The `recent-edits` messages a client received, newest last. */
function recentEditsOf(client: TestClient): EditSlices[] {
  const received: EditSlices[] = []
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.type === 'recent-edits') received.push(message.slices)
  })
  return received
}

describe('recent edits', () => {
  it('tells an owner who connects how many edits the board had in the last minutes, and nobody else', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Team 3')
    const editor = open(url, board.id, linkToken(board.links.editor))
    const toEditor = recentEditsOf(editor)
    await synced(editor)
    const records = getRecordsMap(editor.doc)
    for (const x of [1, 2, 3]) {
      writeRecord(records, { id: 'shape:a', typeName: 'shape', type: 'geo', x, y: 0, parentId: 'page:page', index: 'a1', props: { w: 10, h: 10 }, meta: {} })
      await acknowledged(editor)
    }

    const owner = open(url, board.id, linkToken(board.links.owner))
    const toOwner = recentEditsOf(owner)
    await waitFor(() => toOwner.length > 0, { what: 'the recent edits at the owner' })
    expect(recentEditCount(toOwner[0]!, Date.now())).toBe(3)
    await synced(owner)
    expect(toEditor).toEqual([])
  })

  it('does not count what opening a board writes: the schema, the document and page records', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Only opened')
    const editor = open(url, board.id, linkToken(board.links.editor))
    await synced(editor)
    const records = getRecordsMap(editor.doc)
    writeStoredSchema(editor.doc, { schemaVersion: 2, sequences: { 'com.tldraw.store': 5 } }, null)
    await acknowledged(editor)
    editor.doc.transact(() => {
      const documentRecord = readRecord(records, 'document:document')!
      writeRecordChange(records, documentRecord, { ...documentRecord, gridSize: 20 })
    })
    await acknowledged(editor)

    const owner = open(url, board.id, linkToken(board.links.owner))
    const toOwner = recentEditsOf(owner)
    await waitFor(() => toOwner.length > 0, { what: 'the recent edits at the owner' })
    expect(recentEditCount(toOwner[0]!, Date.now())).toBe(0)
  })
})
