import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { throttle } from './throttle.ts'

/** The awareness field that carries a client's tldraw `instance_presence` record. */
export const PRESENCE_FIELD = 'presence'

/** About 12 updates a second: smooth cursors without a message per frame. */
export const PRESENCE_INTERVAL_MS = 80

export interface PresenceSyncOptions {
  store: TLStore
  awareness: Awareness
  currentUser: Signal<TLUser | null>
  /** False for roles that are not shown to others; their peers still show. */
  publish: boolean
  onRejected?(clientId: number, reason: string): void
}

export function presenceIdOf(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

/**
 * Publishes this client's presence through Yjs awareness and mirrors the other clients' presence
 * into the store as `instance_presence` records (cursors, names, selections, follow). Returns a stop function.
 */
export function syncPresence(options: PresenceSyncOptions): () => void {
  const { store, awareness, currentUser } = options
  const ownId = awareness.clientID
  const stopPublishing = options.publish ? publishPresence(store, awareness, currentUser) : () => {}

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates()
    const toPut: Array<[clientId: number, record: TLInstancePresence]> = []
    const toRemove: Array<TLInstancePresence['id']> = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === ownId) continue
      const presence: unknown = states.get(clientId)?.[PRESENCE_FIELD]
      // The id is derived from the sender's client id, so no peer can overwrite another's presence.
      if (isPresenceRecord(presence)) toPut.push([clientId, { ...presence, id: presenceIdOf(clientId) }])
      else toRemove.push(presenceIdOf(clientId))
    }
    for (const clientId of removed) {
      if (clientId === ownId) continue
      toRemove.push(presenceIdOf(clientId))
      // y-protocols keeps a removed peer's clock: after our own reconnect the server resends that
      // peer's state with the same clock, which would be ignored until the peer's next renewal
      // (15 s). Forgetting the clock lets the resent state in at once.
      if (!states.has(clientId)) awareness.meta.delete(clientId)
    }

    const present = toRemove.filter((id) => store.has(id))
    if (toPut.length === 0 && present.length === 0) return
    store.mergeRemoteChanges(() => {
      if (present.length > 0) store.remove(present)
      for (const [clientId, record] of toPut) {
        try {
          store.put([record])
        } catch (error) {
          options.onRejected?.(clientId, error instanceof Error ? error.message : String(error))
        }
      }
    })
  }

  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    awareness.off('change', onChange)
    stopPublishing()
    const peers = store.query.records('instance_presence').get().map((r) => r.id)
    if (peers.length > 0) store.mergeRemoteChanges(() => store.remove(peers))
  }
}

function publishPresence(store: TLStore, awareness: Awareness, currentUser: Signal<TLUser | null>): () => void {
  const presence = createPresenceStateDerivation(currentUser, { instanceId: presenceIdOf(awareness.clientID) })(store)
  const send = throttle(() => awareness.setLocalStateField(PRESENCE_FIELD, presence.get()), PRESENCE_INTERVAL_MS)
  const stopReacting = react('publish presence', () => {
    presence.get()
    send.call()
  })
  return () => {
    stopReacting()
    send.cancel()
  }
}

function isPresenceRecord(value: unknown): value is TLInstancePresence {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { typeName?: unknown }).typeName === 'instance_presence'
  )
}
