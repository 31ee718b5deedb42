import type { HocuspocusProvider } from '@hocuspocus/provider'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_BOARD_CONTROLS, LAB_CHANNEL, parseStateless, statelessServerMessageSchema, type LabServerMessage } from '@concord/shared'
import type * as Y from 'yjs'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard, openBoard, synced } from '@concord/test-kit/collab-client'
import { quantile } from '@concord/test-kit/quantile'
import { seededRandom } from '@concord/test-kit/random'
import { testSeed } from '@concord/test-kit/seed'
import { waitFor } from '@concord/test-kit/wait'
import { startWriter } from '../support/acknowledged-writer.ts'
import { connectWithFailover } from '../support/failover-client.ts'
import { findPostgresBin, PostgresProcess } from '../support/postgres-process.ts'
import { metricValue } from '../support/prometheus.ts'
import { findRedisServer, RedisProcess } from '../support/redis-process.ts'
import { ServerProcess } from '../support/server-process.ts'

const redisServer = findRedisServer()
const postgresBin = findPostgresBin()
const missing = [
  redisServer ? '' : 'redis-server (Debian package redis-server)',
  postgresBin ? '' : 'PostgreSQL server binaries in /usr/lib/postgresql/*/bin (Debian package postgresql)',
].filter((what) => what !== '')
const inCi = process.env.CI === 'true'
if (missing.length > 0 && !inCi) {
  console.warn(
    `\n*** SKIPPED: the multi-node test needs ${missing.join(' and ')}, not installed here. ` +
      '`.ci/run` installs them; under CI=true their absence fails the run. ***\n',
  )
}

/** Cross-node latency samples: edits made on one node, timed until the other node's client has them. */
const LATENCY_SAMPLES = 200

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves with `performance.now()` when `key` appears in `map` (or at once if it is there). */
function arrival(map: Y.Map<number>, key: string, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (map.has(key)) return resolve(performance.now())
    const observer = (event: Y.YMapEvent<number>) => {
      if (!event.keysChanged.has(key)) return
      clearTimeout(timer)
      map.unobserve(observer)
      resolve(performance.now())
    }
    const timer = setTimeout(() => {
      map.unobserve(observer)
      reject(new Error(`${key} did not cross to the other node within ${timeoutMs} ms`))
    }, timeoutMs)
    map.observe(observer)
  })
}

const collabUrlOf = (node: ServerProcess) => new URL('/collab', node.url).href.replace(/^http/, 'ws')

function namesPresent(provider: HocuspocusProvider): string[] {
  return [...provider.awareness!.getStates().values()].map((state) => String(state.user?.name ?? '')).filter(Boolean)
}

/** Follows the lock in the board controls a client is told about. */
function lockSeenBy(provider: HocuspocusProvider): { value: boolean } {
  const locked = { value: false }
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as { channel?: string; type?: string; controls?: { locked: boolean } }
    if (message.channel === 'controls' && message.type === 'state') locked.value = message.controls!.locked
  })
  return locked
}

describe('multi-node: two servers sharing PostgreSQL, relaying through Redis', () => {
  // Under CI=true a missing engine is not a reason to skip: the setup below fails the run.
  describe.skipIf(missing.length > 0 && !inCi)('nodes', () => {
    let redis: RedisProcess | undefined
    let postgres: PostgresProcess | undefined
    let node1: ServerProcess
    let node2: ServerProcess

    beforeAll(async () => {
      if (missing.length > 0) throw new Error(`CI=true but ${missing.join(' and ')} not installed (.ci/run installs them)`)
      redis = new RedisProcess()
      postgres = new PostgresProcess()
      await Promise.all([redis.start(redisServer!), postgres.start(postgresBin!)])
      const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url, CONCORD_SECRET: 'multi-node-test-secret-0123456789' }
      node1 = new ServerProcess({ env })
      node2 = new ServerProcess({ env })
      // Started together: both migrate the same empty database (one waits for the other's lock).
      await Promise.all([node1.start(), node2.start()])
    }, 90_000)

    afterAll(async () => {
      await Promise.all([node1?.dispose(), node2?.dispose()])
      await Promise.all([redis?.dispose(), postgres?.dispose()])
    })

    /** The board's owner and a viewer on node 1, an editor on node 2, all synced. */
    async function ownerReaderAndEditor(board: Awaited<ReturnType<typeof createBoard>>) {
      const owner = await connectBoard(node1.url, board.id, linkToken(board.links.owner))
      const reader = await connectBoard(node1.url, board.id, linkToken(board.links.viewer))
      const editor = await connectBoard(node2.url, board.id, linkToken(board.links.editor))
      return { owner, reader, editor }
    }

    it('opens on node 2 a link created on node 1', async () => {
      const board = await createBoard(node1.url, 'Made on node 1')
      const token = linkToken(board.links.editor)
      const info = await fetch(new URL(`/api/boards/${board.id}`, node2.url), { headers: { authorization: `Bearer ${token}` } })
      expect(info.status).toBe(200)
      expect(await info.json()).toMatchObject({ id: board.id, title: 'Made on node 1', role: 'editor' })
      const client = await connectBoard(node2.url, board.id, token)
      expect(client.isSynced).toBe(true)
      client.destroy()
    })

    it('a lock the owner sets on node 1 makes editors on node 2 read-only, until the unlock', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Locked across nodes')
      const { owner, reader, editor } = await ownerReaderAndEditor(board)
      const command = (op: 'lock' | 'unlock') => owner.sendStateless(JSON.stringify({ channel: 'controls', type: 'command', command: { op } }))
      const lockedOnNode2 = lockSeenBy(editor)
      try {
        command('lock')
        await waitFor(() => lockedOnNode2.value, { timeoutMs: 10_000, what: 'the lock to reach the editor on node 2' })
        editor.document.getMap('m').set('while-locked', true)
        owner.document.getMap('m').set('owner-after', true)
        await waitFor(() => reader.document.getMap('m').get('owner-after') === true, { timeoutMs: 10_000, what: 'the owner’s edit to reach the reader' })
        // Node 2 refused the editor's edit: it never reached the other node.
        expect(reader.document.getMap('m').get('while-locked')).toBeUndefined()

        command('unlock')
        await waitFor(() => !lockedOnNode2.value, { timeoutMs: 10_000, what: 'the unlock to reach node 2' })
        const fresh = await connectBoard(node2.url, board.id, linkToken(board.links.editor))
        try {
          fresh.document.getMap('m').set('after-unlock', true)
          await waitFor(() => reader.document.getMap('m').get('after-unlock') === true, { timeoutMs: 10_000, what: 'an edit after the unlock' })
        } finally {
          fresh.destroy()
        }
      } finally {
        for (const client of [owner, editor, reader]) client.destroy()
      }
    })

    it('lets clients on both nodes edit one board live: presence crosses nodes and edits converge', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Shared')
      const token = linkToken(board.links.editor)
      const ada = await connectBoard(node1.url, board.id, token)
      const bob = await connectBoard(node2.url, board.id, token)
      try {
        ada.awareness!.setLocalStateField('user', { name: 'Ada' })
        bob.awareness!.setLocalStateField('user', { name: 'Bob' })
        await waitFor(() => namesPresent(bob).includes('Ada') && namesPresent(ada).includes('Bob'), { timeoutMs: 10_000, what: 'presence crossed nodes' })

        // Latency, one edit at a time, alternating direction.
        const adaMap = ada.document.getMap<number>('latency')
        const bobMap = bob.document.getMap<number>('latency')
        const samples: number[] = []
        for (let i = 0; i < LATENCY_SAMPLES; i++) {
          const [from, to] = i % 2 === 0 ? [adaMap, bobMap] : [bobMap, adaMap]
          const arrived = arrival(to, `k${i}`)
          const sent = performance.now()
          from.set(`k${i}`, i)
          samples.push((await arrived) - sent)
        }
        samples.sort((a, b) => a - b)
        console.info(
          `multi-node: cross-node propagation over ${samples.length} edits (client → node → Redis → node → client): ` +
            `p50 ${quantile(samples, 0.5).toFixed(2)} ms, p99 ${quantile(samples, 0.99).toFixed(2)} ms, max ${samples.at(-1)!.toFixed(2)} ms`,
        )

        // Concurrent edits on both nodes at once: same map, same text, conflicting keys.
        const adaText = ada.document.getText('notes')
        const bobText = bob.document.getText('notes')
        for (let i = 0; i < 50; i++) {
          ada.document.getMap<string>('concurrent').set(`a${i}`, 'ada')
          bob.document.getMap<string>('concurrent').set(`b${i}`, 'bob')
          ada.document.getMap<string>('concurrent').set('contested', `ada${i}`)
          bob.document.getMap<string>('concurrent').set('contested', `bob${i}`)
          adaText.insert(0, 'a')
          bobText.insert(0, 'b')
        }
        const contents = (provider: HocuspocusProvider) => ({
          map: provider.document.getMap('concurrent').toJSON(),
          text: provider.document.getText('notes').toString(),
        })
        await waitFor(() => isDeepStrictEqual(contents(ada), contents(bob)), { timeoutMs: 10_000, what: 'both nodes’ clients converged' })
        expect(Object.keys(ada.document.getMap('concurrent').toJSON())).toHaveLength(101)
        expect(bobText.length).toBe(100)

        // Ada was node 1's only client of the board: her leaving still reaches node 2 at once.
        ada.destroy()
        await waitFor(() => !namesPresent(bob).includes('Ada'), { timeoutMs: 5_000, what: 'Ada’s presence gone from node 2' })
      } finally {
        ada.destroy()
        bob.destroy()
      }
    })

    it('presence crosses nodes in batches, each peer at its latest state, and a viewer shows on neither node', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Hall')
      const token = linkToken(board.links.editor)
      const near = await connectBoard(node1.url, board.id, token)
      const far = await connectBoard(node2.url, board.id, token)
      const viewer = openBoard(node1.url, board.id, linkToken(board.links.viewer))
      const cursorAt = (provider: HocuspocusProvider, clientId: number) => (provider.awareness!.getStates().get(clientId) as { cursor?: { x: number } } | undefined)?.cursor?.x
      try {
        await synced(viewer)
        viewer.provider.setAwarenessField('user', { name: 'Viewer' })
        // Frames of one connection are handled in order: once the viewer's edit is refused, its presence before it was handled.
        viewer.doc.getMap('m').set('from-viewer', true)
        await waitFor(() => viewer.refusedUpdates > 0, { timeoutMs: 10_000, what: 'the viewer’s edit refused' })
        // Moves faster than the presence tick, on both nodes at once.
        for (let x = 1; x <= 20; x++) {
          near.setAwarenessField('cursor', { x })
          far.setAwarenessField('cursor', { x })
        }
        await waitFor(() => cursorAt(far, near.document.clientID) === 20 && cursorAt(near, far.document.clientID) === 20, {
          timeoutMs: 10_000,
          what: 'each editor’s last cursor on the other node',
        })
        expect([...namesPresent(near), ...namesPresent(far)]).not.toContain('Viewer')
        expect(far.awareness!.getStates().has(viewer.doc.clientID)).toBe(false)
      } finally {
        near.destroy()
        far.destroy()
        viewer.destroy()
      }
    })

    it('a node that missed a controls change while its Redis subscription was down reads it when it reconnects', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Missed lock')
      const { owner, reader, editor } = await ownerReaderAndEditor(board)
      const lockedOnNode2 = lockSeenBy(editor)
      try {
        // The lock reaches the database but no node announces it: the announcement was lost.
        const controls = JSON.stringify({ ...DEFAULT_BOARD_CONTROLS, locked: true }).replaceAll("'", "''")
        postgres!.query(
          `INSERT INTO settings (key, value) VALUES ('board-controls:${board.id}', '${controls}') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        // Every node's subscriptions drop (as when Redis restarts or the network blips) and come back.
        expect(Number(redis!.command('CLIENT', 'KILL', 'TYPE', 'pubsub'))).toBeGreaterThan(0)
        await waitFor(() => lockedOnNode2.value, { timeoutMs: 10_000, what: 'node 2 to read the lock again after reconnecting' })
        editor.document.getMap('m').set('while-locked', true)
        owner.document.getMap('m').set('owner-after', true)
        await waitFor(() => reader.document.getMap('m').get('owner-after') === true, { timeoutMs: 10_000, what: 'the owner’s edit to reach the reader' })
        expect(reader.document.getMap('m').get('while-locked')).toBeUndefined()
      } finally {
        for (const client of [owner, editor, reader]) client.destroy()
      }
    })

    it('the lab on node 1 shows node 2, its replicas and their updates, and drops node 2 when it closes the board', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Lab across nodes')
      const owner = await connectBoard(node1.url, board.id, linkToken(board.links.owner))
      const messages: LabServerMessage[] = []
      owner.on('stateless', ({ payload }: { payload: string }) => {
        const message = parseStateless(statelessServerMessageSchema, payload)
        if (message?.channel === LAB_CHANNEL && message.type !== 'invalid') messages.push(message)
      })
      const events = () => messages.flatMap((message) => (message.type === 'event' ? [message.event] : []))
      let editor: HocuspocusProvider | undefined
      try {
        owner.sendStateless(JSON.stringify({ channel: 'lab', type: 'subscribe' }))
        const snapshot = () => messages.flatMap((message) => (message.type === 'snapshot' ? [message] : []))[0]
        await waitFor(() => snapshot() !== undefined, { timeoutMs: 10_000, what: 'the lab snapshot from node 1' })
        const node1Id = snapshot()!.server.nodeId

        editor = await connectBoard(node2.url, board.id, linkToken(board.links.editor))
        const otherNodes = () => events().flatMap((event) => (event.type === 'server-state' && event.server.nodeId !== node1Id ? [event.server.nodeId] : []))
        await waitFor(() => otherNodes().length > 0, { timeoutMs: 10_000, what: 'node 2’s state in the lab on node 1' })
        const node2Id = otherNodes()[0]!
        await waitFor(
          () => events().some((event) => (event.type === 'replica-changed' || event.type === 'replica-joined') && event.replica.nodeId === node2Id),
          { timeoutMs: 10_000, what: 'the editor on node 2 listed in the lab on node 1' },
        )
        editor.document.getMap('m').set('from-node-2', true)
        const legsIntoNode2 = () => events().flatMap((event) => (event.type === 'update' && event.leg.nodeId === node2Id && event.leg.direction === 'in' ? [event.leg] : []))
        await waitFor(() => legsIntoNode2().length > 0, { timeoutMs: 10_000, what: 'the edit on node 2 drawn as a message into node 2' })
        expect(legsIntoNode2().flatMap((leg) => leg.authors.map((range) => range.clientId))).toContain(editor.document.clientID)
        // The last client on node 2 leaves: node 2 closes the board and says so.
        editor.destroy()
        editor = undefined
        await waitFor(() => events().some((event) => event.type === 'node-left' && event.nodeId === node2Id), { timeoutMs: 20_000, what: 'node 2 leaving the lab' })
      } finally {
        editor?.destroy()
        owner.destroy()
      }
    })

    it('an owner on node 1 partitions a replica on node 2 from the lab, and heals it', { timeout: 60_000 }, async () => {
      const board = await createBoard(node1.url, 'Partition across nodes')
      const { owner, reader, editor } = await ownerReaderAndEditor(board)
      const fault = { partitioned: false }
      editor.on('stateless', ({ payload }: { payload: string }) => {
        const message = parseStateless(statelessServerMessageSchema, payload)
        if (message?.channel === LAB_CHANNEL && message.type === 'your-fault') fault.partitioned = message.fault?.partitioned ?? false
      })
      const command = (command: object) => owner.sendStateless(JSON.stringify({ channel: 'lab', type: 'fault', command }))
      try {
        // A tab publishes its user in its presence: that is how a node knows which connection is which replica.
        editor.awareness!.setLocalStateField('user', { name: 'Editor on node 2', color: '#123456' })
        await waitFor(() => owner.awareness!.getStates().has(editor.document.clientID), { timeoutMs: 10_000, what: 'the editor’s presence, relayed to node 1' })
        command({ op: 'partition', clientId: editor.document.clientID })
        await waitFor(() => fault.partitioned, { timeoutMs: 10_000, what: 'node 2 to partition the editor' })
        editor.document.getMap('m').set('while-partitioned', true)
        owner.document.getMap('m').set('owner-after', true)
        await waitFor(() => reader.document.getMap('m').get('owner-after') === true, { timeoutMs: 10_000, what: 'the owner’s edit to reach the reader' })
        expect(reader.document.getMap('m').get('while-partitioned')).toBeUndefined()
        expect(editor.document.getMap('m').get('owner-after')).toBeUndefined()

        command({ op: 'heal-all' })
        await waitFor(() => reader.document.getMap('m').get('while-partitioned') === true, { timeoutMs: 15_000, what: 'the editor’s edit after the heal' })
        await waitFor(() => editor.document.getMap('m').get('owner-after') === true, { timeoutMs: 15_000, what: 'the owner’s edit at the editor after the heal' })
        expect(fault.partitioned).toBe(false)
      } finally {
        for (const client of [owner, reader, editor]) client.destroy()
      }
    })

    it('survives kill -9 of a node: its clients fail over and nothing acknowledged is lost', { timeout: 90_000 }, async () => {
      const seed = testSeed()
      const random = seededRandom(seed)
      try {
        const board = await createBoard(node1.url, 'Failover')
        const token = linkToken(board.links.editor)
        // Ada fails over like the web app; Bob's copy dies with node 1; Cy watches from node 2.
        const ada = await connectWithFailover([node1.url, node2.url], board.id, token)
        const bob = await connectBoard(node1.url, board.id, token)
        const cy = await connectBoard(node2.url, board.id, token)
        const adaWriter = await startWriter(ada.provider, 0, random, 'edits')
        const bobWriter = await startWriter(bob, 1_000_000, random, 'edits')
        await waitFor(
          () => adaWriter.state.acknowledged.length > 50 && bobWriter.state.acknowledged.length > 50,
          { timeoutMs: 20_000, what: 'both writers on node 1 have edits acknowledged' },
        )
        await sleep(random() * 200)
        await node1.stop('SIGKILL')
        await Promise.all([adaWriter.stop(), bobWriter.stop()])
        bob.destroy()
        const acknowledged = [...adaWriter.state.acknowledged, ...bobWriter.state.acknowledged]

        // Ada keeps editing while her node is gone, then lands on node 2.
        const adaEdits = ada.provider.document.getMap<number>('edits')
        for (let i = 0; i < 20; i++) adaEdits.set(`offline${i}`, i)
        await waitFor(
          () => ada.current() === collabUrlOf(node2) && ada.provider.isSynced && ada.provider.unsyncedChanges === 0,
          { timeoutMs: 20_000, what: 'Ada failed over to node 2' },
        )
        const adaAll = Object.keys(adaEdits.toJSON())
        const cyEdits = cy.document.getMap<number>('edits')
        await waitFor(() => adaAll.every((key) => cyEdits.has(key)), { timeoutMs: 10_000, what: 'Cy on node 2 sees all of Ada’s edits' })
        // The provider's unsynced count restarts at 1 on reconnection, so it can reach 0 while
        // acknowledgements of edits queued during the outage are still on their way: node 2
        // holding no acknowledgement back is what says that all of them went out.
        await waitFor(async () => {
          const metrics = await (await fetch(new URL('/metrics', node2.url))).text()
          return metricValue(metrics, 'concord_held_acks') === 0 && metricValue(metrics, 'concord_pending_updates') === 0
        }, { timeoutMs: 10_000, what: 'node 2 sent every acknowledgement' })
        ada.destroy()
        cy.destroy()

        // Only storage is left: every acknowledged edit must come back from PostgreSQL.
        await node2.stop('SIGKILL')
        await node2.start()
        const reader = await connectBoard(node2.url, board.id, token)
        const stored = reader.document.getMap<number>('edits')
        const lost = acknowledged.filter((edit) => stored.get(`e${edit}`) !== edit)
        const lostOffline = adaAll.filter((key) => !stored.has(key))
        reader.destroy()
        expect(lost, 'edits acknowledged by node 1 before its kill').toEqual([])
        expect(lostOffline, 'Ada’s edits acknowledged by node 2 after failover').toEqual([])
        expect(acknowledged.length).toBeGreaterThan(100)
        console.info(
          `multi-node failover: seed ${seed}, ${acknowledged.length} edits acknowledged by node 1 before kill -9, ` +
            `${adaAll.length} edits of the failing-over client acknowledged by node 2, 0 lost`,
        )
      } catch (error) {
        throw new Error(`multi-node failover failed with seed ${seed} (replay with CONCORD_TEST_SEED=${seed})`, { cause: error })
      }
    })
  })
})
