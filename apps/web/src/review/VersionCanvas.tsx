import { compareSchemas, type JsonRecord } from '@concord/shared'
import { useEffect, useState, type ReactNode } from 'react'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  Tldraw,
  type Editor,
  type TLComponents,
  type TLRecord,
  type TLStore,
  type TldrawBaseProps,
} from 'tldraw'
import { fetchVersion } from '../api/versions.ts'
import { createAssetStore } from '../board/assets/assetStore.ts'
import { localSchema, migrateRecords } from '../board/schema/boardSchema.ts'
import { useBoard } from '../board/boardContext.ts'
import { currentTLUser } from '../identity/currentUser.ts'
import { ConnectionLabels } from '../shapes/ConnectionLabels.tsx'
import { ReviewOverlay } from './ReviewOverlay.tsx'
import { ReviewPanel } from './ReviewPanel.tsx'
import { boardShapeUtils } from '../shapes/index.ts'
import { boardRecordTypes } from '../design-records/designRecordTypes.ts'

const components: TLComponents = { TopPanel: null, SharePanel: null, InFrontOfTheCanvas: ReviewOverlay, OnTheCanvas: ConnectionLabels }

type Loaded = { kind: 'loading' } | { kind: 'ready'; store: TLStore } | { kind: 'failed'; message: string }

/**
 * A version submitted for review, rendered read-only in place of the live board: the frozen
 * records in their own store, with the review panel and markers working on them as on the live
 * board, and its editor handed to the page (`onEditor`) so the inspector shows the frozen
 * properties and rationales, read-only. The live board keeps syncing underneath. The page gives
 * what every board's `<Tldraw>` shares (`tldrawProps`) and what it puts in the board's bar (`children`).
 */
export function VersionCanvas({
  versionId,
  onEditor,
  tldrawProps,
  children,
}: {
  versionId: string
  onEditor(editor: Editor | null): void
  tldrawProps: Partial<TldrawBaseProps>
  children: ReactNode
}) {
  const { session } = useBoard()
  const { boardId, token } = session.options
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })

  useEffect(() => {
    let current = true
    fetchVersion(boardId, token, versionId).then(
      ({ records, schema }) => {
        const store = createTLStore({
          shapeUtils: boardShapeUtils,
          bindingUtils: defaultBindingUtils,
          records: boardRecordTypes,
          users: { currentUser: currentTLUser },
          collaboration: { status: atom('version status', 'online'), mode: atom('version mode', 'readonly') },
          assets: createAssetStore({ boardId, token, onUploadError: () => {} }),
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
        if (current) setLoaded({ kind: 'ready', store })
      },
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      current = false
    }
  }, [boardId, token, versionId])

  if (loaded.kind !== 'ready') {
    return (
      <main className="board-loading" aria-busy={loaded.kind === 'loading'}>
        <p className="board-loading__status">
          {loaded.kind === 'loading' ? 'Opening the version…' : `This version cannot be shown: ${loaded.message}`}
        </p>
      </main>
    )
  }
  return (
    <Tldraw
      store={loaded.store}
      {...tldrawProps}
      components={components}
      onMount={(editor) => {
        onEditor(editor)
        return () => onEditor(null)
      }}
    >
      {children}
      <ReviewPanel />
    </Tldraw>
  )
}
