import type { ReviewThread } from '@concord/shared'
import { useEditor, useValue } from 'tldraw'
import { anchorPagePoint } from './anchors.ts'
import { useCommentSource } from './reviewContext.ts'

interface Marker {
  key: string
  x: number
  y: number
  threads: ReviewThread[]
  open: number
}

/** Where a thread's marker goes: one marker per component (all its threads), one per point. */
function markerKey(thread: ReviewThread): string {
  const { anchor } = thread
  return anchor.kind === 'point' ? `point:${anchor.x}:${anchor.y}` : `shape:${anchor.shapeId}`
}

/**
 * Comment markers over the canvas (tldraw's in-front slot, so shapes never hide them): a bubble
 * with the number of open threads at each commented component or point of the current page.
 * Clicking one opens its first thread in the review panel.
 */
export function CommentMarkers() {
  const editor = useEditor()
  const review = useCommentSource()
  const markers = useValue(
    'comment markers',
    () => {
      if (!review) return []
      const pageId = editor.getCurrentPageId()
      editor.getCamera()
      const byKey = new Map<string, Marker>()
      for (const thread of review.threads.get()) {
        const at = anchorPagePoint(editor, thread.anchor)
        if (!at || at.pageId !== pageId) continue
        const key = markerKey(thread)
        const screen = editor.pageToViewport(at.point)
        const marker = byKey.get(key) ?? { key, x: screen.x, y: screen.y, threads: [], open: 0 }
        marker.threads.push(thread)
        if (thread.status === 'open') marker.open++
        byKey.set(key, marker)
      }
      return [...byKey.values()]
    },
    [editor, review],
  )
  if (!review) return null
  return (
    <div className="comment-markers">
      {markers.map((marker) => {
        const first = marker.threads.find((thread) => thread.status === 'open') ?? marker.threads[0]
        const label = marker.open > 0 ? `${marker.open} open comment ${marker.open === 1 ? 'thread' : 'threads'}` : 'Resolved comments'
        return (
          <button
            key={marker.key}
            type="button"
            className={`comment-marker${marker.open === 0 ? ' comment-marker--resolved' : ''}`}
            style={{ left: marker.x, top: marker.y }}
            data-testid="comment-marker"
            data-count={marker.open}
            aria-label={label}
            title={label}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => review.openThread(first?.id ?? null)}
          >
            {marker.open > 0 ? marker.open : '✓'}
          </button>
        )
      })}
    </div>
  )
}
