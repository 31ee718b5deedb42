// The IPC protocol between the orchestrator (bench/run.ts) and client worker processes.

export type ClientRole =
  /** Only receives. */
  | 'reader'
  /** Writes a beacon value into a Y.Map at `rateHz` (the fan-out writer). */
  | 'beacon'
  /** Moves its own shape (x and y through the record codec) at `rateHz`, as the web client's drag writes. */
  | 'dragger'
  /** Moves its cursor (an awareness presence state) at `rateHz`. */
  | 'cursor'
  /** Publishes a presence state once and renews it every 15 s, as y-protocols does. */
  | 'idle'

export interface ClientSpec {
  /** websocket URL */
  url: string
  protocol: 'hocuspocus' | 'raw'
  documentName: string
  token: string
  role: ClientRole
  rateHz?: number
  /** Which room it is in (for expected delivery counts). */
  room: number
  /** Opens the socket this long after the open command (join storms). */
  openAfterMs?: number
}

export interface SendTable {
  /** messageKey(client, first clock), sorted ascending for documents. */
  keys: Float64Array
  /** Clocks the message covers (documents) or 1 (awareness). */
  lengths: Float64Array
  times: Float64Array
  rooms: Float64Array
}

export type ToWorker =
  /** Opens `clients`, closing the ones open before unless `append`. */
  | { type: 'open'; clients: ClientSpec[]; append?: boolean }
  | { type: 'run'; startAt: number; measureFrom: number; measureUntil: number }
  | { type: 'analyze'; doc: SendTable; awareness: SendTable }
  | { type: 'close' }

export interface OpenResult {
  /** Time from opening the socket to the server's sync step 2, per client, ms. */
  syncMs: number[]
  failures: string[]
  /** The workers' CPU time while opening, and the wall time it took (ms). */
  cpuMs: number
  wallMs: number
}

export interface RunResult {
  doc: SendTable
  awareness: SendTable
  /** Awareness frames (and their bytes) this worker's clients received in the measured window. */
  awarenessFrames: { frames: number; bytes: number }
  /** Final x/y of each dragger's shape, for content checks. */
  finalShapes: Record<string, { x: number; y: number }>
  /** Last beacon sequence number written, per document. */
  finalBeacons: Record<string, number>
  cpuMs: number
  wallMs: number
}

export interface KindAnalysis {
  /** Per send (in send-table order): deliveries and the latest receive time. */
  counts: Uint32Array
  lastReceive: Float64Array
  /** Per-delivery latency histogram, `HISTOGRAM_STEP_MS` per bucket. */
  histogram: Uint32Array
}

export interface AnalyzeResult {
  doc: KindAnalysis
  awareness: KindAnalysis
  /** Clients whose socket closed unexpectedly during the run. */
  dropped: number
}

export type FromWorker =
  | { type: 'opened'; result: OpenResult }
  | { type: 'ran'; result: RunResult }
  | { type: 'analyzed'; result: AnalyzeResult }
  | { type: 'closed' }
  | { type: 'error'; message: string }

export const HISTOGRAM_STEP_MS = 0.1
export const HISTOGRAM_BUCKETS = 100_000 // up to 10 s; the last bucket holds everything later
