import { numberOf, textOf, type DesignComponent } from './graph.ts'
import { CLIENT_KINDS, stateOf } from './semantics.ts'

/** Where a component's instance availability came from; `unknown` names nothing to compute with. */
export type AvailabilitySource = 'instanceAvailability' | 'mtbf-mttr' | 'sla' | 'slo' | 'client' | 'unknown'

export interface InstanceAvailability {
  /** The availability of one instance as a fraction, or null when unknown. */
  value: number | null
  source: AvailabilitySource
}

/**
 * The availability `a` of one instance, in order: `instanceAvailability`; `mtbf / (mtbf + mttr)`;
 * an external dependency's `sla`; the `availability` SLO read as the instance's own; 1 for client
 * kinds; else unknown.
 */
export function instanceAvailability(component: DesignComponent): InstanceAvailability {
  const values = component.properties
  const own = numberOf(values, 'instanceAvailability')
  if (own !== null) return { value: own / 100, source: 'instanceAvailability' }
  const mtbf = numberOf(values, 'mtbf')
  const mttr = numberOf(values, 'mttr')
  if (mtbf !== null && mttr !== null && mtbf + mttr > 0) return { value: mtbf / (mtbf + mttr), source: 'mtbf-mttr' }
  const sla = component.kind === 'external-dependency' ? numberOf(values, 'sla') : null
  if (sla !== null) return { value: sla / 100, source: 'sla' }
  const slo = numberOf(values, 'availability')
  if (slo !== null) return { value: slo / 100, source: 'slo' }
  if (CLIENT_KINDS.has(component.kind)) return { value: 1, source: 'client' }
  return { value: null, source: 'unknown' }
}

/** Instances `n` and how many must be up, `k`; a key-value store also reports its read quorum. */
export interface Quorum {
  n: number
  k: number
  /** A key-value store's read quorum `r` (its reads' availability is reported beside the writes'). */
  readK: number | null
}

function positiveInteger(value: number | null): number | null {
  return value !== null && value >= 1 ? Math.floor(value) : null
}

/** The instance count `n`: a kind's own replica count when set, else `replicasDesired`, else 1. */
export function instanceCount(component: DesignComponent): number {
  const values = component.properties
  const own =
    component.kind === 'kv-store'
      ? numberOf(values, 'n')
      : component.kind === 'coordination-service'
        ? numberOf(values, 'ensembleSize')
        : component.kind === 'partitioned-log'
          ? numberOf(values, 'replicationFactor')
          : null
  return positiveInteger(own) ?? positiveInteger(numberOf(values, 'replicasDesired')) ?? 1
}

/** A majority of `n`. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1
}

/**
 * `n` and the needed `k`: 1 for stateless and soft-state components; a majority for a coordination
 * service; `w` for a key-value store (a majority when unset); for other stateful components 1 with
 * automatic failover (always so for a partitioned log), else only the leader serves (`k = n = 1`).
 */
export function quorumOf(component: DesignComponent): Quorum {
  const n = instanceCount(component)
  const clamp = (k: number) => Math.min(n, Math.max(1, k))
  if (component.kind === 'coordination-service') return { n, k: majority(n), readK: null }
  if (component.kind === 'kv-store') {
    const w = positiveInteger(numberOf(component.properties, 'w'))
    const r = positiveInteger(numberOf(component.properties, 'r'))
    return { n, k: clamp(w ?? majority(n)), readK: clamp(r ?? majority(n)) }
  }
  const state = stateOf(component)
  if (state === 'stateless' || state === 'soft-state') return { n, k: 1, readK: null }
  // A partitioned log has no `failover` setting: its brokers elect a new partition leader on their own.
  if (textOf(component.properties, 'failover') === 'automatic' || component.kind === 'partitioned-log') return { n, k: 1, readK: null }
  return { n: 1, k: 1, readK: null }
}

/** `C(n, i)` for the small counts of replicas a design has. */
function binomial(n: number, i: number): number {
  let out = 1
  for (let j = 1; j <= i; j++) out = (out * (n - i + j)) / j
  return out
}

/** k-of-n availability: `sum over i = k..n of C(n,i) a^i (1-a)^(n-i)`. */
export function kOfN(a: number, k: number, n: number): number {
  let sum = 0
  for (let i = k; i <= n; i++) sum += binomial(n, i) * a ** i * (1 - a) ** (n - i)
  return Math.min(1, sum)
}
