import type * as Y from 'yjs'
import { touchedRecordIds } from './codec.ts'
import type { YRecords } from './layout.ts'

/** Record kinds a team draws: what an "edit" to a board means on the session dashboard. */
const DESIGN_RECORD_PREFIXES = ['shape:', 'binding:', 'asset:']

/** Whether a record id names a shape, a binding or an asset. */
export function isDesignRecordId(id: string): boolean {
  return DESIGN_RECORD_PREFIXES.some((prefix) => id.startsWith(prefix))
}

/**
 * Whether one transaction's events on the records map (a deep observer's argument) changed a
 * design record. Opening a board writes too (the first editor records the schema, tldraw tidies
 * the document and page records): that is no edit, so a board that was only opened counts none.
 */
export function changesDesign(records: YRecords, events: Array<Y.YEvent<Y.AbstractType<unknown>>>): boolean {
  for (const id of touchedRecordIds(records, events)) if (isDesignRecordId(id)) return true
  return false
}
