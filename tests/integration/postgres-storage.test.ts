import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PostgresStorage } from '../../apps/server/src/storage/postgres.ts'
import { checkFeedbackStorage } from '../../apps/server/test/helpers/peer-review-feedback-storage.ts'
import { findPostgresBin, PostgresProcess } from '../support/postgres-process.ts'

const postgresBin = findPostgresBin()
const inCi = process.env.CI === 'true'
if (!postgresBin && !inCi) {
  console.warn('\n*** SKIPPED: the PostgreSQL storage test needs the Debian package postgresql (.ci/run installs it). ***\n')
}

/** A Yjs update that sets `key` on a fresh replica (its own client id), as one node's client would. */
function edit(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

function keysOf(stored: { snapshot: Uint8Array; log: Uint8Array[] } | null): string[] {
  const doc = new Y.Doc()
  if (stored) {
    Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.log) Y.applyUpdate(doc, update)
  }
  return [...doc.getMap('m').keys()].sort()
}

// Two storages on one database stand for two nodes.
describe.skipIf(!postgresBin && !inCi)('PostgreSQL storage shared by two nodes', () => {
  let postgres: PostgresProcess | undefined
  let node1: PostgresStorage
  let node2: PostgresStorage

  beforeAll(async () => {
    if (!postgresBin) throw new Error('CI=true but PostgreSQL is not installed (.ci/run installs it)')
    postgres = new PostgresProcess()
    await postgres.start(postgresBin)
    // Both migrate the empty database at once; the advisory lock makes one wait.
    node1 = new PostgresStorage(postgres.url)
    node2 = new PostgresStorage(postgres.url)
    await Promise.all([node1.ping(), node2.ping()])
  }, 60_000)

  afterAll(async () => {
    await Promise.all([node1?.close(), node2?.close()])
    await postgres?.dispose()
  })

  it('rotates links, renames, keeps versions and settings, and deletes a board with everything of it, seen by both nodes', async () => {
    const board = await node1.createBoard({ id: 'board-life', title: 'Life', createdAt: 1700000000000 }, [
      { name: 'board:board-life', state: edit('design') },
      { name: 'review:board-life', state: edit('review') },
    ])
    expect(await node2.rotateLinkGeneration(board.id, 'editor')).toBe(1)
    expect((await node1.getBoard(board.id))?.linkGenerations.editor).toBe(1)
    expect(await node2.rotateLinkGeneration('no-such-board', 'editor')).toBeNull()
    expect(await node1.renameBoard(board.id, 'Renamed')).toBe(true)
    expect((await node2.getBoard(board.id))?.title).toBe('Renamed')

    await node1.addVersion(board.id, { id: 'v1', name: 'For review', createdAt: 1700000001000, backup: false, state: edit('frozen') })
    await node1.addVersion(board.id, { id: 'v2', name: 'Before restoring', createdAt: 1700000001500, backup: true, state: edit('kept') })
    expect(await node2.listVersions(board.id)).toEqual([
      { id: 'v1', name: 'For review', createdAt: 1700000001000, backup: false },
      { id: 'v2', name: 'Before restoring', createdAt: 1700000001500, backup: true },
    ])
    expect((await node1.getVersion(board.id, 'v2'))?.backup).toBe(true)

    await node1.addBoardEditor(board.id, 'Grace', 1700000001200)
    await node2.addBoardEditor(board.id, 'Ada', 1700000001100)
    await node2.addBoardEditor(board.id, 'Grace', 1700000001300)
    await node1.addBoardEditor('no-such-board', 'Nobody', 1700000001300)
    expect(await node1.listBoardEditors(board.id)).toEqual(['Ada', 'Grace'])
    expect(await node2.listBoardEditors(board.id, 1700000001150)).toEqual(['Ada'])
    expect(keysOf({ snapshot: (await node2.getVersion(board.id, 'v1'))!.state, log: [] })).toEqual(['frozen'])

    await node1.putAsset({ boardId: board.id, id: 'img', contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) })
    const copy = await node1.createBoard({ id: 'board-life-copy', title: 'Copy', createdAt: 1700000002000 }, [])
    await node2.copyAssets(board.id, copy.id)
    expect([...(await node1.getAsset(copy.id, 'img'))!.bytes]).toEqual([1, 2, 3])
    await node2.setSetting('board-controls:board-life', '{"locked":true}')
    await node1.setSetting('board-controls:board-life', '{"locked":false}')
    expect(await node2.getSetting('board-controls:board-life')).toBe('{"locked":false}')
    await node1.writeDocuments([{ name: 'board:board-life', updates: [edit('logged')] }])

    await node2.deleteBoard(board.id)
    expect(await node1.getBoard(board.id)).toBeNull()
    expect(await node1.loadDocument('board:board-life')).toBeNull()
    expect(await node1.loadDocument('review:board-life')).toBeNull()
    expect(await node1.listVersions(board.id)).toEqual([])
    expect(await node1.listBoardEditors(board.id)).toEqual([])
    expect(await node1.getAsset(board.id, 'img')).toBeNull()
    expect(await node1.getSetting('board-controls:board-life')).toBeNull()
  })

  it('registers a board on one node that the other reads, with its document', async () => {
    const state = edit('initial')
    const created = await node1.createBoard({ id: 'board-one', title: 'One', createdAt: 1700000000000 }, [{ name: 'board:board-one', state }])
    expect(await node2.getBoard('board-one')).toEqual(created)
    expect(keysOf(await node2.loadDocument('board:board-one'))).toEqual(['initial'])
    expect(await node2.getBoard('missing')).toBeNull()
    expect(await node2.loadDocument('board:missing')).toBeNull()
  })

  it('agrees on one generated setting when both nodes initialise it at once', async () => {
    const [first, second] = await Promise.all([node1.initSetting('shared', 'from-1'), node2.initSetting('shared', 'from-2')])
    expect(first).toBe(second)
    expect(await node1.getSetting('shared')).toBe(first)
  })

  it('keeps, when one node compacts, what another node logged and this one never saw', async () => {
    const name = 'board:compaction'
    await node1.writeDocuments([{ name, updates: [edit('a1')] }])
    await node2.writeDocuments([{ name, updates: [edit('b1')] }])
    // Node 1 compacts with only its own state: node 2's row must survive in the snapshot.
    const node1State = edit('a1')
    await node1.writeDocuments([{ name, updates: [], snapshot: node1State }])
    let stored = await node2.loadDocument(name)
    expect(stored?.log).toHaveLength(0)
    expect(keysOf(stored)).toEqual(['a1', 'b1'])
    // Node 2 compacts with a state that lacks node 1's edit: the stored snapshot is kept too.
    await node2.writeDocuments([{ name, updates: [], snapshot: edit('b2') }])
    stored = await node1.loadDocument(name)
    expect(keysOf(stored)).toEqual(['a1', 'b1', 'b2'])
  })

  it('compacts the same documents from both nodes at once without deadlock or loss', async () => {
    const names = ['board:x', 'board:y', 'board:z']
    await node1.writeDocuments(names.map((name) => ({ name, updates: [edit(`${name}-1`)] })))
    await node2.writeDocuments(names.map((name) => ({ name, updates: [edit(`${name}-2`)] })))
    await Promise.all([
      node1.writeDocuments(names.map((name) => ({ name, updates: [], snapshot: edit(`${name}-s1`) }))),
      node2.writeDocuments([...names].reverse().map((name) => ({ name, updates: [], snapshot: edit(`${name}-s2`) }))),
    ])
    for (const name of names) {
      expect(keysOf(await node1.loadDocument(name))).toEqual([`${name}-1`, `${name}-2`, `${name}-s1`, `${name}-s2`])
    }
  })

  it('keeps rosters, rounds, assignments and round reviews that either node serves', async () => {
    await node1.createBoard({ id: 'board-team-1', title: 'Team 1', createdAt: 1700000000000 }, [])
    await node1.createSession({ id: 'session-pr', name: 'Peer', createdAt: 1700000000000, template: null, boards: [{ team: 1, boardId: 'board-team-1' }] })
    let keys = 0
    const newKey = () => `key-${++keys}`
    const roster = await node1.peerReview.putStudents('session-pr', [{ studentId: 's1', name: 'Ann', team: 1 }, { studentId: 's2', name: 'Bo', team: 1 }], newKey)
    expect(roster.map(({ key, studentId, generation }) => [key, studentId, generation])).toEqual([['key-1', 's1', 0], ['key-2', 's2', 0]])
    // Importing again updates by student id and keeps keys; a new student comes last.
    const again = await node2.peerReview.putStudents('session-pr', [{ studentId: 's2', name: 'Bo Chen', team: 1 }, { studentId: 's3', name: 'Cy', team: 1 }], newKey)
    expect(again.map(({ key, name }) => [key, name])).toEqual([['key-1', 'Ann'], ['key-2', 'Bo Chen'], ['key-4', 'Cy']])
    expect((await node2.peerReview.rotateStudent('session-pr', 's1'))?.generation).toBe(1)
    expect((await node1.peerReview.getStudent('key-1'))?.generation).toBe(1)
    expect(await node1.peerReview.rotateStudent('session-pr', 'nobody')).toBeNull()

    const assignment = { id: 'a1', roundId: 'r1', studentKey: 'key-1', team: 1, reviewerPseudonym: 'Reviewer 1', position: 0 }
    await node1.peerReview.createRound({ id: 'r1', sessionId: 'session-pr', createdAt: 1700000001000, data: '{"x":1}' }, [assignment])
    await node2.peerReview.addAssignments([{ ...assignment, id: 'a2', studentKey: 'key-2', position: 1 }, { ...assignment, id: 'a-duplicate', position: 2 }])
    expect(await node2.peerReview.getRound('r1')).toEqual({ id: 'r1', sessionId: 'session-pr', createdAt: 1700000001000, data: '{"x":1}' })
    expect((await node1.peerReview.listRounds('session-pr')).map(({ id }) => id)).toEqual(['r1'])
    expect((await node1.peerReview.listAssignments('r1')).map(({ id }) => id)).toEqual(['a1', 'a2'])
    expect(await node2.peerReview.assignmentsOfStudent('key-1')).toEqual([assignment])

    const review = { assignmentId: 'a1', content: '{}', status: 'draft' as const, updatedAt: 1700000002000, submittedAt: null, late: false }
    await node1.peerReview.putRoundReview(review)
    await node2.peerReview.putRoundReview({ ...review, status: 'submitted', submittedAt: 1700000003000, late: true })
    expect(await node1.peerReview.getRoundReview('a1')).toEqual({ ...review, status: 'submitted', submittedAt: 1700000003000, late: true })
    expect(await node1.peerReview.listRoundReviews('r1')).toHaveLength(1)
  })

  it('keeps ratings, flags, hidden reviews and calibrations that either node serves', async () => {
    await expect(checkFeedbackStorage(node1, node2)).resolves.toBeUndefined()
  })

  it('stores assets any node can serve', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71])
    await node1.putAsset({ boardId: 'board-one', id: 'asset-1', contentType: 'image/png', bytes })
    const asset = await node2.getAsset('board-one', 'asset-1')
    expect(asset?.contentType).toBe('image/png')
    expect([...asset!.bytes]).toEqual([...bytes])
    expect(await node2.getAsset('board-one', 'nope')).toBeNull()
  })
})
