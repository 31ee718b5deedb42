import { compareSchemas, type JsonRecord, type VersionResponse } from '@concord/shared'
import { atom, createTLStore, defaultBindingUtils, type TLAssetStore, type TLRecord, type TLStore } from 'tldraw'
import { fetchVersion } from '../api/versions.ts'
import { createAssetStore } from '../board/assets/assetStore.ts'
import { localSchema, migrateRecords } from '../board/schema/boardSchema.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { boardShapeUtils } from '../shapes/index.ts'

/**
 * A version submitted for review in a read-only store of its own, its images resolved by `assets`
 * (the board's, or a review round's for a version assigned to a student), migrated when it was
 * written with an older schema.
 */
export function versionStore({ records, schema }: VersionResponse, assets: TLAssetStore): TLStore {
  const store = createTLStore({
    shapeUtils: boardShapeUtils,
    bindingUtils: defaultBindingUtils,
    records: boardRecordTypes,
    users: { currentUser: currentTLUser },
    collaboration: { status: atom('version status', 'online'), mode: atom('version mode', 'readonly') },
    assets,
  })
  // A version submitted before an upgrade is shown migrated, as the live board would be.
  const older = schema !== null && compareSchemas(schema, localSchema(store)) === 'older'
  // The records came as JSON, so they are JSON records.
  const parsed = records as JsonRecord[]
  const { migrated, failed } = older ? migrateRecords(store, parsed, schema) : { migrated: parsed, failed: [] }
  for (const { id, reason } of failed) console.warn(`Concord skipped record ${id} of the version: ${reason}`)
  store.mergeRemoteChanges(() => {
    // One by one, so a record this version of tldraw cannot read skips only itself.
    for (const record of migrated) {
      try {
        store.put([record as unknown as TLRecord])
      } catch (error) {
        console.warn(`Concord skipped record ${record.id} of the version: ${String(error)}`)
      }
    }
  })
  return store
}

/** A version of the board, fetched with a link to it (or a student's token for their team's board), in its read-only store. */
export async function loadBoardVersion(boardId: string, token: string, versionId: string): Promise<TLStore> {
  return versionStore(await fetchVersion(boardId, token, versionId), createAssetStore({ boardId, token, onUploadError: () => {} }))
}
