import * as Y from 'yjs'

const PEER = Symbol('peer')

/**
 * Links Y.Docs the way a sync server would: first they exchange their whole states (the initial
 * sync), then every update one doc makes is applied to the others.
 * `paused` holds updates back (a partition) until `flush`, so tests can make concurrent edits.
 */
export function linkDocs(...docs: Y.Doc[]) {
  let paused = false
  const queued: Array<{ from: Y.Doc; update: Uint8Array }> = []
  const deliver = (from: Y.Doc, update: Uint8Array) => {
    for (const doc of docs) if (doc !== from) Y.applyUpdate(doc, update, PEER)
  }
  for (const doc of docs) deliver(doc, Y.encodeStateAsUpdate(doc))
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === PEER) return
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
