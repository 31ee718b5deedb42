import * as Y from 'yjs'

/** The outcome of loading a stored document: what could not be applied, in stored order. */
export interface StoredLoad {
  quarantined: Uint8Array[]
}

/**
 * Applies a stored snapshot and update log to `target`, leaving out every stored update that
 * throws when applied, so one poisoned row can never make a board unloadable. The updates go
 * to a scratch document first (a throwing apply leaves a half-applied document behind, and
 * Hocuspocus' document cannot be replaced); a failure rebuilds the scratch from what was good so
 * far. The result reaches `target` as one encoded state, which also proves that it encodes.
 */
export function loadStoredUpdates(target: Y.Doc, updates: Uint8Array[]): StoredLoad {
  const accepted: Uint8Array[] = []
  const quarantined: Uint8Array[] = []
  let scratch = new Y.Doc({ gc: target.gc })
  for (const update of updates) {
    try {
      Y.applyUpdate(scratch, update)
      accepted.push(update)
    } catch {
      quarantined.push(update)
      scratch.destroy()
      scratch = new Y.Doc({ gc: target.gc })
      for (const good of accepted) Y.applyUpdate(scratch, good)
    }
  }
  Y.applyUpdate(target, Y.encodeStateAsUpdate(scratch))
  scratch.destroy()
  return { quarantined }
}
