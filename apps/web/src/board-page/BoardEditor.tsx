import { ACCEPTED_ASSET_TYPES, MAX_ASSET_BYTES } from '@concord/shared'
import { useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { AnalysisBadges } from '../analysis/AnalysisBadges.tsx'
import { AnalysisContext } from '../analysis/analysisContext.ts'
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx'
import { useBoardAnalysis } from '../analysis/useBoardAnalysis.ts'
import { boardControls } from '../classroom/boardControls.ts'
import { FollowInstructor } from '../classroom/FollowInstructor.tsx'
import { DesignPanel } from '../design-notes/DesignPanel.tsx'
import { keepNewFramesBehind } from '../classroom/framesBehind.ts'
import { Presentation, presenting, watchingPresentation } from '../classroom/Presentation.tsx'
import { PresentationWatch } from '../classroom/PresentationWatch.tsx'
import { SpotlightCursor } from '../classroom/SpotlightCursor.tsx'
import { registerMermaidPaste } from '../design-import/mermaidPaste.ts'
import { loadMermaid } from '../design-import/parseMermaid.ts'
import { InspectorPanel } from '../inspector/InspectorPanel.tsx'
import { InspectorSkipLink } from '../inspector/InspectorSkipLink.tsx'
import { LibraryPanel } from '../library/LibraryPanel.tsx'
import { createLibraryDrop } from '../library/placeShapes.ts'
import { CommentSourceContext, ReviewContext } from '../review/reviewContext.ts'
import { ReviewOverlay } from '../review/ReviewOverlay.tsx'
import { ReviewPanel } from '../review/ReviewPanel.tsx'
import { useReviewSession } from '../review/useReviewSession.ts'
import { VersionBanner } from '../review/VersionBanner.tsx'
import { VersionCanvas } from '../review/VersionCanvas.tsx'
import { ConnectionLabels } from '../shapes/ConnectionLabels.tsx'
import { useOwned } from '../ui/useOwned.ts'
import { WhatIfContext } from '../what-if/whatIfContext.ts'
import { WhatIfMode } from '../what-if/whatIfMode.ts'
import { WhatIfOverlay } from '../what-if/WhatIfOverlay.tsx'
import { WhatIfPanel } from '../what-if/WhatIfPanel.tsx'
import { BoardSharePanel } from './BoardSharePanel.tsx'
import { registerContentPolicy } from '../board/content/contentPolicy.ts'
import { routeEditorHistory } from '../board/history/routeEditorHistory.ts'
import { UserUndo } from '../board/history/userUndo.ts'
import { NoticeToasts } from '../board/notices/NoticeToasts.tsx'
import type { BoardSession } from '../board/sync/boardSession.ts'
import { BoardBanners } from './BoardBanners.tsx'
import { BoardBar, BoardBarContext } from './boardBar.tsx'
import { BoardContext, type BoardContextValue } from '../board/boardContext.ts'
import { BoardTopPanel } from './BoardTopPanel.tsx'
import { letTabLeaveTldrawUi } from './canvasKeyboard.ts'
import { exposeForTests } from './exposeForTests.ts'
import { openFramed } from './openFramed.ts'
import { boardTldrawProps } from './tldrawSetup.ts'

/** In front of the canvas (not exported): the analysis badges, then the review's markers and point picker. */
function InFrontOfTheCanvas() {
  return (
    <>
      <AnalysisBadges />
      <ReviewOverlay />
    </>
  )
}

/** What is drawn on the canvas in page coordinates, over the shapes and left out of exports. */
function OnTheCanvas() {
  return (
    <>
      <ConnectionLabels />
      <WhatIfOverlay />
    </>
  )
}

const components: TLComponents = {
  TopPanel: BoardBanners,
  // The people, Review, Share and the board menu live in the board's own top bar (boardBar.tsx).
  SharePanel: null,
  InFrontOfTheCanvas,
  OnTheCanvas,
  CollaboratorCursor: SpotlightCursor,
}
const noVideo: string[] = []

export function BoardEditor({ session, title, classSession }: { session: BoardSession; title: string; classSession: BoardContextValue['classSession'] }) {
  const context = useMemo(() => ({ session, title, classSession }), [session, title, classSession])
  const [editor, setEditor] = useState<Editor | null>(null)
  // The live board's editor only: `editor` is a frozen version's while one is shown.
  const [liveEditor, setLiveEditor] = useState<Editor | null>(null)
  const analysis = useBoardAnalysis(liveEditor)
  const [libraryDrop] = useState(createLibraryDrop)
  const options = useMemo(() => ({ experimental__onDropOnCanvas: libraryDrop.onDropOnCanvas }), [libraryDrop])
  const [barStart, setBarStart] = useState<HTMLElement | null>(null)
  const [barEnd, setBarEnd] = useState<HTMLElement | null>(null)
  const bar = useMemo(() => ({ start: barStart, end: barEnd }), [barStart, barEnd])
  const review = useReviewSession(session)
  const { controls } = boardControls.of(session)
  const whatIf = useOwned(
    () => new WhatIfMode(session.doc, boardControls.of(session)),
    (mode) => mode.destroy(),
    [session],
  )
  // A version submitted for review is shown in place of the live board, which keeps syncing.
  const viewing = useValue('viewed version', () => review?.viewing.get() ?? null, [review])
  // Presenting, or watching someone present, gives the canvas the whole window.
  const isPresenting = useValue('presenting', () => presenting.get() || watchingPresentation.get(), [])
  const onMount = (editor: Editor) => {
    setEditor(editor)
    setLiveEditor(editor)
    const detachDrop = libraryDrop.attach(editor)
    registerContentPolicy(editor)
    registerMermaidPaste(editor)
    const rememberCamera = openFramed(editor, session.options.boardId)
    const unframe = keepNewFramesBehind(editor)
    const userUndo = new UserUndo(session.doc, session.binding)
    const unroute = routeEditorHistory(editor, userUndo)
    const unexpose = exposeForTests({ editor, doc: session.doc, provider: session.provider, loadMermaid })
    return () => {
      rememberCamera()
      detachDrop()
      setEditor(null)
      setLiveEditor(null)
      unexpose()
      unframe()
      unroute()
      userUndo.destroy()
    }
  }
  return (
    <BoardContext.Provider value={context}>
      <ReviewContext.Provider value={review}>
        <CommentSourceContext.Provider value={review}>
        <AnalysisContext.Provider value={analysis}>
        <WhatIfContext.Provider value={whatIf}>
        <BoardBarContext.Provider value={bar}>
        <div className={`board${isPresenting ? ' board--presenting' : ''}`}>
          {editor && !isPresenting && <InspectorSkipLink editor={editor} />}
          <div className="board__bar board__bar--start" ref={setBarStart} />
          <div className="board__main">
          {editor && !isPresenting && <LibraryForEditors editor={editor} />}
          <div className="board__canvas" onKeyDownCapture={letTabLeaveTldrawUi}>
            {viewing ? (
              <VersionCanvas key={viewing} versionId={viewing} onEditor={setEditor} tldrawProps={boardTldrawProps}>
                <BoardBar start={<VersionBanner />} end={<BoardSharePanel />} />
                <DesignPanel />
              </VersionCanvas>
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
                <BoardBar start={<BoardTopPanel />} end={<BoardSharePanel />} />
                <NoticeToasts notices={session.notices} />
                <FollowInstructor controls={controls} />
                <Presentation session={session} />
                <PresentationWatch controls={controls} />
                <ReviewPanel />
                {/* data-covers-canvas-left: zooming to shapes keeps them beside these panels (board/camera/zoomBesideCovers.ts). */}
                <div className="canvas-panels-left" data-covers-canvas-left="">
                  <DesignPanel />
                  <AnalysisPanel />
                  <WhatIfPanel />
                </div>
              </Tldraw>
            )}
          </div>
          {editor && !isPresenting && <InspectorPanel editor={editor} />}
          </div>
          <div className="board__bar board__bar--end" ref={setBarEnd} />
        </div>
        </BoardBarContext.Provider>
        </WhatIfContext.Provider>
        </AnalysisContext.Provider>
        </CommentSourceContext.Provider>
      </ReviewContext.Provider>
    </BoardContext.Provider>
  )
}

/** The library is an editing tool: reviewers and viewers, whose board is read-only, do not get it. */
function LibraryForEditors({ editor }: { editor: Editor }) {
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  return readonly ? null : <LibraryPanel editor={editor} />
}
