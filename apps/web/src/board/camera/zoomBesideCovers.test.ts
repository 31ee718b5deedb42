import { Box, type Editor } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { createHeadlessEditor, createTestStore } from '../../test/headlessEditor.ts'
import { zoomToBoundsBesideCovers } from './zoomBesideCovers.ts'

/** A left panel column in the editor's container, its one panel reaching `right` px (0: none open). */
function coverLeft(container: HTMLElement, right: number): void {
  const column = document.createElement('div')
  column.setAttribute('data-covers-canvas-left', '')
  if (right > 0) {
    const panel = document.createElement('aside')
    panel.getBoundingClientRect = () => new DOMRect(8, 52, right - 8, 500)
    column.appendChild(panel)
  }
  container.appendChild(column)
}

/** A 1080 × 720 canvas. */
function canvas(): Editor {
  const editor = createHeadlessEditor(createTestStore())
  editor.updateViewportScreenBounds(new Box(0, 0, 1080, 720))
  return editor
}

/** Where `bounds` lands on the screen after the zoom, with a panel reaching `cover` px. */
function onScreen(bounds: Box, cover: number): Box {
  const editor = canvas()
  coverLeft(editor.getContainer(), cover)
  zoomToBoundsBesideCovers(editor, bounds, { targetZoom: 1, immediate: true })
  const topLeft = editor.pageToScreen(bounds.point)
  const zoom = editor.getZoomLevel()
  return new Box(topLeft.x, topLeft.y, bounds.w * zoom, bounds.h * zoom)
}

describe('zooming to bounds beside the left panels', () => {
  const bounds = new Box(5000, 3000, 400, 200)

  it('lands where tldraw’s zoomToBounds does with no panel open', () => {
    const tldraws = canvas()
    tldraws.zoomToBounds(bounds, { targetZoom: 1, immediate: true })
    const ours = canvas()
    coverLeft(ours.getContainer(), 0)
    zoomToBoundsBesideCovers(ours, bounds, { targetZoom: 1, immediate: true })
    expect(ours.getCamera()).toEqual(tldraws.getCamera())
  })

  it('centres the bounds in the part of the canvas right of an open panel', () => {
    const box = onScreen(bounds, 408)
    expect(box.x).toBeGreaterThanOrEqual(408)
    expect(box.midX).toBeCloseTo(408 + (1080 - 408) / 2)
    expect(box.maxX).toBeLessThanOrEqual(1080)
  })

  it('zooms out when the bounds are wider than the canvas beside the panel', () => {
    const wide = new Box(0, 0, 1000, 100)
    const box = onScreen(wide, 408)
    expect(box.x).toBeGreaterThanOrEqual(408)
    expect(box.maxX).toBeLessThanOrEqual(1080)
  })

  it('ignores a panel that leaves too little room beside it', () => {
    const box = onScreen(bounds, 1000)
    expect(box.midX).toBeCloseTo(1080 / 2)
  })
})
