import { ACCEPTED_ASSET_TYPES, MAX_ASSET_BYTES } from '@concord/shared'
import { useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { FollowInstructor } from '../../classroom/FollowInstructor.tsx'
import { Presentation, presenting } from '../../classroom/Presentation.tsx'
import { SpotlightCursor } from '../../classroom/SpotlightCursor.tsx'
import { InspectorPanel } from '../../inspector/InspectorPanel.tsx'
import { LibraryPanel } from '../../library/LibraryPanel.tsx'
import { createLibraryDrop } from '../../library/placeShapes.ts'
import { ReviewContext } from '../../review/reviewContext.ts'
import { ReviewOverlay } from '../../review/ReviewOverlay.tsx'
import { ReviewPanel } from '../../review/ReviewPanel.tsx'
import { useReviewSession } from '../../review/useReviewSession.ts'
import { VersionCanvas } from '../../review/VersionCanvas.tsx'
import { BoardSharePanel } from '../../share/BoardSharePanel.tsx'
import { registerContentPolicy } from '../content/contentPolicy.ts'
import { routeEditorHistory } from '../history/routeEditorHistory.ts'
import { UserUndo } from '../history/userUndo.ts'
import { NoticeToasts } from '../notices/NoticeToasts.tsx'
import type { BoardSession } from '../sync/boardSession.ts'
import { BoardContext, type BoardContextValue } from './boardContext.ts'
import { BoardTopPanel } from './BoardTopPanel.tsx'
import { exposeForTests } from './exposeForTests.ts'
import { openFramed } from './openFramed.ts'
import { boardTldrawProps } from './tldrawSetup.ts'

const components: TLComponents = {
  TopPanel: BoardTopPanel,
  SharePanel: BoardSharePanel,
  InFrontOfTheCanvas: ReviewOverlay,
  CollaboratorCursor: SpotlightCursor,
}
const noVideo: string[] = []

export function BoardEditor({ session, title, classSession }: { session: BoardSession; title: string; classSession: BoardContextValue['classSession'] }) {
  const context = useMemo(() => ({ session, title, classSession }), [session, title, classSession])
  const [editor, setEditor] = useState<Editor | null>(null)
  const [libraryDrop] = useState(createLibraryDrop)
  const options = useMemo(() => ({ experimental__onDropOnCanvas: libraryDrop.onDropOnCanvas }), [libraryDrop])
  const review = useReviewSession(session)
  // A version submitted for review is shown in place of the live board, which keeps syncing.
  const viewing = useValue('viewed version', () => review?.viewing.get() ?? null, [review])
  // Presenting gives the canvas the whole screen.
  const isPresenting = useValue('presenting', () => presenting.get(), [])
  const onMount = (editor: Editor) => {
    setEditor(editor)
    const detachDrop = libraryDrop.attach(editor)
    registerContentPolicy(editor)
    const rememberCamera = openFramed(editor, session.options.boardId)
    const userUndo = new UserUndo(session.doc, session.binding)
    const unroute = routeEditorHistory(editor, userUndo)
    const unexpose = exposeForTests({ editor, doc: session.doc, provider: session.provider })
    return () => {
      rememberCamera()
      detachDrop()
      setEditor(null)
      unexpose()
      unroute()
      userUndo.destroy()
    }
  }
  return (
    <BoardContext.Provider value={context}>
      <ReviewContext.Provider value={review}>
        <div className="board">
          {editor && !isPresenting && <LibraryForEditors editor={editor} />}
          <div className="board__canvas">
            {viewing ? (
              <VersionCanvas key={viewing} versionId={viewing} />
            ) : (
              <Tldraw
                store={session.store}
                {...boardTldrawProps}
                components={components}
                options={options}
                maxAssetSize={MAX_ASSET_BYTES}
                acceptedImageMimeTypes={ACCEPTED_ASSET_TYPES}
                acceptedVideoMimeTypes={noVideo}
                onMount={onMount}
              >
                <NoticeToasts notices={session.notices} />
                <FollowInstructor controls={session.controls} />
                <Presentation session={session} />
                <ReviewPanel />
              </Tldraw>
            )}
          </div>
          {editor && !isPresenting && <InspectorPanel editor={editor} />}
        </div>
      </ReviewContext.Provider>
    </BoardContext.Provider>
  )
}

/** The library is an editing tool: reviewers and viewers, whose board is read-only, do not get it. */
function LibraryForEditors({ editor }: { editor: Editor }) {
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  return readonly ? null : <LibraryPanel editor={editor} />
}
