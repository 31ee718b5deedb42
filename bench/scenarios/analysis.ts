import { analyseRecords, type JsonRecord } from '@concord/shared'
import { seededRandom } from '@concord/test-kit/random'

/** Layers of a synthetic design, callers first: clients, balancers, services, then stores. */
const LAYERS = ['web-client', 'load-balancer', 'stateless-service', 'stateless-service', 'stateless-service', 'cache', 'kv-store', 'relational-db']
/** Connections per component, as on the reference board (500 components, 800 connections). */
const CONNECTIONS_PER_COMPONENT = 1.6
/** Zones the components are spread over. */
const ZONES = 3

function shape(id: string, type: string, parentId: string, props: JsonRecord['props'], meta: JsonRecord['meta'] = {}): JsonRecord {
  return { id, typeName: 'shape', type, x: 0, y: 0, rotation: 0, index: 'a1', parentId, isLocked: false, opacity: 1, props, meta }
}

/**
 * The records of a layered design with `components` components in zones of one region and
 * about 1.6 connections per component, each component calling one or more of the next layer
 * (so many components are shared by several callers, the hard case for entry availability).
 */
export function syntheticBoard(components: number, seed = 1): JsonRecord[] {
  const next = seededRandom(seed)
  const records: JsonRecord[] = [shape('shape:region', 'container', 'page:page', { kind: 'region', name: 'region', w: 1000, h: 1000 })]
  for (let zone = 0; zone < ZONES; zone++) records.push(shape(`shape:zone-${zone}`, 'container', 'shape:region', { kind: 'zone', name: `zone ${zone}`, w: 300, h: 300 }))
  const layers: string[][] = LAYERS.map(() => [])
  for (let i = 0; i < components; i++) {
    const layer = i % LAYERS.length
    const kind = LAYERS[layer]!
    const id = `shape:c${i}`
    layers[layer]!.push(id)
    const properties = {
      instanceAvailability: 99.9,
      replicasDesired: kind === 'relational-db' ? 2 : 3,
      failover: 'automatic',
      latencyP50: 5,
      latencyP99: 40,
      capacity: 500,
      cost: 100,
      ...(kind === 'kv-store' ? { n: 3, r: 2, w: 2 } : {}),
      ...(kind === 'web-client' ? { throughput: 50, latencyP50: 300, latencyP99: 1000 } : {}),
    }
    const parent = kind === 'web-client' ? 'page:page' : `shape:zone-${i % ZONES}`
    records.push(shape(id, 'component', parent, { kind, name: `${kind} ${i}`, w: 180, h: 100, properties, rationale: {} }))
  }
  const connections = Math.round(components * CONNECTIONS_PER_COMPONENT)
  for (let c = 0; c < connections; c++) {
    const layer = c % (LAYERS.length - 1)
    const from = layers[layer]![Math.floor(next() * layers[layer]!.length)]
    const to = layers[layer + 1]![Math.floor(next() * layers[layer + 1]!.length)]
    if (!from || !to) continue
    const id = `shape:a${c}`
    records.push(shape(id, 'arrow', 'page:page', {}, { connection: { mode: 'sync', latency: 1, timeout: 1000, encrypted: true } }))
    for (const [terminal, target] of [
      ['start', from],
      ['end', to],
    ] as const) {
      records.push({ id: `binding:a${c}-${terminal}`, typeName: 'binding', type: 'arrow', fromId: id, toId: target, props: { terminal }, meta: {} })
    }
  }
  return records
}

export interface AnalysisTiming {
  components: number
  connections: number
  findings: number
  /** Wall-clock milliseconds per analysis (extraction from records included), over the measured runs. */
  ms: { min: number; p50: number; p99: number }
  /** CPU milliseconds of the process per analysis: less disturbed than wall time when the machine is shared. */
  cpuMs: { min: number; p50: number }
}

/** Times `runs` analyses of a synthetic board of `components` components, after a warm-up. */
export function analysisRun(components: number, runs: number): AnalysisTiming {
  const records = syntheticBoard(components)
  let result = analyseRecords(records)
  for (let i = 0; i < 5; i++) result = analyseRecords(records)
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    result = analyseRecords(records)
    wall.push(performance.now() - t0)
    const used = process.cpuUsage(cpu0)
    cpu.push((used.user + used.system) / 1000)
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
  const at = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]!
  return {
    components,
    connections: result.summary.connections,
    findings: result.findings.length,
    ms: { min: at(wall, 0), p50: at(wall, 0.5), p99: at(wall, 0.99) },
    cpuMs: { min: at(cpu, 0), p50: at(cpu, 0.5) },
  }
}
