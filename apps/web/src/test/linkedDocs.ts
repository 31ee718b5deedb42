import * as Y from 'yjs'

const PEER = Symbol('peer')

/**
 * Links Y.Docs the way a sync server would: first they exchange their whole states (the initial
 * sync), then every update one doc makes is applied to the others.
 * - `pause` holds every update back (a partition of everyone) until `flush`, so tests can make
 *   concurrent edits.
 * - `disconnect(doc)` takes one doc offline: it neither sends nor receives; `reconnect(doc)`
 *   resynchronises it with the others by state vectors, as a provider does on reconnect.
 */
export function linkDocs(...docs: Y.Doc[]) {
  let paused = false
  const offline = new Set<Y.Doc>()
  const queued: Array<{ from: Y.Doc; update: Uint8Array }> = []
  const deliver = (from: Y.Doc, update: Uint8Array) => {
    for (const doc of docs) if (doc !== from && !offline.has(doc)) Y.applyUpdate(doc, update, PEER)
  }
  for (const doc of docs) deliver(doc, Y.encodeStateAsUpdate(doc))
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === PEER || offline.has(doc)) return
      if (paused) queued.push({ from: doc, update })
      else deliver(doc, update)
    })
  }
  return {
    pause() {
      paused = true
    },
    flush() {
      paused = false
      for (const { from, update } of queued.splice(0)) deliver(from, update)
    },
    disconnect(doc: Y.Doc) {
      offline.add(doc)
    },
    reconnect(doc: Y.Doc) {
      if (!offline.delete(doc)) return
      for (const other of docs) {
        if (other === doc || offline.has(other)) continue
        Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), PEER)
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), PEER)
      }
    },
    isOnline(doc: Y.Doc) {
      return !offline.has(doc)
    },
  }
}

/** Counts the updates a doc makes itself (not the ones it receives from peers). */
export function countLocalUpdates(doc: Y.Doc): { readonly count: number } {
  const counter = { count: 0 }
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== PEER) counter.count++
  })
  return counter
}
