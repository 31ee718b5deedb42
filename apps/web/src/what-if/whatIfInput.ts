import { useEffect } from 'react'
import type { Editor, TLEventInfo, TLShapeId, VecLike } from 'tldraw'
import type { WhatIfMode } from './whatIfMode.ts'

/** A pointer that moved less than this between down and up (screen px) clicked rather than dragged. */
const CLICK_SLOP = 4

/** The component under the point, else the innermost failure domain around it, among those a what-if can fail. */
function failableAt(editor: Editor, point: VecLike, mode: WhatIfMode): string | null {
  const outcome = mode.outcome.get()
  if (!outcome) return null
  const components = new Set(outcome.components.map((choice) => choice.id))
  const domains = new Set(outcome.domains.map((choice) => choice.id))
  const hits = editor.getShapesAtPoint(point, { hitInside: true })
  const component = hits.find((shape) => components.has(shape.id))
  if (component) return component.id
  const area = (id: TLShapeId) => {
    const bounds = editor.getShapePageBounds(id)
    return bounds ? bounds.w * bounds.h : Infinity
  }
  const inner = hits.filter((shape) => domains.has(shape.id)).sort((a, b) => area(a.id) - area(b.id))[0]
  return inner?.id ?? null
}

/**
 * In what-if mode, a click on a component or a failure domain takes it down (or brings it back),
 * and Escape ends the what-if. Text being typed keeps its Escape.
 */
export function useWhatIfInput(editor: Editor, mode: WhatIfMode): void {
  useEffect(() => {
    let down: { x: number; y: number } | null = null
    const onEvent = (info: TLEventInfo) => {
      if (info.type !== 'pointer' || info.button !== 0) return
      if (info.name === 'pointer_down') down = { x: info.point.x, y: info.point.y }
      if (info.name !== 'pointer_up' || !down) return
      const clicked = Math.hypot(info.point.x - down.x, info.point.y - down.y) < CLICK_SLOP
      down = null
      if (!clicked || !mode.active.get() || mode.following.get()) return
      const id = failableAt(editor, editor.inputs.getCurrentPagePoint(), mode)
      if (id) mode.toggle(id)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !(mode.active.get() || mode.sharedByMe.get())) return
      const target = event.target as HTMLElement | null
      if (target?.isContentEditable || target?.tagName === 'TEXTAREA' || (target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')) return
      mode.end()
    }
    editor.on('event', onEvent)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      editor.off('event', onEvent)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [editor, mode])
}
