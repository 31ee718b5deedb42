import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { boardDocumentName, LAB_CHANNEL } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { authFrame, statelessFrame, statelessPayload } from '@concord/test-kit/frames'
import { quantile } from '@concord/test-kit/quantile'
import { openRawSocket } from '@concord/test-kit/raw-socket'
import { waitFor } from '@concord/test-kit/wait'
import { ROOT, ServerProcess } from '../support/server-process.ts'

/** About 20 MB of board: 19,000 shapes with a paragraph of text each (within the 20,000 records a board may hold). */
const SHAPES = 19_000
const SUBSCRIPTIONS = 30
const PING_INTERVAL_MS = 10
/** How long the other board is measured at least, and at most. */
const MEASURE_MIN_MS = 3000
const MEASURE_MAX_MS = 30_000

describe('lab subscriptions on a large board', () => {
  const server = new ServerProcess()
  afterAll(() => server.dispose())

  it(`${SUBSCRIPTIONS} subscriptions from a viewer add no stall to another board's p99 relay latency`, { timeout: 120_000 }, async () => {
    await server.start()
    const large = await createBoard(server.url, 'Large')
    // Filled from another process, so this one holds nothing large while it measures.
    const fill = spawn(process.execPath, ['--import', 'tsx', 'tests/support/large-board-writer.ts', server.url, large.id, linkToken(large.links.editor), String(SHAPES)], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    const code = await new Promise<number | null>((resolve) => fill.once('exit', resolve))
    expect(code, 'the large board filled').toBe(0)
    // The viewer speaks raw frames: it subscribes without holding the board either.
    const viewer = await openRawSocket(server.url)
    const name = boardDocumentName(large.id)
    viewer.socket.send(authFrame(name, linkToken(large.links.viewer)))
    let snapshots = 0
    let refusals = 0
    let loaded = false
    viewer.socket.addEventListener('message', (event) => {
      const payload = statelessPayload(new Uint8Array(event.data as ArrayBuffer))
      const message = payload === null ? null : (JSON.parse(payload) as { channel?: string; type?: string })
      // The first stateless message (the board's controls) comes once the board is loaded.
      if (message) loaded = true
      if (message?.channel !== LAB_CHANNEL) return
      if (message.type === 'snapshot') snapshots++
      if (message.type === 'refused') refusals++
    })
    // Loading the board takes its own time; measure after it.
    await waitFor(() => loaded, { timeoutMs: 30_000, what: 'the viewer to be connected to the loaded board' })

    // Another board, edited every 10 ms: how long each edit takes to reach its other client.
    const other = await createBoard(server.url, 'Other')
    const pinger = await connectBoard(server.url, other.id, linkToken(other.links.editor))
    const watcher = await connectBoard(server.url, other.id, linkToken(other.links.editor))
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    watcher.document.getMap<number>('pings').observe((event) => {
      const now = performance.now()
      for (const key of event.keysChanged) {
        const at = sentAt.get(key)
        if (at !== undefined) latencies.push(now - at)
        sentAt.delete(key)
      }
    })
    let next = 0
    /** Edits the other board every 10 ms until `until` holds; resolves with their latencies. */
    const measure = async (until: () => boolean, what: string): Promise<number[]> => {
      latencies.length = 0
      const ping = setInterval(() => {
        const key = `p${next++}`
        sentAt.set(key, performance.now())
        pinger.document.getMap<number>('pings').set(key, next)
      }, PING_INTERVAL_MS)
      try {
        await waitFor(until, { timeoutMs: MEASURE_MAX_MS, what: what })
      } finally {
        clearInterval(ping)
      }
      await waitFor(() => sentAt.size === 0, { timeoutMs: 10_000, what: 'the last pings to arrive' })
      return [...latencies]
    }

    // The same measurement with nobody subscribing: what this machine gives at the moment.
    let started = Date.now()
    const baseline = await measure(() => Date.now() - started >= MEASURE_MIN_MS, 'the baseline window')
    started = Date.now()
    for (let i = 0; i < SUBSCRIPTIONS; i++) viewer.socket.send(statelessFrame(name, JSON.stringify({ channel: LAB_CHANNEL, type: 'subscribe' })))
    const measured = await measure(() => snapshots > 0 && Date.now() - started >= MEASURE_MIN_MS, 'a lab snapshot for the viewer')
    const snapshotMs = Date.now() - started
    latencies.splice(0, latencies.length, ...measured)
    const sortedLatencies = [...latencies].sort((a, b) => a - b)
    const sortedBaseline = [...baseline].sort((a, b) => a - b)

    const p50 = quantile(sortedLatencies, 0.5)
    const p99 = quantile(sortedLatencies, 0.99)
    const max = Math.max(...latencies)
    console.info(
      `lab subscriptions: ${SUBSCRIPTIONS} subscribes on a ${SHAPES}-shape board, ${snapshots} snapshots, ${refusals} refused; ` +
        `other board over ${latencies.length} edits: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms (window ${snapshotMs} ms); ` +
        `baseline without subscriptions: p50 ${quantile(sortedBaseline, 0.5).toFixed(1)} ms, p99 ${quantile(sortedBaseline, 0.99).toFixed(1)} ms`,
    )
    expect(latencies.length).toBeGreaterThan(100)
    // What the subscriptions add to the other board's p99. Alone on the machine it is a few ms
    // (17.7 against 12.0 ms); beside the parallel test suite other files' bursts add tens of ms to
    // either window, so the bound here is 200 ms: far below the seconds one unshared digest of
    // this board held the loop for, and not at the mercy of the neighbours.
    expect(p99 - quantile(sortedBaseline, 0.99)).toBeLessThan(200)
    expect(refusals).toBeGreaterThan(0)
    viewer.socket.close()
    for (const client of [pinger, watcher]) client.destroy()
  })
})
