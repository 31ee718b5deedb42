import * as Y from 'yjs'
import type { Storage } from '../../src/storage/types.ts'

/** What a server restarting now would load for `name`: its snapshot and then its update log. */
export async function storedDocument(storage: Storage, name: string): Promise<Y.Doc | null> {
  const stored = await storage.loadDocument(name)
  if (!stored) return null
  const doc = new Y.Doc()
  Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.log) Y.applyUpdate(doc, update)
  return doc
}
