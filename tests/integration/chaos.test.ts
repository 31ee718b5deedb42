import type { HocuspocusProvider } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import { afterAll, describe, expect, it } from 'vitest'
import { connectBoard, createBoard, eventually, linkToken } from '../support/api-client.ts'
import { addBuckets, histogramBuckets, quantile, type Buckets } from '../support/prometheus.ts'
import { seededRandom, testSeed } from '../support/random.ts'
import { ServerProcess } from '../support/server-process.ts'

const CYCLES = 20
/** The server is killed this long (uniformly, seeded) after the writer of a cycle has synced. */
const KILL_AFTER_MS = { min: 100, max: 700 }

/** Hocuspocus' acknowledgement frame type. */
const SYNC_STATUS = 8

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a frame the provider received is an acknowledgement of an applied update. */
function isAcknowledgement(data: ArrayBuffer): boolean {
  const decoder = decoding.createDecoder(new Uint8Array(data))
  decoding.readVarString(decoder)
  return decoding.readVarUint(decoder) === SYNC_STATUS && decoding.readVarInt(decoder) === 1
}

/**
 * A writer that makes numbered edits (`e<n>` = n, from `firstEdit` on), one update each, in
 * bursts with short pauses, and tracks which the server acknowledged. Once the handshake's own
 * acknowledgement is in, the server answers each update with one acknowledgement, in order, so
 * the k-th acknowledgement is for the k-th edit still waiting. As a cross-check, whenever the
 * provider counts no unacknowledged change, no edit may be waiting.
 */
async function startWriter(provider: HocuspocusProvider, firstEdit: number, random: () => number) {
  await eventually(() => provider.unsyncedChanges === 0, 10_000, 'the handshake acknowledged')
  const edits = provider.document.getMap<number>('chaos')
  const state = { next: firstEdit, acknowledged: [] as number[], waiting: [] as number[], stopped: false, mismatch: '' }
  provider.on('message', ({ event }: { event: MessageEvent }) => {
    if (!isAcknowledgement(event.data as ArrayBuffer)) return
    const edit = state.waiting.shift()
    if (edit === undefined) state.mismatch ||= 'an acknowledgement with no edit waiting'
    else state.acknowledged.push(edit)
  })
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0 && state.waiting.length > 0) state.mismatch ||= `${state.waiting.length} edits waiting at 0 unsynced`
  })
  const done = (async () => {
    while (!state.stopped) {
      const burst = 1 + Math.floor(random() * 8)
      for (let i = 0; i < burst; i++) {
        state.waiting.push(state.next)
        edits.set(`e${state.next}`, state.next)
        state.next++
      }
      await sleep(random() * 12)
    }
  })()
  return {
    state,
    async stop() {
      state.stopped = true
      await done
      if (state.mismatch) throw new Error(`acknowledgement tracking is off: ${state.mismatch}`)
    },
  }
}

async function scrapeMetrics(url: string): Promise<string> {
  const response = await fetch(new URL('/metrics', url))
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`)
  return response.text()
}

const ms = (seconds: number | undefined) => (seconds === undefined ? 'n/a' : `${(seconds * 1000).toFixed(2)} ms`)

describe('chaos: kill -9 while a writer edits', () => {
  const server = new ServerProcess()
  afterAll(() => server.dispose())

  it(`loses no acknowledged edit over ${CYCLES} kill -9 and restart cycles`, { timeout: 110_000 }, async () => {
    const seed = testSeed()
    const random = seededRandom(seed)
    const commitLatency: Buckets = new Map()
    const ackLatency: Buckets = new Map()
    // Unacknowledged edits may or may not survive; these must.
    const acknowledged: number[] = []
    let nextEdit = 0
    let checks = 0
    const started = Date.now()
    try {
      await server.start()
      const board = await createBoard(server.url, 'Chaos')
      const token = linkToken(board.links.editor)

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const writer = await connectBoard(server.url, board.id, token)
        const run = await startWriter(writer, nextEdit, random)
        await sleep(KILL_AFTER_MS.min + random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min))
        const metrics = await scrapeMetrics(server.url)
        await server.stop('SIGKILL')
        await run.stop()
        writer.destroy()
        addBuckets(commitLatency, histogramBuckets(metrics, 'concord_commit_duration_seconds'))
        addBuckets(ackLatency, histogramBuckets(metrics, 'concord_ack_delay_seconds'))
        acknowledged.push(...run.state.acknowledged)
        nextEdit = run.state.next

        // A fresh client on the restarted server; the writer's copy is gone. The next cycle's
        // writer uses the same server.
        await server.start()
        const reader = await connectBoard(server.url, board.id, token)
        const seen = reader.document.getMap<number>('chaos')
        const missing: string[] = []
        for (const edit of acknowledged) if (seen.get(`e${edit}`) !== edit) missing.push(`e${edit}`)
        reader.destroy()
        checks += acknowledged.length
        if (missing.length > 0) {
          throw new Error(`cycle ${cycle}: ${missing.length} acknowledged edits lost: ${missing.slice(0, 20).join(', ')}`)
        }
      }
    } catch (error) {
      throw new Error(`chaos test failed with seed ${seed} (replay with CONCORD_TEST_SEED=${seed})`, { cause: error })
    }
    // The premise: the writer got plenty of acknowledgements to lose.
    expect(acknowledged.length).toBeGreaterThan(CYCLES * 20)
    console.info(
      [
        `chaos: seed ${seed}, ${CYCLES} kill -9 cycles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `${acknowledged.length} acknowledged edits (of ${nextEdit} made), ${checks} edit checks after restarts, 0 lost`,
        `commit latency p50 ${ms(quantile(commitLatency, 0.5))}, p90 ${ms(quantile(commitLatency, 0.9))}, p99 ${ms(quantile(commitLatency, 0.99))} (${commitLatency.get(Infinity)} commits)`,
        `ack latency p50 ${ms(quantile(ackLatency, 0.5))}, p90 ${ms(quantile(ackLatency, 0.9))}, p99 ${ms(quantile(ackLatency, 0.99))} (${ackLatency.get(Infinity)} acknowledgements)`,
      ].join('\n'),
    )
  })
})
