import type { VersionResponse } from '@concord/shared'
import { useCallback, useState, type ReactNode } from 'react'
import { Tldraw, type Editor, type TLComponents } from 'tldraw'
import { boardTldrawProps } from '../board-page/tldrawSetup.ts'
import { InspectorPanel } from '../inspector/InspectorPanel.tsx'
import { CommentSourceContext } from '../review/reviewContext.ts'
import { ReviewOverlay } from '../review/ReviewOverlay.tsx'
import type { CommentSource } from '../review/reviewSource.ts'
import { useVersionStore } from '../review/useVersionStore.ts'
import { versionStore } from '../review/versionStore.ts'
import { ConnectionLabels } from '../shapes/ConnectionLabels.tsx'
import { roundAssetStore } from './roundAssetStore.ts'

/** Room the review panel takes on the canvas's right (its width and margins). */
const PANEL_ROOM = 400
const MARGIN = 24

/** The whole design in view left of the review panel, never magnified: a reviewer starts from the overview. */
function fitBesidePanel(editor: Editor): void {
  const bounds = editor.getCurrentPageBounds()
  const { w, h } = editor.getViewportScreenBounds()
  if (!bounds) return
  const room = w - PANEL_ROOM > w / 2 ? w - PANEL_ROOM : w
  const z = Math.min(1, (room - 2 * MARGIN) / bounds.w, (h - 2 * MARGIN) / bounds.h)
  editor.setCamera({ x: MARGIN / z - bounds.minX, y: (h / z - bounds.h) / 2 - bounds.minY, z })
}

const components: TLComponents = { TopPanel: null, SharePanel: null, InFrontOfTheCanvas: ReviewOverlay, OnTheCanvas: ConnectionLabels }

/**
 * A student's page on a frozen design (an assigned version, or a round's calibration example),
 * fetched by `fetchVersion` (memoised by the caller) with the student's token: a bar with the way back and what the page is about, the
 * design read-only with the comment markers of `comments` (if any), the inspector showing the
 * frozen properties, and the page's own panel (`children`, inside the canvas).
 */
export function FrozenDesignPage({
  fetchVersion,
  backHref,
  bar,
  comments,
  children,
}: {
  fetchVersion: () => Promise<VersionResponse>
  backHref: string
  bar: ReactNode
  comments: CommentSource | null
  children: ReactNode
}) {
  const load = useCallback(async () => versionStore(await fetchVersion(), roundAssetStore), [fetchVersion])
  const loaded = useVersionStore(load)
  const [editor, setEditor] = useState<Editor | null>(null)

  return (
    <CommentSourceContext.Provider value={comments}>
      <div className="board frozen-design">
        <div className="board__bar frozen-design__bar">
          <a className="button button--quiet button--small" href={backHref} data-testid="frozen-back">
            ← Your page
          </a>
          {bar}
        </div>
        <div className="board__main">
          <div className="board__canvas">
            {loaded.kind === 'ready' ? (
              <Tldraw
                store={loaded.store}
                {...boardTldrawProps}
                components={components}
                onMount={(mounted) => {
                  // After the first layout, when the viewport has its size.
                  requestAnimationFrame(() => fitBesidePanel(mounted))
                  setEditor(mounted)
                  return () => setEditor(null)
                }}
              >
                {children}
              </Tldraw>
            ) : (
              <main className="board-loading" aria-busy={loaded.kind === 'loading'}>
                <p className="board-loading__status" role={loaded.kind === 'failed' ? 'alert' : undefined}>
                  {loaded.kind === 'loading' ? 'Opening the design…' : `This design cannot be shown: ${loaded.message}`}
                </p>
              </main>
            )}
          </div>
          {editor && <InspectorPanel editor={editor} />}
        </div>
      </div>
    </CommentSourceContext.Provider>
  )
}
