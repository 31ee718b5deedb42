import type { LatencySummary } from './lib/client-pool.ts'
import type { ServerKind } from './lib/servers.ts'

/** Above this share of their one core, the client workers may be what limits a result. */
export const HARNESS_BOUND_CPU = 0.85

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–'
  return value < 10 ? value.toFixed(1) : value.toFixed(0)
}

/** Median with the min–max spread over runs ("12 (10–15)"), or the one value. */
export function spread(values: number[], format: (value: number) => string = ms): string {
  const finite = values.filter((v) => Number.isFinite(v))
  if (finite.length === 0) return '–'
  if (finite.length === 1) return format(finite[0]!)
  return `${format(median(finite))} (${format(Math.min(...finite))}–${format(Math.max(...finite))})`
}

export const percent = (value: number) => `${(value * 100).toFixed(0)}%`

/** A rounded count with thousands separators ("13,200"). */
export const count = (value: number) => Math.round(value).toLocaleString('en-US')

/** Whether any of these runs had the client workers above `HARNESS_BOUND_CPU`. */
export function harnessBound(clientCpu: number[]): boolean {
  return clientCpu.some((share) => share > HARNESS_BOUND_CPU)
}

/** The client CPU cell of a table: the spread, marked when the harness may have limited the result. */
export function clientCpuCell(clientCpu: number[]): string {
  return `${spread(clientCpu, percent)}${harnessBound(clientCpu) ? ' **harness-bound**' : ''}`
}

export function deliveries(summaries: LatencySummary[]): string {
  const delivered = summaries.reduce((sum, s) => sum + s.delivered, 0)
  const expected = summaries.reduce((sum, s) => sum + s.expected, 0)
  return `${delivered.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')}`
}

export function verified(values: (boolean | null)[]): string {
  if (values.every((v) => v === null)) return 'n/a'
  return values.every((v) => v !== false) ? 'yes' : `NO (${values.filter((v) => v === false).length} runs)`
}

/** Runs grouped by server, in the order servers first appear. */
export function byServer<T extends { kind: ServerKind }>(runs: T[]): [ServerKind, T[]][] {
  const groups = new Map<ServerKind, T[]>()
  for (const run of runs) groups.set(run.kind, [...(groups.get(run.kind) ?? []), run])
  return [...groups]
}
