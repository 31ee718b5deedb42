import {
  boardDigest,
  LAB_CHANNEL,
  LAB_REPORT_INTERVAL_MS,
  parseStateless,
  stateVectorOf,
  statelessServerMessageSchema,
  type Fault,
  type LabClientMessage,
} from '@concord/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { atom, type Atom } from 'tldraw'
import type * as Y from 'yjs'
import { featureWithState } from '../board/sync/sessionFeature.ts'
import { identity } from '../identity/identity.ts'

/** Every open board reports to the lab; its state is the fault the lab has put on this tab (partition, latency), as the server says. */
export const labReporting = featureWithState<Atom<Fault | null>>('lab reporting', (session) => {
  const fault = atom<Fault | null>('lab fault', null)
  return { state: fault, stop: startLabReporting(session.provider, session.doc, fault) }
})

/**
 * Every open board is a replica the lab shows: it reports its state vector, digest and pending
 * changes to the server (at most every `LAB_REPORT_INTERVAL_MS` while its document changes, and
 * whenever it (re)connects), and learns from the server when the lab has faulted it, so its tab
 * can say so. Returns the function that stops it.
 */
function startLabReporting(provider: HocuspocusProvider, doc: Y.Doc, fault: Atom<Fault | null>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastSent = 0
  const send = () => {
    timer = null
    lastSent = performance.now()
    const me = identity.get()
    const message: LabClientMessage = {
      channel: LAB_CHANNEL,
      type: 'report',
      report: {
        clientId: doc.clientID,
        stateVector: stateVectorOf(doc),
        digest: boardDigest(doc),
        user: me ? { name: me.name, color: me.color } : null,
        pending: provider.unsyncedChanges,
      },
    }
    provider.sendStateless(JSON.stringify(message))
  }
  const schedule = () => {
    if (timer !== null) return
    timer = setTimeout(send, Math.max(0, lastSent + LAB_REPORT_INTERVAL_MS - performance.now()))
  }
  const onStateless = ({ payload }: { payload: string }) => {
    const message = parseStateless(statelessServerMessageSchema, payload)
    if (message?.channel === LAB_CHANNEL && message.type === 'your-fault') fault.set(message.fault)
  }
  const onSynced = () => schedule()
  doc.on('update', schedule)
  provider.on('unsyncedChanges', schedule)
  provider.on('synced', onSynced)
  provider.on('stateless', onStateless)
  if (provider.isSynced) schedule()
  return () => {
    if (timer !== null) clearTimeout(timer)
    doc.off('update', schedule)
    provider.off('unsyncedChanges', schedule)
    provider.off('synced', onSynced)
    provider.off('stateless', onStateless)
  }
}
