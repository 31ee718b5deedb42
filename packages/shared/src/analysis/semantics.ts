import { findKind } from '../catalog/catalog.ts'
import { textOf, type DesignComponent, type DesignConnection } from './graph.ts'

/** Kinds that stand for callers outside the system: their instance availability is 1 unless given. */
export const CLIENT_KINDS = new Set(['web-client', 'user-population', 'iot-device'])

/** Kinds that spread calls over equivalent callees: callees of one kind behind them are alternatives. */
export const BALANCER_KINDS = new Set(['load-balancer', 'dns-glb', 'cdn-pop'])

/** Storage kinds: data a client should reach only through a service. */
export const DATASTORE_KINDS = new Set(['relational-db', 'kv-store', 'object-store', 'data-warehouse', 'cache'])

/** Consistency claims stronger than eventual consistency. */
export const STRONG_CLAIMS = new Set(['linearizable', 'sequential'])

/** Whether the caller waits for the callee: `async` and `stream` do not; unset means `sync`. */
export function isSync(connection: DesignConnection): boolean {
  const mode = textOf(connection.properties, 'mode')
  return mode !== 'async' && mode !== 'stream'
}

/** Operations components (monitoring) watch the system: never entries, never on request paths. */
export function isOperations(component: DesignComponent): boolean {
  return component.group === 'operations'
}

/** The component's `state`, else its kind's default; a kind with neither counts as stateless. */
export function stateOf(component: DesignComponent): string {
  const own = textOf(component.properties, 'state')
  if (own) return own
  const byKind = findKind(component.kind)?.commonDefaults?.state
  return typeof byKind === 'string' ? byKind : 'stateless'
}
