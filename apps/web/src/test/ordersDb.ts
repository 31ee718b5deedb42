import type { TLShapeId, TLStore } from 'tldraw'
import { createHeadlessEditor, createTestStore } from './headlessEditor.ts'

/** The id of the component `storeWithOrdersDb` holds. */
export const ORDERS_DB = 'shape:db' as TLShapeId

/** A board store holding one component, the relational database "Orders DB", for naming comment targets on. */
export function storeWithOrdersDb(): TLStore {
  const store = createTestStore()
  const editor = createHeadlessEditor(store)
  editor.createShape({
    id: ORDERS_DB,
    type: 'component',
    props: { kind: 'relational-db', name: 'Orders DB', w: 180, h: 100, properties: {}, rationale: {} },
  })
  editor.dispose()
  return store
}
