import { describe, expect, it } from 'vitest'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { BOARD_REFUSAL, boardDocumentName, readBoardMeta, reviewDocumentName } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, collabUrl, openDocument, synced } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { storedDocument } from './helpers/stored.ts'
import { testResources } from './helpers/resources.ts'

const { start, open, track } = testResources()

describe('collaboration on /collab', () => {
  it('syncs edits between two clients both ways, starting from the stored board', async () => {
    const { url } = await start()
    const board = await createBoard(url, 'Shared design')
    const alice = open(url, board.id, linkToken(board.links.owner))
    const bob = open(url, board.id, linkToken(board.links.editor))
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
    const wrongToken = open(url, board.id, `${linkToken(board.links.owner).slice(0, -1)}x`)
    const unknownBoard = open(url, unknownId, linkToken(board.links.owner))
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
      const client = track(openDocument(url, name, linkToken(board.links.owner)))
      await waitFor(() => client.refusal ?? client.provider.isSynced, { what: `an answer for ${name}` })
      expect({ name, refusal: client.refusal }).toEqual({ name, refusal: BOARD_REFUSAL })
    }
    expect(server.hocuspocus.getDocumentsCount()).toBe(0)
  })

  it('has an edit in storage by the time it is acknowledged', async () => {
    const { url, server } = await start()
    const board = await createBoard(url)
    const client = open(url, board.id, linkToken(board.links.editor))
    await synced(client)
    client.doc.getMap('test').set('kept', 'yes')
    await acknowledged(client)
    const stored = await storedDocument(server.storage, boardDocumentName(board.id))
    expect(stored?.getMap('test').get('kept')).toBe('yes')
  })

  it('reports documents and connections in /healthz', async () => {
    const { url } = await start()
    const board = await createBoard(url)
    const client = open(url, board.id, linkToken(board.links.editor))
    await synced(client)
    const health = (await (await fetch(`${url}/healthz`)).json()) as { documents: number; connections: number }
    expect(health).toMatchObject({ documents: 1, connections: 1 })
  })

  it('syncs a board a tab closed and opened again at once on its one socket, as from the session dashboard', async () => {
    const { url, server } = await start()
    const boards = await Promise.all([1, 2, 3].map((team) => createBoard(url, `Team ${team}`)))
    const socket = track(new HocuspocusProviderWebsocket({ url: collabUrl(url) }))
    // As the web app opens every document (apps/web/src/board/sync/socket.ts): session-aware, on the tab's one socket.
    const open = (name: string, token: string) => {
      const provider = new HocuspocusProvider({ websocketProvider: socket, sessionAwareness: true, name, token, document: new Y.Doc() })
      provider.attach()
      return provider
    }
    const openBoardAndReview = (board: (typeof boards)[number]) => [
      open(boardDocumentName(board.id), linkToken(board.links.owner)),
      open(reviewDocumentName(board.id), linkToken(board.links.owner)),
    ]
    for (let round = 0; round < 10; round++) {
      // The dashboard watches every team's board and review, then the instructor opens team 2's.
      const watches = boards.flatMap(openBoardAndReview)
      await waitFor(() => watches.every((provider) => provider.isSynced), { what: `round ${round}: the dashboard to sync` })
      for (const provider of watches) provider.destroy()
      const opened = openBoardAndReview(boards[1]!)
      opened[0]!.document.getMap('test').set(`round ${round}`, true)
      await waitFor(() => opened.every((provider) => provider.isSynced && provider.unsyncedChanges === 0), {
        what: `round ${round}: team 2's board, opened again, to sync`,
      })
      for (const provider of opened) provider.destroy()
    }
    // Each reopened board was a live connection: its edit of every round was acknowledged, so stored.
    const stored = await storedDocument(server.storage, boardDocumentName(boards[1]!.id))
    expect([...(stored?.getMap('test').keys() ?? [])].sort()).toEqual(Array.from({ length: 10 }, (_, round) => `round ${round}`))
  })
})
