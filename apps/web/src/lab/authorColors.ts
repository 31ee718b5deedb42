import type { Replica } from '@concord/shared'

/**
 * The colour an author's updates are drawn in: the user's own colour when a replica with that
 * Yjs client id has told us (so arrows match cursors), otherwise a hue derived from the id.
 */
export function authorColor(clientId: number, replicas: Iterable<Replica>): string {
  for (const replica of replicas) {
    const id = replica.clientId ?? replica.report?.clientId
    const color = replica.user?.color ?? replica.report?.user?.color
    if (id === clientId && color) return color
  }
  return `hsl(${(clientId * 137.508) % 360} 65% 50%)`
}

/** What to call a replica on screen; `self` is the Yjs client id of the lab's own tab. */
export function replicaName(replica: Replica, self?: number): string {
  const user = replica.user ?? replica.report?.user
  const base = user?.name ?? (replica.protocol === 'y-websocket' ? 'Headless replica' : 'Browser tab')
  if (replica.protocol === 'y-websocket') return user?.name ? `${base} (headless)` : base
  const clientId = replica.clientId ?? replica.report?.clientId
  return self !== undefined && clientId === self ? `${base} (this lab)` : base
}
