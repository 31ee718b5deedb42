import { describe, expect, it } from 'vitest'
import { BOARD_REFUSAL, boardDocumentName, readBoardMeta } from '@concord/shared'
import { acknowledged, openDocument, synced } from './helpers/collab.ts'
import { createBoard, tokenOf } from './helpers/server.ts'
import { storedDocument } from './helpers/stored.ts'
import { waitFor } from './helpers/wait.ts'
import { testResources } from './helpers/resources.ts'

const { start, open, track } = testResources()

describe('collaboration on /collab', () => {
  it('syncs edits between two clients both ways, starting from the stored board', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Shared design')
    const alice = open(url, board.id, tokenOf(board.links.owner))
    const bob = open(url, board.id, tokenOf(board.links.editor))
    await Promise.all([synced(alice), synced(bob)])
    expect(readBoardMeta(alice.doc)?.title).toBe('Shared design')
    expect(alice.provider.authorizedScope).toBe('read-write')

    alice.doc.getMap('test').set('from-alice', 1)
    await waitFor(() => bob.doc.getMap('test').get('from-alice') === 1, { what: "alice's edit at bob" })
    bob.doc.getMap('test').set('from-bob', 2)
    await waitFor(() => alice.doc.getMap('test').get('from-bob') === 2, { what: "bob's edit at alice" })
  })

  it('refuses a wrong token and an unknown board alike, without creating a document', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    const unknownId = 'AAAAAAAAAAAAAAAAAAAAAA'
    const wrongToken = open(url, board.id, `${tokenOf(board.links.owner).slice(0, -1)}x`)
    const unknownBoard = open(url, unknownId, tokenOf(board.links.owner))
    const noToken = open(url, board.id, '')

    const reasons = await Promise.all(
      [wrongToken, unknownBoard, noToken].map((client) => waitFor(() => client.refusal, { what: 'a refusal' })),
    )
    expect(reasons).toEqual([BOARD_REFUSAL, BOARD_REFUSAL, BOARD_REFUSAL])
    expect(server.hocuspocus.getDocumentsCount()).toBe(0)
    expect(await server.storage.loadDocument(boardDocumentName(unknownId))).toBeNull()
    expect(await server.storage.getBoard(unknownId)).toBeNull()
  })

  it('refuses documents that are not boards', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    // A valid token, but only `board:<id>` and `review:<id>` of that very board are served.
    for (const name of [`comments:${board.id}`, board.id, 'board:', 'review:']) {
      const client = track(openDocument(url, name, tokenOf(board.links.owner)))
      await waitFor(() => client.refusal ?? client.provider.isSynced, { what: `an answer for ${name}` })
      expect({ name, refusal: client.refusal }).toEqual({ name, refusal: BOARD_REFUSAL })
    }
    expect(server.hocuspocus.getDocumentsCount()).toBe(0)
  })

  it('has an edit in storage by the time it is acknowledged', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    const client = open(url, board.id, tokenOf(board.links.editor))
    await synced(client)
    client.doc.getMap('test').set('kept', 'yes')
    await acknowledged(client)
    const stored = await storedDocument(server.storage, boardDocumentName(board.id))
    expect(stored?.getMap('test').get('kept')).toBe('yes')
  })

  it('reports documents and connections in /healthz', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const client = open(url, board.id, tokenOf(board.links.editor))
    await synced(client)
    const health = (await (await fetch(`${url}/healthz`)).json()) as { documents: number; connections: number }
    expect(health).toMatchObject({ documents: 1, connections: 1 })
  })
})
