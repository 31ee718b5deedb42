import { afterAll, describe, expect, it } from 'vitest'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { seededRandom } from '@concord/test-kit/random'
import { testSeed } from '@concord/test-kit/seed'
import { startWriter } from '../support/acknowledged-writer.ts'
import { addBuckets, histogramBuckets, quantile, type Buckets } from '../support/prometheus.ts'
import { ServerProcess } from '../support/server-process.ts'

const CYCLES = 20
/** The server is killed this long (uniformly, seeded) after the writer of a cycle has synced. */
const KILL_AFTER_MS = { min: 100, max: 700 }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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
