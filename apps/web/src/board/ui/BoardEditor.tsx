import { ACCEPTED_ASSET_TYPES, MAX_ASSET_BYTES } from '@concord/shared'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useMemo } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { tldrawUser } from '../../identity/currentUser.ts'
import { registerContentPolicy, shapeUtilsWithoutEmbeds, withoutEmbedActions } from '../content/contentPolicy.ts'
import { ReviewContext } from '../../review/reviewContext.ts'
import { ReviewOverlay } from '../../review/ReviewOverlay.tsx'
import { ReviewPanel } from '../../review/ReviewPanel.tsx'
import { useReviewSession } from '../../review/useReviewSession.ts'
import { VersionCanvas } from '../../review/VersionCanvas.tsx'
import { BoardSharePanel } from '../../share/BoardSharePanel.tsx'
import { NoticeToasts } from '../notices/NoticeToasts.tsx'
import type { BoardSession } from '../sync/boardSession.ts'
import { BoardContext } from './boardContext.ts'
import { BoardTopPanel } from './BoardTopPanel.tsx'
import { exposeForTests } from './exposeForTests.ts'

// Fonts, icons and translations are served by Concord itself (and precached), never by tldraw's CDN.
const assetUrls = getAssetUrlsByImport()
const components: TLComponents = { TopPanel: BoardTopPanel, SharePanel: BoardSharePanel, InFrontOfTheCanvas: ReviewOverlay }
const noVideo: string[] = []

export function BoardEditor({ session, title }: { session: BoardSession; title: string }) {
  const context = useMemo(() => ({ session, title }), [session, title])
  const review = useReviewSession(session)
  // A version submitted for review is shown in place of the live board, which keeps syncing.
  const viewing = useValue('viewed version', () => review?.viewing.get() ?? null, [review])
  const onMount = (editor: Editor) => {
    registerContentPolicy(editor)
    return exposeForTests({ editor, doc: session.doc, provider: session.provider })
  }
  return (
    <BoardContext.Provider value={context}>
      <ReviewContext.Provider value={review}>
        <div className="board">
          {viewing ? (
            <VersionCanvas key={viewing} versionId={viewing} />
          ) : (
            <Tldraw
              store={session.store}
              user={tldrawUser}
              assetUrls={assetUrls}
              colorScheme="system"
              shapeUtils={shapeUtilsWithoutEmbeds}
              overrides={withoutEmbedActions}
              components={components}
              maxAssetSize={MAX_ASSET_BYTES}
              acceptedImageMimeTypes={ACCEPTED_ASSET_TYPES}
              acceptedVideoMimeTypes={noVideo}
              onMount={onMount}
            >
              <NoticeToasts notices={session.notices} />
              <ReviewPanel />
            </Tldraw>
          )}
        </div>
      </ReviewContext.Provider>
    </BoardContext.Provider>
  )
}
