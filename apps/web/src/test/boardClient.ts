import { getRecordsMap, seedRecords, writeRecord } from '@concord/shared'
import type { Editor, TLRecord, TLStore } from 'tldraw'
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import type { RejectedRecord } from '../board/binding/applyRemoteRecords.ts'
import { createYjsBinding, type YjsBinding } from '../board/binding/binding.ts'
import { routeEditorHistory } from '../board/history/routeEditorHistory.ts'
import { UserUndo } from '../board/history/userUndo.ts'
import { createHeadlessEditor, createTestStore } from './headlessEditor.ts'

/** One replica of a board as the app runs it, minus the network and the UI. */
export interface BoardClient {
  doc: Y.Doc
  store: TLStore
  binding: YjsBinding
  rejected: RejectedRecord[]
  editor: Editor
  undo: UserUndo
}

const cleanups: Array<() => void> = []

/** Closes every client opened so far (and runs the other registered cleanups), newest first. */
export function closeBoardClients(): void {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
}

afterEach(closeBoardClients)

/**
 * Opens a board replica with an editor whose undo and redo are the per-user undo. `seed` starts
 * its document as the server creates a board (document record and first page). Closed after the test.
 */
export function openBoardClient(options: { seed?: boolean; doc?: Y.Doc } = {}): BoardClient {
  const doc = options.doc ?? new Y.Doc()
  if (options.seed) doc.transact(() => seedRecords().forEach((record) => writeRecord(getRecordsMap(doc), record)))
  const store = createTestStore()
  const rejected: RejectedRecord[] = []
  const binding = createYjsBinding(store, doc, { onRejected: (r) => rejected.push(r) })
  binding.start()
  const editor = createHeadlessEditor(store)
  const undo = new UserUndo(doc, binding)
  const unroute = routeEditorHistory(editor, undo)
  cleanups.push(() => {
    unroute()
    undo.destroy()
    editor.dispose()
    binding.stop()
    doc.destroy()
  })
  return { doc, store, binding, rejected, editor, undo }
}

/** Runs `cleanup` after the current test, with the clients. */
export function afterThisTest(cleanup: () => void): void {
  cleanups.push(cleanup)
}

/** The store's document records (what the board holds), sorted by id. */
export function documentRecords(store: TLStore): TLRecord[] {
  return store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName))
    .sort((a, b) => a.id.localeCompare(b.id))
}
