// A client worker process: holds many thin clients, driven by the orchestrator over IPC.
import type { Column } from './growable.ts'
import { monotonicMs } from './growable.ts'
import { measure } from './matching.ts'
import type { AnalyzeResult, FromWorker, RunResult, SendTable, ToWorker } from './messages.ts'
import { newRecorder, ThinClient, type Recorder } from './thin-client.ts'

let clients: ThinClient[] = []
let recorder: Recorder = newRecorder()

function reply(message: FromWorker): void {
  process.send!(message)
}

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }))
})
process.on('disconnect', () => process.exit(0))

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'open': {
      const cpuBefore = process.cpuUsage()
      const wallBefore = monotonicMs()
      if (!message.append) {
        for (const client of clients) client.close()
        recorder = newRecorder()
        clients = []
      }
      const opening = message.clients.map((spec) => new ThinClient(spec, recorder))
      clients.push(...opening)
      const failures: string[] = []
      await Promise.all(
        opening.map(async (client) => {
          const delay = client.spec.openAfterMs ?? 0
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
          await client.open().catch((error: unknown) => failures.push(String(error)))
        }),
      )
      for (const client of opening) if (client.syncedAfterMs !== undefined) client.prepare()
      const syncMs = opening.flatMap((c) => (c.syncedAfterMs === undefined ? [] : [c.syncedAfterMs]))
      const cpu = process.cpuUsage(cpuBefore)
      reply({ type: 'opened', result: { syncMs, failures, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: monotonicMs() - wallBefore } })
      return
    }
    case 'run': {
      recorder.measureFrom = message.measureFrom
      recorder.measureUntil = message.measureUntil
      await sleepUntil(message.startAt)
      const cpuBefore = process.cpuUsage()
      const wallBefore = monotonicMs()
      for (const client of clients) client.start()
      await sleepUntil(message.measureUntil)
      for (const client of clients) client.stop()
      const cpu = process.cpuUsage(cpuBefore)
      reply({ type: 'ran', result: runResult((cpu.user + cpu.system) / 1000, monotonicMs() - wallBefore) })
      return
    }
    case 'analyze':
      reply({ type: 'analyzed', result: analyze(message.doc, message.awareness) })
      return
    case 'close':
      for (const client of clients) client.close()
      clients = []
      reply({ type: 'closed' })
      return
  }
}

async function sleepUntil(time: number): Promise<void> {
  const wait = time - monotonicMs()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

function runResult(cpuMs: number, wallMs: number): RunResult {
  const finalShapes: RunResult['finalShapes'] = {}
  const finalBeacons: RunResult['finalBeacons'] = {}
  for (const client of clients) {
    const shape = client.finalShape()
    if (shape) finalShapes[shape.id] = { x: shape.x, y: shape.y }
    if (client.spec.role === 'beacon') finalBeacons[client.spec.documentName] = client.beaconSeq
  }
  const { docSent, awarenessSent } = recorder
  return {
    doc: { keys: docSent.keys.toArray(), lengths: docSent.lengths.toArray(), times: docSent.times.toArray(), rooms: docSent.rooms.toArray() },
    awareness: {
      keys: awarenessSent.keys.toArray(),
      lengths: new Float64Array(awarenessSent.keys.length).fill(1),
      times: awarenessSent.times.toArray(),
      rooms: awarenessSent.rooms.toArray(),
    },
    awarenessFrames: { ...recorder.awarenessFrames },
    finalShapes,
    finalBeacons,
    cpuMs,
    wallMs,
  }
}

/** Matches every reception to the send it carries (sends sorted by key) and measures it. */
function analyze(doc: SendTable, awareness: SendTable): AnalyzeResult {
  const [docKeys, docLengths, docTimes] = recorder.docReceived as [Column, Column, Column]
  const [awarenessKeys, awarenessTimes] = recorder.awarenessReceived as [Column, Column]
  return {
    doc: measure(doc, docKeys, docLengths, docTimes),
    awareness: measure(awareness, awarenessKeys, undefined, awarenessTimes),
    dropped: clients.filter((client) => client.lostReason !== undefined).length,
  }
}
