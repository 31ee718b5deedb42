import {
  CONTROLS_CHANNEL,
  DEFAULT_BOARD_CONTROLS,
  parseStateless,
  statelessServerMessageSchema,
  type BoardControls,
  type ControlCommand,
} from '@concord/shared'
import { describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { acknowledged, openReview, synced, type TestClient } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { boardControlsKey } from '../src/storage/board-settings.ts'
import { testResources } from './helpers/resources.ts'
import { openYws, ywsSynced } from './helpers/y-websocket.ts'

const SECRET = 'a test secret that is long enough'
const { start, open, track, dataDir } = testResources()

/** Follows the controls messages a client receives: the latest state and any refusals. */
function watchControls(client: TestClient) {
  const seen = { state: null as BoardControls | null, refusals: [] as string[] }
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.channel !== CONTROLS_CHANNEL || message.type === 'invalid') return
    if (message.type === 'state') seen.state = message.controls
    else seen.refusals.push(message.reason)
  })
  return seen
}

function command(client: TestClient, command: ControlCommand): void {
  client.provider.sendStateless(JSON.stringify({ channel: CONTROLS_CHANNEL, type: 'command', command }))
}

async function ownerAndEditor(server: { url: string }) {
  const board = await createBoard(server.url)
  const owner = open(server.url, board.id, linkToken(board.links.owner))
  const editor = open(server.url, board.id, linkToken(board.links.editor))
  const ownerControls = watchControls(owner)
  const editorControls = watchControls(editor)
  await Promise.all([synced(owner), synced(editor)])
  await waitFor(() => editorControls.state !== null, { what: 'the controls to reach the editor on connect' })
  return { board, owner, editor, ownerControls, editorControls }
}

describe('board controls', () => {
  it('a lock makes editors read-only on the server until the owner unlocks', async () => {
    const server = await start({ secret: SECRET })
    const { board, owner, editor, editorControls } = await ownerAndEditor(server)
    const editor2 = open(server.url, board.id, linkToken(board.links.editor))
    await synced(editor2)

    command(owner, { op: 'lock' })
    await waitFor(() => editorControls.state?.locked === true, { what: 'the lock to reach the editor' })
    // An edit a client sends anyway (its UI is read-only, so a forged one) is refused by the
    // server: not applied, not relayed. A forger connected before the lock and one connecting
    // while it holds are both read-only.
    const lateForger = open(server.url, board.id, linkToken(board.links.editor))
    await synced(lateForger)
    for (const [forger, key] of [[editor2, 'while-locked'], [lateForger, 'late-while-locked']] as const) {
      forger.doc.getMap('test').set(key, true)
      await waitFor(() => forger.refusedUpdates > 0, { what: `the server to refuse ${key}` })
    }
    owner.doc.getMap('test').set('owner-may', true)
    await acknowledged(owner)
    await waitFor(() => editor.doc.getMap('test').get('owner-may') === true, { what: 'the owner’s edit to reach the editor' })
    for (const key of ['while-locked', 'late-while-locked']) {
      expect(owner.doc.getMap('test').get(key)).toBeUndefined()
      expect(server.server.hocuspocus.documents.get(`board:${board.id}`)?.getMap('test').get(key)).toBeUndefined()
    }

    // Unlocking gives each open connection its role's rights back.
    command(owner, { op: 'unlock' })
    await waitFor(() => editorControls.state?.locked === false, { what: 'the unlock to reach the editor' })
    editor.doc.getMap('test').set('after-unlock', true)
    await waitFor(() => owner.doc.getMap('test').get('after-unlock') === true, { what: 'the editor’s edit after the unlock' })
  })

  it('a lock binds editors over the y-websocket endpoint too, open and new connections alike', async () => {
    const server = await start({ secret: SECRET })
    const { board, owner, editorControls } = await ownerAndEditor(server)
    const before = track(openYws(server.url, board.id, linkToken(board.links.editor)))
    await ywsSynced(before)
    command(owner, { op: 'lock' })
    await waitFor(() => editorControls.state?.locked === true, { what: 'the lock' })
    const after = track(openYws(server.url, board.id, linkToken(board.links.editor)))
    await ywsSynced(after)
    before.doc.getMap('test').set('yws-open', true)
    after.doc.getMap('test').set('yws-new', true)
    owner.doc.getMap('test').set('owner-later', true)
    await acknowledged(owner)
    await waitFor(() => after.doc.getMap('test').get('owner-later') === true, { what: 'the owner’s edit over /yws' })
    const live = server.server.hocuspocus.documents.get(`board:${board.id}`)
    expect(live?.getMap('test').get('yws-open')).toBeUndefined()
    expect(live?.getMap('test').get('yws-new')).toBeUndefined()
    expect(owner.doc.getMap('test').get('yws-open')).toBeUndefined()
  })

  it('refuses control commands from every role but the owner', async () => {
    const server = await start({ secret: SECRET })
    const { editor, ownerControls, editorControls } = await ownerAndEditor(server)
    command(editor, { op: 'lock' })
    command(editor, { op: 'broadcast', text: 'not mine to send' })
    await waitFor(() => editorControls.refusals.length === 2, { what: 'both commands to be refused' })
    expect(editorControls.refusals[0]).toMatch(/owner/)
    expect(ownerControls.state).toMatchObject({ locked: false, broadcast: null })
    expect(server.logs.some((line) => line.msg === 'board control refused: not the owner')).toBe(true)
  })

  it('a what-if the owner shows reaches everyone, late joiners too, and ends when the owner’s connection closes', async () => {
    const server = await start({ secret: SECRET })
    const { board, owner, editor, ownerControls, editorControls } = await ownerAndEditor(server)
    const failed = ['shape:zone-a', 'shape:cache']
    command(owner, { op: 'what-if', userId: 'user:owner', name: 'Dr. Mira', failed })
    await waitFor(() => editorControls.state?.whatIf?.failed.length === 2, { what: 'the shared what-if to reach the editor' })
    expect(editorControls.state?.whatIf).toMatchObject({ userId: 'user:owner', name: 'Dr. Mira', failed })

    // Only the owner shows one; ids that are not shapes are refused by the schema.
    command(editor, { op: 'what-if-end' })
    command(owner, { op: 'what-if', userId: 'user:owner', name: 'Dr. Mira', failed: ['not-a-shape'] })
    await waitFor(() => editorControls.refusals.length === 1 && ownerControls.refusals.length === 1, { what: 'both commands to be refused' })
    expect(editorControls.refusals[0]).toMatch(/owner/)
    expect(ownerControls.refusals[0]).toMatch(/invalid control command/)

    const lateJoiner = open(server.url, board.id, linkToken(board.links.viewer))
    const lateControls = watchControls(lateJoiner)
    await waitFor(() => lateControls.state !== null, { what: 'the controls on connect' })
    expect(lateControls.state?.whatIf?.failed).toEqual(failed)

    owner.destroy()
    await waitFor(() => editorControls.state?.whatIf === null && lateControls.state?.whatIf === null, { what: 'the what-if to end with the owner’s connection' })
    expect(editor.provider.isSynced).toBe(true)
  })

  it('a what-if stored by a server that died with the owner’s connection ends when the board opens again', async () => {
    const server = await start({ secret: SECRET })
    const board = await createBoard(server.url)
    const whatIf = { userId: 'user:owner', name: 'Dr. Mira', failed: ['shape:zone-a'], at: Date.now() }
    await server.server.storage.setSetting(boardControlsKey(board.id), JSON.stringify({ ...DEFAULT_BOARD_CONTROLS, whatIf }))
    const editor = open(server.url, board.id, linkToken(board.links.editor))
    const seen = watchControls(editor)
    await waitFor(() => seen.state !== null && seen.state.whatIf === null, { timeoutMs: 10_000, what: 'the orphaned what-if to end' })
    expect(JSON.parse((await server.server.storage.getSetting(boardControlsKey(board.id))) ?? '{}').whatIf).toBeNull()
  })

  it('broadcasts reach the board’s design and review connections; the timer survives a restart', async () => {
    const dir = dataDir()
    const first = await start({ secret: SECRET, dataDir: dir })
    const { board, owner } = await ownerAndEditor(first)
    const reviewer = track(openReview(first.url, board.id, linkToken(board.links.reviewer)))
    const reviewControls = watchControls(reviewer)
    await synced(reviewer)

    command(owner, { op: 'broadcast', text: 'Ten minutes left: write down your consistency model.' })
    await waitFor(() => reviewControls.state?.broadcast !== null && reviewControls.state?.broadcast !== undefined, {
      what: 'the broadcast to reach the review connection',
    })
    expect(reviewControls.state?.broadcast?.text).toBe('Ten minutes left: write down your consistency model.')

    command(owner, { op: 'timer', seconds: 600 })
    await waitFor(() => reviewControls.state?.timer !== null && reviewControls.state?.timer !== undefined, { what: 'the timer' })
    const timer = reviewControls.state!.timer!
    expect(timer.endsAt - timer.startedAt).toBe(600_000)
    await first.close()

    const second = await start({ secret: SECRET, dataDir: dir })
    const lateJoiner = open(second.url, board.id, linkToken(board.links.viewer))
    const lateControls = watchControls(lateJoiner)
    await waitFor(() => lateControls.state !== null, { what: 'the controls after the restart' })
    expect(lateControls.state?.timer).toEqual(timer)
    expect(lateControls.state?.broadcast?.text).toBe('Ten minutes left: write down your consistency model.')
  })
})
