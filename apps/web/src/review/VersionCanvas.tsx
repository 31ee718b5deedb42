import { useCallback, type ReactNode } from 'react'
import { Tldraw, type Editor, type TLComponents, type TldrawBaseProps } from 'tldraw'
import { useBoard } from '../board/boardContext.ts'
import { ConnectionLabels } from '../shapes/ConnectionLabels.tsx'
import { ReviewOverlay } from './ReviewOverlay.tsx'
import { ReviewPanel } from './ReviewPanel.tsx'
import { useVersionStore } from './useVersionStore.ts'
import { loadBoardVersion } from './versionStore.ts'

const components: TLComponents = { TopPanel: null, SharePanel: null, InFrontOfTheCanvas: ReviewOverlay, OnTheCanvas: ConnectionLabels }

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
  const load = useCallback(() => loadBoardVersion(boardId, token, versionId), [boardId, token, versionId])
  const loaded = useVersionStore(load)

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
