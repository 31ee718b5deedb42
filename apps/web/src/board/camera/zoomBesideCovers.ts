import { clamp, Vec, type BoxLike, type Editor, type TLCameraMoveOptions } from 'tldraw'

/**
 * Marks an element inside the editor's container whose children float over the canvas's left
 * edge (the left panel column): shapes brought into view land beside them, not under them.
 */
const COVERS_CANVAS_LEFT = 'data-covers-canvas-left'

/** Below this much uncovered width, covers are ignored: a narrow window has no room beside them. */
const MIN_VISIBLE_WIDTH = 240

/** How far (screen px from the canvas's left edge) the marked covers' children reach; 0 with none shown. */
export function coveredLeftWidth(editor: Editor): number {
  const canvasLeft = editor.getViewportScreenBounds().x
  let right = canvasLeft
  for (const cover of editor.getContainer().querySelectorAll(`[${COVERS_CANVAS_LEFT}]`)) {
    for (const child of cover.children) {
      const rect = child.getBoundingClientRect()
      if (rect.width > 0 && rect.height > 0) right = Math.max(right, rect.right)
    }
  }
  return right - canvasLeft
}

/**
 * `editor.zoomToBounds` (same inset, zoom limits and `targetZoom`) into the part of the canvas
 * that no cover hides: with the analysis panel open at 1024 px, a finding's shapes would otherwise
 * be centred under it.
 */
export function zoomToBoundsBesideCovers(editor: Editor, bounds: BoxLike, opts: { targetZoom?: number } & TLCameraMoveOptions = {}): void {
  const cameraOptions = editor.getCameraOptions()
  if (cameraOptions.isLocked && !opts.force) return
  const { width, height } = editor.getViewportScreenBounds()
  const measured = coveredLeftWidth(editor)
  const covered = width - measured >= MIN_VISIBLE_WIDTH ? measured : 0
  const visibleWidth = width - covered
  const inset = Math.min(editor.options.zoomToFitPadding, visibleWidth * 0.28)
  const baseZoom = editor.getBaseZoom()
  const fit = Math.min((visibleWidth - inset) / bounds.w, (height - inset) / bounds.h)
  let zoom = clamp(fit, cameraOptions.zoomSteps[0]! * baseZoom, cameraOptions.zoomSteps.at(-1)! * baseZoom)
  if (opts.targetZoom !== undefined) zoom = Math.min(opts.targetZoom, zoom)
  const x = -bounds.x + (covered + (visibleWidth - bounds.w * zoom) / 2) / zoom
  const y = -bounds.y + (height - bounds.h * zoom) / 2 / zoom
  editor.setCamera(new Vec(x, y, zoom), opts)
}
