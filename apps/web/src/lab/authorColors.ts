import type { Replica } from '@concord/shared'

/** A hue derived from a Yjs client id, for replicas with no colour of their own. */
function derivedColor(clientId: number): string {
  return `hsl(${(clientId * 137.508) % 360} 65% 50%)`
}

/**
 * The colour each replica's updates are drawn in, one per replica: the user's own colour (so
 * arrows match cursors) for the first replica that has it, in the order given; a replica whose
 * user colour is already taken (two people picked the same one, or one person's second tab)
 * gets a derived hue instead, so no two lanes look alike.
 */
export function distinctColors(replicas: Iterable<Replica>): (clientId: number) => string {
  const byClient = new Map<number, string>()
  const taken = new Set<string>()
  for (const replica of replicas) {
    const id = replica.clientId ?? replica.report?.clientId
    if (id === undefined || id === null || byClient.has(id)) continue
    const own = replica.user?.color ?? replica.report?.user?.color
    let color = own && !taken.has(own.toLowerCase()) ? own : derivedColor(id)
    for (let step = 1; taken.has(color.toLowerCase()); step++) color = derivedColor(id + step)
    taken.add(color.toLowerCase())
    byClient.set(id, color)
  }
  return (clientId) => byClient.get(clientId) ?? derivedColor(clientId)
}

/** What to call a replica on screen; `self` is the Yjs client id of the lab's own tab. */
export function replicaName(replica: Replica, self?: number): string {
  const user = replica.user ?? replica.report?.user
  const base = user?.name ?? (replica.protocol === 'y-websocket' ? 'Headless replica' : 'Browser tab')
  if (replica.protocol === 'y-websocket') return user?.name ? `${base} (headless)` : base
  const clientId = replica.clientId ?? replica.report?.clientId
  return self !== undefined && clientId === self ? `${base} (this lab)` : base
}
