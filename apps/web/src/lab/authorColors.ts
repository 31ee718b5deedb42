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

/** What to call a replica on screen. */
export function replicaName(replica: Replica): string {
  const user = replica.user ?? replica.report?.user
  if (user?.name) return replica.protocol === 'y-websocket' ? `${user.name} (headless)` : user.name
  return replica.protocol === 'y-websocket' ? 'Headless replica' : 'Browser tab'
}
